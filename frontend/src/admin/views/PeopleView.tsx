import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { AdminPeopleQuery } from '../queries';
import { GrantRoleMutation, RevokeRoleMutation } from '../mutations';
import type { Role } from '../../graphql/graphql';
import { EarlierOrganisations } from '../components/EarlierOrganisations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag, TextInput } from '../../ui/fields';
import { ROLES, roleLabel } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { PageLinks, usePaging } from '../../ui/usePaging';

const ALL_ROLES = Object.keys(ROLES) as Role[];

export function PeopleView() {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(t);
  }, [search]);
  const paging = usePaging('admin-people', { resetOn: debounced });
  const [{ data, fetching, error }] = useQuery({ query: AdminPeopleQuery, variables: { search: debounced || null, ...paging.variables }, requestPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<Record<string, Role>>({});
  const form = useFormProblems();
  const { problems } = form;
  const [message, setMessage] = useState<string | null>(null);
  const grant = useFormMutation(GrantRoleMutation, { form });
  const revoke = useFormMutation(RevokeRoleMutation, { form });
  usePageTitle(paging.page > 1 ? `People (page ${paging.page})` : 'People', problems.length > 0);
  const people = data?.people.nodes ?? [];

  const onGrant = async (personId: string, name: string) => {
    const role = chosen[personId] ?? 'PANEL';
    const r = await grant.submit({ input: { personId, role } });
    if (!r) return;
    setMessage(`${name} is now: ${roleLabel(role).toLowerCase()}.`);
  };

  const onRevoke = async (personId: string, name: string, role: Role) => {
    const r = await revoke.submit({ input: { personId, role } });
    if (!r) return;
    setMessage(`${name} is no longer: ${roleLabel(role).toLowerCase()}.`);
  };

  return (
    <>
      <ErrorSummary problems={problems.length ? problems : problemsFrom(error)} />
      <h1 className="nhsuk-heading-l">People</h1>
      <TextInput id="search" label="Search by name or email" type="search" value={search} onChange={setSearch} widthClass="nhsuk-input--width-20" />
      {message && (
        <p className="nhsuk-body" role="status">
          {message}
        </p>
      )}
      {fetching && !data ? (
        <Loading />
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People ({data?.people.totalCount ?? 0})</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Name</th>
              <th className="nhsuk-table__header" scope="col">Organisation</th>
              <th className="nhsuk-table__header" scope="col">Roles</th>
              <th className="nhsuk-table__header" scope="col">Grant a role</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {people.map((p) => {
              const selectId = `role-${p.id}`;
              return (
                <tr className="nhsuk-table__row" key={p.id}>
                  <td className="nhsuk-table__cell">
                    {p.name}
                    {p.email && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{p.email}</span>}
                    {p.profession && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{p.profession}</span>}
                  </td>
                  <td className="nhsuk-table__cell">
                    {p.organisation.name}
                    <EarlierOrganisations personId={p.id} name={p.name} />
                  </td>
                  <td className="nhsuk-table__cell">
                    {p.roles.length === 0 && 'None'}
                    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                      {p.roles.map((r) => (
                        <li key={r}>
                          <Tag colour="blue">{roleLabel(r)}</Tag>{' '}
                          <button
                            type="button"
                            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                            disabled={revoke.fetching}
                            onClick={() => void onRevoke(p.id, p.name, r)}
                          >
                            Revoke<span className="nhsuk-u-visually-hidden"> {roleLabel(r)} from {p.name}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="nhsuk-table__cell">
                    <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={selectId}>
                      Role to grant to {p.name}
                    </label>
                    <select
                      className="nhsuk-select"
                      id={selectId}
                      value={chosen[p.id] ?? 'PANEL'}
                      onChange={(e) => setChosen((c) => ({ ...c, [p.id]: e.target.value as Role }))}
                    >
                      {ALL_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleLabel(r)}
                        </option>
                      ))}
                    </select>{' '}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                      disabled={grant.fetching}
                      onClick={() => void onGrant(p.id, p.name)}
                    >
                      Grant<span className="nhsuk-u-visually-hidden"> role to {p.name}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PageLinks paging={paging} info={data?.people.pageInfo} shown={people.length} total={data?.people.totalCount} noun="people" />
    </>
  );
}
