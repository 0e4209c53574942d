import { createAuthFetch } from '../client';

/**
 * Downloads a file that needs the access token (a plain link cannot carry the Authorization
 * header): fetch it, then save the Blob through a temporary link. Returns an error message,
 * or null when the download started.
 */
export async function downloadWithToken(path: string, filename: string, fetchFn: typeof fetch = createAuthFetch()): Promise<string | null> {
  let res: Response;
  try {
    res = await fetchFn(path, { headers: { Accept: 'text/csv' } });
  } catch {
    return 'Sorry, the file could not be downloaded. Try again later.';
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || !type.startsWith('text/csv')) {
    if (res.status === 403) return 'You do not have permission to download this file.';
    if (res.status === 401 || type.includes('json')) return 'You need to sign in again to download this file.';
    return 'Sorry, the file could not be downloaded. Try again later.';
  }
  saveBlob(await res.blob(), filename);
  return null;
}

/** Saves a Blob as a file through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text made in the page (e.g. a CSV or JSON the API returned) as a file. */
export function saveText(text: string, filename: string, type: string): void {
  saveBlob(new Blob([text], { type }), filename);
}

/** "Call for Conveners 2026" → "call-for-conveners-2026". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
