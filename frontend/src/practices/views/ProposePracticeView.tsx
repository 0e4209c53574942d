import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ProposePracticeMutation } from '../mutations';
import { parseTags } from '../labels';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Textarea, TextInput } from '../../ui/fields';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityPracticesUrl } from '../../urls';

/** /communities/:id/practices/new: any member proposes a practice to explore. */
export function ProposePracticeView() {
  const { id = '' } = useParams();
  return (
    <CommunityLoader id={id}>
      {(community) => (community.viewerRole ? <Propose community={community} /> : <MembersOnly community={community} />)}
    </CommunityLoader>
  );
}

function Propose({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const propose = useFormMutation(ProposePracticeMutation);
  const { problems, setProblems, fetching } = propose;
  usePageTitle(`Propose a practice: ${community.name}`, problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblems([{ field: 'name', message: 'Enter the name of the practice' }]);
      return;
    }
    const r = await propose.submit({
      input: { communityId: community.id, name: name.trim(), description: description.trim(), tags: parseTags(tags) },
    });
    if (!r) return;
    const state: FlashState = { flash: `You have proposed ${r.proposePractice.practice.name}` };
    navigate(communityPracticesUrl(community.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={communityPracticesUrl(community.id)}>Back to practices</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Propose a practice</h1>
        <p className="nhsuk-body">
          A practice the community could explore together: something people do, or could do, to keep patients safe. The
          conveners and core group decide when to start exploring it.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="name"
            label="Name of the practice"
            labelSize="m"
            hint="For example, Sepsis huddle after each shift"
            value={name}
            onChange={setName}
            error={fieldError(problems, 'name')}
          />
          <Textarea
            id="description"
            label="Description (optional)"
            labelSize="m"
            hint="What it is, and where it is done"
            rows={5}
            value={description}
            onChange={setDescription}
            error={fieldError(problems, 'description')}
          />
          <TextInput
            id="tags"
            label="Tags (optional)"
            labelSize="m"
            hint="Words that help people find it, separated by commas. For example, handover, night shift"
            value={tags}
            onChange={setTags}
            error={fieldError(problems, 'tags')}
          />
          <Button disabled={fetching}>Propose the practice</Button>
        </form>
      </div>
    </div>
  );
}
