import { graphql } from '../graphql';

export const ApplicationFields = graphql(`
  fragment ApplicationFields on Application {
    id
    status
    viewerIsLead
    viewerIsInvited
    submittedAt
    withdrawnAt
    updatedAt
    call {
      id
      title
      status
      closesAt
      decisionDueOn
      acceptingApplications
    }
    domain {
      id
      name
      status
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
    motivation
    domainSketch
    memberMap
    invitationDraft
    firstMeeting
    hopedForChange
    supportWanted
    answers {
      question {
        key
        title
        hint
        kind
        wordLimit
        choices
        required
      }
      value
    }
    coLeads {
      email
      state
      accepted
      person {
        id
        name
      }
      organisation {
        id
        name
      }
    }
  }
`);

export const ApplicationQuery = graphql(`
  query Application($id: ID!) {
    application(id: $id) {
      ...ApplicationFields
    }
  }
`);

export const AcceptedDomainsQuery = graphql(`
  query AcceptedDomains {
    domains(first: 100, status: ACCEPTED) {
      nodes {
        id
        name
        description
      }
    }
  }
`);

export const MyApplicationsQuery = graphql(`
  query MyApplications {
    viewer {
      id
      applications(first: 100) {
        totalCount
        nodes {
          id
          status
          outcome
          viewerIsLead
          updatedAt
          submittedAt
          community {
            id
            name
          }
          call {
            id
            title
            closesAt
            acceptingApplications
          }
          domain {
            id
            name
          }
          lead {
            id
            name
          }
        }
      }
      coLeadInvitations {
        id
        call {
          id
          title
        }
        domain {
          id
          name
        }
        lead {
          id
          name
        }
      }
    }
  }
`);

export const CoLeadInvitationQuery = graphql(`
  query CoLeadInvitation($id: ID!) {
    viewer {
      id
      coLeadInvitations {
        id
      }
    }
    application(id: $id) {
      ...ApplicationFields
    }
  }
`);

export const CommunityFields = graphql(`
  fragment CommunityFields on Community {
    id
    name
    funded
    origin
    stage
    membershipMode
    domain {
      id
      name
    }
    conveners {
      id
      name
    }
  }
`);

/** The outcome of a decided application and the community started from it, if any. */
export const ApplicationOutcomeQuery = graphql(`
  query ApplicationOutcome($id: ID!) {
    application(id: $id) {
      id
      status
      outcome
      viewerIsLead
      call {
        id
        title
        honorariumPence
      }
      domain {
        id
        name
      }
      community {
        ...CommunityFields
      }
    }
  }
`);
