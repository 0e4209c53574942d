import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityFunctionsQuery } from '../queries';
import { AssignFunctionMutation, EndFunctionMutation, RotateFunctionMutation } from '../mutations';
import { MemberCommunity } from '../components/MemberCommunity';
import { FunctionHistory } from '../components/FunctionPeriods';
import { FUNCTION_KINDS, FUNCTION_KIND_VALUES, functionPeriod } from '../labels';
import type { CommunityFunctionKind, CommunityFunctionsQuery as FunctionsResult } from '../../graphql/graphql';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Radios, Select, TextInput } from '../../ui/fields';
import { formatDate, isIsoDate, londonToday } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { functionsUrl } from '../../urls';

type Loaded = NonNullable<FunctionsResult['community']>;

/** Loads the functions and members for the two pages below (conveners and core group only). */
function WithFunctions({ community, children }: { community: CommunityHome; children: (loaded: Loaded) => React.ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: CommunityFunctionsQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  if (!community.viewerCan.manageFunctions) return <Navigate to={functionsUrl(community.id)} replace />;
  if (fetching && !data) return <Loading />;
  const loaded = data?.community;
  if (!loaded) return <ErrorSummary problems={problemsFrom(error)} />;
  return <>{children(loaded)}</>;
}

function memberOptions(loaded: Loaded, except?: string) {
  return loaded.members
    .map((m) => m.person)
    .filter((p) => p.id !== except)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ value: p.id, label: p.name }));
}

function dateProblem(field: string, value: string, what: string, optional = false): Problem | null {
  if (!value.trim()) return optional ? null : { field, message: `Enter ${what}` };
  if (!isIsoDate(value.trim())) return { field, message: `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a real date` };
  return null;
}

/** /communities/:id/roles/new: give a member a function for a period. */
export function AssignFunctionView() {
  return <MemberCommunity>{(c) => <WithFunctions community={c}>{(l) => <Assign community={c} loaded={l} />}</WithFunctions>}</MemberCommunity>;
}

function Assign({ community, loaded }: { community: CommunityHome; loaded: Loaded }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [customName, setCustomName] = useState('');
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState(londonToday());
  const [until, setUntil] = useState('');
  const assign = useFormMutation(AssignFunctionMutation);
  const { problems, setProblems, fetching } = assign;
  const heading = 'Give someone a function';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = functionsUrl(community.id);
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!kind) local.push({ field: 'function', message: 'Choose the function' });
    if (kind === 'OTHER' && !customName.trim()) local.push({ field: 'customName', message: 'Enter the name of the function' });
    if (!personId) local.push({ field: 'personId', message: 'Choose who will handle it' });
    const d1 = dateProblem('from', from, 'the first day');
    const d2 = dateProblem('until', until, 'the last day', true);
    if (d1) local.push(d1);
    if (d2) local.push(d2);
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await assign.submit({
      input: {
        communityId: community.id,
        function: kind as CommunityFunctionKind,
        customName: kind === 'OTHER' ? customName.trim() : null,
        personId,
        from: from.trim(),
        until: until.trim() || null,
      },
    });
    if (!r) return;
    const f = r.assignFunction.function;
    const state: FlashState = { flash: `${f.holder.name} handles ${f.name.toLowerCase()} ${functionPeriod(f).toLowerCase()}` };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to roles and responsibilities</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="function"
            legend="Which function?"
            legendSize="m"
            value={kind}
            onChange={setKind}
            error={err('function')}
            options={FUNCTION_KIND_VALUES.map((k) => ({
              value: k,
              label: FUNCTION_KINDS[k].text,
              hint: FUNCTION_KINDS[k].hint,
              conditional:
                k === 'OTHER' ? (
                  <TextInput id="customName" label="Name of the function" hint="For example, welcoming newcomers" value={customName} onChange={setCustomName} error={err('customName')} />
                ) : undefined,
            }))}
          />
          <Select
            id="personId"
            label="Who will handle it?"
            labelSize="m"
            placeholder="Choose a member"
            value={personId}
            onChange={setPersonId}
            error={err('personId')}
            options={memberOptions(loaded)}
          />
          <TextInput id="from" label="First day" type="date" value={from} onChange={setFrom} error={err('from')} widthClass="nhsuk-input--width-10" />
          <TextInput
            id="until"
            label="Last day (optional)"
            hint="Leave empty until someone takes over"
            type="date"
            value={until}
            onChange={setUntil}
            error={err('until')}
            widthClass="nhsuk-input--width-10"
          />
          <Button disabled={fetching}>Give the function</Button>
        </form>
      </div>
    </div>
  );
}

