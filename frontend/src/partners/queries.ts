import { graphql } from '../graphql';

/** The programme team: partner systems' service clients, newest first. */
export const ServiceClientsQuery = graphql(`
  query ServiceClients {
    serviceClients(first: 100) {
      totalCount
      nodes {
        id
        name
        clientId
        scopes
        createdAt
        lastTokenAt
        revokedAt
        organisation {
          id
          name
        }
      }
    }
  }
`);
