import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { SetPracticeStatusMutation } from '../mutations';
import { ExchangeArticle } from '../components/ExchangeArticle';
import { PracticeLoader, type PracticePage } from '../components/PracticeLoader';
import { PracticeTags, StatusTag } from '../components/StatusTag';
import { NEXT_STATUS_ACTION, nextStatus, PROMISING_VISIBILITIES, statusTag } from '../labels';
import { runsIt } from '../../communities/labels';
import { Flash } from '../../communities/components/Flash';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { Button, Tag } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityPracticesUrl, communityUrl, markPromisingUrl, shareExchangeUrl } from '../../urls';

export interface PracticeBackState {
  backTo?: string;
  backText?: string;
}

/** /practices/:id: a practice, what made it promising, and the exchanges the viewer may read. */
export function PracticeView() {
  const { id = '' } = useParams();
  return <PracticeLoader id={id}>{(practice) => <Practice practice={practice} />}</PracticeLoader>;
}

function Practice({ practice }: { practice: PracticePage }) {
  usePageTitle(practice.name);
  const location = useLocation();
  const { viewer, isProgrammeTeam } = useSession();
  const community = practice.community;
  const role = community?.viewerRole ?? null;
  const open = !!community && community.stage !== 'CLOSED';
  const back = (location.state as PracticeBackState | null) ?? null;
  const backTo = back?.backTo ?? (community ? communityPracticesUrl(community.id) : '/library');
  const backText = back?.backText ?? (community ? 'Back to practices' : 'Back to the practice library');
  const canMarkPromising = !!community && (role === 'CONVENER' || isProgrammeTeam);
  const exchanges = practice.exchanges.nodes;
  const here = encodeURIComponent(location.pathname);

  const rows: Array<[string, React.ReactNode]> = [
    ['Status', statusTag(practice.status).text],
    ['Domain', practice.domain.name],
  ];
  if (community) rows.push(['Community', <Link to={communityUrl(community.id)}>{community.name}</Link>]);
  if (practice.proposedBy) rows.push(['Proposed by', `${practice.proposedBy.name} on ${formatInstantDate(practice.createdAt)}`]);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={backTo}>{backText}</BackLink>
        <Flash />
        <span className="nhsuk-caption-l">{community?.name ?? practice.domain.name}</span>
        <h1 className="nhsuk-heading-l">{practice.name}</h1>
        <p className="nhsuk-body convene-card-tags">
          <StatusTag status={practice.status} />
          {practice.promising && <Tag colour="aqua-green">Promising practice</Tag>}
        </p>
        {practice.description && <p className="nhsuk-body-l convene-pre-line">{practice.description}</p>}
        <PracticeTags tags={practice.tags} />
        <dl className="nhsuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="nhsuk-summary-list__row" key={k}>
              <dt className="nhsuk-summary-list__key">{k}</dt>
              <dd className="nhsuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>

        {runsIt(role) && open && <MoveOn practice={practice} />}

        {(practice.promising || canMarkPromising) && (
          <section aria-labelledby="promising-heading">
            <h2 className="nhsuk-heading-m" id="promising-heading">
              {practice.promising ? 'Why it is promising' : 'Promising practice'}
            </h2>
            {practice.promising ? (
              <>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">Evidence</h3>
                <p className="nhsuk-body convene-pre-line" id="promising-evidence">
                  {practice.promising.evidence}
                </p>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">Outcomes</h3>
                <p className="nhsuk-body convene-pre-line" id="promising-outcomes">
                  {practice.promising.outcomes}
                </p>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">Where it is used</h3>
                {practice.promising.organisations.length === 0 ? (
                  <p className="nhsuk-body">No organisations named yet.</p>
                ) : (
                  <ul className="nhsuk-list nhsuk-list--bullet" id="promising-organisations">
                    {practice.promising.organisations.map((o) => (
                      <li key={o.id}>{o.name}</li>
                    ))}
                  </ul>
                )}
                <p className="nhsuk-body-s">
                  In the practice library for {PROMISING_VISIBILITIES[practice.promising.visibility].text.toLowerCase()}
                  {practice.promising.markedAt ? `, since ${formatInstantDate(practice.promising.markedAt)}` : ''}.
                </p>
              </>
            ) : (
              <p className="nhsuk-body">
                When the community has evidence that this practice works, a convener can mark it promising so that others
                across the network can find it in the library.
              </p>
            )}
            {canMarkPromising && (
              <p className="nhsuk-body">
                <Link to={markPromisingUrl(practice.id)}>
                  {practice.promising ? 'Change the promising practice details' : 'Mark as a promising practice'}
                </Link>
              </p>
            )}
          </section>
        )}

        <section aria-labelledby="exchanges-heading">
          <h2 className="nhsuk-heading-m" id="exchanges-heading">
            Shared experience ({exchanges.length})
          </h2>
          <p className="nhsuk-body">
            Members’ accounts of this practice: what they did, how it felt, what got in the way and what helped. Peers ask
            questions to understand, never to judge.
          </p>
          {role && open && (
            <Link className="nhsuk-button" role="button" draggable={false} to={shareExchangeUrl(practice.id)}>
              Share your experience
            </Link>
          )}
          {!viewer && (
            <p className="nhsuk-body">
              <Link to={`/sign-in?next=${here}`}>Sign in</Link> to read what members have shared with the network and to
              ask them questions.
            </p>
          )}
          {exchanges.length === 0 ? (
            <p className="nhsuk-body">{viewer ? 'Nothing has been shared that you can read yet.' : 'Nothing has been shared publicly yet.'}</p>
          ) : (
            exchanges.map((ex, i) => (
              <ExchangeArticle key={ex.id} exchange={ex} practiceId={practice.id} index={i + 1} communityId={community?.id} />
            ))
          )}
        </section>
      </div>
    </div>
  );
}

function MoveOn({ practice }: { practice: PracticePage }) {
  const next = nextStatus(practice.status);
  const [moved, setMoved] = useState<string | null>(null);
  const setStatus = useFormMutation(SetPracticeStatusMutation);
  const { problems, fetching } = setStatus;
  const onClick = async () => {
    if (!next) return;
    const r = await setStatus.submit({ input: { practiceId: practice.id, status: next } });
    if (!r) return;
    setMoved(`${practice.name} is now ${statusTag(r.setPracticeStatus.practice.status).text.toLowerCase()}`);
  };
  return (
    <section aria-labelledby="status-heading">
      <h2 className="nhsuk-heading-m" id="status-heading">
        Status
      </h2>
      {moved && <NotificationBanner success heading={moved} id="status-banner" />}
      <ErrorSummary problems={problems} />
      <p className="nhsuk-body">
        {statusTag(practice.status).hint} Practices move on one step at a time: proposed, exploring, explored.
      </p>
      {next && (
        <Button type="button" variant="secondary" disabled={fetching} onClick={() => void onClick()}>
          {NEXT_STATUS_ACTION[practice.status]}
        </Button>
      )}
    </section>
  );
}
