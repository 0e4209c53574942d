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
import { CriteriaFields, criteriaProblems, filledCriteria, mapCriteriaProblems, whole, type CriterionRow } from '../components/CriteriaFields';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminCallUrl } from '../../urls';
import { DEFAULT_SET, QuestionSetEditor, questionInputs, questionProblem, type QuestionRow } from '../components/QuestionSetEditor';

const DEFAULT_CRITERIA = [
  'Passion and energy for the domain',
  'Clarity of the domain',
  'Reach across professions and organisations',
  'A workable plan',
  'Likely effect on patient safety',
];

export function CreateCallView() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [opensTime, setOpensTime] = useState('09:00');
  const [closesOn, setClosesOn] = useState('');
  const [closesTime, setClosesTime] = useState('17:00');
  const [decisionDueOn, setDecisionDueOn] = useState('');
  const [reviewsDueOn, setReviewsDueOn] = useState('');
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
  const createCall = useFormMutation(CreateCallMutation, {
    map: (ps) => mapCriteriaProblems(criteria, ps).map((p) => questionProblem(questions, p)),
  });
  const { problems, setProblems, fetching } = createCall;
  usePageTitle('Create a call', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!title.trim()) local.push({ field: 'title', message: 'Enter a title' });
    const opensAt = londonToInstant(opensOn, opensTime);
    if (!opensAt) local.push({ field: 'opensAt', message: 'Enter the date and time the call opens' });
    const closesAt = londonToInstant(closesOn, closesTime);
    if (!closesAt) local.push({ field: 'closesAt', message: 'Enter the date and time the call closes' });
    if (!isIsoDate(decisionDueOn)) local.push({ field: 'decisionDueOn', message: 'Enter the date decisions are due' });
    if (reviewsDueOn && !isIsoDate(reviewsDueOn)) local.push({ field: 'reviewsDueOn', message: 'Enter a real date for reviews, or leave it empty' });
    const places = whole(fundedPlaces);
    if (places === null || places < 1) local.push({ field: 'fundedPlaces', message: 'Enter the number of funded places, like 5' });
    const pence = parsePounds(pounds);
    if (pence === null) local.push({ field: 'honorariumPence', message: 'Enter the honorarium in pounds, like 5000 or 5000.00' });
    const perApp = whole(reviewers);
    if (perApp === null || perApp < 1) local.push({ field: 'reviewersPerApplication', message: 'Enter the number of reviewers for each application, like 3' });
    const rows = filledCriteria(criteria);
    local.push(...criteriaProblems(criteria));
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
        ...(reviewsDueOn ? { reviewsDueOn } : {}),
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
          <TextInput id="reviewsDueOn" label="Reviews are due by (optional)" hint="Reviewers with reviews outstanding are reminded three days before and on the day." type="date" value={reviewsDueOn} onChange={setReviewsDueOn} error={fieldError(problems, 'reviewsDueOn')} widthClass="nhsuk-input--width-10" />

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
          <CriteriaFields criteria={criteria} setCriteria={setCriteria} problems={problems} />

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
