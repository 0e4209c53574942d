import { useState, type FormEvent } from 'react';
import { Button, Radios, Textarea } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';

export interface RubricCriterion {
  id: string;
  name: string;
  weight: number;
}

export interface ScoreDraft {
  /** "1"–"5", or "" while no score is chosen. */
  score: string;
  comment: string;
}

export interface ScoreInputValue {
  criterionId: string;
  score: number;
  comment: string;
}

const SCORE_OPTIONS = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Every criterion needs a score from 1 to 5 and a comment; field names follow the server's. */
export function checkScores(criteria: RubricCriterion[], drafts: ScoreDraft[]): Problem[] {
  const problems: Problem[] = [];
  criteria.forEach((c, i) => {
    const d = drafts[i] ?? { score: '', comment: '' };
    if (!/^[1-5]$/.test(d.score)) {
      problems.push({ field: `scores.${i}.score`, message: `Select a score from 1 to 5 for ${lowerFirst(c.name)}` });
    }
    if (!d.comment.trim()) {
      problems.push({ field: `scores.${i}.comment`, message: `Enter a comment on ${lowerFirst(c.name)}` });
    }
  });
  return problems;
}

/**
 * Names the criterion in the server's field errors ("Give a score from 1 to 5" is ambiguous
 * among five criteria), so that the error summary reads on its own.
 */
export function nameCriteriaInProblems(criteria: RubricCriterion[], problems: Problem[]): Problem[] {
  return problems.map((p) => {
    const m = /^scores\.(\d+)\.(score|comment|criterionId)$/.exec(p.field ?? '');
    const c = m ? criteria[Number(m[1])] : undefined;
    if (!m || !c) return p;
    const field = m[2] === 'criterionId' ? `scores.${m[1]}.score` : p.field;
    return p.message.toLowerCase().includes(c.name.toLowerCase()) ? { ...p, field } : { field, message: `${c.name}: ${p.message}` };
  });
}

interface Props {
  criteria: RubricCriterion[];
  initial?: ReadonlyArray<{ criterionId: string; score: number; comment: string }>;
  problems: Problem[];
  submitLabel: string;
  busy?: boolean;
  /** Called with every criterion's score once each is chosen and commented. */
  onSubmit: (scores: ScoreInputValue[]) => void;
  /** Called with the problems the form found itself. */
  onInvalid: (problems: Problem[]) => void;
}

/** The scoring form: per criterion (weight shown), a 1–5 radio group and a comment. */
export function ReviewForm({ criteria, initial, problems, submitLabel, busy, onSubmit, onInvalid }: Props) {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const [drafts, setDrafts] = useState<ScoreDraft[]>(() =>
    criteria.map((c) => {
      const given = initial?.find((s) => s.criterionId === c.id);
      return { score: given ? String(given.score) : '', comment: given?.comment ?? '' };
    }),
  );

  const update = (i: number, patch: Partial<ScoreDraft>) =>
    setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkScores(criteria, drafts);
    if (found.length) {
      onInvalid(found);
      return;
    }
    onSubmit(criteria.map((c, i) => ({ criterionId: c.id, score: Number(drafts[i]!.score), comment: drafts[i]!.comment.trim() })));
  };

  return (
    <form onSubmit={submit} noValidate id="scores" tabIndex={-1}>
      <p className="nhsuk-body">
        Score each criterion from 1 (weak) to 5 (excellent) and say why in a comment. The weights decide how much each
        criterion counts towards the weighted score.
      </p>
      {criteria.map((c, i) => (
        <div className="convene-criterion" key={c.id}>
          <Radios
            id={`scores.${i}.score`}
            legend={c.name}
            legendSize="m"
            hint={`Weight ${c.weight}${totalWeight ? ` of ${totalWeight}` : ''}`}
            inline
            value={drafts[i]?.score ?? ''}
            onChange={(v) => update(i, { score: v })}
            options={SCORE_OPTIONS}
            error={fieldError(problems, `scores.${i}.score`)}
          />
          <Textarea
            id={`scores.${i}.comment`}
            label={`Comment on ${lowerFirst(c.name)}`}
            rows={4}
            value={drafts[i]?.comment ?? ''}
            onChange={(v) => update(i, { comment: v })}
            error={fieldError(problems, `scores.${i}.comment`)}
          />
        </div>
      ))}
      <Button disabled={busy}>{submitLabel}</Button>
    </form>
  );
}
