import { Link, useParams } from 'react-router';
import { ApplicationLoader } from '../components/ApplicationLoader';
import type { Application } from '../questions';
import { formatDate } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl } from '../../urls';

export function ConfirmationView() {
  const { id } = useParams();
  return <ApplicationLoader id={id}>{(app) => <Confirmation application={app} />}</ApplicationLoader>;
}

function Confirmation({ application }: { application: Application }) {
  usePageTitle('Application submitted');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Application submitted</h1>
          <div className="nhsuk-panel__body">
            Your application to convene
            <br />
            <strong>{application.domain.name}</strong>
          </div>
        </div>
        <p className="nhsuk-body">We have sent a confirmation email to you and your co-leads.</p>
        <h2 className="nhsuk-heading-m">What happens next</h2>
        <p className="nhsuk-body">
          A panel will review your application against the published criteria. We will tell you and your co-leads the
          outcome by {formatDate(application.call.decisionDueOn)}.
        </p>
        <p className="nhsuk-body">
          If your application is not funded, you can still start your community: you keep admin and coaching support
          from the network.
        </p>
        <p className="nhsuk-body">
          <Link to={applicationUrl(application.id)}>View your application</Link>
        </p>
        <p className="nhsuk-body">
          <Link to="/applications">Go to my applications</Link>
        </p>
      </div>
    </div>
  );
}
