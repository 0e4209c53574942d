import { graphql } from '../graphql';

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unreadCount
    }
  }
`);

/** The queries to refetch after marking: the bell's count and the list. */
export const NOTIFICATION_TYPENAMES = { additionalTypenames: ['NotificationConnection', 'Notification'] };
