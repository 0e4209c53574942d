import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** A new page starts at the top, with focus reset, as a full page load would. */
export function ScrollToTop() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (hash) {
      const el = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (el) {
        el.scrollIntoView?.();
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.focus();
        return;
      }
    }
    window.scrollTo?.(0, 0);
  }, [pathname, hash]);
  return null;
}
