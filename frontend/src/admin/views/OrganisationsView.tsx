import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AdminOrganisationsQuery } from '../queries';
import { CreateOrganisationMutation, SetOrganisationNhsMemberMutation } from '../mutations';
import type { Sector } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Radios, Select, Tag, TextInput } from '../../ui/fields';
import { formatDate } from '../../ui/format';
import { SECTOR_VALUES, sectorTitle } from '../../ui/labels';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageLinks, usePaging } from '../../ui/usePaging';
import { importOrganisationsUrl } from '../../urls';

export function OrganisationsView() {
  const paging = usePaging('admin-organisations');
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrganisationsQuery, variables: { search: null, ...paging.variables }, requestPolicy: 'cache-and-network' });
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [nhsMember, setNhsMember] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [message, setMessage] = useState<string | null>(null);
  const create = useFormMutation(CreateOrganisationMutation, { form });
  const setMember = useFormMutation(SetOrganisationNhsMemberMutation, { form });
  usePageTitle(paging.page > 1 ? `Organisations (page ${paging.page})` : 'Organisations', problems.length > 0);
  const orgs = data?.organisations.nodes ?? [];

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter the name of the organisation' });
    if (!sector) local.push({ field: 'sector', message: 'Select the sector' });
    if (!nhsMember) local.push({ field: 'nhsMember', message: 'Select yes if it is a current NHS member of the network' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await create.submit({ input: { name: name.trim(), sector: sector as Sector, nhsMember: nhsMember === 'yes' } });
    if (!r) return;
    setMessage(`Added ${r.createOrganisation.organisation.name}.`);
    setName('');
    setSector('');
    setNhsMember('');
    refetch({ requestPolicy: 'network-only' });
  };

  const onToggle = async (id: string, orgName: string, member: boolean) => {
    const r = await setMember.submit({ input: { organisationId: id, nhsMember: member } });
    if (!r) return;
    setMessage(member ? `${orgName} is now an NHS member of the network.` : `${orgName} is no longer an NHS member of the network.`);
  };

  return (
    <>
      <ErrorSummary problems={problems.length ? problems : problemsFrom(error)} />
      <h1 className="nhsuk-heading-l">Organisations</h1>
      <p className="nhsuk-body">
        <Link to={importOrganisationsUrl()}>Import organisations from a CSV file</Link>
      </p>
      {message && (
        <p className="nhsuk-body" role="status">
          {message}
        </p>
      )}
      {fetching && !data ? (
        <Loading />
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Organisations</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Organisation</th>
              <th className="nhsuk-table__header" scope="col">Sector</th>
              <th className="nhsuk-table__header" scope="col">NHS member of the network</th>
              <th className="nhsuk-table__header" scope="col"><span className="nhsuk-u-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {orgs.map((o) => (
              <tr className="nhsuk-table__row" key={o.id}>
                <td className="nhsuk-table__cell">{o.name}</td>
                <td className="nhsuk-table__cell">{sectorTitle(o.sector)}</td>
                <td className="nhsuk-table__cell">
                  {o.nhsMember ? <Tag colour="green">Member</Tag> : <Tag colour="grey">Not a member</Tag>}
                  {o.nhsMemberChangedOn && (
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">since {formatDate(o.nhsMemberChangedOn)}</span>
                  )}
                </td>
                <td className="nhsuk-table__cell">
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    disabled={setMember.fetching}
                    onClick={() => void onToggle(o.id, o.name, !o.nhsMember)}
                  >
                    {o.nhsMember ? 'Remove membership' : 'Mark as member'}
                    <span className="nhsuk-u-visually-hidden"> for {o.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks paging={paging} info={data?.organisations.pageInfo} shown={orgs.length} total={data?.organisations.totalCount} noun="organisations" />

      <h2 className="nhsuk-heading-m">Add an organisation</h2>
      <form onSubmit={onCreate} noValidate>
        <TextInput id="name" label="Name" value={name} onChange={setName} error={fieldError(problems, 'name')} />
        <Select
          id="sector"
          label="Sector"
          placeholder="Select a sector"
          value={sector}
          onChange={setSector}
          options={SECTOR_VALUES.map((s) => ({ value: s, label: sectorTitle(s) }))}
          error={fieldError(problems, 'sector')}
        />
        <Radios
          id="nhsMember"
          legend="Is it a current NHS member of the network?"
          legendSize="s"
          inline
          value={nhsMember}
          onChange={setNhsMember}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          error={fieldError(problems, 'nhsMember')}
        />
        <Button disabled={create.fetching}>Add organisation</Button>
      </form>
    </>
  );
}
