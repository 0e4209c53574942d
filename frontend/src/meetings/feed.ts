/** Calendar addresses: the server's `calendarUrl` with the viewer's feed token, and as webcal://. */

/** "https://…/calendar/communities/X.ics" + "tok" → "https://…/calendar/communities/X.ics?token=tok". */
export function withFeedToken(calendarUrl: string, token: string | null | undefined): string | null {
  if (!calendarUrl || !token) return null;
  const sep = calendarUrl.includes('?') ? '&' : '?';
  return `${calendarUrl}${sep}token=${encodeURIComponent(token)}`;
}

/**
 * The same address for calendar programs that subscribe by link (Outlook, Apple Calendar):
 * "https://host/x.ics?token=t" → "webcal://host/x.ics?token=t". Null for an address that is
 * not http(s).
 */
export function webcalUrl(feedUrl: string | null | undefined): string | null {
  if (!feedUrl) return null;
  const m = /^https?:\/\/(.*)$/i.exec(feedUrl);
  return m ? `webcal://${m[1]}` : null;
}

/** The community's feed as the viewer subscribes to it: the https address and the webcal one. */
export function communityFeed(calendarUrl: string | null | undefined, token: string | null | undefined) {
  const https = calendarUrl ? withFeedToken(calendarUrl, token) : null;
  return { https, webcal: webcalUrl(https) };
}
