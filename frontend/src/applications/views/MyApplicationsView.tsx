import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyApplicationsQuery } from '../queries';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { applicationStatus } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { NOT_FUNDED_ENCOURAGEMENT } from '../components/OutcomeSection';
import { StartCommunityButton } from '../components/StartCommunityButton';
import { applicationUrl, checkAnswersUrl, coLeadInvitationUrl, communityUrl, withdrawUrl } from '../../urls';

export function MyApplicationsView() {
  usePageTitle('My applications');
  const [{ data, fetching, error }] = useQuery({ query: MyApplicationsQuery, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorSummary problems={problemsFrom(error)} />;
  const viewer = data?.viewer;
  const applications = viewer?.applications.nodes ?? [];
  const invitations = viewer?.coLeadInvitations ?? [];

  return (
    <>
      <h1 className="nhsuk-heading-l">My applications</h1>

      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading">
          <h2 className="nhsuk-heading-m" id="invitations-heading">
            Invitations to co-lead
          </h2>
          <ul className="nhsuk-list">
            {invitations.map((inv) => (
              <li key={inv.id}>
                <Link to={coLeadInvitationUrl(inv.id)}>
                  {inv.lead.name} invited you to co-lead {inv.domain.name}
                </Link>{' '}
                <span className="nhsuk-body-s">({inv.call.title})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {applications.length === 0 ? (
        <>
          <p className="nhsuk-body">You have not started an application yet.</p>
          <p className="nhsuk-body">
            <Link to="/">See the open call and start your application</Link>
          </p>
        </>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your applications</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                Domain
              </th>
              <th className="nhsuk-table__header" scope="col">
                Your role
              </th>
              <th className="nhsuk-table__header" scope="col">
                Status
              </th>
              <th className="nhsuk-table__header" scope="col">
                Last changed
              </th>
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {applications.map((a) => {
              const status = applicationStatus(a.status);
              const draft = a.status === 'DRAFT';
              const canWithdraw = a.viewerIsLead && (a.status === 'DRAFT' || a.status === 'SUBMITTED');
              return (
                <tr className="nhsuk-table__row" key={a.id}>
                  <td className="nhsuk-table__cell">
                    <Link to={applicationUrl(a.id)}>{a.domain.name}</Link>
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{a.call.title}</span>
                  </td>
                  <td className="nhsuk-table__cell">{a.viewerIsLead ? 'Lead' : 'Co-lead'}</td>
                  <td className="nhsuk-table__cell">
                    <Tag colour={status.colour}>{status.text}</Tag>
                    {a.outcome === 'FUNDED' && (
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                        Congratulations: your domain earns the honorarium.
                      </span>
                    )}
                    {a.outcome === 'NOT_FUNDED' && (
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                        {NOT_FUNDED_ENCOURAGEMENT}
                      </span>
                    )}
                  </td>
                  <td className="nhsuk-table__cell">{formatInstantDate(a.submittedAt ?? a.updatedAt)}</td>
                  <td className="nhsuk-table__cell">
                    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                      {draft && a.viewerIsLead && (
                        <li>
                          <Link to={checkAnswersUrl(a.id)}>
                            Continue<span className="nhsuk-u-visually-hidden"> application for {a.domain.name}</span>
                          </Link>
                        </li>
                      )}
                      {a.outcome && a.community && (
                        <li>
                          <Link to={communityUrl(a.community.id)}>
                            {a.community.name}
                          </Link>
                        </li>
                      )}
                      {a.outcome && !a.community && (
                        <li>
                          <StartCommunityButton applicationId={a.id} domainName={a.domain.name} small />
                        </li>
                      )}
                      {canWithdraw && (
                        <li>
                          <Link to={withdrawUrl(a.id)}>
                            Withdraw<span className="nhsuk-u-visually-hidden"> application for {a.domain.name}</span>
                          </Link>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
