import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ReviewApplicationQuery } from '../queries';
import { DeclareConflictMutation } from '../mutations';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Textarea } from '../../ui/fields';
import { errorCode, fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { reviewUrl } from '../../urls';

/** /reviews/:applicationId/conflict: a panel member declares a conflict of interest, with a reason. */
export function DeclareConflictView() {
  const { applicationId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ReviewApplicationQuery, variables: { id: applicationId } });
  const [reason, setReason] = useState('');
  const declare = useFormMutation(DeclareConflictMutation);
  const { problems, setProblems } = declare;
  usePageTitle('Declare a conflict of interest', problems.length > 0);

  if (fetching && !data) return <Loading />;
  const application = data?.application;
  if (!application) {
    const code = errorCode(error);
    return (
      <>
        <BackLink to="/reviews">Your reviews</BackLink>
        {code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && <ErrorSummary problems={problemsFrom(error)} />}
        <h1 className="nhsuk-heading-l">Declare a conflict of interest</h1>
        <p className="nhsuk-body">You cannot see this application: you may already have a conflict of interest on it.</p>
      </>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setProblems([{ field: 'reason', message: 'Enter the reason for your conflict of interest' }]);
      return;
    }
    const r = await declare.submit({ input: { applicationId: application.id, reason: reason.trim() } });
    if (!r) return;
    navigate('/reviews', {
      state: { flash: `You declared a conflict of interest on ${application.domain.name}. You will not review it or take part in its decision.` },
    });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={reviewUrl(application.id)}>Back to the application</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">
          {application.domain.name}, led by {application.lead.name}
        </span>
        <h1 className="nhsuk-heading-l">Declare a conflict of interest</h1>
        <p className="nhsuk-body">
          You have a conflict of interest if, for example, you work closely with the lead or a co-lead, you advised on the
          application, or you would gain from its outcome.
        </p>
        <p className="nhsuk-body">Once you declare it:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>you are taken off this application&apos;s review</li>
          <li>you will not see its reviews</li>
          <li>you are left out of its decision</li>
        </ul>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Textarea
            id="reason"
            label="Why do you have a conflict of interest?"
            labelSize="s"
            hint="The programme team and the chair will see this."
            rows={5}
            value={reason}
            onChange={setReason}
            error={fieldError(problems, 'reason')}
          />
          <Button variant="warning" disabled={declare.fetching}>
            Declare conflict of interest
          </Button>
        </form>
      </div>
    </div>
  );
}
