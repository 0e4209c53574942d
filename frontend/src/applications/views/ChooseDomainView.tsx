import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AcceptedDomainsQuery } from '../queries';
import { ProposeDomainMutation, StartApplicationMutation, UpdateApplicationMutation } from '../mutations';
import { CallSummaryQuery } from '../../calls/queries';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { isEditable, nextPath, previousPath, type Application } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Radios, TextInput, Textarea, type RadioOption } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationDomainUrl, applicationUrl, sponsorUrl } from '../../urls';

const NEW = '__new';

/** /calls/:callId/apply: the first page of a new application. */
export function NewApplicationView() {
  const { callId } = useParams();
  const [{ data, fetching }] = useQuery({ query: CallSummaryQuery, variables: { id: callId ?? '' }, pause: !callId });
  if (fetching && !data) return <Loading />;
  const call = data?.call;
  if (!call || !call.acceptingApplications) return <CallClosed title={call?.title} />;
  return <DomainForm callId={call.id} callTitle={call.title} />;
}

function CallClosed({ title }: { title?: string }) {
  usePageTitle('This call is not open');
  return (
    <>
      <h1 className="nhsuk-heading-l">This call is not open</h1>
      <p className="nhsuk-body">{title ? `${title} is not accepting applications.` : 'We could not find this call.'}</p>
    </>
  );
}

/** /applications/:id/domain: change the domain of a draft. */
export function ChangeDomainView() {
  const { id } = useParams();
  return (
    <ApplicationLoader id={id}>
      {(app) =>
        isEditable(app) ? (
          <DomainForm callId={app.call.id} callTitle={app.call.title} application={app} />
        ) : (
          <Navigate to={applicationUrl(app.id)} replace />
        )
      }
    </ApplicationLoader>
  );
}

function DomainForm({ callId, callTitle, application }: { callId: string; callTitle: string; application?: Application }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [{ data, fetching }] = useQuery({ query: AcceptedDomainsQuery });
  const [choice, setChoice] = useState(application?.domain.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [busy, setBusy] = useState(false);
  const propose = useFormMutation(ProposeDomainMutation, { form });
  const start = useFormMutation(StartApplicationMutation, { form });
  const update = useFormMutation(UpdateApplicationMutation, { form });
  usePageTitle('Which domain do you want to convene?', problems.length > 0);

  const domains = data?.domains.nodes ?? [];
  const options: RadioOption[] = domains.map((d) => ({ value: d.id, label: d.name, hint: d.description || undefined }));
  if (application && !domains.some((d) => d.id === application.domain.id)) {
    options.unshift({ value: application.domain.id, label: application.domain.name, hint: 'The domain you proposed' });
  }
  options.push({
    value: NEW,
    label: 'Propose a new domain',
    dividerBefore: options.length ? 'or' : undefined,
    conditional: (
      <>
        <TextInput id="name" label="Name of the domain" value={name} onChange={setName} error={fieldError(problems, 'name')} />
        <Textarea
          id="description"
          label="Describe the domain"
          hint="The area of patient-safety practice it covers. The programme team may accept, rename or merge it."
          rows={4}
          value={description}
          onChange={setDescription}
          error={fieldError(problems, 'description')}
        />
      </>
    ),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setProblems([{ field: 'domainId', message: 'Select the domain you want to convene' }]);
      return;
    }
    if (choice === NEW) {
      const local: Problem[] = [];
      if (!name.trim()) local.push({ field: 'name', message: 'Enter the name of the domain' });
      if (!description.trim()) local.push({ field: 'description', message: 'Describe the domain' });
      if (local.length) {
        setProblems(local);
        return;
      }
    }
    setBusy(true);
    try {
      let domainId = choice;
      if (choice === NEW) {
        const r = await propose.submit({ input: { name: name.trim(), description: description.trim() } });
        if (!r) return;
        domainId = r.proposeDomain.domain.id;
      }
      if (application) {
        if (domainId !== application.domain.id) {
          const r = await update.submit({ input: { applicationId: application.id, domainId } });
          if (!r) return;
        }
        navigate(nextPath(application, applicationDomainUrl(application.id), location.search));
      } else {
        const r = await start.submit({ input: { callId, domainId } });
        if (!r) return;
        const id = r.startApplication.application.id;
        navigate(sponsorUrl(id));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={application ? previousPath(application, applicationDomainUrl(application.id), location.search) : '/'} />
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{callTitle}</span>
        {fetching && !data ? (
          <Loading />
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Radios
              id="domainId"
              legend="Which domain do you want to convene?"
              isPageHeading
              hint="A domain is an area of patient-safety practice. You can apply in more than one domain, with a separate application for each."
              value={choice}
              onChange={setChoice}
              options={options}
              error={fieldError(problems, 'domainId') ?? fieldError(problems, 'callId')}
            />
            <Button disabled={busy}>Continue</Button>
          </form>
        )}
      </div>
    </div>
  );
}
