import { graphql } from '../graphql';

export const CreateWebhookSubscriptionMutation = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
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

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        id
        event
        state
      }
    }
  }
`);

export const DeleteWebhookSubscriptionMutation = graphql(`
  mutation DeleteWebhookSubscription($input: DeleteWebhookSubscriptionInput!) {
    deleteWebhookSubscription(input: $input) {
      deletedSubscriptionId
    }
  }
`);

/** Refetch the list and the delivery log after a change. */
export const WEBHOOK_TYPENAMES = { additionalTypenames: ['WebhookSubscription', 'WebhookDelivery', 'WebhookSubscriptionConnection'] };
