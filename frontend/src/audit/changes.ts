/** Before and after of an audit entry (JSON text) → rows a person can read. */

export interface ChangeRow {
  field: string;
  before: string | null;
  after: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parse(text: string | null | undefined): { ok: true; value: Json } | { ok: false } {
  if (text === null || text === undefined || text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as text: strings as they are, anything else as indented JSON. */
export function showValue(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 2);
}

/** "firstName" or "first_name" → "First name". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The fields that changed (or, for an entry that created or removed something, every field),
 * or null when before/after are not JSON objects (then they are shown as text).
 */
export function changeRows(before: string | null | undefined, after: string | null | undefined): ChangeRow[] | null {
  const b = parse(before);
  const a = parse(after);
  if (!b.ok || !a.ok) return null;
  const bv = b.value;
  const av = a.value;
  if ((bv !== null && !isObject(bv)) || (av !== null && !isObject(av))) return null;
  const bo = bv ?? {};
  const ao = av ?? {};
  const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])];
  const rows: ChangeRow[] = [];
  for (const k of keys) {
    const was = showValue(bo[k]);
    const now = showValue(ao[k]);
    if (bv !== null && av !== null && JSON.stringify(bo[k] ?? null) === JSON.stringify(ao[k] ?? null)) continue;
    rows.push({ field: k, before: was, after: now });
  }
  return rows;
}

/** Pretty-printed JSON of a text, or the text itself. */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return '';
  const p = parse(text);
  return p.ok ? (JSON.stringify(p.value, null, 2) ?? '') : text;
}
