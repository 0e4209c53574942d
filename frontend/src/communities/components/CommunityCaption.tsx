import { BackLink } from '../../ui/Layout';
import { communityUrl } from '../../urls';

/** The back link to a community's home and its name as the caption above a page's heading. */
export function CommunityBackLink({ id, name }: { id: string; name: string }) {
  return <BackLink to={communityUrl(id)}>Back to {name}</BackLink>;
}

export function CommunityCaption({ name }: { name: string }) {
  return <span className="nhsuk-caption-l">{name}</span>;
}
