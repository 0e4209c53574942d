import { graphql } from '../graphql';

/** What a list of meetings and a meeting's page show of a meeting. */
export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    status
    startsAt
    startsAtLocal
    endsAt
    durationMinutes
    timeZone
    mode
    location
    joiningDetails
    agenda
    calendarUrl
  }
`);

/** Members only: the community's coming and past meetings, its feed, and the viewer's feed token. */
export const CommunityMeetingsQuery = graphql(`
  query CommunityMeetings($id: ID!) {
    community(id: $id) {
      id
      calendarUrl
      upcoming: meetings(upcoming: true, first: 50) {
        totalCount
        nodes {
          ...MeetingFields
        }
      }
      past: meetings(upcoming: false, first: 50) {
        totalCount
        nodes {
          ...MeetingFields
        }
      }
    }
    viewer {
      id
      calendarFeedToken
    }
  }
`);

/** The next few meetings for the community's home page (members only). */
export const NextMeetingsQuery = graphql(`
  query NextMeetings($id: ID!) {
    community(id: $id) {
      id
      meetings(upcoming: true, first: 3) {
        totalCount
        nodes {
          ...MeetingFields
        }
      }
    }
  }
`);

/** One meeting, by its global ID, with its notes and who came, and the viewer's feed token. */
export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        ...MeetingFields
        notes
        sequence
        createdAt
        updatedAt
        createdBy {
          id
          name
        }
        attendees {
          id
          name
        }
        community {
          id
        }
        exchanges(first: 50) {
          totalCount
          nodes {
            id
            anonymous
            createdAt
            author {
              id
              name
            }
            practice {
              id
              name
            }
          }
        }
      }
    }
    viewer {
      id
      calendarFeedToken
    }
  }
`);

/** The community's members, to tick who came. */
export const MeetingMembersQuery = graphql(`
  query MeetingMembers($id: ID!) {
    community(id: $id) {
      id
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
