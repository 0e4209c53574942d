/** A session's device as a person would name it ("Chrome on Windows"), from its user agent. */
export function deviceName(userAgent: string | null | undefined): string {
  if (!userAgent) return 'An unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua) && /Version\//.test(ua)
          ? 'Safari'
          : null;
  const system = /iPhone|iPad/.test(ua)
    ? 'an iPhone or iPad'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'a Mac'
          : /Linux|X11/.test(ua)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `A browser on ${system}`;
  // Not a browser we know (a script, say): its own name, shortened.
  return ua.length > 60 ? `${ua.slice(0, 57)}…` : ua;
}
