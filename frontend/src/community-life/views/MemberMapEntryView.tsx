import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MemberMapQuery } from '../queries';
import { AddMemberMapEntryMutation, RemoveMemberMapEntryMutation, UpdateMemberMapEntryMutation } from '../mutations';
import { MemberCommunity, canChange } from '../components/MemberCommunity';
import { Checkboxes } from '../components/Checkboxes';
import { MAP_TAG_VALUES, mapTag } from '../labels';
import type { MemberMapQuery as MemberMapResult, MemberMapTag, Sector } from '../../graphql/graphql';
import { OrganisationsQuery } from '../../account/queries';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import { SECTOR_VALUES, sectorTitle } from '../../ui/labels';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { memberMapUrl } from '../../urls';

type Entry = NonNullable<MemberMapResult['community']>['memberMap']['entries'][number];

export interface EntryValues {
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  sector: string;
  profession: string;
  tags: string[];
}

const EMPTY: EntryValues = { name: '', email: '', organisationId: '', organisationName: '', sector: '', profession: '', tags: [] };

function valuesOf(e: Entry): EntryValues {
  return {
    name: e.name,
    email: e.email ?? '',
    organisationId: e.organisation?.id ?? '',
    organisationName: e.organisation ? '' : (e.organisationName ?? ''),
    sector: e.organisation ? '' : (e.sector ?? ''),
    profession: e.profession ?? '',
    tags: e.tags,
  };
}

/** The browser's checks, each naming the input field; the server decides the rest. */
export function checkEntry(v: EntryValues) {
  const problems: Problem[] = [];
  if (!v.name.trim()) problems.push({ field: 'name', message: 'Enter their name' });
  if (v.organisationId && v.organisationName.trim()) {
    problems.push({ field: 'organisationName', message: 'Choose an organisation from the list or type its name, not both' });
  }
  if (v.sector && !v.organisationName.trim()) problems.push({ field: 'sector', message: 'Type the name of the organisation whose sector this is' });
  if (v.tags.length === 0) problems.push({ field: 'tags', message: 'Choose at least one reason this person is on the map' });
  const input = {
    name: v.name.trim(),
    email: v.email.trim() || null,
    organisationId: v.organisationId || null,
    organisationName: v.organisationName.trim() || null,
    sector: (v.organisationName.trim() && v.sector ? v.sector : null) as Sector | null,
    profession: v.profession.trim() || null,
    tags: MAP_TAG_VALUES.filter((t) => v.tags.includes(t)) as MemberMapTag[],
  };
  return { problems, input };
}

/** /communities/:id/member-map/new and /communities/:id/member-map/:entryId: add someone, or change or remove them. */
export function MemberMapEntryView() {
  return <MemberCommunity>{(c) => <LoadEntry community={c} />}</MemberCommunity>;
}

function LoadEntry({ community }: { community: CommunityHome }) {
  const { entryId } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: MemberMapQuery, variables: { id: community.id }, pause: !entryId });
  const back = memberMapUrl(community.id);
  if (!canChange(community)) return <Navigate to={back} replace />;
  if (!entryId) return <EntryForm community={community} />;
  if (fetching && !data) return <Loading />;
  const entries = data?.community?.memberMap.entries;
  if (!entries) return <ErrorSummary problems={problemsFrom(error)} />;
  const entry = entries.find((e) => e.id === entryId);
  if (!entry) return <Navigate to={back} replace />;
  return <EntryForm community={community} entry={entry} />;
}

function EntryForm({ community, entry }: { community: CommunityHome; entry?: Entry }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<EntryValues>(entry ? valuesOf(entry) : EMPTY);
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [{ data: orgs }] = useQuery({ query: OrganisationsQuery, variables: { search: null } });
  const add = useFormMutation(AddMemberMapEntryMutation, { form });
  const update = useFormMutation(UpdateMemberMapEntryMutation, { form });
  const remove = useFormMutation(RemoveMemberMapEntryMutation, { form, fields: [] });
  const heading = entry ? `Change ${entry.name} on the member map` : 'Add someone to the member map';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = memberMapUrl(community.id);
  const set = (k: keyof EntryValues) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkEntry(values);
    if (checked.problems.length) {
      setProblems(checked.problems);
      return;
    }
    const r = entry
      ? await update.submit({ input: { entryId: entry.id, ...checked.input } })
      : await add.submit({ input: { communityId: community.id, ...checked.input } });
    if (!r) return;
    const state: FlashState = { flash: entry ? `${checked.input.name} changed on the member map` : `${checked.input.name} added to the member map` };
    navigate(back, { state });
  };

  const onRemove = async () => {
    if (!entry) return;
    const r = await remove.submit({ input: { entryId: entry.id } });
    if (!r) return;
    const state: FlashState = { flash: `${entry.name} taken off the member map` };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the member map</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <p className="nhsuk-body">Think beyond your usual circle: the people you want and need, and why.</p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="name" label="Name" value={values.name} onChange={set('name')} error={err('name')} autoComplete="off" />
          <TextInput
            id="email"
            label="Email address (optional)"
            type="email"
            spellCheck={false}
            value={values.email}
            onChange={set('email')}
            error={err('email')}
          />
          <Select
            id="organisationId"
            label="Organisation"
            hint="Choose it from the list, or type its name below if it is not there"
            placeholder="Not in the list"
            value={values.organisationId}
            onChange={set('organisationId')}
            error={err('organisationId')}
            options={(orgs?.organisations.nodes ?? []).map((o) => ({ value: o.id, label: `${o.name} (${sectorTitle(o.sector)})` }))}
          />
          <TextInput
            id="organisationName"
            label="Organisation not in the list (optional)"
            value={values.organisationName}
            onChange={set('organisationName')}
            error={err('organisationName')}
          />
          <Select
            id="sector"
            label="Its sector (optional)"
            hint="Only for an organisation you typed"
            placeholder="Not known"
            value={values.sector}
            onChange={set('sector')}
            error={err('sector')}
            options={SECTOR_VALUES.map((s) => ({ value: s, label: sectorTitle(s) }))}
          />
          <TextInput
            id="profession"
            label="Profession (optional)"
            hint="For example, pharmacist or ward manager"
            value={values.profession}
            onChange={set('profession')}
            error={err('profession')}
          />
          <Checkboxes
            id="tags"
            legend="Why are they on the map?"
            hint="Select all that apply"
            values={values.tags}
            onChange={(tags) => setValues((s) => ({ ...s, tags }))}
            error={err('tags')}
            options={MAP_TAG_VALUES.map((t) => ({ value: t, label: mapTag(t).text }))}
          />
          <div className="convene-actions">
            <Button disabled={add.fetching || update.fetching}>{entry ? 'Save changes' : 'Add to the map'}</Button>
            {entry && (
              <Button type="button" variant="warning" disabled={remove.fetching} onClick={() => void onRemove()}>
                Take off the map
              </Button>
            )}
          </div>
          <p className="nhsuk-body nhsuk-u-margin-top-4">
            <Link to={back}>Cancel</Link>
          </p>
        </form>
      </div>
    </div>
  );
}
