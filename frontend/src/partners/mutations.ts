import { graphql } from '../graphql';

export const CreateServiceClientMutation = graphql(`
  mutation CreateServiceClient($input: CreateServiceClientInput!) {
    createServiceClient(input: $input) {
      clientSecret
      client {
        id
        name
        clientId
        scopes
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const RevokeServiceClientMutation = graphql(`
  mutation RevokeServiceClient($input: RevokeServiceClientInput!) {
    revokeServiceClient(input: $input) {
      client {
        id
        revokedAt
      }
    }
  }
`);
