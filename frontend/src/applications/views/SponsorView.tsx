import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { UpdateApplicationMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { ApplicationCaption } from '../components/ApplicationCaption';
import { isEditable, nextPath, previousPath, type Application } from '../questions';
import { OrganisationPicker } from '../../account/components/OrganisationPicker';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button } from '../../ui/fields';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl, sponsorUrl } from '../../urls';

export function SponsorView() {
  const { id } = useParams();
  return (
    <ApplicationLoader id={id}>
      {(app) => (isEditable(app) ? <SponsorForm application={app} /> : <Navigate to={applicationUrl(app.id)} replace />)}
    </ApplicationLoader>
  );
}

function SponsorForm({ application }: { application: Application }) {
  const navigate = useNavigate();
  const location = useLocation();
  const here = sponsorUrl(application.id);
  const [sponsor, setSponsor] = useState(application.sponsor?.id ?? '');
  const update = useFormMutation(UpdateApplicationMutation);
  const { problems, fetching } = update;
  usePageTitle('Is an organisation sponsoring your application?', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const current = application.sponsor?.id ?? '';
    if (sponsor !== current) {
      const input = sponsor
        ? { applicationId: application.id, sponsorOrganisationId: sponsor }
        : { applicationId: application.id, clearSponsor: true };
      const r = await update.submit({ input });
      if (!r) return;
    }
    navigate(nextPath(application, here, location.search));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={previousPath(application, here, location.search)} />
        <ErrorSummary problems={problems} />
        <ApplicationCaption application={application} />
        <h1 className="nhsuk-heading-l">Is an organisation sponsoring your application?</h1>
        <p className="nhsuk-body">
          This is optional. A sponsoring organisation supports your application, for example by giving you time to
          convene the community. An organisation may sponsor any number of applications.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <OrganisationPicker
            id="sponsorOrganisationId"
            label="Sponsoring organisation (optional)"
            placeholder="No sponsoring organisation"
            value={sponsor}
            onChange={setSponsor}
            error={fieldError(problems, 'sponsorOrganisationId')}
          />
          <Button disabled={fetching}>Continue</Button>
        </form>
      </div>
    </div>
  );
}
