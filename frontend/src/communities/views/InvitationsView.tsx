import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityInvitationsQuery } from '../queries';
import { CancelInvitationMutation, InviteMemberMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import { INVITATION_STATES, invitationTemplate, runsIt } from '../labels';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { Button, Tag, TextInput, Textarea } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

/** /communities/:id/invitations: invite someone by email with a warm message; the invitations sent. */
export function InvitationsView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Invitations community={c} />}</CommunityLoader>;
}

function Invitations({ community }: { community: CommunityHome }) {
  const { viewer, isProgrammeTeam } = useSession();
  const allowed = runsIt(community.viewerRole) || isProgrammeTeam;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CommunityInvitationsQuery,
    variables: { id: community.id },
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  const template = invitationTemplate(community.name, community.domain.name, viewer?.name ?? '');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState(template);
  const [sent, setSent] = useState<string | null>(null);
  const invite = useFormMutation(InviteMemberMutation);
  const cancel = useFormMutation(CancelInvitationMutation, { fields: [] });
  const [cancelled, setCancelled] = useState<string | null>(null);
  const canCancel = community.viewerRole === 'CONVENER' || isProgrammeTeam;
  const { problems: inviteProblems, setProblems } = invite;
  const problems = inviteProblems.length ? inviteProblems : cancel.problems;
  usePageTitle(`Invite people – ${community.name}`, problems.length > 0);

  if (!allowed) return <MembersOnly community={community} />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    const local: Problem[] = [];
    if (!email.trim()) local.push({ field: 'email', message: 'Enter the email address of the person you are inviting' });
    if (!message.trim()) local.push({ field: 'message', message: 'Write a message to go with the invitation' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await invite.submit({ input: { communityId: community.id, email: email.trim(), message: message.trim() } });
    if (!r) return;
    setCancelled(null);
    setSent(r.inviteMember.invitation.email);
    setEmail('');
    refetch({ requestPolicy: 'network-only' });
  };

  const invitations = data?.community?.invitations ?? [];

  const onCancel = async (invitationId: string, to: string) => {
    setSent(null);
    const r = await cancel.submit({ input: { invitationId } });
    if (!r) return;
    setCancelled(to);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems.length ? problems : error && !data ? problemsFrom(error) : []} />
        {sent && (
          <NotificationBanner success heading={`Invitation sent to ${sent}`}>
            <p className="nhsuk-body">They can accept or decline by the link in the email. The link works for 2 weeks.</p>
          </NotificationBanner>
        )}
        {cancelled && (
          <NotificationBanner success heading={`Invitation to ${cancelled} cancelled`}>
            <p className="nhsuk-body">The link in their email no longer works.</p>
          </NotificationBanner>
        )}
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Invite people</h1>
        <p className="nhsuk-body">
          Communities of practice are social learning communities. A good invitation is hospitable and peer to peer: we are
          in this together and could help each other. Think beyond your usual circle, and remember that joining is always
          optional.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="email"
            label="Email address"
            labelSize="m"
            hint="They do not need an account yet: they can create one when they accept"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={fieldError(problems, 'email')}
          />
          <Textarea
            id="message"
            label="Your message"
            labelSize="m"
            hint="We have started it for you. Make it your own: say why you thought of them."
            rows={14}
            value={message}
            onChange={setMessage}
            error={fieldError(problems, 'message')}
          />
          <Button disabled={invite.fetching}>Send invitation</Button>
        </form>

        <h2 className="nhsuk-heading-m">Invitations sent</h2>
        {fetching && !data ? (
          <Loading />
        ) : invitations.length === 0 ? (
          <p className="nhsuk-body">You have not sent any invitations yet.</p>
        ) : (
          <table className="nhsuk-table" id="invitations">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Invitations sent</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Email address
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Sent
                </th>
                <th className="nhsuk-table__header" scope="col">
                  State
                </th>
                {canCancel && (
                  <th className="nhsuk-table__header" scope="col">
                    <span className="nhsuk-u-visually-hidden">Action</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {invitations.map((inv) => {
                const s = INVITATION_STATES[inv.state];
                return (
                  <tr className="nhsuk-table__row" key={inv.id}>
                    <td className="nhsuk-table__cell">{inv.email}</td>
                    <td className="nhsuk-table__cell">
                      {formatInstantDate(inv.sentAt)} by {inv.invitedBy.name}
                      {inv.remindedAt && (
                        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                          Reminded {formatInstantDate(inv.remindedAt)}
                        </span>
                      )}
                    </td>
                    <td className="nhsuk-table__cell">
                      <Tag colour={s.colour}>{s.text}</Tag>
                    </td>
                    {canCancel && (
                      <td className="nhsuk-table__cell">
                        {inv.state === 'PENDING' && (
                          <button
                            type="button"
                            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                            disabled={cancel.fetching}
                            onClick={() => onCancel(inv.id, inv.email)}
                          >
                            Cancel invitation<span className="nhsuk-u-visually-hidden"> to {inv.email}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
