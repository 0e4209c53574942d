import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { JoinCommunityMutation } from '../mutations';
import { CommunityLoader, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Textarea } from '../../ui/fields';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl } from '../../urls';

/** /communities/:id/join: ask to join an ON_REQUEST community, with a note to its conveners. */
export function AskToJoinView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <AskToJoin community={c} />}</CommunityLoader>;
}

function AskToJoin({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const join = useFormMutation(JoinCommunityMutation, { fields: ['note'] });
  const { problems, fetching } = join;
  usePageTitle(`Ask to join ${community.name}`, problems.length > 0);
  if (community.viewerRole || community.membershipMode !== 'ON_REQUEST') {
    return <Navigate to={communityUrl(community.id)} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await join.submit({ input: { communityId: community.id, note: note.trim() || null } });
    if (!r) return;
    const state: FlashState = {
      flash: r.joinCommunity.joined
        ? `You have joined ${community.name}`
        : 'You have asked to join: the conveners will answer soon',
    };
    navigate(communityUrl(community.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id="note"
            label="Ask to join"
            isPageHeading
            labelSize="l"
            hint="Optional. Tell the conveners a little about yourself and why this domain matters to you."
            rows={5}
            value={note}
            onChange={setNote}
            error={fieldError(problems, 'note')}
          />
          <Button disabled={fetching}>Send your request</Button>
        </form>
      </div>
    </div>
  );
}