/** /communities/:id/roles/:functionId: hand a function on to someone else from a date, or end the period. */
export function RotateFunctionView() {
  return <MemberCommunity>{(c) => <WithFunctions community={c}>{(l) => <Rotate community={c} loaded={l} />}</WithFunctions>}</MemberCommunity>;
}

function Rotate({ community, loaded }: { community: CommunityHome; loaded: Loaded }) {
  const { functionId = '' } = useParams();
  const navigate = useNavigate();
  const fn = loaded.functions.find((f) => f.id === functionId);
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState(londonToday());
  const [until, setUntil] = useState(londonToday());
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const rotate = useFormMutation(RotateFunctionMutation, { form });
  const end = useFormMutation(EndFunctionMutation, { form });
  const heading = fn ? `Rotate ${fn.name.toLowerCase()}` : 'Rotate a function';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = functionsUrl(community.id);
  if (!fn || fn.until) return <Navigate to={back} replace />;
  const err = (f: string) => fieldError(problems, f);

  const onRotate = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!personId) local.push({ field: 'personId', message: 'Choose who takes over' });
    const d = dateProblem('from', from, 'the day they take over');
    if (d) local.push(d);
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await rotate.submit({ input: { functionId: fn.id, personId, from: from.trim() } });
    if (!r) return;
    const next = r.rotateFunction.function;
    const state: FlashState = { flash: `${next.holder.name} takes over ${fn.name.toLowerCase()} from ${formatDate(next.from)}` };
    navigate(back, { state });
  };

  const onEnd = async (e: FormEvent) => {
    e.preventDefault();
    const d = dateProblem('until', until, 'the last day');
    if (d) {
      setProblems([d]);
      return;
    }
    const r = await end.submit({ input: { functionId: fn.id, until: until.trim() } });
    if (!r) return;
    const state: FlashState = { flash: `${fn.holder.name}’s period in ${fn.name.toLowerCase()} ends on ${formatDate(until.trim())}` };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to roles and responsibilities</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <p className="nhsuk-body">
          {fn.holder.name} handles it now: {functionPeriod(fn).toLowerCase()}.
        </p>
        {fn.history.length > 1 && <FunctionHistory history={fn.history} />}
        <form onSubmit={onRotate} noValidate>
          <h2 className="nhsuk-heading-m">Hand it on</h2>
          <Select
            id="personId"
            label="Rotate to"
            placeholder="Choose a member"
            value={personId}
            onChange={setPersonId}
            error={err('personId')}
            options={memberOptions(loaded, fn.holder.id)}
          />
          <TextInput
            id="from"
            label="From"
            hint={`${fn.holder.name}’s period ends the day before`}
            type="date"
            value={from}
            onChange={setFrom}
            error={err('from')}
            widthClass="nhsuk-input--width-10"
          />
          <Button disabled={rotate.fetching}>Rotate</Button>
        </form>
        <form onSubmit={onEnd} noValidate>
          <h2 className="nhsuk-heading-m">Or end it without handing on</h2>
          <TextInput id="until" label="Last day" type="date" value={until} onChange={setUntil} error={err('until')} widthClass="nhsuk-input--width-10" />
          <Button variant="secondary" disabled={end.fetching}>
            End {fn.holder.name}’s period
          </Button>
        </form>
        <p className="nhsuk-body">
          <Link to={back}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
