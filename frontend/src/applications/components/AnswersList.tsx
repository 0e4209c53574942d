import type { Application } from '../questions';
import { Tag } from '../../ui/fields';
import { SummaryRow as Row } from '../../ui/SummaryRow';
import { coLeadState } from '../../ui/labels';
import { applicationUrl } from '../../urls';

function Text({ value }: { value: string }) {
  if (!value.trim()) return <span className="nhsuk-hint nhsuk-u-margin-bottom-0">Not answered yet</span>;
  return (
    <>
      {value
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p className="nhsuk-body convene-pre-line" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

/**
 * The summary lists of an application, with Change links when `editable`. `perspective`
 * "reviewer" words the headings for someone else's application.
 */
export function AnswersList({
  application,
  editable,
  perspective = 'applicant',
}: {
  application: Application;
  editable: boolean;
  perspective?: 'applicant' | 'reviewer';
}) {
  const own = perspective === 'applicant';
  const base = applicationUrl(application.id);
  const change = (path: string) => (editable ? `${base}/${path}?returnTo=check` : undefined);
  return (
    <>
      <h2 className="nhsuk-heading-m">{own ? 'About your application' : 'About the application'}</h2>
      <dl className="nhsuk-summary-list">
        <Row label="Call">{application.call.title}</Row>
        <Row label="Domain" change={change('domain')} id="domainId">
          {application.domain.name}
          {application.domain.status === 'PROPOSED' && <span className="nhsuk-u-display-block nhsuk-hint nhsuk-u-margin-bottom-0">Proposed new domain</span>}
        </Row>
        <Row label="Lead">
          {application.lead.name}
          {application.leadOrganisation && <span className="nhsuk-u-display-block">{application.leadOrganisation.name}</span>}
        </Row>
        <Row label="Sponsoring organisation" change={change('sponsor')} id="sponsorOrganisationId">
          {application.sponsor?.name ?? 'None'}
        </Row>
      </dl>

      <h2 className="nhsuk-heading-m">{own ? 'Your answers' : 'Their answers'}</h2>
      <dl className="nhsuk-summary-list">
        {application.answers.map(({ question: q, value }) => (
          <Row key={q.key} label={q.title} change={change(`questions/${q.key}`)} id={q.key}>
            <Text value={value} />
          </Row>
        ))}
      </dl>

      <h2 className="nhsuk-heading-m">Co-leads</h2>
      <dl className="nhsuk-summary-list" id="coLeads">
        {application.coLeads.length === 0 ? (
          <Row label="Co-leads" change={change('co-leads')}>
            None
          </Row>
        ) : (
          application.coLeads.map((c, i) => {
            const state = coLeadState(c.state);
            const who = c.person?.name ?? c.email ?? `Co-lead ${i + 1}`;
            return (
              <Row key={c.email ?? c.person?.id ?? i} label={who} change={change('co-leads')}>
                <Tag colour={state.colour}>{state.text}</Tag>
                {c.organisation && <span className="nhsuk-u-display-block">{c.organisation.name}</span>}
              </Row>
            );
          })
        )}
      </dl>
    </>
  );
}
