import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CreateServiceClientMutation } from '../mutations';
import { SCOPES, SCOPE_VALUES } from '../labels';
import { Checkboxes } from '../../community-life/components/Checkboxes';
import { OrganisationsQuery } from '../../account/queries';
import type { CreateServiceClientMutation as Created } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Select, Tag, TextInput } from '../../ui/fields';
import { sectorTitle } from '../../ui/labels';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

/**
 * /admin/partners/new: create a partner client. The confirmation that follows shows the secret
 * this once, from memory only: it is never in the address, the history or the list.
 */
export function CreateServiceClientView() {
  const [created, setCreated] = useState<Created['createServiceClient'] | null>(null);
  return created ? <SecretOnce created={created} /> : <CreateForm onCreated={setCreated} />;
}

function CreateForm({ onCreated }: { onCreated: (c: Created['createServiceClient']) => void }) {
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [{ data: orgs }] = useQuery({ query: OrganisationsQuery, variables: { search: null } });
  const create = useFormMutation(CreateServiceClientMutation);
  const { problems, setProblems, fetching } = create;
  usePageTitle('Create a partner client', problems.length > 0);
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter a name for the client' });
    if (!organisationId) local.push({ field: 'organisationId', message: 'Choose the organisation whose system it is' });
    if (scopes.length === 0) local.push({ field: 'scopes', message: 'Choose at least one scope' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await create.submit({ input: { name: name.trim(), organisationId, scopes: SCOPE_VALUES.filter((s) => scopes.includes(s)) } });
    if (!r) return;
    onCreated(r.createServiceClient);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/admin/partners">Back to partner systems</BackLink>
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Create a partner client</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="name" label="Name" hint="What the system is, for example Riverside quality dashboard" value={name} onChange={setName} error={err('name')} />
          <Select
            id="organisationId"
            label="Organisation"
            placeholder="Choose an organisation"
            value={organisationId}
            onChange={setOrganisationId}
            error={err('organisationId')}
            options={(orgs?.organisations.nodes ?? []).map((o) => ({ value: o.id, label: `${o.name} (${sectorTitle(o.sector)})` }))}
          />
          <Checkboxes
            id="scopes"
            legend="What may it read?"
            hint="Select all that apply. Partner clients can never change anything."
            values={scopes}
            onChange={setScopes}
            error={err('scopes')}
            options={SCOPE_VALUES.map((s) => ({ value: s, label: `${SCOPES[s]?.text ?? s} (${s})`, hint: SCOPES[s]?.hint }))}
          />
          <Button disabled={fetching}>Create the client</Button>
        </form>
      </div>
    </div>
  );
}

/** The confirmation: the client id and, this once, the secret in a copyable box. */
export function SecretOnce({ created }: { created: Created['createServiceClient'] }) {
  usePageTitle(`Partner client created: ${created.client.name}`);
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    box.current?.select();
    try {
      await navigator.clipboard.writeText(created.clientSecret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title" ref={heading} tabIndex={-1}>
            Partner client created
          </h1>
          <div className="nhsuk-panel__body">{created.client.name}</div>
        </div>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Organisation</dt>
            <dd className="nhsuk-summary-list__value">{created.client.organisation.name}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Client id</dt>
            <dd className="nhsuk-summary-list__value">
              <code id="client-id">{created.client.clientId}</code>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Scopes</dt>
            <dd className="nhsuk-summary-list__value convene-card-tags">
              {created.client.scopes.map((s) => (
                <Tag key={s} colour="blue">
                  {s}
                </Tag>
              ))}
            </dd>
          </div>
        </dl>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Copy the secret now
            </span>
          </h2>
          <p>
            This is the only time you will see the client secret. Convene keeps only a scrambled copy, so nobody can show it
            again. Give it to the partner organisation securely. If it is lost, revoke this client and create a new one.
          </p>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor="client-secret">
            Client secret
          </label>
          <input
            ref={box}
            className="nhsuk-input"
            id="client-secret"
            readOnly
            spellCheck={false}
            value={created.clientSecret}
            onFocus={(e) => e.target.select()}
          />
        </div>
        <div className="convene-actions">
          <Button type="button" variant="secondary" onClick={() => void copy()}>
            Copy the secret
          </Button>
          <p className="nhsuk-body nhsuk-u-margin-bottom-0" role="status">
            {copied ? 'Copied' : ''}
          </p>
        </div>
        <p className="nhsuk-body nhsuk-u-margin-top-4">
          <Link to="/admin/partners">I have copied the secret: back to partner systems</Link>
        </p>
      </div>
    </div>
  );
}
