import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { InvitationQuery } from '../queries';
import { AcceptInvitationMutation, DeclineInvitationMutation } from '../mutations';
import type { FlashState } from '../components/Flash';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { errorCode, problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl, invitationUrl } from '../../urls';

/** /invitations/:token: who invites you to what, with their message; accept or decline. */
export function InvitationView() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { viewer, loading } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: InvitationQuery, variables: { token }, requestPolicy: 'network-only' });
  const form = useFormProblems();
  const { problems } = form;
  const accept = useFormMutation(AcceptInvitationMutation, { form, fields: [] });
  const decline = useFormMutation(DeclineInvitationMutation, { form, fields: [] });
  const [declined, setDeclined] = useState(false);

  const invitation = data?.invitation ?? null;
  const title = declined
    ? 'You declined the invitation'
    : !invitation
      ? 'Invitation not found'
      : invitation.state === 'PENDING'
        ? `${invitation.invitedBy.name} invites you to join ${invitation.community.name}`
        : invitation.state === 'EXPIRED'
          ? 'This invitation has expired'
          : 'This invitation has already been answered';
  usePageTitle(title, problems.length > 0);

  if ((fetching && !data) || loading) return <Loading />;

  if (declined) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel">
            <h1 className="nhsuk-panel__title">You declined the invitation</h1>
            {invitation && <div className="nhsuk-panel__body">{invitation.community.name}</div>}
          </div>
          <p className="nhsuk-body">
            Thank you for letting {invitation?.invitedBy.name ?? 'them'} know. Joining a community is always optional.
          </p>
          <p className="nhsuk-body">
            <Link to="/communities">Browse other communities of practice</Link>
          </p>
        </div>
      </div>
    );
  }

  if (!invitation) {
    const unexpected = error && !['NOT_FOUND', 'VALIDATION'].includes(errorCode(error) ?? '');
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {unexpected && <ErrorSummary problems={problemsFrom(error)} />}
          <h1 className="nhsuk-heading-l">Invitation not found</h1>
          <p className="nhsuk-body">
            The link in your email may be incomplete. Check you copied all of it, or ask the person who invited you to send
            a new invitation.
          </p>
          <p className="nhsuk-body">
            <Link to="/communities">Browse communities of practice</Link>
          </p>
        </div>
      </div>
    );
  }

  const community = invitation.community;
  if (invitation.state !== 'PENDING') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{community.name}</span>
          <h1 className="nhsuk-heading-l">{title}</h1>
          <p className="nhsuk-body">
            {invitation.state === 'EXPIRED'
              ? `Invitations work for 2 weeks. Ask ${invitation.invitedBy.name} to send you a new one.`
              : invitation.state === 'ACCEPTED'
                ? 'The invitation has been accepted.'
                : 'The invitation has been declined.'}
          </p>
          <p className="nhsuk-body">
            <Link to={communityUrl(community.id)}>Go to {community.name}</Link>
          </p>
        </div>
      </div>
    );
  }

  const here = encodeURIComponent(invitationUrl(token));

  const onAccept = async () => {
    const r = await accept.submit({ input: { token } });
    if (!r) return;
    const state: FlashState = { flash: `You have joined ${r.acceptInvitation.community.name}` };
    navigate(communityUrl(r.acceptInvitation.community.id), { state });
  };

  const onDecline = async () => {
    const r = await decline.submit({ input: { token } });
    if (!r) return;
    setDeclined(true);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">Community of practice: {community.domain.name}</span>
        <h1 className="nhsuk-heading-l">{title}</h1>
        <h2 className="nhsuk-heading-s">Their message to you</h2>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Message: </span>
          <p className="convene-pre-line" id="invitation-message">
            {invitation.message}
          </p>
        </div>
        <p className="nhsuk-body">
          Joining is always optional, and you can leave at any time.
          {community.listed && (
            <>
              {' '}
              You can <Link to={communityUrl(community.id)}>read about the community</Link> first.
            </>
          )}
        </p>

        {viewer ? (
          <>
            {viewer.email && viewer.email.toLowerCase() !== invitation.email.toLowerCase() && (
              <p className="nhsuk-body">
                The invitation was sent to {invitation.email}. You are signed in as {viewer.email}: if you accept, you join
                with this account.
              </p>
            )}
            <div className="convene-actions">
              <button type="button" className="nhsuk-button" disabled={accept.fetching || decline.fetching} onClick={() => void onAccept()}>
                Accept the invitation
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                disabled={accept.fetching || decline.fetching}
                onClick={() => void onDecline()}
              >
                Decline
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 className="nhsuk-heading-m">To accept, create an account or sign in</h2>
            <p className="nhsuk-body">
              If you do not have an account yet, create one: we will bring you back here to accept. The invitation was
              sent to {invitation.email}.
            </p>
            <Link className="nhsuk-button" role="button" draggable={false} to={`/register?next=${here}`}>
              Create an account
            </Link>
            <p className="nhsuk-body">
              Already have an account? <Link to={`/sign-in?next=${here}`}>Sign in</Link>
            </p>
            <h2 className="nhsuk-heading-m">Not for you?</h2>
            <p className="nhsuk-body">You can decline without an account. {invitation.invitedBy.name} will see that you declined.</p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={decline.fetching}
              onClick={() => void onDecline()}
            >
              Decline the invitation
            </button>
          </>
        )}
      </div>
    </div>
  );
}
