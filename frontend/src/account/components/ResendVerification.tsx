import { useState } from 'react';
import { useMutation } from 'urql';
import { ResendVerificationEmailMutation } from '../mutations';
import { useSession } from '../SessionContext';
import { problemsFrom } from '../../ui/problems';

/**
 * "Send the link again": asks for a new verification mail, then says that it went, or how long
 * to wait (the server allows one a minute and five a day, answering RATE_LIMITED with the wait).
 */
export function ResendVerification() {
  const { viewer } = useSession();
  const [{ fetching }, resend] = useMutation(ResendVerificationEmailMutation);
  const [said, setSaid] = useState<string | null>(null);

  const onClick = async () => {
    const r = await resend({});
    if (r.error) setSaid(problemsFrom(r.error)[0]?.message ?? null);
    else if (r.data?.resendVerificationEmail.sent)
      setSaid(`We have sent a new link to ${viewer?.email ?? 'your email address'}. It works for 48 hours.`);
    else setSaid('Your email address is already confirmed.');
  };

  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
        disabled={fetching}
        onClick={() => void onClick()}
      >
        Send the link again
      </button>
      {said && (
        <p className="nhsuk-body nhsuk-u-margin-bottom-0" role="status">
          {said}
        </p>
      )}
    </>
  );
}
