import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { RemoveMemberMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { useMembers } from './MembersView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Textarea } from '../../ui/fields';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { membersUrl } from '../../urls';

/** /communities/:id/members/:personId/remove: a convener confirms removing someone, with the reason they are told. */
export function RemoveMemberView() {
  const { id = '', personId = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <RemoveMember community={c} personId={personId} />}</CommunityLoader>;
}

function RemoveMember({ community, personId }: { community: CommunityHome; personId: string }) {
  const navigate = useNavigate();
  const { allowed, data, fetching, error } = useMembers(community);
  const [reason, setReason] = useState('');
  const remove = useFormMutation(RemoveMemberMutation);
  const { problems, setProblems } = remove;
  const member = data?.community?.members.find((m) => m.person.id === personId);
  const heading = member ? `Are you sure you want to remove ${member.person.name}?` : 'Remove a member';
  usePageTitle(heading, problems.length > 0);
  const back = membersUrl(community.id);
  if (!allowed) return <MembersOnly community={community} />;
  if (!community.viewerCan.changeRoles) return <Navigate to={back} replace />;
  if (fetching && !data) return <Loading />;
  if (!member) return <ErrorSummary problems={error ? problemsFrom(error) : [{ message: 'This person is not a member' }]} />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      const local: Problem[] = [{ field: 'reason', message: `Enter the reason: ${member.person.name} is told it` }];
      setProblems(local);
      return;
    }
    const r = await remove.submit({ input: { communityId: community.id, personId, reason: reason.trim() } });
    if (!r) return;
    const state: FlashState = { flash: `${member.person.name} has been removed from the community` };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the members</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <p className="nhsuk-body">
          {member.person.name} will no longer see what is inside the community. They are told by a notification and an
          email, with the reason you give. A community always keeps at least one convener.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id="reason"
            label="Why are you removing them?"
            hint="Be kind and clear: they will read this. Up to 1,000 characters."
            value={reason}
            onChange={setReason}
            rows={4}
            error={fieldError(problems, 'reason')}
          />
          <div className="convene-actions">
            <Button variant="warning" disabled={remove.fetching}>
              Remove from the community
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={back}>Keep them as a member</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
