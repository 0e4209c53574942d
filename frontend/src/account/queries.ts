import { graphql } from '../graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      roles
      organisation {
        id
        name
        sector
        nhsMember
      }
    }
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations($search: String) {
    organisations(first: 100, search: $search) {
      totalCount
      nodes {
        id
        name
        sector
        nhsMember
      }
    }
  }
`);
