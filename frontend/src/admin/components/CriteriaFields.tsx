import type { Dispatch, SetStateAction } from 'react';
import { TextInput } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';

/** One row of the rubric as typed: a name and a weight, keyed so rows can be removed. */
export interface CriterionRow {
  key: number;
  name: string;
  weight: string;
}

export function whole(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The id of a row's name input: the first is "criteria", so the summary's link for the whole rubric lands there. */
export function criterionInputId(rows: CriterionRow[], c: CriterionRow): string {
  return c.key === rows[0]?.key ? 'criteria' : `criteria-${c.key}`;
}

/** The rows that say something, as the server receives them. */
export function filledCriteria(rows: CriterionRow[]): CriterionRow[] {
  return rows.filter((c) => c.name.trim() || c.weight.trim());
}

/** Problems of the rows found before sending (a name and a whole-number weight each). */
export function criteriaProblems(rows: CriterionRow[]): Problem[] {
  const filled = filledCriteria(rows);
  if (filled.length === 0) return [{ field: 'criteria', message: 'Add at least one criterion' }];
  return filled
    .filter((c) => !c.name.trim() || whole(c.weight) === null)
    .map((c) => ({ field: criterionInputId(rows, c), message: 'Enter a name and a whole-number weight for each criterion' }));
}

/** The server names criteria by their place in what was sent ("criteria.1.name"): point those at the inputs. */
export function mapCriteriaProblems(rows: CriterionRow[], ps: Problem[]): Problem[] {
  return ps.map((p) => {
    const m = p.field ? /^criteria\.(\d+)\.(name|weight)$/.exec(p.field) : null;
    if (!m) return p;
    const row = filledCriteria(rows)[Number(m[1])];
    if (!row) return { ...p, field: 'criteria' };
    return { ...p, field: m[2] === 'name' ? criterionInputId(rows, row) : `criteria-${row.key}-weight` };
  });
}

/** The rubric's rows, with "Remove" beside each and "Add another criterion" below. */
export function CriteriaFields({
  criteria,
  setCriteria,
  problems,
  legend = 'Scoring criteria and their weights',
}: {
  criteria: CriterionRow[];
  setCriteria: Dispatch<SetStateAction<CriterionRow[]>>;
  problems: Problem[];
  legend?: string;
}) {
  const setCriterion = (key: number, patch: Partial<CriterionRow>) =>
    setCriteria((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
      {criteria.map((c, i) => (
        <div key={c.key} className="nhsuk-u-margin-bottom-4">
          <TextInput
            id={criterionInputId(criteria, c)}
            label={`Criterion ${i + 1}`}
            value={c.name}
            onChange={(name) => setCriterion(c.key, { name })}
            error={fieldError(problems, criterionInputId(criteria, c))}
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
  );
}
