import { graphql } from '../graphql';

/** One period of a function, with who held it. */
export const FunctionFields = graphql(`
  fragment FunctionFields on CommunityFunction {
    id
    function
    customName
    name
    from
    until
    current
    holder {
      id
      name
    }
  }
`);

/** Members only: the member map and the reach of the map beside the membership's. */
export const MemberMapQuery = graphql(`
  query MemberMap($id: ID!) {
    community(id: $id) {
      id
      memberMap {
        entries {
          id
          name
          email
          organisation {
            id
            name
          }
          organisationName
          profession
          sector
          tags
          updatedAt
        }
        reach {
          organisations
          professions
          sectors
        }
        membershipReach {
          organisations
          professions
          sectors
        }
      }
    }
  }
`);

/** Members only: who holds which function now, each with its history, and the members to choose from. */
export const CommunityFunctionsQuery = graphql(`
  query CommunityFunctions($id: ID!) {
    community(id: $id) {
      id
      functions {
        ...FunctionFields
        history {
          ...FunctionFields
        }
      }
      members {
        role
        person {
          id
          name
        }
      }
    }
  }
`);

/** Members only: the working plan. */
export const WorkingPlanQuery = graphql(`
  query WorkingPlan($id: ID!) {
    community(id: $id) {
      id
      workingPlan {
        nextMeeting {
          ...MeetingFields
        }
        functions {
          ...FunctionFields
        }
        needs {
          id
          kind
          what
          fromWhom
          byWhen
          completed
          completedAt
          createdAt
        }
      }
    }
  }
`);

/** What a support request shows, with its history. */
export const SupportRequestFields = graphql(`
  fragment SupportRequestFields on SupportRequest {
    id
    kind
    details
    status
    createdAt
    updatedAt
    requestedBy {
      id
      name
    }
    assignee {
      id
      name
    }
    community {
      id
      name
    }
    history {
      at
      status
      note
      author {
        id
        name
      }
      assignee {
        id
        name
      }
    }
  }
`);

/** The community's requests for support (conveners and core group, the programme team, an assigned coach). */
export const SupportRequestsQuery = graphql(`
  query SupportRequests($id: ID!) {
    community(id: $id) {
      id
      supportRequests {
        ...SupportRequestFields
      }
    }
  }
`);

/** Coaches and the programme team: requests to work on, oldest first. */
export const SupportQueueQuery = graphql(`
  query SupportQueue($status: SupportRequestStatus) {
    supportQueue(first: 100, status: $status) {
      totalCount
      nodes {
        ...SupportRequestFields
      }
    }
  }
`);

/** What the board shows of a post and its replies. */
export const ChallengeFields = graphql(`
  fragment ChallengeFields on Challenge {
    id
    title
    body
    anonymous
    viewerIsAuthor
    createdAt
    author {
      id
      name
    }
    replies {
      id
      body
      anonymous
      viewerIsAuthor
      createdAt
      author {
        id
        name
      }
    }
  }
`);

/** Members only: the challenges board, newest first. */
export const ChallengesQuery = graphql(`
  query Challenges($id: ID!) {
    community(id: $id) {
      id
      challenges(first: 100) {
        totalCount
        nodes {
          ...ChallengeFields
        }
      }
    }
  }
`);

/** One challenge, by its global ID, with its replies. */
export const ChallengeQuery = graphql(`
  query Challenge($id: ID!) {
    node(id: $id) {
      __typename
      ... on Challenge {
        ...ChallengeFields
        community {
          id
        }
      }
    }
  }
`);
