import { type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ServiceClientsQuery } from '../queries';
import { RevokeServiceClientMutation } from '../mutations';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button } from '../../ui/fields';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

/** /admin/partners/:clientId/revoke: confirm revoke.fetching a partner client. */
export function RevokeServiceClientView() {
  const { clientId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ServiceClientsQuery, requestPolicy: 'cache-and-network' });
  const revoke = useFormMutation(RevokeServiceClientMutation, { fields: [] });
  const { problems } = revoke;
  const client = data?.serviceClients.nodes.find((c) => c.clientId === clientId);
  const heading = client ? `Are you sure you want to revoke ${client.name}?` : 'Revoke a partner client';
  usePageTitle(heading, problems.length > 0);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorSummary problems={problemsFrom(error)} />;
  if (!client || client.revokedAt) return <Navigate to="/admin/partners" replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await revoke.submit({ input: { clientId: client.clientId } });
    if (!r) return;
    const state: FlashState = { flash: `${client.name} revoked. Its tokens no longer work.` };
    navigate('/admin/partners', { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/admin/partners">Back to partner systems</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{client.organisation.name}</span>
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <p className="nhsuk-body">
          The system using client id <code>{client.clientId}</code> stops being able to read Convene at once: its tokens stop
          working and it cannot get new ones. You cannot undo this; to connect it again, create a new client.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <div className="convene-actions">
            <Button variant="warning" disabled={revoke.fetching}>
              Revoke the client
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to="/admin/partners">Keep it</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
