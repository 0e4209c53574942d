import { useMemo, useState, type FormEvent } from 'react';
import { Button, Tag, Textarea, cx } from '../../ui/fields';
import { formatNormalised, formatScore, plural } from '../../ui/format';
import { fieldError, type Problem } from '../../ui/problems';

export interface BoardEntry {
  applicationId: string;
  domainId: string;
  domainName: string;
  leadName: string;
  rank: number;
  weightedScore: number | null;
  normalisedScore: number | null;
  disagreement: boolean;
}

export interface DomainClash {
  domainName: string;
  entries: BoardEntry[];
}

export interface AllocationCheck {
  count: number;
  places: number;
  overPlaces: boolean;
  clashes: DomainClash[];
  ok: boolean;
}

/** The live checks of a funded set: at most the places, at most one application per domain. */
export function checkAllocation(selected: Iterable<string>, entries: BoardEntry[], places: number): AllocationCheck {
  const chosen = new Set(selected);
  const picked = entries.filter((e) => chosen.has(e.applicationId));
  const byDomain = new Map<string, BoardEntry[]>();
  for (const e of picked) byDomain.set(e.domainId, [...(byDomain.get(e.domainId) ?? []), e]);
  const clashes = [...byDomain.values()].filter((list) => list.length > 1).map((list) => ({ domainName: list[0]!.domainName, entries: list }));
  const count = picked.length;
  const overPlaces = count > places;
  return { count, places, overPlaces, clashes, ok: !overPlaces && clashes.length === 0 };
}

/** The id of the checkbox of the entry at `index`: the first carries the field's own name. */
export function checkboxId(index: number): string {
  return index === 0 ? 'fundedApplicationIds' : `fundedApplicationIds-${index + 1}`;
}

/** Problems for the error summary, linked to the checkboxes. */
export function allocationProblems(check: AllocationCheck, entries: BoardEntry[]): Problem[] {
  const problems: Problem[] = [];
  if (check.overPlaces) {
    problems.push({
      field: 'fundedApplicationIds',
      message: `You have chosen ${check.count} applications but this call has ${plural(check.places, 'funded place')}`,
    });
  }
  for (const clash of check.clashes) {
    const second = clash.entries[1]!;
    problems.push({
      field: checkboxId(entries.indexOf(second)),
      message: `Choose only one application in ${clash.domainName}: ${clash.entries.map((e) => e.leadName).join(' and ')} are both ticked`,
    });
  }
  return problems;
}

/** Maps the server's `fundedApplicationIds.<i>` (the i-th id sent) to its checkbox. */
export function mapDecisionProblems(problems: Problem[], sent: string[], entries: BoardEntry[]): Problem[] {
  return problems.map((p) => {
    const m = /^fundedApplicationIds\.(\d+)$/.exec(p.field ?? '');
    if (!m) return p;
    const index = entries.findIndex((e) => e.applicationId === sent[Number(m[1])]);
    return index >= 0 ? { ...p, field: checkboxId(index) } : { ...p, field: 'fundedApplicationIds' };
  });
}

interface Props {
  entries: BoardEntry[];
  places: number;
  proposal: { funded: string[]; ties: string[][] };
  /** "chair": ticks, a rationale and the button to record the decision; "explore": ticks only. */
  mode: 'chair' | 'explore';
  chairName?: string;
  problems?: Problem[];
  busy?: boolean;
  onInvalid?: (problems: Problem[]) => void;
  onDecide?: (fundedApplicationIds: string[], rationale: string) => void;
}

