import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PracticeOrganisationsQuery } from '../queries';
import { MarkPromisingMutation } from '../mutations';
import { PracticeLoader, type PracticePage } from '../components/PracticeLoader';
import { PROMISING_VISIBILITIES, PROMISING_VISIBILITY_VALUES } from '../labels';
import type { FlashState } from '../../communities/components/Flash';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, cx, ErrorMessage, Hint, Radios, Textarea } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { PromisingVisibility } from '../../graphql/graphql';
import { practiceUrl } from '../../urls';

/** /practices/:id/promising: a convener (or the programme team) marks a practice promising. */
export function MarkPromisingView() {
  const { id = '' } = useParams();
  const { isProgrammeTeam } = useSession();
  return (
    <PracticeLoader id={id}>
      {(practice) =>
        practice.community && (practice.community.viewerRole === 'CONVENER' || isProgrammeTeam) ? (
          <MarkPromising practice={practice} />
        ) : (
          <NotAllowed practice={practice} />
        )
      }
    </PracticeLoader>
  );
}

function NotAllowed({ practice }: { practice: PracticePage }) {
  usePageTitle('Only conveners can do this');
  return (
    <>
      <h1 className="nhsuk-heading-l">Only the community’s conveners and the programme team can mark a practice promising</h1>
      <p className="nhsuk-body">
        <Link to={practiceUrl(practice.id)}>Go back to {practice.name}</Link>
      </p>
    </>
  );
}

function MarkPromising({ practice }: { practice: PracticePage }) {
  const navigate = useNavigate();
  const current = practice.promising;
  const [evidence, setEvidence] = useState(current?.evidence ?? '');
  const [outcomes, setOutcomes] = useState(current?.outcomes ?? '');
  const [organisationIds, setOrganisationIds] = useState<string[]>(current?.organisations.map((o) => o.id) ?? []);
  const [visibility, setVisibility] = useState<string>(current?.visibility ?? '');
  const [{ data, fetching: loading }] = useQuery({ query: PracticeOrganisationsQuery });
  const mark = useFormMutation(MarkPromisingMutation);
  const { problems, setProblems, fetching } = mark;
  const title = current ? 'Change the promising practice details' : 'Mark as a promising practice';
  usePageTitle(`${title}: ${practice.name}`, problems.length > 0);

  const toggle = (id: string, on: boolean) =>
    setOrganisationIds((prev) => (on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!evidence.trim()) local.push({ field: 'evidence', message: 'Enter the evidence that it works' });
    if (!outcomes.trim()) local.push({ field: 'outcomes', message: 'Enter the outcomes it has led to' });
    if (!visibility) local.push({ field: 'visibility', message: 'Choose who can read it in the library' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await mark.submit({
      input: {
        practiceId: practice.id,
        evidence: evidence.trim(),
        outcomes: outcomes.trim(),
        organisationIds,
        visibility: visibility as PromisingVisibility,
      },
    });
    if (!r) return;
    const state: FlashState = { flash: `${practice.name} is a promising practice in the library` };
    navigate(practiceUrl(practice.id), { state });
  };

  const orgs = data?.organisations.nodes ?? [];
  const orgError = fieldError(problems, 'organisationIds');

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={practiceUrl(practice.id)}>Back to {practice.name}</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{practice.name}</span>
        <h1 className="nhsuk-heading-l">{title}</h1>
        <p className="nhsuk-body">
          A promising practice is shared in the network’s practice library with its evidence, its outcomes and the
          organisations where it is used. The exchanges about it keep their own visibility.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id="evidence"
            label="Evidence"
            labelSize="m"
            hint="What shows that it works: an audit, a survey, numbers before and after"
            rows={5}
            value={evidence}
            onChange={setEvidence}
            error={fieldError(problems, 'evidence')}
          />
          <Textarea
            id="outcomes"
            label="Outcomes"
            labelSize="m"
            hint="What changed for patients, families and staff"
            rows={5}
            value={outcomes}
            onChange={setOutcomes}
            error={fieldError(problems, 'outcomes')}
          />
          <div className={cx('nhsuk-form-group', orgError && 'nhsuk-form-group--error')}>
            <fieldset
              className="nhsuk-fieldset"
              aria-describedby={['organisationIds-hint', orgError ? 'organisationIds-error' : null].filter(Boolean).join(' ')}
            >
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Where it is used (optional)</legend>
              <Hint id="organisationIds">Select all the organisations that use it</Hint>
              <ErrorMessage id="organisationIds" error={orgError} />
              {loading && !data ? (
                <Loading />
              ) : (
                <div className="nhsuk-checkboxes">
                  {orgs.map((o, i) => {
                    const inputId = i === 0 ? 'organisationIds' : `organisationIds-${i + 1}`;
                    return (
                      <div className="nhsuk-checkboxes__item" key={o.id}>
                        <input
                          className="nhsuk-checkboxes__input"
                          id={inputId}
                          name="organisationIds"
                          type="checkbox"
                          value={o.id}
                          checked={organisationIds.includes(o.id)}
                          onChange={(e) => toggle(o.id, e.target.checked)}
                        />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                          {o.name}
                        </label>
                      </div>
                    );
                  })}
                </div>
              )}
            </fieldset>
          </div>
          <Radios
            id="visibility"
            legend="Who can read it in the library?"
            legendSize="m"
            value={visibility}
            onChange={setVisibility}
            options={PROMISING_VISIBILITY_VALUES.map((v) => ({
              value: v,
              label: PROMISING_VISIBILITIES[v].text,
              hint: PROMISING_VISIBILITIES[v].hint,
            }))}
            error={fieldError(problems, 'visibility')}
          />
          <Button disabled={fetching}>{current ? 'Save changes' : 'Mark as promising'}</Button>
        </form>
      </div>
    </div>
  );
}
