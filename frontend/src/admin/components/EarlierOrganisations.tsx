import { useState } from 'react';
import { useQuery } from 'urql';
import { PersonOrganisationHistoryQuery } from '../queries';
import { OrganisationHistory } from '../../account/components/OrganisationHistory';
import { problemsFrom } from '../../ui/problems';

function History({ personId, name }: { personId: string; name: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PersonOrganisationHistoryQuery, variables: { id: personId } });
  if (fetching && !data) return <p className="nhsuk-body-s">Loading…</p>;
  if (error) return <p className="nhsuk-body-s">{problemsFrom(error)[0]?.message}</p>;
  const history = data?.node && 'organisationHistory' in data.node ? data.node.organisationHistory : [];
  if (history.length === 0) return <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{name} has not changed organisation.</p>;
  return <OrganisationHistory history={history} caption={`${name}'s earlier organisations`} />;
}

/**
 * A person's organisation history for the programme team, fetched when opened (one person at a
 * time, so the list of people costs nothing more).
 */
export function EarlierOrganisations({ personId, name }: { personId: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Organisation history<span className="nhsuk-u-visually-hidden"> of {name}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">{open && <History personId={personId} name={name} />}</div>
    </details>
  );
}
