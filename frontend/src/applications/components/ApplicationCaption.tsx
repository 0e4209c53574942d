import type { Application } from '../questions';

/** The caption above a question page's heading: which application this is. */
export function ApplicationCaption({ application }: { application: Pick<Application, 'domain' | 'call'> }) {
  return (
    <span className="nhsuk-caption-l">
      <span className="nhsuk-u-visually-hidden">Application: </span>
      {application.domain.name}
    </span>
  );
}

export function SaveStatus({ status }: { status: 'idle' | 'saving' | 'saved' | 'error' }) {
  const text =
    status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : status === 'error' ? 'Not saved: there was a problem' : '';
  return (
    <p className="nhsuk-body-s convene-save-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
