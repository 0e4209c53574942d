import { useNavigate } from 'react-router';
import { StartCommunityFromApplicationMutation } from '../mutations';
import { useFormMutation } from '../../ui/useFormMutation';
import { applicationCommunityUrl } from '../../urls';

/** "Start your community": turns a decided application into a community, then shows it. */
export function StartCommunityButton({ applicationId, domainName, small }: { applicationId: string; domainName: string; small?: boolean }) {
  const navigate = useNavigate();
  const start = useFormMutation(StartCommunityFromApplicationMutation);
  const { fetching } = start;
  // A button, not a form: the problem shows beside it, in words only.
  const error = start.problems.map((p) => p.message).join(' ') || null;
  const onClick = async () => {
    const r = await start.submit({ input: { applicationId } });
    if (!r) return;
    navigate(applicationCommunityUrl(applicationId));
  };
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}${small ? ' nhsuk-u-margin-bottom-0' : ''}`}>
      {error && (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <button
        type="button"
        className={`nhsuk-button${small ? ' nhsuk-button--small nhsuk-u-margin-bottom-0' : ''}`}
        disabled={fetching}
        onClick={() => void onClick()}
      >
        Start your community<span className="nhsuk-u-visually-hidden"> for {domainName}</span>
      </button>
    </div>
  );
}
