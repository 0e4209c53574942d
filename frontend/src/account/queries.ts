import { graphql } from '../graphql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      emailVerified
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

/** The sign-in services offered beside the password (none unless single sign-on is set up). */
export const AuthProvidersQuery = graphql(`
  query AuthProviders {
    authProviders {
      id
      label
      startUrl
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

/** A move between organisations (the account page, and the programme team's people page). */
export const OrganisationChangeFields = graphql(`
  fragment OrganisationChangeFields on OrganisationChange {
    from {
      id
      name
    }
    to {
      id
      name
    }
    changedAt
  }
`);

/** The account page: the profile, where the person worked before, and their sessions. */
export const AccountQuery = graphql(`
  query Account {
    viewer {
      id
      name
      email
      emailVerified
      profession
      organisation {
        id
        name
      }
      organisationHistory {
        ...OrganisationChangeFields
      }
      sessions {
        id
        createdAt
        lastUsedAt
        userAgent
        current
      }
    }
  }
`);
