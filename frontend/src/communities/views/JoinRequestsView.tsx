import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { JoinRequestsQuery } from '../queries';
import { DecideJoinRequestMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import { Flash, type FlashState } from '../components/Flash';
import { REQUEST_STATUS, runsIt } from '../labels';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Radios, Tag, Textarea } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { joinRequestUrl, joinRequestsUrl } from '../../urls';

function useRequests(community: CommunityHome) {
  const { isProgrammeTeam } = useSession();
  const allowed = runsIt(community.viewerRole) || isProgrammeTeam;
  const [result] = useQuery({
    query: JoinRequestsQuery,
    variables: { id: community.id },
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  return { allowed, ...result };
}

/** /communities/:id/requests: requests to join, waiting ones first. */
export function JoinRequestsView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Requests community={c} />}</CommunityLoader>;
}

function Requests({ community }: { community: CommunityHome }) {
  usePageTitle(`Requests to join – ${community.name}`);
  const { allowed, data, fetching, error } = useRequests(community);
  if (!allowed) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const requests = data?.community?.joinRequests;
  if (!requests) return <ErrorSummary problems={problemsFrom(error)} />;
  const pending = requests.filter((r) => r.status === 'PENDING');
  const decided = requests.filter((r) => r.status !== 'PENDING');
  return (
    <>
      <CommunityBackLink id={community.id} name={community.name} />
      <Flash />
      <CommunityCaption name={community.name} />
      <h1 className="nhsuk-heading-l">Requests to join</h1>
      <h2 className="nhsuk-heading-m">Waiting for a decision</h2>
      {pending.length === 0 ? (
        <p className="nhsuk-body">There are no requests waiting.</p>
      ) : (
        <dl className="nhsuk-summary-list" id="pending-requests">
          {pending.map((r) => (
            <div className="nhsuk-summary-list__row" key={r.id}>
              <dt className="nhsuk-summary-list__key">{r.person.name}</dt>
              <dd className="nhsuk-summary-list__value">
                <span className="convene-pre-line">{r.note || 'No note'}</span>
                <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">Asked on {formatInstantDate(r.createdAt)}</span>
              </dd>
              <dd className="nhsuk-summary-list__actions">
                <Link to={joinRequestUrl(community.id, r.id)}>
                  Decide<span className="nhsuk-u-visually-hidden"> on the request from {r.person.name}</span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {decided.length > 0 && (
        <>
          <h2 className="nhsuk-heading-m">Decided</h2>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Decided requests</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Name
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Decision
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {decided.map((r) => {
                const s = REQUEST_STATUS[r.status] ?? { text: r.status, colour: 'grey' as const };
                return (
                  <tr className="nhsuk-table__row" key={r.id}>
                    <td className="nhsuk-table__cell">{r.person.name}</td>
                    <td className="nhsuk-table__cell">
                      <Tag colour={s.colour}>{s.text}</Tag>
                      {r.reason && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{r.reason}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** /communities/:id/requests/:requestId: approve, or decline with a reason. */
export function DecideJoinRequestView() {
  const { id = '', requestId = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Decide community={c} requestId={requestId} />}</CommunityLoader>;
}

function Decide({ community, requestId }: { community: CommunityHome; requestId: string }) {
  const navigate = useNavigate();
  const { allowed, data, fetching, error } = useRequests(community);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const decide = useFormMutation(DecideJoinRequestMutation);
  const { problems, setProblems } = decide;
  const request = data?.community?.joinRequests.find((r) => r.id === requestId);
  usePageTitle(request ? `Can ${request.person.name} join?` : 'Request to join', problems.length > 0);
  if (!allowed) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  if (!request) return <ErrorSummary problems={error ? problemsFrom(error) : [{ message: 'There is no such request' }]} />;
  const back = joinRequestsUrl(community.id);
  if (request.status !== 'PENDING') {
    return (
      <>
        <CommunityBackLink id={community.id} name={community.name} />
        <h1 className="nhsuk-heading-l">This request has been decided</h1>
        <p className="nhsuk-body">
          <Link to={back}>Back to the requests to join</Link>
        </p>
      </>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!decision) local.push({ field: 'decision', message: `Select yes if ${request.person.name} can join` });
    if (decision === 'no' && !reason.trim()) local.push({ field: 'reason', message: 'Give a reason for declining' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const approve = decision === 'yes';
    const r = await decide.submit({ input: { requestId, approve, reason: approve ? null : reason.trim() } });
    if (!r) return;
    const state: FlashState = {
      flash: approve ? `${request.person.name} has joined the community` : `You declined the request from ${request.person.name}`,
    };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{request.person.name} asked to join</h1>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Their note: </span>
          <p className="convene-pre-line">{request.note || 'They did not add a note.'}</p>
        </div>
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="decision"
            legend={`Can ${request.person.name} join?`}
            legendSize="m"
            value={decision}
            onChange={setDecision}
            options={[
              { value: 'yes', label: 'Yes, approve the request' },
              {
                value: 'no',
                label: 'No, decline the request',
                conditional: (
                  <Textarea
                    id="reason"
                    label="Reason"
                    hint="Kept with the request, so the conveners and core group know why. Be kind: they may ask again later."
                    rows={4}
                    value={reason}
                    onChange={setReason}
                    error={fieldError(problems, 'reason')}
                  />
                ),
              },
            ]}
            error={fieldError(problems, 'decision')}
          />
          <Button disabled={decide.fetching}>Save decision</Button>
        </form>
      </div>
    </div>
  );
}
