import { Link, useNavigate, useParams } from 'react-router';
import { SubmitApplicationMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { AnswersList } from '../components/AnswersList';
import { isEditable, pathForField, type Application } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Tag } from '../../ui/fields';
import { formatDate, formatDateTime } from '../../ui/format';
import { applicationStatus } from '../../ui/labels';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../../account/SessionContext';
import { OutcomeSection } from '../components/OutcomeSection';
import { auditUrl, coLeadsUrl, confirmationUrl, withdrawUrl } from '../../urls';

/** /applications/:id/check and /applications/:id */
export function CheckAnswersView() {
  const { id } = useParams();
  return <ApplicationLoader id={id}>{(app) => <CheckAnswers application={app} />}</ApplicationLoader>;
}

export function CheckAnswers({ application }: { application: Application }) {
  const navigate = useNavigate();
  const { viewer, isProgrammeTeam } = useSession();
  const editable = isEditable(application);
  const submit = useFormMutation(SubmitApplicationMutation);
  const { problems, fetching } = submit;
  const title = editable ? 'Check your answers before submitting your application' : 'Your application';
  usePageTitle(title, problems.length > 0);
  const status = applicationStatus(application.status);
  const canWithdraw = application.viewerIsLead && (application.status === 'DRAFT' || application.status === 'SUBMITTED');
  const pendingCoLeads = application.coLeads.filter((c) => c.state === 'INVITED').length;
  const decided = application.status === 'FUNDED' || application.status === 'NOT_FUNDED';
  const isApplicant =
    application.viewerIsLead || application.coLeads.some((c) => c.state === 'ACCEPTED' && !!viewer && c.person?.id === viewer.id);

  const onSubmit = async () => {
    const r = await submit.submit({ input: { applicationId: application.id } });
    if (!r) return;
    navigate(confirmationUrl(application.id));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={editable ? coLeadsUrl(application.id) : '/applications'} />
        <ErrorSummary problems={problems} hrefFor={(field) => pathForField(application, field)} />
        <span className="nhsuk-caption-l">{application.call.title}</span>
        <h1 className="nhsuk-heading-l">{title}</h1>
        {!editable && (
          <p className="nhsuk-body">
            Status: <Tag colour={status.colour}>{status.text}</Tag>
            {application.submittedAt && <> Submitted on {formatDateTime(application.submittedAt)}.</>}
          </p>
        )}
        {decided && <OutcomeSection applicationId={application.id} canStart={isApplicant} />}
        <AnswersList application={application} editable={editable} />
        {editable && (
          <>
            <h2 className="nhsuk-heading-m">Now submit your application</h2>
            {pendingCoLeads > 0 && (
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  {pendingCoLeads === 1 ? 'One co-lead has' : `${pendingCoLeads} co-leads have`} not accepted yet. Every
                  co-lead must accept before you can submit.
                </p>
              </div>
            )}
            <p className="nhsuk-body">
              By submitting this application you confirm that the information is correct to the best of your knowledge.
              After you submit, you cannot change your answers. You can withdraw your application until the decision,
              which is due by {formatDate(application.call.decisionDueOn)}.
            </p>
            <Button onClick={() => void onSubmit()} type="button" disabled={fetching}>
              Submit application
            </Button>
          </>
        )}
        {canWithdraw && (
          <p className="nhsuk-body">
            <Link to={withdrawUrl(application.id)}>Withdraw this application</Link>
          </p>
        )}
        {isProgrammeTeam && (
          <p className="nhsuk-body">
            <Link to={auditUrl(application.id)}>History of changes</Link>
          </p>
        )}
      </div>
    </div>
  );
}
