import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './ui/convene.css';
import { SessionProvider } from './account/SessionContext';
import { AppRoutes } from './App';
import { ScrollToTop } from './ui/ScrollToTop';

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
