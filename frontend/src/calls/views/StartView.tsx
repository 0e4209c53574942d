import { Link } from 'react-router';
import { useQuery } from 'urql';
import { OpenCallsQuery } from '../queries';
import { useSession } from '../../account/SessionContext';
import { formatDate, formatDateTime, formatPence } from '../../ui/format';
import { Loading } from '../../ui/Layout';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { problemsFrom } from '../../ui/problems';
import { MyCommunitiesList } from '../../communities/views/MyCommunitiesView';
import { usePageTitle } from '../../ui/usePageTitle';
import { applyUrl } from '../../urls';

export function StartView() {
  usePageTitle('Call for Conveners');
  const { viewer } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: OpenCallsQuery });
  const calls = data?.calls.nodes ?? [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-xl">Call for Conveners</h1>
        <p className="nhsuk-body-l">
          Convene helps people across the health system start and grow patient-safety Communities of Practice.
        </p>
        <p className="nhsuk-body">
          A community of practice is a group of people who share a concern for an area of patient safety, such as
          medication safety, falls or the deteriorating patient, and who learn how to do better by meeting regularly.
          Conveners start and cultivate a community. The network funds a small number of conveners each year and
          supports every community with coaching and admin help.
        </p>
        <h2 className="nhsuk-heading-m">Who can apply</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>anyone working in the NHS, whatever their grade or profession</li>
          <li>people working in industry or the third sector, together with an NHS co-lead</li>
          <li>you can apply with co-leads, and you can apply in more than one domain</li>
        </ul>

        {error && <ErrorSummary problems={problemsFrom(error)} />}
        {fetching && !data && <Loading />}
        {data && calls.length === 0 && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>There is no open call at the moment.</p>
          </div>
        )}
        {calls.map((call) => (
          <section key={call.id} aria-labelledby={`call-${call.id}`}>
            <h2 className="nhsuk-heading-l" id={`call-${call.id}`}>
              {call.title}
            </h2>
            {call.description
              .split(/\n{2,}/)
              .filter((p) => p.trim())
              .map((p, i) => (
                <p className="nhsuk-body" key={i}>
                  {p}
                </p>
              ))}
            <dl className="nhsuk-summary-list">
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Closing date</dt>
                <dd className="nhsuk-summary-list__value">{formatDateTime(call.closesAt)}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Decisions by</dt>
                <dd className="nhsuk-summary-list__value">{formatDate(call.decisionDueOn)}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Funded places</dt>
                <dd className="nhsuk-summary-list__value">
                  {call.fundedPlaces} domains, {formatPence(call.honorariumPence)} honorarium for each
                </dd>
              </div>
            </dl>
            {call.acceptingApplications ? (
              <Link
                className="nhsuk-button"
                role="button"
                draggable={false}
                to={viewer ? applyUrl(call.id) : `/register?next=${encodeURIComponent(applyUrl(call.id))}`}
              >
                Start your application
              </Link>
            ) : (
              <p className="nhsuk-body">This call is not accepting applications.</p>
            )}
            {!viewer && (
              <p className="nhsuk-body">
                Already have an account?{' '}
                <Link to={`/sign-in?next=${encodeURIComponent(applyUrl(call.id))}`}>Sign in to start or continue</Link>
              </p>
            )}
          </section>
        ))}

        {viewer && (
          <section aria-labelledby="my-communities-heading">
            <h2 className="nhsuk-heading-l" id="my-communities-heading">
              Your communities
            </h2>
            <MyCommunitiesList headingLevel={3} />
          </section>
        )}
      </div>
    </div>
  );
}
