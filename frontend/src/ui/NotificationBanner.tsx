import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The NHS.UK notification banner: "Success" (role alert, focused when it appears) or
 * "Important" (a region).
 */
export function NotificationBanner({
  success,
  title,
  heading,
  children,
  id = 'notification-banner',
}: {
  success?: boolean;
  title?: string;
  heading: ReactNode;
  children?: ReactNode;
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success, heading]);
  const titleId = `${id}-title`;
  return (
    <div
      ref={ref}
      className={`nhsuk-notification-banner${success ? ' nhsuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={-1}
      id={id}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading">{heading}</h3>
        {children}
      </div>
    </div>
  );
}
