import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminDomainsQuery } from '../queries';
import { CreateDomainMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Tag, TextInput, Textarea } from '../../ui/fields';
import { domainStatus } from '../../ui/labels';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageLinks, usePaging } from '../../ui/usePaging';
import { adminDomainUrl } from '../../urls';

export function DomainsView() {
  const paging = usePaging('admin-domains');
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminDomainsQuery, variables: paging.variables, requestPolicy: 'cache-and-network' });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useFormMutation(CreateDomainMutation);
  const { problems, setProblems } = create;
  usePageTitle(paging.page > 1 ? `Domains (page ${paging.page})` : 'Domains', problems.length > 0);
  const domains = data?.domains.nodes ?? [];
  // counted over the whole catalogue, not the page shown
  const proposed = data?.proposed.totalCount ?? 0;

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    if (!name.trim()) {
      setProblems([{ field: 'name', message: 'Enter the name of the domain' }]);
      return;
    }
    const r = await create.submit({ input: { name: name.trim(), description: description.trim() } });
    if (!r) return;
    setCreated(r.createDomain.domain.name);
    setName('');
    setDescription('');
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <ErrorSummary problems={problems.length ? problems : problemsFrom(error)} />
      <h1 className="nhsuk-heading-l">Domains</h1>
      {proposed > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {proposed === 1 ? '1 domain is' : `${proposed} domains are`} waiting for a decision: accept,
            rename or merge them.
          </p>
        </div>
      )}
      {fetching && !data ? (
        <Loading />
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Domain catalogue</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Domain</th>
              <th className="nhsuk-table__header" scope="col">Description</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {domains.map((d) => {
              const s = domainStatus(d.status);
              return (
                <tr className="nhsuk-table__row" key={d.id}>
                  <td className="nhsuk-table__cell">
                    <Link to={adminDomainUrl(d.id)}>{d.name}</Link>
                  </td>
                  <td className="nhsuk-table__cell">{d.description}</td>
                  <td className="nhsuk-table__cell">
                    <Tag colour={s.colour}>{s.text}</Tag>
                    {d.mergedInto && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">into {d.mergedInto.name}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PageLinks paging={paging} info={data?.domains.pageInfo} shown={domains.length} total={data?.domains.totalCount} noun="domains" />

      <h2 className="nhsuk-heading-m">Add a domain</h2>
      {created && (
        <p className="nhsuk-body" role="status">
          Added {created}.
        </p>
      )}
      <form onSubmit={onCreate} noValidate>
        <TextInput id="name" label="Name" value={name} onChange={setName} error={fieldError(problems, 'name')} />
        <Textarea id="description" label="Description" rows={3} value={description} onChange={setDescription} error={fieldError(problems, 'description')} />
        <Button disabled={create.fetching}>Add domain</Button>
      </form>
    </>
  );
}
