import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MemberMapQuery } from '../queries';
import { MemberCommunity, canChange } from '../components/MemberCommunity';
import { ReachComparison } from '../components/ReachComparison';
import { mapTag, sortTags } from '../labels';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Tag } from '../../ui/fields';
import { sectorTitle } from '../../ui/labels';
import { problemsFrom } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import { memberMapEntryUrl, newMemberMapEntryUrl } from '../../urls';

/** /communities/:id/member-map: who the community wants and needs, and the reach they would give it. */
export function MemberMapView() {
  return <MemberCommunity>{(c) => <MemberMap community={c} />}</MemberCommunity>;
}

function MemberMap({ community }: { community: CommunityHome }) {
  usePageTitle(`Member map – ${community.name}`);
  const [{ data, fetching, error }] = useQuery({ query: MemberMapQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const edits = canChange(community);
  const map = data?.community?.memberMap;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Member map</h1>
        <p className="nhsuk-body">
          The people the community wants and needs, beyond its usual circle, and why each of them matters.
        </p>
        {fetching && !data ? (
          <Loading />
        ) : !map ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : (
          <>
            <ReachComparison map={map.reach} members={map.membershipReach} />
            {edits && (
              <p className="nhsuk-body">
                <Link to={newMemberMapEntryUrl(community.id)}>Add someone to the map</Link>
              </p>
            )}
            {map.entries.length === 0 ? (
              <p className="nhsuk-body">Nobody is on the map yet.</p>
            ) : (
              <table className="nhsuk-table" id="member-map">
                <caption className="nhsuk-table__caption nhsuk-table__caption--m">People on the map</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th className="nhsuk-table__header" scope="col">Name</th>
                    <th className="nhsuk-table__header" scope="col">Organisation</th>
                    <th className="nhsuk-table__header" scope="col">Profession</th>
                    <th className="nhsuk-table__header" scope="col">Why</th>
                    {edits && (
                      <th className="nhsuk-table__header" scope="col">
                        <span className="nhsuk-u-visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {map.entries.map((e) => (
                    <tr className="nhsuk-table__row" key={e.id}>
                      <td className="nhsuk-table__cell">
                        {e.name}
                        {e.email && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{e.email}</span>}
                      </td>
                      <td className="nhsuk-table__cell">
                        {e.organisation?.name ?? e.organisationName ?? 'Not given'}
                        {e.sector && <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{sectorTitle(e.sector)}</span>}
                      </td>
                      <td className="nhsuk-table__cell">{e.profession ?? 'Not given'}</td>
                      <td className="nhsuk-table__cell convene-card-tags">
                        {sortTags(e.tags).map((t) => {
                          const tag = mapTag(t);
                          return (
                            <Tag key={t} colour={tag.colour}>
                              {tag.text}
                            </Tag>
                          );
                        })}
                      </td>
                      {edits && (
                        <td className="nhsuk-table__cell">
                          <Link to={memberMapEntryUrl(community.id, e.id)}>
                            Change<span className="nhsuk-u-visually-hidden"> {e.name}</span>
                          </Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </div>
  );
}
