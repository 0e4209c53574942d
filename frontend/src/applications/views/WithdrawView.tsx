import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { WithdrawApplicationMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import type { Application } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button } from '../../ui/fields';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl } from '../../urls';

export function WithdrawView() {
  const { id } = useParams();
  return <ApplicationLoader id={id}>{(app) => <Withdraw application={app} />}</ApplicationLoader>;
}

function Withdraw({ application }: { application: Application }) {
  const [done, setDone] = useState(application.status === 'WITHDRAWN');
  const withdraw = useFormMutation(WithdrawApplicationMutation);
  const { problems, fetching } = withdraw;
  usePageTitle(done ? 'Application withdrawn' : 'Are you sure you want to withdraw your application?', problems.length > 0);

  if (done) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel">
            <h1 className="nhsuk-panel__title">Application withdrawn</h1>
            <div className="nhsuk-panel__body">{application.domain.name}</div>
          </div>
          <p className="nhsuk-body">
            <Link to="/applications">Go to my applications</Link>
          </p>
        </div>
      </div>
    );
  }

  const allowed = application.viewerIsLead && (application.status === 'DRAFT' || application.status === 'SUBMITTED');

  const onConfirm = async () => {
    const r = await withdraw.submit({ input: { applicationId: application.id } });
    if (!r) return;
    setDone(true);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={applicationUrl(application.id)} />
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{application.call.title}</span>
        <h1 className="nhsuk-heading-l">Are you sure you want to withdraw your application?</h1>
        <p className="nhsuk-body">
          You are withdrawing your application to convene <strong>{application.domain.name}</strong>. Your co-leads will
          be told. You cannot undo this.
        </p>
        {allowed ? (
          <div className="nhsuk-button-group">
            <Button variant="warning" type="button" onClick={() => void onConfirm()} disabled={fetching}>
              Yes, withdraw application
            </Button>
            <Link className="nhsuk-link" to={applicationUrl(application.id)}>
              No, keep my application
            </Link>
          </div>
        ) : (
          <p className="nhsuk-body">Only the lead can withdraw this application, before the decision.</p>
        )}
      </div>
    </div>
  );
}
