import type { ReactNode } from 'react';

/** The usual column of a question or answer page: two thirds of the width. */
export function TwoThirds({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
