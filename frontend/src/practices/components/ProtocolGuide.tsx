import { formatMinutes, totalMinutes } from '../labels';

interface Protocol {
  name: string;
  prompts: ReadonlyArray<{ prompt: string; minutes: number }>;
}

/** A protocol's prompts in order with their timings and the total, to follow while sharing. */
export function ProtocolGuide({ protocol, headingLevel = 2 }: { protocol: Protocol; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const total = totalMinutes(protocol.prompts);
  return (
    <div className="nhsuk-card" id="protocol-guide">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading nhsuk-heading-s">{protocol.name}</Heading>
        <ol className="nhsuk-list nhsuk-list--number">
          {protocol.prompts.map((p, i) => (
            <li key={i}>
              {p.prompt} <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">({formatMinutes(p.minutes)})</span>
            </li>
          ))}
        </ol>
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Total: {formatMinutes(total)}</p>
      </div>
    </div>
  );
}
