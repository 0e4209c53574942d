import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { SupportRequestsQuery } from '../queries';
import { RequestSupportMutation } from '../mutations';
import { MemberCommunity, canChange } from '../components/MemberCommunity';
import { SupportRequestCard } from '../components/SupportRequestCard';
import { SUPPORT_KINDS, SUPPORT_KIND_VALUES } from '../labels';
import type { SupportRequestKind } from '../../graphql/graphql';
import { useSession } from '../../account/SessionContext';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash, type FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Radios, Textarea } from '../../ui/fields';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { newSupportRequestUrl, supportQueueRequestUrl, supportUrl } from '../../urls';

/** /communities/:id/support: the community's requests for support from the network. */
export function SupportRequestsView() {
  return <MemberCommunity team>{(c) => <Requests community={c} />}</MemberCommunity>;
}

function Requests({ community }: { community: CommunityHome }) {
  usePageTitle(`Support from the network – ${community.name}`);
  const { isProgrammeTeam } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: SupportRequestsQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const requests = data?.community?.supportRequests;
  const asks = canChange(community);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Support from the network</h1>
        <p className="nhsuk-body">
          The network’s coaches and programme team can help you design your meetings, set up your place on the intranet, and
          with admin.
        </p>
        {asks && (
          <p className="nhsuk-body">
            <Link to={newSupportRequestUrl(community.id)}>Ask for support</Link>
          </p>
        )}
        {fetching && !data ? (
          <Loading />
        ) : !requests ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : requests.length === 0 ? (
          <p className="nhsuk-body">The community has not asked for support yet.</p>
        ) : (
          <ul className="nhsuk-list" id="support-requests">
            {requests.map((r) => (
              <li key={r.id}>
                <SupportRequestCard
                  request={r}
                  actions={
                    isProgrammeTeam && r.status !== 'CLOSED' ? (
                      <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                        <Link to={supportQueueRequestUrl(r.id)}>
                          Assign or update<span className="nhsuk-u-visually-hidden"> this request</span>
                        </Link>
                      </p>
                    ) : null
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** /communities/:id/support/new: conveners and the core group ask the network for support. */
export function RequestSupportView() {
  return <MemberCommunity>{(c) => <Ask community={c} />}</MemberCommunity>;
}

function Ask({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [details, setDetails] = useState('');
  const request = useFormMutation(RequestSupportMutation);
  const { problems, setProblems, fetching } = request;
  const heading = 'Ask the network for support';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = supportUrl(community.id);
  if (!canChange(community)) return <Navigate to={back} replace />;
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!kind) local.push({ field: 'kind', message: 'Choose what kind of support you need' });
    if (!details.trim()) local.push({ field: 'details', message: 'Enter what help you would like' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await request.submit({ input: { communityId: community.id, kind: kind as SupportRequestKind, details: details.trim() } });
    if (!r) return;
    const state: FlashState = { flash: 'Request sent. The programme team will pass it to someone who can help.' };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to support from the network</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="kind"
            legend="What do you need help with?"
            legendSize="m"
            value={kind}
            onChange={setKind}
            error={err('kind')}
            options={SUPPORT_KIND_VALUES.map((k) => ({ value: k, label: SUPPORT_KINDS[k].text, hint: SUPPORT_KINDS[k].hint }))}
          />
          <Textarea
            id="details"
            label="Tell us more"
            hint="What you would like, and any dates that matter"
            rows={5}
            value={details}
            onChange={setDetails}
            error={err('details')}
          />
          <Button disabled={fetching}>Send the request</Button>
        </form>
      </div>
    </div>
  );
}
