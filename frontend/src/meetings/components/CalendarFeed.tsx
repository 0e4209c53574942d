import { useState } from 'react';
import { Link } from 'react-router';
import { communityFeed } from '../feed';
import { resetCalendarUrl } from '../../urls';

/** Copies text to the clipboard; false where the browser will not. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back to selecting the text
  }
  if (input) {
    input.focus();
    input.select();
    try {
      return document.execCommand?.('copy') ?? false;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * "Subscribe in Outlook or another calendar": the community's feed address with the viewer's
 * token in a read-only input with a copy button, a webcal:// link, and the way to reset it.
 */
export function CalendarFeed({ communityId, calendarUrl, token }: { communityId: string; calendarUrl: string | null; token: string | null }) {
  const feed = communityFeed(calendarUrl, token);
  const [status, setStatus] = useState('');
  if (!feed.https) return null;

  const onCopy = async () => {
    const input = document.getElementById('calendar-feed-url') as HTMLInputElement | null;
    setStatus((await copyText(feed.https!, input)) ? 'Address copied' : 'Select the address and copy it');
  };

  return (
    <section aria-labelledby="calendar-heading">
      <h2 className="nhsuk-heading-m" id="calendar-heading">
        Subscribe in Outlook or another calendar
      </h2>
      <p className="nhsuk-body">
        Add the community’s meetings to your calendar. It stays up to date: new meetings appear, changes follow and
        cancelled meetings are withdrawn.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="calendar-feed-url">
          Calendar address
        </label>
        <div className="nhsuk-hint" id="calendar-feed-url-hint">
          In Outlook choose Add calendar, then Subscribe from web, and paste this address. It is yours: do not share it.
        </div>
        <input
          className="nhsuk-input"
          id="calendar-feed-url"
          name="calendar-feed-url"
          type="text"
          readOnly
          spellCheck={false}
          value={feed.https}
          aria-describedby="calendar-feed-url-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="convene-actions">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void onCopy()}>
          Copy address
        </button>
        {feed.webcal && (
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">
            <a href={feed.webcal}>Open in your calendar program</a>
          </p>
        )}
      </div>
      <p className="nhsuk-body convene-save-status" role="status" aria-live="polite">
        {status}
      </p>
      <p className="nhsuk-body">
        <Link to={resetCalendarUrl(communityId)}>Reset my calendar link</Link> if someone else may have
        it. Calendars using the old link stop getting updates.
      </p>
    </section>
  );
}
