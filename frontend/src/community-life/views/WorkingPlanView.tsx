import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { WorkingPlanQuery } from '../queries';
import { AddPlanNeedMutation, CompletePlanNeedMutation, RemovePlanNeedMutation } from '../mutations';
import { MemberCommunity, canChange } from '../components/MemberCommunity';
import { NEED_KINDS, NEED_KIND_VALUES, functionPeriod } from '../labels';
import type { PlanNeedKind } from '../../graphql/graphql';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import type { FlashState } from '../../communities/components/Flash';
import { MeetingList } from '../../meetings/components/MeetingList';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Radios, Tag, TextInput, Textarea } from '../../ui/fields';
import { formatDate, formatInstantDate, isIsoDate } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { functionsUrl, newNeedUrl, workingPlanUrl } from '../../urls';

/** /communities/:id/plan: the next meeting, who handles which function, and what the community needs. */
export function WorkingPlanView() {
  return <MemberCommunity>{(c) => <Plan community={c} />}</MemberCommunity>;
}

function Plan({ community }: { community: CommunityHome }) {
  usePageTitle(`Working plan – ${community.name}`);
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkingPlanQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const form = useFormProblems();
  const { problems } = form;
  const [message, setMessage] = useState<string | null>(null);
  const complete = useFormMutation(CompletePlanNeedMutation, { form, fields: [] });
  const remove = useFormMutation(RemovePlanNeedMutation, { form, fields: [] });
  const edits = canChange(community);
  const plan = data?.community?.workingPlan;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setMessage(null);
    const r = await run();
    if (!r) return;
    setMessage(done);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Working plan</h1>
        {message && (
          <p className="nhsuk-body" role="status">
            {message}
          </p>
        )}
        {fetching && !data ? (
          <Loading />
        ) : !plan ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : (
          <>
            <section aria-labelledby="next-meeting-heading">
              <h2 className="nhsuk-heading-m" id="next-meeting-heading">
                Next meeting
              </h2>
              {plan.nextMeeting ? (
                <MeetingList communityId={community.id} meetings={[plan.nextMeeting]} />
              ) : (
                <p className="nhsuk-body">No meeting is planned yet.</p>
              )}
            </section>

            <section aria-labelledby="plan-functions-heading">
              <h2 className="nhsuk-heading-m" id="plan-functions-heading">
                Who handles what
              </h2>
              {plan.functions.length === 0 ? (
                <p className="nhsuk-body">Nobody has been given a function yet.</p>
              ) : (
                <dl className="nhsuk-summary-list" id="plan-functions">
                  {plan.functions.map((f) => (
                    <div className="nhsuk-summary-list__row" key={f.id}>
                      <dt className="nhsuk-summary-list__key">{f.name}</dt>
                      <dd className="nhsuk-summary-list__value">
                        {f.holder.name}
                        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{functionPeriod(f)}</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              <p className="nhsuk-body">
                <Link to={functionsUrl(community.id)}>Roles and responsibilities</Link>
              </p>
            </section>

            <section aria-labelledby="needs-heading">
              <h2 className="nhsuk-heading-m" id="needs-heading">
                What we need
              </h2>
              <p className="nhsuk-body">Information, research or expertise the community needs, from whom, and by when.</p>
              {edits && (
                <p className="nhsuk-body">
                  <Link to={newNeedUrl(community.id)}>Add a need</Link>
                </p>
              )}
              {plan.needs.length === 0 ? (
                <p className="nhsuk-body">Nothing yet.</p>
              ) : (
                <ul className="nhsuk-list" id="needs">
                  {plan.needs.map((n) => (
                    <li key={n.id}>
                      <div className="nhsuk-card">
                        <div className="nhsuk-card__content">
                          <h3 className="nhsuk-card__heading nhsuk-heading-s">{n.what}</h3>
                          <p className="nhsuk-body convene-card-tags nhsuk-u-margin-bottom-2">
                            <Tag colour="blue">{NEED_KINDS[n.kind]}</Tag>
                            {n.completed ? <Tag colour="green">Done</Tag> : <Tag colour="yellow">Needed</Tag>}
                          </p>
                          <p className="nhsuk-body nhsuk-u-margin-bottom-2">
                            From {n.fromWhom}
                            {n.byWhen ? `, by ${formatDate(n.byWhen)}` : ''}.
                            {n.completed && n.completedAt ? ` Done on ${formatInstantDate(n.completedAt)}.` : ''}
                          </p>
                          {edits && (
                            <div className="convene-actions">
                              {!n.completed && (
                                <button
                                  type="button"
                                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                                  disabled={complete.fetching}
                                  onClick={() => void act(() => complete.submit({ input: { needId: n.id } }), `Marked as done: ${n.what}`)}
                                >
                                  Mark as done<span className="nhsuk-u-visually-hidden"> ({n.what})</span>
                                </button>
                              )}
                              <button
                                type="button"
                                className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
                                disabled={remove.fetching}
                                onClick={() => void act(() => remove.submit({ input: { needId: n.id } }), `Taken off the plan: ${n.what}`)}
                              >
                                Remove<span className="nhsuk-u-visually-hidden"> ({n.what})</span>
                              </button>
                            </div>
                          )}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
    </div>
  );
}

/** /communities/:id/plan/needs/new: add to the plan what the community needs. */
export function AddPlanNeedView() {
  return <MemberCommunity>{(c) => <AddNeed community={c} />}</MemberCommunity>;
}

function AddNeed({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [what, setWhat] = useState('');
  const [fromWhom, setFromWhom] = useState('');
  const [byWhen, setByWhen] = useState('');
  const add = useFormMutation(AddPlanNeedMutation);
  const { problems, fetching } = add;
  const heading = 'Add a need to the working plan';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = workingPlanUrl(community.id);
  if (!canChange(community)) return <Navigate to={back} replace />;
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!kind) local.push({ field: 'kind', message: 'Choose what kind of need it is' });
    if (!what.trim()) local.push({ field: 'what', message: 'Enter what the community needs' });
    if (!fromWhom.trim()) local.push({ field: 'fromWhom', message: 'Enter who could provide it' });
    if (byWhen.trim() && !isIsoDate(byWhen.trim())) local.push({ field: 'byWhen', message: 'The date must be a real date' });
    if (add.invalid(local)) return;
    const r = await add.submit({
      input: { communityId: community.id, kind: kind as PlanNeedKind, what: what.trim(), fromWhom: fromWhom.trim(), byWhen: byWhen.trim() || null },
    });
    if (!r) return;
    const state: FlashState = { flash: 'Need added to the working plan' };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the working plan</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="kind"
            legend="What kind of need?"
            legendSize="m"
            inline
            value={kind}
            onChange={setKind}
            error={err('kind')}
            options={NEED_KIND_VALUES.map((k) => ({ value: k, label: NEED_KINDS[k] }))}
          />
          <Textarea id="what" label="What do you need?" rows={3} value={what} onChange={setWhat} error={err('what')} />
          <TextInput id="fromWhom" label="From whom?" hint="A person, a team or an organisation" value={fromWhom} onChange={setFromWhom} error={err('fromWhom')} />
          <TextInput
            id="byWhen"
            label="By when? (optional)"
            type="date"
            value={byWhen}
            onChange={setByWhen}
            error={err('byWhen')}
            widthClass="nhsuk-input--width-10"
          />
          <Button disabled={fetching}>Add to the plan</Button>
        </form>
      </div>
    </div>
  );
}
