import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CoachesQuery } from '../queries';
import { AssignCoachMutation } from '../mutations';
import { CommunityLoader, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Radios } from '../../ui/fields';
import { Loading } from '../../ui/Layout';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl } from '../../urls';

const NO_COACH = 'none';

/** /communities/:id/coach: the programme team gives a community its coach (someone with the COACH role). */
export function CoachView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Coach community={c} />}</CommunityLoader>;
}

function Coach({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: CoachesQuery, requestPolicy: 'cache-and-network' });
  const [choice, setChoice] = useState<string>(community.coach?.id ?? '');
  const assign = useFormMutation(AssignCoachMutation, { fields: ['coachId'] });
  const { problems, setProblems } = assign;
  usePageTitle(`Who is the coach of ${community.name}?`, problems.length > 0);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorSummary problems={problemsFrom(error)} />;
  const coaches = data.people.nodes
    .filter((p) => p.roles.includes('COACH'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const home = communityUrl(community.id);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setProblems([{ field: 'coachId', message: 'Choose a coach, or no coach' }]);
      return;
    }
    const coachId = choice === NO_COACH ? null : choice;
    const r = await assign.submit({ input: { communityId: community.id, coachId } });
    if (!r) return;
    const coach = r.assignCoach.community.coach;
    const state: FlashState = { flash: coach ? `${coach.name} is now the community’s coach` : 'The community has no coach now' };
    navigate(home, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        {coaches.length === 0 ? (
          <>
            <h1 className="nhsuk-heading-l">Who is the coach of {community.name}?</h1>
            <p className="nhsuk-body">
              Nobody has the coach role yet. Give someone the role on <Link to="/admin/people">the people page</Link>{' '}
              first.
            </p>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Radios
              id="coachId"
              legend={`Who is the coach of ${community.name}?`}
              isPageHeading
              hint="Coaches help communities design their meetings and facilitate them. Only people with the coach role are listed."
              value={choice}
              onChange={setChoice}
              error={fieldError(problems, 'coachId')}
              options={[
                ...coaches.map((c) => ({
                  value: c.id,
                  label: c.name,
                  hint: [c.profession, c.organisation.name].filter(Boolean).join(', '),
                })),
                { value: NO_COACH, label: 'No coach', dividerBefore: 'or' },
              ]}
            />
            <Button disabled={assign.fetching}>Save coach</Button>
          </form>
        )}
      </div>
    </div>
  );
}
