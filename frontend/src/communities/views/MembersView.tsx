import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityInsideQuery } from '../queries';
import { SetMemberRoleMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import { Flash, type FlashState } from '../components/Flash';
import { ROLE_HINTS, ROLE_VALUES, ROLES } from '../labels';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Radios } from '../../ui/fields';
import { formatInstantDate, plural } from '../../ui/format';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { MemberRole } from '../../graphql/graphql';
import { memberUrl, membersUrl, removeMemberUrl } from '../../urls';

const ROLE_ORDER: Record<MemberRole, number> = { CONVENER: 0, CORE: 1, MEMBER: 2 };

export function useMembers(community: CommunityHome) {
  const allowed = community.viewerCan.seeInside;
  const [result] = useQuery({
    query: CommunityInsideQuery,
    variables: { id: community.id },
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  return { allowed, ...result };
}

/** /communities/:id/members: everyone in the community with their role. */
export function MembersView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Members community={c} />}</CommunityLoader>;
}

function Members({ community }: { community: CommunityHome }) {
  const { viewer } = useSession();
  usePageTitle(`Members – ${community.name}`);
  const { allowed, data, fetching, error } = useMembers(community);
  if (!allowed) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const members = data?.community?.members;
  if (!members) return <ErrorSummary problems={problemsFrom(error)} />;
  const sorted = [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.person.name.localeCompare(b.person.name));
  const convener = community.viewerCan.changeRoles;
  const viewerId = viewer?.id;
  return (
    <>
      <CommunityBackLink id={community.id} name={community.name} />
      <Flash />
      <CommunityCaption name={community.name} />
      <h1 className="nhsuk-heading-l">Members</h1>
      <p className="nhsuk-body">
        {plural(members.length, 'person', 'people')} in the community.
        {convener && ' As a convener you can change roles: co-conveners work well.'}
      </p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Members and their roles</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Name
            </th>
            <th className="nhsuk-table__header" scope="col">
              Role
            </th>
            <th className="nhsuk-table__header" scope="col">
              Joined
            </th>
            {convener && (
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {sorted.map((m) => (
            <tr className="nhsuk-table__row" key={m.person.id}>
              <td className="nhsuk-table__cell">{m.person.name}</td>
              <td className="nhsuk-table__cell">{ROLES[m.role]}</td>
              <td className="nhsuk-table__cell">{formatInstantDate(m.joinedAt)}</td>
              {convener && (
                <td className="nhsuk-table__cell">
                  <Link to={memberUrl(community.id, m.person.id)}>
                    Change role<span className="nhsuk-u-visually-hidden"> of {m.person.name}</span>
                  </Link>
                  {m.person.id !== viewerId && (
                    <>
                      {' · '}
                      <Link to={removeMemberUrl(community.id, m.person.id)}>
                        Remove<span className="nhsuk-u-visually-hidden"> {m.person.name}</span>
                      </Link>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** /communities/:id/members/:personId: a convener changes someone's role. */
export function MemberRoleView() {
  const { id = '', personId = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <MemberRoleForm community={c} personId={personId} />}</CommunityLoader>;
}

function MemberRoleForm({ community, personId }: { community: CommunityHome; personId: string }) {
  const navigate = useNavigate();
  const { allowed, data, fetching, error } = useMembers(community);
  const [role, setRole] = useState<string | null>(null);
  const setMemberRole = useFormMutation(SetMemberRoleMutation, { map: (ps) => ps.map((p) => (p.field ? { field: 'role', message: p.message } : p)) });
  const { problems } = setMemberRole;
  const member = data?.community?.members.find((m) => m.person.id === personId);
  usePageTitle(member ? `Change the role of ${member.person.name}` : 'Change a role', problems.length > 0);
  if (!allowed) return <MembersOnly community={community} />;
  if (!community.viewerCan.changeRoles) return <Navigate to={membersUrl(community.id)} replace />;
  if (fetching && !data) return <Loading />;
  if (!member) return <ErrorSummary problems={error ? problemsFrom(error) : [{ message: 'This person is not a member' }]} />;
  const chosen = role ?? member.role;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await setMemberRole.submit({ input: { communityId: community.id, personId, role: chosen as MemberRole } });
    if (!r) return;
    const newRole = r.setMemberRole.member.role;
    const state: FlashState = {
      flash:
        newRole === 'CONVENER'
          ? `${member.person.name} is now a convener`
          : `${member.person.name}’s role is now ${ROLES[newRole].toLowerCase()}`,
    };
    navigate(membersUrl(community.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="role"
            legend={`What is ${member.person.name}’s role?`}
            isPageHeading
            hint="A community always keeps at least one convener."
            value={chosen}
            onChange={setRole}
            options={ROLE_VALUES.map((r) => ({ value: r, label: ROLES[r], hint: ROLE_HINTS[r] }))}
            error={fieldError(problems, 'role')}
          />
          <Button disabled={setMemberRole.fetching}>Save role</Button>
        </form>
        <p className="nhsuk-body">
          <Link to={membersUrl(community.id)}>Back to the members</Link>
        </p>
      </div>
    </div>
  );
}
