import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { EMAIL_NOT_VERIFIED, type Problem } from './problems';
import { ResendVerification } from '../account/components/ResendVerification';

interface Props {
  problems: Problem[];
  /** Where a field's link points; defaults to `#<field>`. */
  hrefFor?: (field: string) => string;
}

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return false;
  const legend = el.closest('fieldset')?.querySelector('legend');
  const label = Array.from(document.querySelectorAll('label')).find((l) => l.htmlFor === id);
  (legend ?? label ?? el).scrollIntoView?.();
  el.focus({ preventScroll: true });
  return true;
}

/** The NHS.UK error summary: "There is a problem", each problem linked to its field. */
export function ErrorSummary({ problems, hrefFor }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const key = problems.map((p) => `${p.field ?? ''}:${p.message}`).join('|');

  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);

  if (problems.length === 0) return null;

  const onClick = (e: MouseEvent<HTMLAnchorElement>, field: string) => {
    const href = e.currentTarget.getAttribute('href') ?? '';
    if (href.startsWith('#') && focusField(field)) e.preventDefault();
  };

  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="nhsuk-error-summary__title" id="error-summary-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((p, i) => (
              <li key={`${p.field ?? ''}-${i}`}>
                {p.field ? (
                  (() => {
                    const href = hrefFor ? hrefFor(p.field) : `#${p.field}`;
                    return href.startsWith('/') ? (
                      <Link to={href}>{p.message}</Link>
                    ) : (
                      <a href={href} onClick={(e) => onClick(e, p.field!)}>
                        {p.message}
                      </a>
                    );
                  })()
                ) : (
                  p.message
                )}
                {/* an unconfirmed address: the way out, beside the message */}
                {p.reason === EMAIL_NOT_VERIFIED && (
                  <div className="nhsuk-u-margin-top-2">
                    <ResendVerification />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
