import { graphql } from '../graphql';

/** The bell's count. */
export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, first: 1) {
      totalCount
    }
  }
`);

/** The viewer's notifications, newest first. */
export const NotificationsQuery = graphql(`
  query Notifications {
    notifications(first: 50) {
      totalCount
      nodes {
        id
        kind
        message
        link
        createdAt
        read
      }
    }
  }
`);

/** New notifications as they happen, over /graphql/ws. */
export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      message
      link
      createdAt
      read
    }
  }
`);
