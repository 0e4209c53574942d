import { Link } from 'react-router';
import type { StartupStep, StepOwner } from '../../graphql/graphql';
import { Tag } from '../../ui/fields';
import { OWNERS, stepInfo } from '../labels';
import { startupStepUrl } from '../../urls';

interface Step {
  step: StartupStep;
  owner: StepOwner;
  done: boolean;
  notes: string;
}

/** The NHS.UK task list of the six start-up steps of FAQ 10, with who owns each. */
export function StartupTaskList({ communityId, steps }: { communityId: string; steps: Step[] }) {
  return (
    <ul className="nhsuk-task-list" id="startup-steps">
      {steps.map((s, i) => {
        const info = stepInfo(s.step);
        const hintId = `startup-steps-${i + 1}-hint`;
        const statusId = `startup-steps-${i + 1}-status`;
        return (
          <li className="nhsuk-task-list__item nhsuk-task-list__item--with-link" key={s.step}>
            <div className="nhsuk-task-list__name-and-hint">
              <Link
                className="nhsuk-link nhsuk-task-list__link"
                to={startupStepUrl(communityId, info.slug)}
                aria-describedby={`${hintId} ${statusId}`}
              >
                {info.title}
              </Link>
              <div className="nhsuk-task-list__hint" id={hintId}>
                Owner: {OWNERS[s.owner]}
              </div>
            </div>
            <div className="nhsuk-task-list__status" id={statusId}>
              {s.done ? 'Completed' : s.notes ? <Tag colour="yellow">In progress</Tag> : <Tag colour="blue">Not started</Tag>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
