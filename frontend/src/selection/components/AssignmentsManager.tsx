import { useState } from 'react';
import { Link } from 'react-router';
import type { CallSelectionQuery } from '../../graphql/graphql';
import { AddReviewAssignmentMutation, AssignReviewersMutation, RemoveReviewAssignmentMutation, SendReviewRemindersMutation } from '../mutations';
import { Button, Tag } from '../../ui/fields';
import { plural } from '../../ui/format';
import type { Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';
import { applicationUrl } from '../../urls';

type Call = NonNullable<CallSelectionQuery['call']>;

/** The server names applications by their opaque id in some messages: say which they are instead. */
export function nameApplications(message: string, applications: ReadonlyArray<{ id: string; domain: { name: string }; lead: { name: string } }>): string {
  return applications.reduce((text, a) => text.split(a.id).join(`${a.domain.name} (led by ${a.lead.name})`), message);
}

interface Props {
  call: Call;
  setProblems: (p: Problem[]) => void;
  setMessage: (m: string) => void;
  onChanged: () => void;
}

/**
 * Reviewers: "Assign reviewers" (with the result or the server's explanation), the assignments
 * per application with add and remove, review progress per panel member, and reminders.
 */
export function AssignmentsManager({ call, setProblems, setMessage, onChanged }: Props) {
  const applications = call.ranking.map((r) => r.application);
  const form = formProblems([], setProblems);
  const assign = useFormMutation(AssignReviewersMutation, {
    form,
    map: (ps) => ps.map((p) => ({ ...p, message: nameApplications(p.message, applications) })),
  });
  // The reviewer is chosen in the application's own select.
  const addAssignment = useFormMutation(AddReviewAssignmentMutation, {
    form,
    map: (ps, _e, v) => ps.map((p) => (p.field === 'reviewerId' ? { ...p, field: `reviewer-${v.input.applicationId}` } : p)),
  });
  const removeAssignment = useFormMutation(RemoveReviewAssignmentMutation, { form });
  const remind = useFormMutation(SendReviewRemindersMutation, { form });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const assignable = call.status === 'CLOSED' || call.status === 'IN_REVIEW';
  const conflicted = new Set(call.conflicts.map((c) => `${c.application.id}|${c.person.id}`));

  const onAssign = async () => {
    const r = await assign.submit({ input: { callId: call.id } });
    if (!r) return;
    const n = r.assignReviewers.assignments.length;
    setMessage(`Reviewers assigned: ${plural(n, 'assignment')} in all. The call is now in review.`);
    onChanged();
  };

  const onAdd = async (applicationId: string, domainName: string) => {
    const reviewerId = chosen[applicationId];
    if (!reviewerId) {
      setProblems([{ field: `reviewer-${applicationId}`, message: `Select a panel member to review ${domainName}` }]);
      return;
    }
    const r = await addAssignment.submit({ input: { applicationId, reviewerId } });
    if (!r) return;
    setMessage(`${r.addReviewAssignment.assignment.reviewer.name} will review ${domainName}.`);
    setChosen((c) => ({ ...c, [applicationId]: '' }));
    onChanged();
  };

  const onRemove = async (applicationId: string, reviewer: { id: string; name: string }, domainName: string) => {
    const r = await removeAssignment.submit({ input: { applicationId, reviewerId: reviewer.id } });
    if (!r) return;
    setMessage(`${reviewer.name} will no longer review ${domainName}.`);
    onChanged();
  };

  const onRemind = async () => {
    const r = await remind.submit({ input: { callId: call.id } });
    if (!r) return;
    const n = r.sendReviewReminders.reminded;
    setMessage(n === 0 ? 'Nobody has reviews outstanding, so no reminders were sent.' : `Reminders sent to ${plural(n, 'reviewer')}.`);
  };

  const progress = call.panel.map((m) => {
    const mine = call.assignments.filter((a) => a.reviewer.id === m.person.id);
    return { member: m, assigned: mine.length, submitted: mine.filter((a) => a.submitted).length };
  });
  const outstanding = progress.some((p) => p.submitted < p.assigned);

  return (
    <>
      {call.status === 'OPEN' || call.status === 'DRAFT' ? (
        <p className="nhsuk-body">Reviewers are assigned once the call has closed.</p>
      ) : (
        assignable && (
          <>
            <p className="nhsuk-body" id="assign-hint">
              Each submitted application gets {plural(call.reviewersPerApplication, 'reviewer')} from the panel, never one
              with a conflict of interest, spreading the work evenly. Assignments already made are kept.
            </p>
            <div className="nhsuk-form-group">
              <button
                type="button"
                id="callId"
                className="nhsuk-button"
                aria-describedby="assign-hint"
                disabled={assign.fetching}
                onClick={() => void onAssign()}
              >
                Assign reviewers
              </button>
            </div>
          </>
        )
      )}

      {call.assignments.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Assignments</h3>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Reviewers of each application</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Application
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Reviewers
                </th>
                {assignable && (
                  <th className="nhsuk-table__header" scope="col">
                    Add a reviewer
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {applications.map((app) => {
                const rows = call.assignments.filter((a) => a.application.id === app.id);
                const free = call.panel.filter(
                  (m) => !rows.some((a) => a.reviewer.id === m.person.id) && !conflicted.has(`${app.id}|${m.person.id}`),
                );
                const selectId = `reviewer-${app.id}`;
                return (
                  <tr className="nhsuk-table__row" key={app.id}>
                    <td className="nhsuk-table__cell">
                      <Link to={applicationUrl(app.id)}>{app.domain.name}</Link>
                      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">{app.lead.name}</span>
                    </td>
                    <td className="nhsuk-table__cell">
                      {rows.length === 0 && 'None'}
                      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                        {rows.map((a) => (
                          <li key={a.id}>
                            {a.reviewer.name} {a.submitted ? <Tag colour="green">Submitted</Tag> : <Tag colour="blue">To do</Tag>}
                            {assignable && !a.submitted && (
                              <>
                                {' '}
                                <button
                                  type="button"
                                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-1"
                                  disabled={removeAssignment.fetching}
                                  onClick={() => void onRemove(app.id, a.reviewer, app.domain.name)}
                                >
                                  Remove<span className="nhsuk-u-visually-hidden"> {a.reviewer.name} from {app.domain.name}</span>
                                </button>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                    {assignable && (
                      <td className="nhsuk-table__cell">
                        {free.length === 0 ? (
                          <span className="nhsuk-body-s">Nobody else on the panel can review it</span>
                        ) : (
                          <>
                            <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={selectId}>
                              Panel member to review {app.domain.name}
                            </label>
                            <select
                              className="nhsuk-select"
                              id={selectId}
                              value={chosen[app.id] ?? ''}
                              onChange={(e) => setChosen((c) => ({ ...c, [app.id]: e.target.value }))}
                            >
                              <option value="">Choose</option>
                              {free.map((m) => (
                                <option key={m.person.id} value={m.person.id}>
                                  {m.person.name}
                                </option>
                              ))}
                            </select>{' '}
                            <button
                              type="button"
                              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                              disabled={addAssignment.fetching}
                              onClick={() => void onAdd(app.id, app.domain.name)}
                            >
                              Add<span className="nhsuk-u-visually-hidden"> reviewer to {app.domain.name}</span>
                            </button>
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>

          <h3 className="nhsuk-heading-s">Review progress</h3>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Review progress of each panel member</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Panel member
                </th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                  Assigned
                </th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                  Submitted
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Progress
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {progress.map((p) => (
                <tr className="nhsuk-table__row" key={p.member.person.id}>
                  <td className="nhsuk-table__cell">{p.member.person.name}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.assigned}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.submitted}</td>
                  <td className="nhsuk-table__cell">
                    {p.assigned === 0 ? (
                      <Tag colour="grey">None assigned</Tag>
                    ) : p.submitted === p.assigned ? (
                      <Tag colour="green">Done</Tag>
                    ) : (
                      <Tag colour="yellow">{p.assigned - p.submitted} to do</Tag>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {call.status === 'IN_REVIEW' && outstanding && (
            <Button type="button" variant="secondary" disabled={remind.fetching} onClick={() => void onRemind()}>
              Send reminders
            </Button>
          )}
        </>
      )}
    </>
  );
}
