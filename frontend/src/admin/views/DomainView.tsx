import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { AdminDomainsQuery } from '../queries';
import { AcceptDomainMutation, MergeDomainMutation, RenameDomainMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Select, Tag, TextInput, Textarea } from '../../ui/fields';
import { domainStatus } from '../../ui/labels';
import { fieldError } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

/** Accept, rename or merge one domain. */
export function DomainView() {
  const { id = '' } = useParams();
  const [{ data, fetching }, refetch] = useQuery({ query: AdminDomainsQuery });
  // Kept here: the forms below remount when the domain changes, and the confirmation must outlive that.
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const domain = data?.domains.nodes.find((d) => d.id === id);
  if (fetching && !data) return <Loading />;
  if (!domain) {
    return (
      <>
        <BackLink to="/admin/domains">Domains</BackLink>
        <h1 className="nhsuk-heading-l">Domain not found</h1>
      </>
    );
  }
  return (
    <DomainForms
      key={domain.id + domain.name + domain.status}
      domain={domain}
      others={(data?.domains.nodes ?? []).filter((d) => d.id !== id && d.status === 'ACCEPTED')}
      refresh={() => refetch({ requestPolicy: 'network-only' })}
      done={done?.id === domain.id ? done.text : null}
      setDone={(text) => setDone(text ? { id: domain.id, text } : null)}
    />
  );
}

interface DomainRow {
  id: string;
  name: string;
  description: string;
  status: string;
  mergedInto?: { id: string; name: string } | null;
}

interface FormsProps {
  domain: DomainRow;
  others: DomainRow[];
  refresh: () => void;
  done: string | null;
  setDone: (message: string | null) => void;
}

function DomainForms({ domain, others, refresh, done, setDone }: FormsProps) {
  const [name, setName] = useState(domain.name);
  const [description, setDescription] = useState(domain.description);
  const [into, setInto] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const accept = useFormMutation(AcceptDomainMutation, { form });
  const rename = useFormMutation(RenameDomainMutation, { form });
  const merge = useFormMutation(MergeDomainMutation, { form });
  usePageTitle(domain.name, problems.length > 0);
  const s = domainStatus(domain.status);

  const run = async (p: Promise<unknown>, message: string) => {
    const r = await p;
    if (!r) {
      setDone(null);
      return;
    }
    setDone(message);
    refresh();
  };

  const onAccept = () => run(accept.submit({ input: { domainId: domain.id } }), 'Domain accepted');
  const onRename = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblems([{ field: 'name', message: 'Enter a name' }]);
      return;
    }
    void run(rename.submit({ input: { domainId: domain.id, name: name.trim(), description: description.trim() } }), 'Domain renamed');
  };
  const onMerge = (e: FormEvent) => {
    e.preventDefault();
    if (!into) {
      setProblems([{ field: 'intoDomainId', message: 'Select the domain to merge into' }]);
      return;
    }
    void run(merge.submit({ input: { domainId: domain.id, intoDomainId: into } }), 'Domain merged');
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/admin/domains">Domains</BackLink>
        <ErrorSummary problems={problems} />
        {done && (
          <p className="nhsuk-body" role="status">
            {done}.
          </p>
        )}
        <h1 className="nhsuk-heading-l">{domain.name}</h1>
        <p className="nhsuk-body">
          <Tag colour={s.colour}>{s.text}</Tag>
          {domain.mergedInto && <> into {domain.mergedInto.name}</>}
        </p>
        {domain.status === 'PROPOSED' && (
          <Button type="button" onClick={() => void onAccept()}>
            Accept this domain
          </Button>
        )}
        {domain.status !== 'MERGED' && (
          <>
            <h2 className="nhsuk-heading-m">Rename</h2>
            <form onSubmit={onRename} noValidate>
              <TextInput id="name" label="Name" value={name} onChange={setName} error={fieldError(problems, 'name')} />
              <Textarea id="description" label="Description" rows={3} value={description} onChange={setDescription} error={fieldError(problems, 'description')} />
              <Button variant="secondary">Save name and description</Button>
            </form>
            <h2 className="nhsuk-heading-m">Merge into another domain</h2>
            <form onSubmit={onMerge} noValidate>
              <Select
                id="intoDomainId"
                label="Domain to merge into"
                hint="Applications in this domain move to the one you choose."
                placeholder="Select a domain"
                value={into}
                onChange={setInto}
                options={others.map((d) => ({ value: d.id, label: d.name }))}
                error={fieldError(problems, 'intoDomainId')}
              />
              <Button variant="secondary">Merge domain</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
