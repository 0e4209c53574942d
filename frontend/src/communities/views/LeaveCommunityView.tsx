import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { LeaveCommunityMutation } from '../mutations';
import { CommunityLoader, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl } from '../../urls';

/** /communities/:id/leave: confirm leaving. */
export function LeaveCommunityView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Leave community={c} />}</CommunityLoader>;
}

function Leave({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [left, setLeft] = useState(false);
  const leave = useFormMutation(LeaveCommunityMutation, { fields: [] });
  const { problems, fetching } = leave;
  usePageTitle(`Are you sure you want to leave ${community.name}?`, problems.length > 0);
  if (!community.viewerRole && !left) return <Navigate to={communityUrl(community.id)} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await leave.submit({ input: { communityId: community.id } });
    if (!r) return;
    setLeft(true);
    const state: FlashState = { flash: `You have left ${community.name}` };
    navigate('/communities', { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Are you sure you want to leave {community.name}?</h1>
        <p className="nhsuk-body">
          You will no longer see its members, start-up steps or domain definition versions.
          {community.membershipMode === 'OPEN'
            ? ' You can join again at any time.'
            : community.membershipMode === 'ON_REQUEST'
              ? ' You can ask to join again later.'
              : ' To come back, you will need a new invitation.'}
        </p>
        {community.viewerRole === 'CONVENER' && (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                You are a convener
              </span>
            </h2>
            <p>A community always keeps at least one convener. If you are the only one, make someone else a convener first.</p>
          </div>
        )}
        <form onSubmit={onSubmit} noValidate>
          <div className="convene-actions">
            <Button variant="warning" disabled={fetching}>
              Leave the community
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={communityUrl(community.id)}>Stay in the community</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
