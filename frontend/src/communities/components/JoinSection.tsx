import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { JoinCommunityMutation } from '../mutations';
import type { CommunityHome } from './CommunityLoader';
import { useSession } from '../../account/SessionContext';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { useFormMutation } from '../../ui/useFormMutation';
import { joinCommunityUrl } from '../../urls';

/** For someone outside the community: join (OPEN), ask to join (ON_REQUEST) or "by invitation only". */
export function JoinSection({ community }: { community: CommunityHome }) {
  const { viewer } = useSession();
  const location = useLocation();
  const join = useFormMutation(JoinCommunityMutation);
  const { fetching } = join;
  // A button, not a form: the problem shows beside it, in words only.
  const error = join.problems.map((p) => p.message).join(' ') || null;
  const [joined, setJoined] = useState(false);
  const here = encodeURIComponent(location.pathname);

  if (joined) return <NotificationBanner success heading={`You have joined ${community.name}`} />;
  if (community.viewerRole) return null;
  if (community.stage === 'CLOSED') {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>This community has closed and is not taking new members.</p>
      </div>
    );
  }

  if (community.membershipMode === 'INVITATION') {
    return (
      <section aria-labelledby="join-heading">
        <h2 className="nhsuk-heading-m" id="join-heading">
          Joining
        </h2>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This community is by invitation only. If you would like to take part, get in touch with one of its
            conveners: {community.conveners.map((c) => c.name).join(', ')}.
          </p>
        </div>
      </section>
    );
  }

  const open = community.membershipMode === 'OPEN';
  const onJoin = async () => {
    join.clear();
    const r = await join.submit({ input: { communityId: community.id } });
    if (!r) return;
    setJoined(true);
  };

  return (
    <section aria-labelledby="join-heading">
      <h2 className="nhsuk-heading-m" id="join-heading">
        Joining
      </h2>
      <p className="nhsuk-body">
        {open
          ? 'This community is open: anyone can join. Joining is always optional, and you can leave at any time.'
          : 'People ask to join this community, and its conveners or core group answer. You can leave at any time.'}
      </p>
      {!viewer ? (
        <p className="nhsuk-body">
          <Link to={`/sign-in?next=${here}`}>Sign in</Link> or <Link to={`/register?next=${here}`}>create an account</Link>{' '}
          to {open ? 'join' : 'ask to join'}.
        </p>
      ) : open ? (
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          {error && (
            <span className="nhsuk-error-message" role="alert">
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          <button type="button" className="nhsuk-button" disabled={fetching} onClick={() => void onJoin()}>
            Join this community
          </button>
        </div>
      ) : (
        <Link className="nhsuk-button" role="button" draggable={false} to={joinCommunityUrl(community.id)}>
          Ask to join
        </Link>
      )}
    </section>
  );
}
