import { useState } from 'react';
import { downloadWithToken } from './download';

/** A button that downloads a file needing the access token, with an error shown beside it. */
export function DownloadButton({ path, filename, children }: { path: string; filename: string; children: React.ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setError(await downloadWithToken(path, filename));
    setBusy(false);
  };
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      {error && (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => void onClick()} disabled={busy}>
        {children}
      </button>
    </div>
  );
}
