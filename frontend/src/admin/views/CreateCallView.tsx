import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CreateCallMutation } from '../mutations';
import type { HonorariumPolicy } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Radios, TextInput, Textarea } from '../../ui/fields';
import { isIsoDate, londonToInstant, parsePounds } from '../../ui/format';
import { POLICY } from '../../ui/labels';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminCallUrl } from '../../urls';
import { DEFAULT_SET, QuestionSetEditor, questionInputs, questionProblem, type QuestionRow } from '../components/QuestionSetEditor';

interface CriterionRow {
  key: number;
  name: string;
  weight: string;
}

const DEFAULT_CRITERIA = [
  'Passion and energy for the domain',
  'Clarity of the domain',
  'Reach across professions and organisations',
  'A workable plan',
  'Likely effect on patient safety',
];

function whole(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function CreateCallView() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [opensTime, setOpensTime] = useState('09:00');
  const [closesOn, setClosesOn] = useState('');
  const [closesTime, setClosesTime] = useState('17:00');
  const [decisionDueOn, setDecisionDueOn] = useState('');
  const [fundedPlaces, setFundedPlaces] = useState('5');
  const [pounds, setPounds] = useState('5000');
  const [policy, setPolicy] = useState<HonorariumPolicy>('REDISTRIBUTE');
  const [reviewers, setReviewers] = useState('3');
  const [criteria, setCriteria] = useState<CriterionRow[]>(DEFAULT_CRITERIA.map((name, key) => ({ key, name, weight: '1' })));
  const [draft, setDraft] = useState('no');
  // Left as they are, the call gets the server's default set; once changed, the call's own.
  const [questions, setQuestions] = useState<QuestionRow[]>(DEFAULT_SET);
  const [questionsEdited, setQuestionsEdited] = useState(false);
  const editQuestions = (rows: QuestionRow[]) => {
    setQuestions(rows);
    setQuestionsEdited(true);
  };
  // The server names criteria by their place in what was sent ("criteria.1.name"): point those at the inputs.
  const createCall = useFormMutation(CreateCallMutation, {
    map: (ps) =>
      ps.map((p) => {
        const m = p.field ? /^criteria\.(\d+)\.(name|weight)$/.exec(p.field) : null;
        if (!m) return questionProblem(questions, p);
        const row = criteria.filter((c) => c.name.trim() || c.weight.trim())[Number(m[1])];
        if (!row) return { ...p, field: 'criteria' };
        return { ...p, field: m[2] === 'name' ? inputId(row) : `criteria-${row.key}-weight` };
      }),
  });
  const { problems, setProblems, fetching } = createCall;
  usePageTitle('Create a call', problems.length > 0);

  const firstCriterion = criteria[0]?.key;
  const inputId = (c: CriterionRow) => (c.key === firstCriterion ? 'criteria' : `criteria-${c.key}`);

  const setCriterion = (key: number, patch: Partial<CriterionRow>) =>
    setCriteria((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!title.trim()) local.push({ field: 'title', message: 'Enter a title' });
    const opensAt = londonToInstant(opensOn, opensTime);
    if (!opensAt) local.push({ field: 'opensAt', message: 'Enter the date and time the call opens' });
    const closesAt = londonToInstant(closesOn, closesTime);
    if (!closesAt) local.push({ field: 'closesAt', message: 'Enter the date and time the call closes' });
    if (!isIsoDate(decisionDueOn)) local.push({ field: 'decisionDueOn', message: 'Enter the date decisions are due' });
    const places = whole(fundedPlaces);
    if (places === null || places < 1) local.push({ field: 'fundedPlaces', message: 'Enter the number of funded places, like 5' });
    const pence = parsePounds(pounds);
    if (pence === null) local.push({ field: 'honorariumPence', message: 'Enter the honorarium in pounds, like 5000 or 5000.00' });
    const perApp = whole(reviewers);
    if (perApp === null || perApp < 1) local.push({ field: 'reviewersPerApplication', message: 'Enter the number of reviewers for each application, like 3' });
    const rows = criteria.filter((c) => c.name.trim() || c.weight.trim());
    if (rows.length === 0) local.push({ field: 'criteria', message: 'Add at least one criterion' });
    rows.forEach((c) => {
      if (!c.name.trim() || whole(c.weight) === null)
        local.push({ field: inputId(c), message: 'Enter a name and a whole-number weight for each criterion' });
    });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await createCall.submit({
      input: {
        title: title.trim(),
        description: description.trim(),
        opensAt: opensAt!,
        closesAt: closesAt!,
        decisionDueOn,
        fundedPlaces: places!,
        honorariumPence: pence!,
        honorariumPolicy: policy,
        reviewersPerApplication: perApp!,
        criteria: rows.map((c) => ({ name: c.name.trim(), weight: Number(c.weight.trim()) })),
        draft: draft === 'yes',
        questions: questionsEdited ? questionInputs(questions) : undefined,
      },
    });
    if (!r) return;
    navigate(adminCallUrl(r.createCall.call.id));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/admin/calls" />
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Create a call</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="title" label="Title" value={title} onChange={setTitle} error={fieldError(problems, 'title')} />
          <Textarea id="description" label="Description" hint="What the call is for and who can apply. Leave a blank line between paragraphs." value={description} onChange={setDescription} rows={6} error={fieldError(problems, 'description')} />

          <h2 className="nhsuk-heading-m">Dates</h2>
          <p className="nhsuk-body">Times are UK time (Europe/London).</p>
          <TextInput id="opensAt" label="Opens on" type="date" value={opensOn} onChange={setOpensOn} error={fieldError(problems, 'opensAt')} widthClass="nhsuk-input--width-10" />
          <TextInput id="opensAtTime" label="Opens at" hint="For example, 09:00" type="time" value={opensTime} onChange={setOpensTime} widthClass="nhsuk-input--width-10" />
          <TextInput id="closesAt" label="Closes on" type="date" value={closesOn} onChange={setClosesOn} error={fieldError(problems, 'closesAt')} widthClass="nhsuk-input--width-10" />
          <TextInput id="closesAtTime" label="Closes at" hint="For example, 17:00" type="time" value={closesTime} onChange={setClosesTime} widthClass="nhsuk-input--width-10" />
          <TextInput id="decisionDueOn" label="Everyone is told the outcome by" type="date" value={decisionDueOn} onChange={setDecisionDueOn} error={fieldError(problems, 'decisionDueOn')} widthClass="nhsuk-input--width-10" />

          <h2 className="nhsuk-heading-m">Funding</h2>
          <TextInput id="fundedPlaces" label="Funded places" hint="At most one funded application per domain." inputMode="numeric" value={fundedPlaces} onChange={setFundedPlaces} error={fieldError(problems, 'fundedPlaces')} widthClass="nhsuk-input--width-4" />
          <TextInput id="honorariumPence" label="Honorarium for each funded domain, in pounds" hint="Split among the co-leads. For example, 5000" inputMode="decimal" value={pounds} onChange={setPounds} error={fieldError(problems, 'honorariumPence')} widthClass="nhsuk-input--width-10" />
          <Radios
            id="honorariumPolicy"
            legend="Industry and third-sector co-leads are never paid. What happens to their share?"
            legendSize="s"
            value={policy}
            onChange={(v) => setPolicy(v as HonorariumPolicy)}
            options={(Object.keys(POLICY) as HonorariumPolicy[]).map((p) => ({ value: p, label: POLICY[p] }))}
            error={fieldError(problems, 'honorariumPolicy')}
          />

          <h2 className="nhsuk-heading-m">Selection</h2>
          <TextInput id="reviewersPerApplication" label="Reviewers for each application" inputMode="numeric" value={reviewers} onChange={setReviewers} error={fieldError(problems, 'reviewersPerApplication')} widthClass="nhsuk-input--width-4" />
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Scoring criteria and their weights</legend>
            {criteria.map((c, i) => (
              <div key={c.key} className="nhsuk-u-margin-bottom-4">
                <TextInput
                  id={inputId(c)}
                  label={`Criterion ${i + 1}`}
                  value={c.name}
                  onChange={(name) => setCriterion(c.key, { name })}
                  error={fieldError(problems, inputId(c))}
                />
                <TextInput
                  id={`criteria-${c.key}-weight`}
                  label={`Weight of criterion ${i + 1}`}
                  inputMode="numeric"
                  value={c.weight}
                  onChange={(weight) => setCriterion(c.key, { weight })}
                  error={fieldError(problems, `criteria-${c.key}-weight`)}
                  widthClass="nhsuk-input--width-4"
                />
                {criteria.length > 1 && (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => setCriteria((rows) => rows.filter((r) => r.key !== c.key))}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> criterion {i + 1}</span>
                  </button>
                )}
              </div>
            ))}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setCriteria((rows) => [...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, name: '', weight: '1' }])}
            >
              Add another criterion
            </button>
          </fieldset>

          <QuestionSetEditor rows={questions} onChange={editQuestions} problems={problems} />

          <Radios
            id="draft"
            legend="Open the call for applications at its opening time?"
            legendSize="s"
            inline
            value={draft}
            onChange={setDraft}
            options={[
              { value: 'no', label: 'Yes' },
              { value: 'yes', label: 'No, keep it as a draft' },
            ]}
          />
          <Button disabled={fetching}>Create call</Button>
        </form>
      </div>
    </div>
  );
}
