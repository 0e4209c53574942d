import { graphql } from '../graphql';

/** A practice in a list: the community's practices page and its home. */
export const PracticeSummaryFields = graphql(`
  fragment PracticeSummaryFields on Practice {
    id
    name
    description
    tags
    status
    promising {
      visibility
    }
  }
`);

/** A sharing protocol: its prompts in order, with minutes. */
export const ProtocolFields = graphql(`
  fragment ProtocolFields on SharingProtocol {
    id
    name
    network
    totalMinutes
    updatedAt
    prompts {
      prompt
      minutes
    }
    adoptedFrom {
      id
      name
    }
  }
`);

/** What made a practice promising. */
export const PromisingFields = graphql(`
  fragment PromisingFields on PromisingDetails {
    evidence
    outcomes
    visibility
    markedAt
    markedBy {
      id
      name
    }
    organisations {
      id
      name
    }
  }
`);

/** An exchange, with its inquiry threads. */
export const ExchangeFields = graphql(`
  fragment ExchangeFields on Exchange {
    id
    anonymous
    visibility
    viewerIsAuthor
    createdAt
    updatedAt
    author {
      id
      name
    }
    technical
    cultural
    challenges
    barriersOvercome
    missing
    helpNeeded
    meetingId
    meeting {
      id
      startsAt
    }
    protocol {
      id
      name
    }
    inquiries {
      id
      question
      askedAt
      askedBy {
        id
        name
      }
      answers {
        id
        answer
        answeredAt
        byExchangeAuthor
        author {
          id
          name
        }
      }
    }
  }
`);

/** A community's practices: being explored first, then proposed, then explored. */
export const CommunityPracticesQuery = graphql(`
  query CommunityPractices($id: ID!, $first: Int, $after: String) {
    community(id: $id) {
      id
      practices(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PracticeSummaryFields
        }
      }
    }
  }
`);

/** A practice's page: anyone who sees its community, and the library's readers once promising. */
export const PracticeQuery = graphql(`
  query Practice($id: ID!) {
    practice(id: $id) {
      id
      name
      description
      tags
      status
      createdAt
      domain {
        id
        name
      }
      proposedBy {
        id
        name
      }
      community {
        id
        name
        stage
        viewerRole
      }
      promising {
        ...PromisingFields
      }
      exchanges(first: 100) {
        totalCount
        nodes {
          ...ExchangeFields
        }
      }
    }
  }
`);

/** What the exchange form offers: protocols (the community's and the network's) and meetings. */
export const ShareExchangeFormQuery = graphql(`
  query ShareExchangeForm($id: ID!) {
    practice(id: $id) {
      id
      name
      status
      community {
        id
        name
        stage
        viewerRole
        sharingProtocols {
          ...ProtocolFields
        }
        held: meetings(upcoming: false, first: 20) {
          nodes {
            id
            status
            startsAt
          }
        }
        coming: meetings(upcoming: true, first: 5) {
          nodes {
            id
            status
            startsAt
          }
        }
      }
    }
    sharingProtocols(first: 100) {
      nodes {
        ...ProtocolFields
      }
    }
  }
`);

/** A community's own protocols and the network's samples it can adopt. */
export const CommunityProtocolsQuery = graphql(`
  query CommunityProtocols($id: ID!) {
    community(id: $id) {
      id
      sharingProtocols {
        ...ProtocolFields
      }
    }
    sharingProtocols(first: 100) {
      nodes {
        ...ProtocolFields
      }
    }
  }
`);

/** Organisations to choose where a promising practice is used (and the library's filter). */
export const PracticeOrganisationsQuery = graphql(`
  query PracticeOrganisations {
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** The library's filters: domains and organisations. */
export const LibraryFiltersQuery = graphql(`
  query LibraryFilters {
    domains(first: 100, status: ACCEPTED) {
      nodes {
        id
        name
      }
    }
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** The promising-practices library, ranked by the server. */
export const PromisingPracticesQuery = graphql(`
  query PromisingPractices(
    $search: String
    $domainId: ID
    $organisationId: ID
    $tag: String
    $first: Int
    $after: String
  ) {
    promisingPractices(
      search: $search
      domainId: $domainId
      organisationId: $organisationId
      tag: $tag
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        description
        tags
        domain {
          id
          name
        }
        promising {
          outcomes
          visibility
          organisations {
            id
            name
          }
        }
      }
    }
  }
`);
