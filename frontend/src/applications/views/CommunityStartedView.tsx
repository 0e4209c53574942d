import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationOutcomeQuery } from '../queries';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { formatPence } from '../../ui/format';
import { COMMUNITY_ORIGIN } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl, communityUrl } from '../../urls';

const MODES: Record<string, string> = {
  OPEN: 'Open: anyone can join',
  ON_REQUEST: 'On request: people ask to join',
  INVITATION: 'By invitation',
};

/** /applications/:id/community: the confirmation after starting a community from an application. */
export function CommunityStartedView() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ApplicationOutcomeQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const community = data?.application?.community;
  usePageTitle(community ? 'Your community has started' : 'Community');
  if (fetching && !data) return <Loading />;
  if (!data?.application) return <ErrorSummary problems={problemsFrom(error)} />;
  const app = data.application;
  if (!community) {
    return (
      <>
        <h1 className="nhsuk-heading-l">No community yet</h1>
        <p className="nhsuk-body">No community has been started from this application.</p>
        <p className="nhsuk-body">
          <Link to={applicationUrl(app.id)}>Go to the application</Link>
        </p>
      </>
    );
  }
  const rows: Array<[string, React.ReactNode]> = [
    ['Name', community.name],
    ['Domain', community.domain.name],
    ['Conveners', community.conveners.map((c) => c.name).join(', ')],
    [
      'Funding',
      community.funded
        ? `Funded: the ${formatPence(app.call.honorariumPence)} honorarium is split among the conveners`
        : "Not funded: you keep the network's admin and coaching support",
    ],
    ['Came from', COMMUNITY_ORIGIN[community.origin]],
    ['Stage', community.stage === 'FORMING' ? 'Forming' : community.stage.charAt(0) + community.stage.slice(1).toLowerCase()],
    ['Joining', MODES[community.membershipMode] ?? community.membershipMode],
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Your community has started</h1>
          <div className="nhsuk-panel__body">
            <strong>{community.name}</strong>
          </div>
        </div>
        <dl className="nhsuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="nhsuk-summary-list__row" key={k}>
              <dt className="nhsuk-summary-list__key">{k}</dt>
              <dd className="nhsuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
        <h2 className="nhsuk-heading-m">What happens next</h2>
        <p className="nhsuk-body">
          Your first steps are to develop the domain, map the people you want to invite, and write your invitation. A coach
          from the network can help you design your first meeting.
        </p>
        <Link className="nhsuk-button" role="button" draggable={false} to={communityUrl(community.id)}>
          Go to your community
        </Link>
        <p className="nhsuk-body">
          <Link to={applicationUrl(app.id)}>Go back to your application</Link>
        </p>
        <p className="nhsuk-body">
          <Link to="/applications">Go to my applications</Link>
        </p>
      </div>
    </div>
  );
}
