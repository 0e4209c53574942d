import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { JoinCommunityMutation } from '../mutations';
import { CommunityLoader, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Textarea } from '../../ui/fields';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';

/** /communities/:id/join: ask to join an ON_REQUEST community, with a note to its conveners. */
export function AskToJoinView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <AskToJoin community={c} />}</CommunityLoader>;
}

function AskToJoin({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, join] = useMutation(JoinCommunityMutation);
  usePageTitle(`Ask to join ${community.name}`, problems.length > 0);
  if (community.viewerRole || community.membershipMode !== 'ON_REQUEST') {
    return <Navigate to={`/communities/${community.id}`} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await join({ input: { communityId: community.id, note: note.trim() || null } });
    if (r.error || !r.data) {
      setProblems(problemsFrom(r.error).map((p) => (p.field === 'communityId' ? { message: p.message } : p)));
      return;
    }
    const state: FlashState = {
      flash: r.data.joinCommunity.joined
        ? `You have joined ${community.name}`
        : 'You have asked to join: the conveners will answer soon',
    };
    navigate(`/communities/${community.id}`, { state });
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
