import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { NotificationAddedSubscription, NotificationsQuery } from '../queries';
import { MarkNotificationsReadMutation, NOTIFICATION_TYPENAMES } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { Button, Tag } from '../../ui/fields';
import { formatDateTime, plural } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import '../components/bell.css';

/** Only a path on this site. */
function internal(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') ? link : '/';
}

/** /notifications: the viewer's notifications, newest first; opening one marks it read. */
export function NotificationsView() {
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: NotificationsQuery, requestPolicy: 'cache-and-network' });
  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  const mark = useFormMutation(MarkNotificationsReadMutation);
  const { problems } = mark;
  const [flash, setFlash] = useState<string | null>(null);
  usePageTitle('Notifications', problems.length > 0);

  const latestId = added?.notificationAdded.id;
  useEffect(() => {
    if (latestId) refetch({ requestPolicy: 'network-only' });
  }, [latestId, refetch]);

  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorSummary problems={problemsFrom(error)} />;
  const notifications = data.notifications.nodes;
  const unread = notifications.filter((n) => !n.read);

  const markAll = async (e: FormEvent) => {
    e.preventDefault();
    setFlash(null);
    const r = await mark.submit({ input: { ids: unread.map((n) => n.id) } }, NOTIFICATION_TYPENAMES);
    if (!r) return;
    setFlash(`${plural(r.markNotificationsRead.marked, 'notification')} marked as read`);
  };

  const open = async (e: MouseEvent<HTMLAnchorElement>, id: string, read: boolean, link: string) => {
    e.preventDefault();
    if (!read) {
      const r = await mark.submit({ input: { ids: [id] } }, NOTIFICATION_TYPENAMES);
      if (!r) return;
    }
    navigate(internal(link));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        {flash && <NotificationBanner success heading={flash} />}
        <h1 className="nhsuk-heading-l">Notifications</h1>
        {notifications.length === 0 ? (
          <p className="nhsuk-body">You have no notifications yet.</p>
        ) : (
          <>
            <p className="nhsuk-body">
              {unread.length === 0 ? 'You have read them all.' : `${plural(unread.length, 'notification')} unread.`}
            </p>
            {unread.length > 0 && (
              <form onSubmit={markAll} noValidate>
                <Button variant="secondary" disabled={mark.fetching}>
                  Mark all as read
                </Button>
              </form>
            )}
            <ul className="nhsuk-list" id="notifications">
              {notifications.map((n) => (
                <li
                  key={n.id}
                  className={`convene-notifications__item${n.read ? '' : ' convene-notifications__item--unread'}`}
                >
                  {!n.read && <Tag colour="blue">Unread</Tag>}
                  <p className="nhsuk-body nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-1">
                    <Link to={internal(n.link)} onClick={(e) => void open(e, n.id, n.read, n.link)}>
                      {n.read ? n.message : <strong>{n.message}</strong>}
                    </Link>
                  </p>
                  <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">{formatDateTime(n.createdAt)}</p>
                </li>
              ))}
            </ul>
            {data.notifications.totalCount > notifications.length && (
              <p className="nhsuk-body-s">Showing the latest {notifications.length}.</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
