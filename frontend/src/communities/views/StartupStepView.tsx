import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityInsideQuery } from '../queries';
import { CompleteStartupStepMutation, ReopenStartupStepMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { canWorkOnStep, OWNERS, runsIt, STEPS } from '../labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Tag, Textarea } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { NotFoundView } from '../../ui/NotFoundView';
import { communityUrl, definitionUrl, invitationsUrl, membersUrl } from '../../urls';

/** /communities/:id/steps/:slug: one start-up step; mark it done with notes, or reopen it. */
export function StartupStepView() {
  const { id = '', slug = '' } = useParams();
  const info = STEPS.find((s) => s.slug === slug);
  if (!info) return <NotFoundView />;
  return <CommunityLoader id={id}>{(c) => <StepPage community={c} slug={slug} />}</CommunityLoader>;
}

function StepPage({ community, slug }: { community: CommunityHome; slug: string }) {
  const info = STEPS.find((s) => s.slug === slug)!;
  const navigate = useNavigate();
  const allowed = community.viewerCan.seeInside;
  const [{ data, fetching, error }] = useQuery({
    query: CommunityInsideQuery,
    variables: { id: community.id },
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  const [notes, setNotes] = useState<string | null>(null);
  const form = useFormProblems();
  const { problems } = form;
  const complete = useFormMutation(CompleteStartupStepMutation, { form });
  const reopen = useFormMutation(ReopenStartupStepMutation, { form });
  usePageTitle(`${info.title} – ${community.name}`, problems.length > 0);

  if (!allowed) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const step = data?.community?.startupSteps.find((s) => s.step === info.step);
  if (!step) return <ErrorSummary problems={problemsFrom(error)} />;
  const canWork = canWorkOnStep(step.owner, community.viewerRole, community.stage);
  const back = communityUrl(community.id);

  const onComplete = async (e: FormEvent) => {
    e.preventDefault();
    const r = await complete.submit({ input: { communityId: community.id, step: info.step, notes: (notes ?? step.notes).trim() } });
    if (!r) return;
    const state: FlashState = { flash: `${info.title}: marked as done` };
    navigate(back, { state });
  };

  const onReopen = async (e: FormEvent) => {
    e.preventDefault();
    const r = await reopen.submit({ input: { communityId: community.id, step: info.step } });
    if (!r) return;
    setNotes(null);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{info.title}</h1>
        <p className="nhsuk-body-l">{info.description}</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Owner</dt>
            <dd className="nhsuk-summary-list__value">
              {OWNERS[step.owner]}
              {community.stage !== 'FORMING' && ' (now the community is running, any core member can do it)'}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Status</dt>
            <dd className="nhsuk-summary-list__value">
              {step.done ? <Tag colour="green">Completed</Tag> : <Tag colour="blue">Not started</Tag>}
              {step.updatedAt && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">Last updated {formatDateTime(step.updatedAt)}</span>}
            </dd>
          </div>
          {step.done && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Notes</dt>
              <dd className="nhsuk-summary-list__value convene-pre-line">{step.notes || 'No notes'}</dd>
            </div>
          )}
        </dl>

        <StepHelp community={community} step={info.step} />

        {!canWork ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {runsIt(community.viewerRole)
                ? `This step belongs to the ${OWNERS[step.owner].toLowerCase()} while the community is forming.`
                : 'The conveners and the core group work on the start-up steps.'}
            </p>
          </div>
        ) : step.done ? (
          <form onSubmit={onReopen} noValidate>
            <Button variant="secondary" disabled={reopen.fetching}>
              Reopen this step
            </Button>
          </form>
        ) : (
          <form onSubmit={onComplete} noValidate>
            <Textarea
              id="notes"
              label="Notes (optional)"
              labelSize="m"
              hint="What you did, what you decided, or anything the group should know"
              rows={6}
              value={notes ?? step.notes}
              onChange={setNotes}
              error={fieldError(problems, 'notes')}
            />
            <Button disabled={complete.fetching}>Mark as done</Button>
          </form>
        )}
        <p className="nhsuk-body">
          <Link to={back}>Back to the start-up steps</Link>
        </p>
      </div>
    </div>
  );
}

function StepHelp({ community, step }: { community: CommunityHome; step: string }) {
  if (step === 'DEVELOP_DOMAIN' || step === 'INITIAL_CONVERSATION') {
    return (
      <p className="nhsuk-body">
        <Link to={definitionUrl(community.id)}>Write or agree the domain definition</Link>
      </p>
    );
  }
  if ((step === 'INVITATION' || step === 'DEFINE_COMMUNITY') && runsIt(community.viewerRole)) {
    return (
      <p className="nhsuk-body">
        <Link to={invitationsUrl(community.id)}>Invite people to the community</Link>
      </p>
    );
  }
  if (step === 'ROLES') {
    return (
      <p className="nhsuk-body">
        <Link to={membersUrl(community.id)}>See the members and their roles</Link>
      </p>
    );
  }
  return null;
}
