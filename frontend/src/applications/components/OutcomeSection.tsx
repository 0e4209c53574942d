import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationOutcomeQuery } from '../queries';
import { StartCommunityButton } from './StartCommunityButton';
import { Tag } from '../../ui/fields';
import { formatPence } from '../../ui/format';
import { communityUrl } from '../../urls';

export const NOT_FUNDED_ENCOURAGEMENT =
  "We strongly encourage you to convene anyway, with the network's admin and coaching support.";

/** The warm words under an outcome tag. */
export function outcomeText(outcome: string, honorariumPence?: number): string {
  if (outcome === 'FUNDED') {
    return `Congratulations: the panel chose to fund your application. Your domain earns the ${
      honorariumPence ? `${formatPence(honorariumPence)} ` : ''
    }honorarium, split among you and your co-leads.`;
  }
  return `The panel did not choose your application for funding this time. ${NOT_FUNDED_ENCOURAGEMENT}`;
}

/** The outcome of a decided application and, for its applicants, "Start your community". */
export function OutcomeSection({ applicationId, canStart }: { applicationId: string; canStart: boolean }) {
  const [{ data }] = useQuery({ query: ApplicationOutcomeQuery, variables: { id: applicationId }, requestPolicy: 'cache-and-network' });
  const app = data?.application;
  if (!app?.outcome) return null;
  const funded = app.outcome === 'FUNDED';
  return (
    <section className="nhsuk-card" id="outcome" aria-labelledby="outcome-heading">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="outcome-heading">
          Outcome: <Tag colour={funded ? 'green' : 'red'}>{funded ? 'Funded' : 'Not funded'}</Tag>
        </h2>
        <p className="nhsuk-body">{outcomeText(app.outcome, app.call.honorariumPence)}</p>
        {app.community ? (
          <p className="nhsuk-body">
            Your community has started:{' '}
            <Link to={communityUrl(app.community.id)}>{app.community.name}</Link>
          </p>
        ) : canStart ? (
          <>
            <p className="nhsuk-body">
              {funded
                ? 'Start your community now: you and your co-leads become its conveners.'
                : 'Start your community now: you and your co-leads become its conveners, and the network supports you as it does funded communities.'}
            </p>
            <StartCommunityButton applicationId={app.id} domainName={app.domain.name} />
          </>
        ) : null}
      </div>
    </section>
  );
}
