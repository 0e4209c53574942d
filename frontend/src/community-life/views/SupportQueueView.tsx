import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SupportQueueQuery } from '../queries';
import { AssignSupportRequestMutation, UpdateSupportRequestMutation } from '../mutations';
import { SupportHistory, SupportStatusTag } from '../components/SupportRequestCard';
import { SUPPORT_KINDS, SUPPORT_STATUS_VALUES, nextSupportStatuses, supportStatus } from '../labels';
import type { SupportRequestFieldsFragment, SupportRequestStatus } from '../../graphql/graphql';
import { useSession } from '../../account/SessionContext';
import { CoachesQuery } from '../../communities/queries';
import { Flash, type FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Radios, Select, Textarea } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { supportQueueRequestUrl } from '../../urls';

/** Coaches and the programme team work on support requests. */
export function useSupportsCommunities(): boolean {
  const { viewer } = useSession();
  return !!viewer?.roles.some((r) => r === 'COACH' || r === 'PROGRAMME_TEAM');
}

function ForCoaches() {
  usePageTitle('You cannot see this page');
  return (
    <>
      <h1 className="nhsuk-heading-l">You cannot see this page</h1>
      <p className="nhsuk-body">This page is for the network’s coaches and programme team.</p>
    </>
  );
}

/** /support-queue: the requests to work on, oldest first, filtered by status. */
export function SupportQueueView() {
  const allowed = useSupportsCommunities();
  const [params, setParams] = useSearchParams();
  const status = SUPPORT_STATUS_VALUES.find((s) => s === params.get('status')) ?? null;
  const [choice, setChoice] = useState<string>(status ?? '');
  const [{ data, fetching, error }] = useQuery({ query: SupportQueueQuery, variables: { status }, pause: !allowed, requestPolicy: 'cache-and-network' });
  usePageTitle(status ? `Support queue: ${supportStatus(status).text.toLowerCase()}` : 'Support queue');
  if (!allowed) return <ForCoaches />;
  const queue = data?.supportQueue;

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    setParams(choice ? { status: choice } : {});
  };

  return (
    <>
      <Flash />
      <h1 className="nhsuk-heading-l">Support queue</h1>
      <p className="nhsuk-body">Communities’ requests for support, oldest first.</p>
      <form onSubmit={onFilter} noValidate className="convene-actions">
        <Select
          id="status"
          label="Status"
          placeholder="Any status"
          value={choice}
          onChange={setChoice}
          options={SUPPORT_STATUS_VALUES.map((s) => ({ value: s, label: supportStatus(s).text }))}
        />
        <div className="nhsuk-u-padding-top-5">
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      {fetching && !data ? (
        <Loading />
      ) : !queue ? (
        <ErrorSummary problems={problemsFrom(error)} />
      ) : queue.nodes.length === 0 ? (
        <p className="nhsuk-body">There are no requests{status ? ` that are ${supportStatus(status).text.toLowerCase()}` : ''}.</p>
      ) : (
        <table className="nhsuk-table" id="support-queue">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Support requests</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Community</th>
              <th className="nhsuk-table__header" scope="col">Support</th>
              <th className="nhsuk-table__header" scope="col">Asked</th>
              <th className="nhsuk-table__header" scope="col">With</th>
              <th className="nhsuk-table__header" scope="col">Status</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {queue.nodes.map((r) => (
              <tr className="nhsuk-table__row" key={r.id}>
                <td className="nhsuk-table__cell">
                  <Link to={supportQueueRequestUrl(r.id)}>{r.community.name}</Link>
                </td>
                <td className="nhsuk-table__cell">{SUPPORT_KINDS[r.kind]?.text ?? r.kind}</td>
                <td className="nhsuk-table__cell">{formatInstantDate(r.createdAt)}</td>
                <td className="nhsuk-table__cell">{r.assignee?.name ?? 'Nobody yet'}</td>
                <td className="nhsuk-table__cell">
                  <SupportStatusTag status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** /support-queue/:requestId: assign a request (the programme team), move it on or add a note. */
export function SupportRequestView() {
  const allowed = useSupportsCommunities();
  const { requestId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SupportQueueQuery, variables: { status: null }, pause: !allowed, requestPolicy: 'cache-and-network' });
  if (!allowed) return <ForCoaches />;
  if (fetching && !data) return <Loading />;
  const nodes = data?.supportQueue.nodes;
  if (!nodes) return <ErrorSummary problems={problemsFrom(error)} />;
  const request = nodes.find((r) => r.id === requestId);
  if (!request) return <Navigate to="/support-queue" replace />;
  return <WorkOnRequest key={request.id + request.status + request.updatedAt} request={request} />;
}

function WorkOnRequest({ request }: { request: SupportRequestFieldsFragment }) {
  const navigate = useNavigate();
  const { isProgrammeTeam, viewer } = useSession();
  const [personId, setPersonId] = useState(request.assignee?.id ?? '');
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [{ data: people }] = useQuery({ query: CoachesQuery, pause: !isProgrammeTeam });
  const assign = useFormMutation(AssignSupportRequestMutation, { form });
  const update = useFormMutation(UpdateSupportRequestMutation, { form });
  const kind = SUPPORT_KINDS[request.kind]?.text ?? request.kind;
  const heading = `${kind}: ${request.community.name}`;
  usePageTitle(heading, problems.length > 0);
  const err = (f: string) => fieldError(problems, f);
  const closed = request.status === 'CLOSED';
  const works = isProgrammeTeam || request.assignee?.id === viewer?.id;
  const helpers = (people?.people.nodes ?? []).filter((p) => p.roles.includes('COACH') || p.roles.includes('PROGRAMME_TEAM'));
  const moves = nextSupportStatuses(request.status);

  const onAssign = async (e: FormEvent) => {
    e.preventDefault();
    if (!personId) {
      setProblems([{ field: 'personId', message: 'Choose a coach or a member of the programme team' }]);
      return;
    }
    const r = await assign.submit({ input: { requestId: request.id, personId } });
    if (!r) return;
    const state: FlashState = { flash: `Request assigned to ${r.assignSupportRequest.request.assignee?.name ?? 'them'}` };
    navigate('/support-queue', { state });
  };

  const onUpdate = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (status === 'CLOSED' && !note.trim()) local.push({ field: 'note', message: 'Say how the request was resolved' });
    if (!status && !note.trim()) local.push({ field: 'note', message: 'Enter a note' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await update.submit({
      input: { requestId: request.id, status: (status || null) as SupportRequestStatus | null, note: note.trim() || null },
    });
    if (!r) return;
    const now = r.updateSupportRequest.request.status;
    const state: FlashState = { flash: status ? `Request is now ${supportStatus(now).text.toLowerCase()}` : 'Note added' };
    navigate('/support-queue', { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/support-queue">Back to the support queue</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">Support request</span>
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <p className="nhsuk-body convene-card-tags">
          <SupportStatusTag status={request.status} />
        </p>
        <p className="nhsuk-body convene-pre-line">{request.details}</p>
        <p className="nhsuk-body-s">
          Asked by {request.requestedBy.name} on {formatInstantDate(request.createdAt)}.{' '}
          {request.assignee ? `With ${request.assignee.name}.` : 'Not assigned yet.'}
        </p>
        <h2 className="nhsuk-heading-m">History</h2>
        <SupportHistory history={request.history} />

        {isProgrammeTeam && !closed && (
          <form onSubmit={onAssign} noValidate>
            <h2 className="nhsuk-heading-m">{request.assignee ? 'Reassign' : 'Assign'}</h2>
            <Select
              id="personId"
              label="Who will help?"
              hint="A coach or a member of the programme team. They are told by email."
              placeholder="Choose a person"
              value={personId}
              onChange={setPersonId}
              error={err('personId')}
              options={helpers.map((p) => ({ value: p.id, label: `${p.name} (${p.roles.includes('COACH') ? 'coach' : 'programme team'})` }))}
            />
            <Button variant="secondary" disabled={assign.fetching}>
              Assign the request
            </Button>
          </form>
        )}

        {works && !closed && (
          <form onSubmit={onUpdate} noValidate>
            <h2 className="nhsuk-heading-m">Update</h2>
            <Radios
              id="status"
              legend="Status"
              legendSize="s"
              value={status}
              onChange={setStatus}
              error={err('status')}
              options={[
                { value: '', label: `Keep it ${supportStatus(request.status).text.toLowerCase()} and add a note` },
                ...moves.map((s) => ({ value: s, label: s === 'CLOSED' ? 'Close it' : `Mark it ${supportStatus(s).text.toLowerCase()}` })),
              ]}
            />
            <Textarea
              id="note"
              label="Note"
              hint="Closing needs a note saying how the request was resolved. The community sees the notes."
              rows={4}
              value={note}
              onChange={setNote}
              error={err('note')}
            />
            <Button disabled={update.fetching}>Save the update</Button>
          </form>
        )}
      </div>
    </div>
  );
}
