import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityInsideQuery } from '../queries';
import { CommunityLoader, type CommunityHome } from '../components/CommunityLoader';
import { Flash } from '../components/Flash';
import { JoinSection } from '../components/JoinSection';
import { StartupTaskList } from '../components/StartupTaskList';
import { NextMeetings } from '../../meetings/components/NextMeetings';
import { CommunityPractices } from '../../practices/components/CommunityPractices';
import { CommunityLife } from '../../community-life/components/CommunityLife';
import { modeTag, ROLES, stageTag } from '../labels';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { DownloadButton } from '../../ui/DownloadButton';
import { slug } from '../../ui/download';
import { Tag } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { COMMUNITY_ORIGIN } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { auditUrl, coachUrl, communitySettingsUrl, definitionUrl, invitationsUrl, joinRequestsUrl, leaveCommunityUrl, membersUrl, supportUrl } from '../../urls';

/** /communities/:id: the community's home. */
export function CommunityView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(community) => <Home community={community} />}</CommunityLoader>;
}

function Home({ community }: { community: CommunityHome }) {
  usePageTitle(community.name);
  const { isProgrammeTeam } = useSession();
  const mode = modeTag(community.membershipMode);
  const stage = stageTag(community.stage);
  const member = !!community.viewerRole;
  const def = community.domainDefinition;
  const rows: Array<[string, React.ReactNode]> = [
    ['Domain', community.domain.name],
    [community.conveners.length === 1 ? 'Convener' : 'Conveners', community.conveners.map((c) => c.name).join(', ')],
    ['Joining', mode.summary],
    ['Stage', stage.text],
    ['Started', `${formatInstantDate(community.createdAt)}. ${COMMUNITY_ORIGIN[community.origin]}${community.funded ? ', funded' : ''}.`],
  ];
  if (community.coach) rows.push(['Coach', community.coach.name]);
  if (community.viewerRole) rows.push(['Your role', ROLES[community.viewerRole]]);
  const can = community.viewerCan;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Flash />
        <span className="nhsuk-caption-l">Community of practice</span>
        <h1 className="nhsuk-heading-l">{community.name}</h1>
        <p className="nhsuk-body convene-card-tags">
          <Tag colour={mode.colour}>{`Joining: ${mode.text.toLowerCase()}`}</Tag>{' '}
          <Tag colour={stage.colour}>{`Stage: ${stage.text.toLowerCase()}`}</Tag>
          {!community.listed && <Tag colour="grey">Not listed</Tag>}
        </p>
        <dl className="nhsuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="nhsuk-summary-list__row" key={k}>
              <dt className="nhsuk-summary-list__key">{k}</dt>
              <dd className="nhsuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>

        <section aria-labelledby="definition-heading">
          <h2 className="nhsuk-heading-m" id="definition-heading">
            Domain definition
          </h2>
          {def ? (
            <>
              <p className="nhsuk-body convene-pre-line" id="agreed-definition">
                {def.text}
              </p>
              <p className="nhsuk-body-s">
                Version {def.version}, agreed
                {def.agreedBy ? ` by ${def.agreedBy.name}` : ''}
                {def.agreedAt ? ` on ${formatInstantDate(def.agreedAt)}` : ''}.
              </p>
            </>
          ) : (
            <p className="nhsuk-body">
              The community has not agreed a definition of its domain yet. The conveners sketch it first, then the core
              group agrees it together.
            </p>
          )}
          {member && (
            <p className="nhsuk-body">
              <Link to={definitionUrl(community.id)}>
                {can.agreeDefinition ? 'Propose or agree a version of the definition' : 'See every version of the definition'}
              </Link>
            </p>
          )}
        </section>

        <JoinSection community={community} />

        {member && <NextMeetings community={community} />}

        <CommunityPractices community={community} />

        {can.seeInside && <Inside community={community} />}

        {can.steer && community.stage !== 'CLOSED' && (
          <section aria-labelledby="running-heading">
            <h2 className="nhsuk-heading-m" id="running-heading">
              Running the community
            </h2>
            <ul className="nhsuk-list">
              {can.steer && (
                <li>
                  <Link to={communitySettingsUrl(community.id)}>Community settings</Link>
                </li>
              )}
              {isProgrammeTeam && !member && (
                <li>
                  <Link to={supportUrl(community.id)}>Support requests</Link>
                </li>
              )}
              {can.assignCoach && (
                <li>
                  <Link to={coachUrl(community.id)}>{community.coach ? 'Change the coach' : 'Give the community a coach'}</Link>
                </li>
              )}
              {isProgrammeTeam && (
                <li>
                  <Link to={auditUrl(community.id)}>History of changes</Link>
                </li>
              )}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

function Inside({ community }: { community: CommunityHome }) {
  const { isProgrammeTeam } = useSession();
  const [{ data, fetching, error }] = useQuery({
    query: CommunityInsideQuery,
    variables: { id: community.id },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  const inside = data?.community;
  if (!inside) return <ErrorSummary problems={problemsFrom(error)} />;
  const done = inside.startupSteps.filter((s) => s.done).length;
  const role = community.viewerRole;
  return (
    <>
      <section aria-labelledby="steps-heading">
        <h2 className="nhsuk-heading-m" id="steps-heading">
          Start-up steps
        </h2>
        <p className="nhsuk-body">
          {done} of {inside.startupSteps.length} steps completed.
          {community.stage === 'FORMING'
            ? ' Each step has an owner while the community forms; once it is running, the whole core group shares them.'
            : ' The community is running: any core member can work on these.'}
        </p>
        <StartupTaskList communityId={community.id} steps={inside.startupSteps} />
      </section>

      <section aria-labelledby="people-heading">
        <h2 className="nhsuk-heading-m" id="people-heading">
          People
        </h2>
        <ul className="nhsuk-list">
          <li>
            <Link to={membersUrl(community.id)}>
              Members ({inside.members.length})
            </Link>
          </li>
          {community.viewerCan.invite && (
            <>
              <li>
                <Link to={invitationsUrl(community.id)}>Invite people</Link>
              </li>
              {community.membershipMode === 'ON_REQUEST' && (
                <li>
                  <Link to={joinRequestsUrl(community.id)}>Requests to join</Link>
                </li>
              )}
            </>
          )}
        </ul>
        {(role === 'CONVENER' || isProgrammeTeam) && (
          <DownloadButton path={`/exports/communities/${community.id}/members.csv`} filename={`members-${slug(community.name)}.csv`}>
            Download members (CSV)
          </DownloadButton>
        )}
      </section>

      {role && <CommunityLife community={community} />}

      {role && (
        <p className="nhsuk-body">
          <Link to={leaveCommunityUrl(community.id)}>Leave this community</Link>
        </p>
      )}
    </>
  );
}
