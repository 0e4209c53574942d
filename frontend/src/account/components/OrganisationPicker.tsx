import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { OrganisationsQuery } from '../queries';
import { Select, TextInput } from '../../ui/fields';
import { sectorLabel } from '../../ui/labels';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
}

/** Pick an organisation from `organisations(search)`: a search box narrowing a select. */
export function OrganisationPicker({ id, label, hint, error, value, onChange, placeholder = 'Select your organisation' }: Props) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(t);
  }, [search]);
  const [{ data, fetching }] = useQuery({
    query: OrganisationsQuery,
    variables: { search: debounced || null },
  });
  const orgs = data?.organisations.nodes ?? [];
  const total = data?.organisations.totalCount ?? 0;
  return (
    <>
      {(total > 15 || debounced) && (
        <TextInput
          id={`${id}Search`}
          label="Search for your organisation"
          value={search}
          onChange={setSearch}
          autoComplete="off"
          widthClass="nhsuk-input--width-20"
        />
      )}
      <Select
        id={id}
        label={label}
        hint={hint ?? (fetching && !data ? 'Loading organisations…' : undefined)}
        error={error}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        options={orgs.map((o) => ({ value: o.id, label: `${o.name} (${sectorLabel(o.sector)})` }))}
      />
    </>
  );
}
