import { graphql } from '../graphql';

/** What anyone may see of a community (its inside is read by the queries below, members only). */
export const CommunitySummaryFields = graphql(`
  fragment CommunitySummaryFields on Community {
    id
    name
    stage
    funded
    origin
    membershipMode
    listed
    viewerRole
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

/** The directory: listed communities (and, signed in, your own), by name. */
export const CommunitiesQuery = graphql(`
  query Communities($search: String, $domainId: ID, $first: Int, $after: String) {
    communities(search: $search, domainId: $domainId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CommunitySummaryFields
      }
    }
  }
`);

/** Accepted domains: the directory's filter and the domain of a new community. */
export const CommunityDomainsQuery = graphql(`
  query CommunityDomains {
    domains(first: 100, status: ACCEPTED) {
      nodes {
        id
        name
        description
      }
    }
  }
`);

/** A community's home: the public part, with the agreed domain definition. */
export const CommunityQuery = graphql(`
  query Community($id: ID!) {
    community(id: $id) {
      ...CommunitySummaryFields
      createdAt
      viewerCan {
        seeInside
        steer
        invite
        agreeDefinition
        changeRoles
        planMeetings
        manageFunctions
        postChallenges
        assignCoach
      }
      coach {
        id
        name
      }
      domainDefinition {
        id
        version
        text
        agreedAt
        agreedBy {
          id
          name
        }
        proposedBy {
          id
          name
        }
      }
    }
  }
`);

/** Members only: who belongs, and the start-up steps. */
export const CommunityInsideQuery = graphql(`
  query CommunityInside($id: ID!) {
    community(id: $id) {
      id
      members {
        person {
          id
          name
        }
        role
        joinedAt
      }
      startupSteps {
        step
        owner
        done
        notes
        updatedAt
      }
    }
  }
`);

/** Members only: every version of the domain definition, newest first. */
export const DomainDefinitionVersionsQuery = graphql(`
  query DomainDefinitionVersions($id: ID!) {
    community(id: $id) {
      id
      domainDefinitionVersions {
        id
        version
        text
        agreed
        agreedAt
        agreedBy {
          id
          name
        }
        proposedBy {
          id
          name
        }
        proposedAt
      }
    }
  }
`);

/** Conveners and the core group: invitations sent. */
export const CommunityInvitationsQuery = graphql(`
  query CommunityInvitations($id: ID!) {
    community(id: $id) {
      id
      invitations {
        id
        email
        state
        sentAt
        remindedAt
        invitedBy {
          id
          name
        }
      }
    }
  }
`);

/** Conveners and the core group: requests to join. */
export const JoinRequestsQuery = graphql(`
  query JoinRequests($id: ID!) {
    community(id: $id) {
      id
      joinRequests {
        id
        note
        status
        reason
        createdAt
        person {
          id
          name
        }
      }
    }
  }
`);

/** An invitation, read with the token from its link (no sign-in needed). */
export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      id
      state
      email
      message
      sentAt
      invitedBy {
        id
        name
      }
      community {
        id
        name
        membershipMode
        listed
        domain {
          id
          name
        }
      }
    }
  }
`);

/** The programme team: people who hold the COACH role, to give a community its coach. */
export const CoachesQuery = graphql(`
  query Coaches {
    people(first: 100) {
      nodes {
        id
        name
        roles
        profession
        organisation {
          id
          name
        }
      }
    }
  }
`);

/** The communities the signed-in person belongs to, with their role in each. */
export const MyCommunitiesQuery = graphql(`
  query MyCommunities {
    viewer {
      id
      communities {
        role
        joinedAt
        community {
          id
          name
          stage
        }
      }
    }
  }
`);
