import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { StartCommunityFromApplicationMutation } from '../mutations';
import { problemsFrom } from '../../ui/problems';

/** "Start your community": turns a decided application into a community, then shows it. */
export function StartCommunityButton({ applicationId, domainName, small }: { applicationId: string; domainName: string; small?: boolean }) {
  const navigate = useNavigate();
  const [{ fetching }, start] = useMutation(StartCommunityFromApplicationMutation);
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    const r = await start({ input: { applicationId } });
    if (r.error || !r.data) {
      setError(problemsFrom(r.error).map((p) => p.message).join(' '));
      return;
    }
    navigate(`/applications/${applicationId}/community`);
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
