import { useLocation } from 'react-router';
import { NotificationBanner } from '../../ui/NotificationBanner';

export interface FlashState {
  flash?: string;
}

/** The success banner a page shows after the page before it did something (router state). */
export function Flash() {
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  if (!flash) return null;
  return <NotificationBanner success heading={flash} />;
}