/** The allocation board: the proposal pre-ticked, live checks as people tick, ties as a warning. */
export function AllocationBoard({ entries, places, proposal, mode, chairName, problems = [], busy, onInvalid, onDecide }: Props) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(proposal.funded));
  const [rationale, setRationale] = useState('');
  const check = useMemo(() => checkAllocation(selected, entries, places), [selected, entries, places]);
  const proposed = useMemo(() => new Set(proposal.funded), [proposal.funded]);
  const tied = useMemo(() => new Set(proposal.ties.flat()), [proposal.ties]);
  const clashing = useMemo(() => new Set(check.clashes.flatMap((c) => c.entries.map((e) => e.applicationId))), [check]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.applicationId, e])), [entries]);
  const groupError = fieldError(problems, 'fundedApplicationIds');
  const rowErrors = entries.map((_, i) => (i === 0 ? undefined : fieldError(problems, checkboxId(i))));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode !== 'chair') return;
    const found = allocationProblems(check, entries);
    if (rationale.trim().length < 10) {
      found.push({ field: 'rationale', message: 'Enter the rationale for the decision: 10 characters or more' });
    }
    if (found.length) {
      onInvalid?.(found);
      return;
    }
    // Send them in ranking order, so the server's field indexes follow the board.
    onDecide?.(
      entries.filter((x) => selected.has(x.applicationId)).map((x) => x.applicationId),
      rationale.trim(),
    );
  };

  const hasErrors = !!groupError || rowErrors.some(Boolean);

  return (
    <form onSubmit={submit} noValidate>
      {proposal.ties.length > 0 && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Ranked equal
            </span>
          </h3>
          <p>The proposal could not choose between these applications, which are ranked equal:</p>
          <ul>
            {proposal.ties.map((group, i) => (
              <li key={i}>
                {group
                  .map((id) => byId.get(id))
                  .filter((e): e is BoardEntry => !!e)
                  .map((e) => `${e.domainName} (${e.leadName})`)
                  .join(' and ')}
              </li>
            ))}
          </ul>
          <p>{mode === 'chair' ? 'Choose between them and say why in your rationale.' : 'The chair will choose between them.'}</p>
        </div>
      )}

      <div className={cx('nhsuk-form-group', hasErrors && 'nhsuk-form-group--error')}>
        <fieldset className="nhsuk-fieldset" aria-describedby="allocation-hint allocation-checks">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h3 className="nhsuk-fieldset__heading">Applications to fund</h3>
          </legend>
          <div className="nhsuk-hint" id="allocation-hint">
            Choose at most {plural(places, 'application')}, and at most one in each domain. The proposal, highest ranked
            first, is ticked to start with.
          </div>
          {groupError && (
            <span className="nhsuk-error-message" id="fundedApplicationIds-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {groupError}
            </span>
          )}
          <div className="nhsuk-checkboxes">
            {entries.map((e, i) => {
              const id = checkboxId(i);
              const rowError = rowErrors[i];
              return (
                <div className="nhsuk-checkboxes__item" key={e.applicationId}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    name="fundedApplicationIds"
                    type="checkbox"
                    value={e.applicationId}
                    checked={selected.has(e.applicationId)}
                    onChange={() => toggle(e.applicationId)}
                    aria-describedby={`${id}-item-hint${rowError ? ` ${id}-item-error` : ''}`}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {e.domainName}, led by {e.leadName}
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
                    Rank {e.rank} · weighted {formatScore(e.weightedScore)} · normalised {formatNormalised(e.normalisedScore)}
                    <span className="convene-tags">
                      {proposed.has(e.applicationId) && <Tag colour="green">Proposed</Tag>}
                      {tied.has(e.applicationId) && <Tag colour="yellow">Ranked equal</Tag>}
                      {e.disagreement && <Tag colour="orange">Reviewers disagree</Tag>}
                      {clashing.has(e.applicationId) && <Tag colour="red">Same domain as another choice</Tag>}
                    </span>
                  </div>
                  {rowError && (
                    <span className="nhsuk-error-message" id={`${id}-item-error`}>
                      <span className="nhsuk-u-visually-hidden">Error:</span> {rowError}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>

      <div className="nhsuk-inset-text" id="allocation-checks" role="status" aria-live="polite">
        <span className="nhsuk-u-visually-hidden">Checks: </span>
        <p className={check.overPlaces ? 'convene-check--bad' : undefined}>
          {check.count} of {plural(places, 'place')} chosen
          {check.overPlaces ? `: that is ${check.count - places} too many` : ''}.
        </p>
        {check.clashes.map((c) => (
          <p className="convene-check--bad" key={c.domainName}>
            {c.entries.length} chosen in {c.domainName}: only one application per domain can be funded.
          </p>
        ))}
        {check.ok && <p>At most one application in each domain.</p>}
      </div>

      {mode === 'chair' ? (
        <>
          <Textarea
            id="rationale"
            label="Rationale for the decision"
            labelSize="m"
            hint="Say why these applications are funded, especially where you changed the proposal or chose between applications ranked equal. Everyone on the panel and the programme team will see it."
            rows={6}
            value={rationale}
            onChange={setRationale}
            error={fieldError(problems, 'rationale')}
          />
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>The decision is final
              </span>
            </h3>
            <p>Once you record the decision it cannot be changed. The programme team then tells every applicant and co-lead their outcome.</p>
          </div>
          <Button disabled={busy}>Record the decision</Button>
        </>
      ) : (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You can try other choices here to see the checks; nothing is saved. Only the chair
            {chairName ? `, ${chairName},` : ''} can record the decision.
          </p>
        </div>
      )}
    </form>
  );
}
