import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { PeopleSearchQuery } from '../queries';
import { AddPanelMemberMutation, RemovePanelMemberMutation } from '../mutations';
import { Button, Select, Tag, TextInput } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';

export interface PanelRow {
  chair: boolean;
  person: { id: string; name: string; email?: string | null; organisation?: { name: string } | null };
}

interface Props {
  callId: string;
  panel: PanelRow[];
  /** False once the decision is made: the panel can no longer change. */
  editable: boolean;
  problems: Problem[];
  setProblems: (p: Problem[]) => void;
  setMessage: (m: string) => void;
  onChanged: () => void;
}

/** The call's panel: members and the chair; the team adds people found by search, makes a chair, removes. */
export function PanelManager({ callId, panel, editable, problems, setProblems, setMessage, onChanged }: Props) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [personId, setPersonId] = useState('');
  const [asChair, setAsChair] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(t);
  }, [search]);
  const [{ data: people }] = useQuery({ query: PeopleSearchQuery, variables: { search: debounced || null }, pause: !editable });
  const form = formProblems(problems, setProblems);
  const add = useFormMutation(AddPanelMemberMutation, { form });
  const remove = useFormMutation(RemovePanelMemberMutation, { form });
  const members = new Set(panel.map((m) => m.person.id));
  const ordered = [...panel].sort((a, b) => Number(b.chair) - Number(a.chair));
  const candidates = (people?.people.nodes ?? []).filter((p) => !members.has(p.id));

  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    if (!personId) {
      setProblems([{ field: 'personId', message: 'Select a person to add to the panel' }]);
      return;
    }
    const r = await add.submit({ input: { callId, personId, chair: asChair } });
    if (!r) return;
    const m = r.addPanelMember.panelMember;
    setMessage(`${m.person.name} is now on the panel${m.chair ? ' as its chair' : ''}.`);
    setPersonId('');
    setAsChair(false);
    onChanged();
  };

  const onMakeChair = async (p: PanelRow['person']) => {
    const r = await add.submit({ input: { callId, personId: p.id, chair: true } });
    if (!r) return;
    setMessage(`${p.name} is now the chair.`);
    onChanged();
  };

  const onRemove = async (p: PanelRow['person']) => {
    const r = await remove.submit({ input: { callId, personId: p.id } });
    if (!r) return;
    setMessage(`${p.name} is no longer on the panel.`);
    onChanged();
  };

  return (
    <>
      {panel.length === 0 ? (
        <p className="nhsuk-body">Nobody is on the panel yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Panel members</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                Name
              </th>
              <th className="nhsuk-table__header" scope="col">
                Role
              </th>
              {editable && (
                <th className="nhsuk-table__header" scope="col">
                  <span className="nhsuk-u-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {ordered.map((m) => (
              <tr className="nhsuk-table__row" key={m.person.id}>
                <td className="nhsuk-table__cell">
                  {m.person.name}
                  {m.person.organisation && (
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{m.person.organisation.name}</span>
                  )}
                </td>
                <td className="nhsuk-table__cell">{m.chair ? <Tag colour="purple">Chair</Tag> : 'Member'}</td>
                {editable && (
                  <td className="nhsuk-table__cell">
                    <div className="convene-actions">
                      {!m.chair && (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                          disabled={add.fetching}
                          onClick={() => void onMakeChair(m.person)}
                        >
                          Make chair<span className="nhsuk-u-visually-hidden"> of the panel: {m.person.name}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        disabled={remove.fetching}
                        onClick={() => void onRemove(m.person)}
                      >
                        Remove<span className="nhsuk-u-visually-hidden"> {m.person.name} from the panel</span>
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form onSubmit={(e) => void onAdd(e)} noValidate>
          <h3 className="nhsuk-heading-s">Add a panel member</h3>
          <TextInput
            id="panelSearch"
            label="Search for a person by name or email"
            type="search"
            value={search}
            onChange={setSearch}
            widthClass="nhsuk-input--width-20"
          />
          <Select
            id="personId"
            label="Person"
            value={personId}
            onChange={setPersonId}
            placeholder={candidates.length ? 'Choose a person' : 'Nobody found'}
            options={candidates.map((p) => ({
              value: p.id,
              label: `${p.name}${p.email ? ` (${p.email})` : ''}, ${p.organisation.name}`,
            }))}
            error={fieldError(problems, 'personId')}
          />
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="chair"
                  name="chair"
                  type="checkbox"
                  checked={asChair}
                  onChange={(e) => setAsChair(e.target.checked)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="chair">
                  Make this person the chair
                </label>
              </div>
            </div>
          </div>
          <Button variant="secondary" disabled={add.fetching}>
            Add to the panel
          </Button>
        </form>
      )}
    </>
  );
}
