import type { QuestionInput, QuestionKind } from '../../graphql/graphql';
import { Radios, Select, TextInput, Textarea } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';

/** A question as the programme team edits it: numbers and choices still text. */
export interface QuestionRow {
  /** Stable across edits and moves, for React and the inputs' ids. */
  id: number;
  key: string;
  title: string;
  hint: string;
  kind: QuestionKind;
  wordLimit: string;
  /** One choice a line. */
  choices: string;
  required: boolean;
}

const text = (key: string, title: string, hint: string): Omit<QuestionRow, 'id'> => ({
  key,
  title,
  hint,
  kind: 'TEXT',
  wordLimit: '1000',
  choices: '',
  required: true,
});

/** The default set, as the server gives a call made without questions; the editor starts from it. */
export const DEFAULT_SET: QuestionRow[] = [
  text('motivation', 'Why do you care about this domain?', 'Tell us what draws you to this area of patient safety. Passion and energy matter more than job title.'),
  text('domainSketch', 'A first sketch of the domain', 'What is the shared concern at the heart of the community? What is in and out of scope? It will change as the community forms.'),
  text('memberMap', 'Who would you invite first?', 'The people you want and need, beyond your usual circle: who has an interest, who should have one, who brings resources, authority or expertise.'),
  text('invitationDraft', 'Your draft invitation', 'A warm, peer-to-peer message inviting people to join. Joining is always optional.'),
  text('firstMeeting', 'The first meeting you have in mind', 'When, where or how, who would come, and what you would talk about.'),
  text('hopedForChange', 'The change in patient safety you hope for', 'What would be different for patients if the community succeeds?'),
  text('supportWanted', 'The support you want from the network', 'For example, coaching on meeting design, help with an intranet page, or admin help.'),
].map((q, id) => ({ ...q, id }));

const KINDS: Array<{ value: QuestionKind; label: string }> = [
  { value: 'TEXT', label: 'Text, with a word limit' },
  { value: 'CHOICE', label: 'One of a list of choices' },
  { value: 'YES_NO', label: 'Yes or no' },
];

/** A key from a title, for a question whose key was left empty: "Which region?" → "whichRegion". */
export function keyFrom(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[a-z]/.test(key) ? key.slice(0, 40) : `q${key}`.slice(0, 40);
}

/** The rows as the API takes them. */
export function questionInputs(rows: QuestionRow[]): QuestionInput[] {
  return rows.map((q) => ({
    key: q.key.trim() || keyFrom(q.title),
    title: q.title.trim(),
    hint: q.hint.trim(),
    kind: q.kind,
    wordLimit: q.kind === 'TEXT' && /^\d+$/.test(q.wordLimit.trim()) ? Number(q.wordLimit.trim()) : q.kind === 'TEXT' ? 0 : null,
    choices: q.kind === 'CHOICE' ? q.choices.split('\n').map((c) => c.trim()).filter(Boolean) : [],
    required: q.required,
  }));
}

/** The input a server problem about `questions.{i}.{field}` belongs to. */
export function questionProblem(rows: QuestionRow[], p: Problem): Problem {
  const m = p.field ? /^questions\.(\d+)\.(key|title|hint|wordLimit|choices)$/.exec(p.field) : null;
  const row = m ? rows[Number(m[1])] : undefined;
  return row ? { ...p, field: `q-${row.id}-${m![2]}` } : p;
}

/** Add, remove, reorder and change a call's questions (SPEC §1). */
export function QuestionSetEditor({
  rows,
  onChange,
  problems,
}: {
  rows: QuestionRow[];
  onChange: (rows: QuestionRow[]) => void;
  problems: Problem[];
}) {
  const set = (id: number, patch: Partial<QuestionRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    onChange(next);
  };
  const add = () => onChange([...rows, { ...text('', '', ''), wordLimit: '250', id: Math.max(0, ...rows.map((r) => r.id)) + 1 }]);
  const small = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-right-2';
  return (
    <>
      <h2 className="nhsuk-heading-m">Questions for applicants</h2>
      <p className="nhsuk-body">Applicants answer these one to a page, in this order. They start as the standard questions; change them only if this call needs others.</p>
      {fieldError(problems, 'questions') && (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {fieldError(problems, 'questions')}
        </p>
      )}
      {rows.map((q, i) => {
        const id = (f: string) => `q-${q.id}-${f}`;
        const n = i + 1;
        return (
          <fieldset key={q.id} className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Question {n}</legend>
            <TextInput id={id('title')} label={`Question ${n}`} value={q.title} onChange={(title) => set(q.id, { title })} error={fieldError(problems, id('title'))} />
            <TextInput id={id('hint')} label={`Hint for question ${n} (optional)`} value={q.hint} onChange={(hint) => set(q.id, { hint })} error={fieldError(problems, id('hint'))} />
            <TextInput
              id={id('key')}
              label={`Key of question ${n}`}
              hint="How exports name the answers: a small letter, then letters and digits, like hopedForChange. Left empty, it is made from the question."
              value={q.key}
              onChange={(key) => set(q.id, { key })}
              error={fieldError(problems, id('key'))}
              widthClass="nhsuk-input--width-20"
            />
            <Select id={id('kind')} label={`Kind of answer to question ${n}`} value={q.kind} onChange={(kind) => set(q.id, { kind: kind as QuestionKind })} options={KINDS} />
            {q.kind === 'TEXT' && (
              <TextInput
                id={id('wordLimit')}
                label={`Word limit for question ${n}`}
                inputMode="numeric"
                value={q.wordLimit}
                onChange={(wordLimit) => set(q.id, { wordLimit })}
                error={fieldError(problems, id('wordLimit'))}
                widthClass="nhsuk-input--width-4"
              />
            )}
            {q.kind === 'CHOICE' && (
              <Textarea
                id={id('choices')}
                label={`Choices for question ${n}`}
                hint="One on each line; at least two."
                rows={4}
                value={q.choices}
                onChange={(choices) => set(q.id, { choices })}
                error={fieldError(problems, id('choices'))}
              />
            )}
            <Radios
              id={id('required')}
              legend={`Must applicants answer question ${n}?`}
              legendSize="s"
              inline
              value={q.required ? 'yes' : 'no'}
              onChange={(v) => set(q.id, { required: v === 'yes' })}
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No, it is optional' },
              ]}
            />
            {i > 0 && (
              <button type="button" className={small} onClick={() => move(i, -1)}>
                Move up<span className="nhsuk-u-visually-hidden"> question {n}</span>
              </button>
            )}
            {i < rows.length - 1 && (
              <button type="button" className={small} onClick={() => move(i, 1)}>
                Move down<span className="nhsuk-u-visually-hidden"> question {n}</span>
              </button>
            )}
            {rows.length > 1 && (
              <button type="button" className={small} onClick={() => onChange(rows.filter((r) => r.id !== q.id))}>
                Remove<span className="nhsuk-u-visually-hidden"> question {n}</span>
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" id="questions" className="nhsuk-button nhsuk-button--secondary" onClick={add}>
        Add a question
      </button>
    </>
  );
}
