import { graphql } from '../graphql';

export const AdminCallsQuery = graphql(`
  query AdminCalls($first: Int, $after: String) {
    calls(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        opensAt
        closesAt
        decisionDueOn
        fundedPlaces
      }
    }
  }
`);

export const AdminCallQuery = graphql(`
  query AdminCall($id: ID!, $first: Int, $after: String) {
    call(id: $id) {
      id
      title
      description
      status
      opensAt
      closesAt
      decisionDueOn
      reviewsDueOn
      fundedPlaces
      honorariumPence
      budgetPence
      honorariumPolicy
      reviewersPerApplication
      rankBy
      criteria {
        id
        name
        weight
      }
      applications(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          submittedAt
          updatedAt
          domain {
            id
            name
          }
          lead {
            id
            name
          }
          leadOrganisation {
            id
            name
          }
          sponsor {
            id
            name
          }
          coLeads {
            state
          }
        }
      }
    }
  }
`);

export const AdminDomainsQuery = graphql(`
  query AdminDomains($first: Int, $after: String) {
    proposed: domains(status: PROPOSED, first: 0) {
      totalCount
    }
    domains(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        description
        status
        mergedInto {
          id
          name
        }
      }
    }
  }
`);

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations($search: String, $first: Int, $after: String) {
    organisations(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        sector
        nhsMember
        nhsMemberChangedOn
      }
    }
  }
`);

export const AdminPeopleQuery = graphql(`
  query AdminPeople($search: String, $first: Int, $after: String) {
    people(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        email
        profession
        roles
        organisation {
          id
          name
        }
      }
    }
  }
`);

/** One person's moves between organisations (asked for when the programme team opens them). */
export const PersonOrganisationHistoryQuery = graphql(`
  query PersonOrganisationHistory($id: ID!) {
    node(id: $id) {
      ... on Person {
        id
        organisationHistory {
          ...OrganisationChangeFields
        }
      }
    }
  }
`);
