import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { NotificationAddedSubscription, UnreadNotificationsQuery } from '../queries';
import './bell.css';

function BellIcon() {
  return (
    <svg className="convene-bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentcolor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell for a signed-in person: how many notifications are unread, kept live by
 * `notificationAdded`; each new one is announced politely ("New: …").
 */
export function NotificationBell() {
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationsQuery, requestPolicy: 'cache-and-network' });
  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  // New ones heard over the socket since the count was last read from the server.
  const [heard, setHeard] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Set<string>());

  useEffect(() => {
    setHeard([]);
  }, [data]);

  const latest = added?.notificationAdded;
  useEffect(() => {
    if (!latest || seen.current.has(latest.id)) return;
    seen.current.add(latest.id);
    if (!latest.read) setHeard((h) => (h.includes(latest.id) ? h : [...h, latest.id]));
    setAnnouncement(`New: ${latest.message}`);
    refetch({ requestPolicy: 'network-only' });
  }, [latest, refetch]);

  const count = (data?.notifications.totalCount ?? 0) + heard.length;
  return (
    <>
      <Link className="nhsuk-header__account-link convene-bell" to="/notifications" id="notification-bell">
        <BellIcon />
        Notifications
        {count > 0 && (
          <>
            {' '}
            <span className="convene-bell__count" id="unread-count">
              {count}{' '}
              <span className="nhsuk-u-visually-hidden">unread</span>
            </span>
          </>
        )}
      </Link>
      <span className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true" id="notification-live">
        {announcement}
      </span>
    </>
  );
}
