import { graphql } from '../graphql';

export const AdminCallsQuery = graphql(`
  query AdminCalls {
    calls(first: 100) {
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
  query AdminCall($id: ID!) {
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
      applications(first: 100) {
        totalCount
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
  query AdminDomains {
    domains(first: 100) {
      totalCount
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
  query AdminOrganisations($search: String) {
    organisations(first: 100, search: $search) {
      totalCount
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
  query AdminPeople($search: String) {
    people(first: 100, search: $search) {
      totalCount
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
