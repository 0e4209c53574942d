import type { PracticeStatus } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { statusTag } from '../labels';

export function StatusTag({ status }: { status: PracticeStatus }) {
  const s = statusTag(status);
  return <Tag colour={s.colour}>{s.text}</Tag>;
}

/** A practice's tags. */
export function PracticeTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <p className="nhsuk-body-s convene-card-tags">
      <span className="nhsuk-u-visually-hidden">Tags: </span>
      {tags.map((t) => (
        <Tag key={t} colour="white">
          {t}
        </Tag>
      ))}
    </p>
  );
}
