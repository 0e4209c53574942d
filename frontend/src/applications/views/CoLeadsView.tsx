import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { InviteCoLeadMutation, RemoveCoLeadMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { ApplicationCaption } from '../components/ApplicationCaption';
import { isEditable, nextPath, previousPath, type Application } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Tag, TextInput } from '../../ui/fields';
import { coLeadState } from '../../ui/labels';
import { fieldError } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl, coLeadsUrl } from '../../urls';

export function CoLeadsView() {
  const { id } = useParams();
  return (
    <ApplicationLoader id={id}>
      {(app) => (isEditable(app) ? <CoLeadsForm application={app} /> : <Navigate to={applicationUrl(app.id)} replace />)}
    </ApplicationLoader>
  );
}

function CoLeadsForm({ application }: { application: Application }) {
  const location = useLocation();
  const here = coLeadsUrl(application.id);
  const [email, setEmail] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [sent, setSent] = useState<string | null>(null);
  const invite = useFormMutation(InviteCoLeadMutation, { form });
  const remove = useFormMutation(RemoveCoLeadMutation, { form });
  const [coLeads, setCoLeads] = useState(application.coLeads);
  usePageTitle('Co-leads', problems.length > 0);

  const onInvite = async (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    if (!email.trim()) {
      setProblems([{ field: 'email', message: 'Enter the email address of the person you want to invite' }]);
      return;
    }
    const r = await invite.submit({ input: { applicationId: application.id, email: email.trim() } });
    if (!r) return;
    setCoLeads(r.inviteCoLead.application.coLeads);
    setSent(email.trim());
    setEmail('');
  };

  const onRemove = async (address: string) => {
    setSent(null);
    const r = await remove.submit({ input: { applicationId: application.id, email: address } });
    if (!r) return;
    setCoLeads(r.removeCoLead.application.coLeads);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={previousPath(application, here, location.search)} />
        <ErrorSummary problems={problems} />
        <ApplicationCaption application={application} />
        <h1 className="nhsuk-heading-l">Co-leads</h1>
        <p className="nhsuk-body">
          You can apply together with co-leads. We email each person you invite a link to accept. Every co-lead must
          accept before you can submit your application.
        </p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            If you or a co-lead work in industry or the third sector, at least one co-lead must work for an NHS member
            organisation of the network.
          </p>
        </div>

        {sent && (
          <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="sent-title">
            <div className="nhsuk-notification-banner__header">
              <h2 className="nhsuk-notification-banner__title" id="sent-title">
                Success
              </h2>
            </div>
            <div className="nhsuk-notification-banner__content">
              <p className="nhsuk-notification-banner__heading">Invitation sent to {sent}</p>
            </div>
          </div>
        )}

        {coLeads.length === 0 ? (
          <p className="nhsuk-body">You have not invited any co-leads.</p>
        ) : (
          <>
            <h2 className="nhsuk-heading-m">Your co-leads</h2>
            <dl className="nhsuk-summary-list" id="coLeads">
              {coLeads.map((c, i) => {
                const who = c.person?.name ?? c.email ?? 'Invited person';
                const state = coLeadState(c.state);
                return (
                  <div className="nhsuk-summary-list__row" key={c.email ?? c.person?.id ?? i}>
                    <dt className="nhsuk-summary-list__key">
                      {who}
                      {c.person && c.email && <span className="nhsuk-body-s nhsuk-u-display-block">{c.email}</span>}
                    </dt>
                    <dd className="nhsuk-summary-list__value">
                      <Tag colour={state.colour}>{state.text}</Tag>
                      {c.organisation && <span className="nhsuk-u-display-block">{c.organisation.name}</span>}
                    </dd>
                    <dd className="nhsuk-summary-list__actions">
                      {c.email && (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                          disabled={remove.fetching}
                          onClick={() => void onRemove(c.email!)}
                        >
                          Remove<span className="nhsuk-u-visually-hidden"> {who}</span>
                        </button>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </>
        )}

        <form onSubmit={onInvite} noValidate>
          <TextInput
            id="email"
            label="Email address of a co-lead"
            labelSize="m"
            hint="Use the email address they will sign in with."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={fieldError(problems, 'email')}
          />
          <Button variant="secondary" disabled={invite.fetching}>
            Send invitation
          </Button>
        </form>

        <Link className="nhsuk-button" role="button" draggable={false} to={nextPath(application, here, location.search)}>
          Continue
        </Link>
      </div>
    </div>
  );
}
