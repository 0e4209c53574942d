import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyCommunitiesQuery } from '../queries';
import { ROLES, stageTag } from '../labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { communityUrl } from '../../urls';

/** The communities the viewer belongs to, by name, with their role and each community's stage. */
export function MyCommunitiesList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [{ data, fetching, error }] = useQuery({ query: MyCommunitiesQuery, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (!data?.viewer) return error ? <ErrorSummary problems={problemsFrom(error)} /> : null;
  const mine = [...data.viewer.communities].sort((a, b) => a.community.name.localeCompare(b.community.name));
  if (mine.length === 0) {
    return (
      <p className="nhsuk-body">
        You do not belong to any community yet. <Link to="/communities">Find a community</Link> or{' '}
        <Link to="/communities/new">start one</Link>.
      </p>
    );
  }
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="nhsuk-list" id="my-communities">
      {mine.map((m) => {
        const stage = stageTag(m.community.stage);
        return (
          <li key={m.community.id} className="nhsuk-card">
            <div className="nhsuk-card__content">
              <Heading className="nhsuk-card__heading nhsuk-heading-s">
                <Link to={communityUrl(m.community.id)}>{m.community.name}</Link>
              </Heading>
              <p className="nhsuk-body convene-card-tags nhsuk-u-margin-bottom-0">
                {ROLES[m.role]} <Tag colour={stage.colour}>{stage.text}</Tag>
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** /my-communities: the signed-in person's communities. */
export function MyCommunitiesView() {
  usePageTitle('My communities');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">My communities</h1>
        <MyCommunitiesList />
      </div>
    </div>
  );
}
