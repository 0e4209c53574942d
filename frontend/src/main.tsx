import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './ui/convene.css';
import { SessionProvider } from './account/SessionContext';
import { AppRoutes } from './App';
import { ScrollToTop } from './ui/ScrollToTop';

// The server sends a strict Content-Security-Policy: anything it blocks is a defect of ours.
// Each violation is noted on <html data-csp-violations>, which every browser journey checks.
document.addEventListener('securitypolicyviolation', (e) => {
  const root = document.documentElement;
  const seen = root.dataset.cspViolations;
  const now = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`;
  root.dataset.cspViolations = seen ? `${seen}; ${now}` : now;
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <ScrollToTop />
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
