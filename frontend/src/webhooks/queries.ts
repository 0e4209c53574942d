import { graphql } from '../graphql';

/** The programme team: partner systems' webhook subscriptions. */
export const WebhookSubscriptionsQuery = graphql(`
  query WebhookSubscriptions {
    webhookSubscriptions(first: 100) {
      totalCount
      nodes {
        id
        url
        events
        active
        disabledReason
        createdAt
      }
    }
  }
`);

/** One subscription with its delivery log, newest first. */
export const WebhookSubscriptionQuery = graphql(`
  query WebhookSubscription($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on WebhookSubscription {
        url
        events
        active
        disabledReason
        createdAt
        deliveries(first: 50) {
          totalCount
          nodes {
            id
            event
            state
            statusCode
            attempts
            createdAt
            deliveredAt
            lastError
          }
        }
      }
    }
  }
`);
