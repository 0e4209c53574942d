import { Link } from 'react-router';
import type { CommunitySummaryFieldsFragment } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { modeTag, ROLES, stageTag } from '../labels';
import { communityUrl } from '../../urls';

/** A community in the directory: name, domain, conveners, and its mode and stage as tags. */
export function CommunityCard({ community }: { community: CommunitySummaryFieldsFragment }) {
  const mode = modeTag(community.membershipMode);
  const stage = stageTag(community.stage);
  return (
    <div className="nhsuk-card nhsuk-card--clickable">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">
          <Link className="nhsuk-card__link" to={communityUrl(community.id)}>
            {community.name}
          </Link>
        </h2>
        <dl className="nhsuk-summary-list nhsuk-summary-list--no-border nhsuk-u-margin-bottom-2">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Domain</dt>
            <dd className="nhsuk-summary-list__value">{community.domain.name}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{community.conveners.length === 1 ? 'Convener' : 'Conveners'}</dt>
            <dd className="nhsuk-summary-list__value">{community.conveners.map((c) => c.name).join(', ')}</dd>
          </div>
          {community.viewerRole && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Your role</dt>
              <dd className="nhsuk-summary-list__value">{ROLES[community.viewerRole]}</dd>
            </div>
          )}
        </dl>
        <p className="nhsuk-card__description convene-card-tags">
          <Tag colour={mode.colour}>{`Joining: ${mode.text.toLowerCase()}`}</Tag>{' '}
          <Tag colour={stage.colour}>{`Stage: ${stage.text.toLowerCase()}`}</Tag>
          {!community.listed && <Tag colour="grey">Not listed</Tag>}
        </p>
      </div>
    </div>
  );
}
