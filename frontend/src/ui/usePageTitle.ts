import { useEffect } from 'react';

/** Sets the document title the NHS.UK way: "Error: " first when the page shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Convene`;
  }, [title, hasErrors]);
}
