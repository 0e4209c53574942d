/** Formatting in the NHS.UK style, always in Europe/London. */

const TZ = 'Europe/London';

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "2026-09-08" (a calendar date) → "8 September 2026". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

/** An instant → "5:30pm" in Europe/London ("midday" and "midnight" as the NHS style says). */
export function formatTime(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (hour === 12 && minute === '00') return 'midday';
  if (hour === 0 && minute === '00') return 'midnight';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`;
}

/** An instant → "8 September 2026" in Europe/London. */
export function formatInstantDate(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return dateFmt.format(d);
}

/** An instant → "8 September 2026 at 5:30pm" in Europe/London. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  return `${formatInstantDate(instant)} at ${formatTime(instant)}`;
}

/** Integer pence → "£5,000" or "£1,666.67". Never floating point arithmetic on money. */
export function formatPence(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(Math.trunc(pence));
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  const poundsText = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = rest === 0 ? `£${poundsText}` : `£${poundsText}.${rest.toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** "5,000" or "£1,666.67" → 166667 pence; null when it is not an amount of money. */
export function parsePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const pounds = Number(m[1]);
  const pence = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) ? total : null;
}

/** Offset of Europe/London from UTC, in minutes, at the given instant. */
function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

/** A wall-clock "2026-09-08" + "17:30" in London → an RFC 3339 UTC instant; null if unparsable. */
export function londonToInstant(date: string, time: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2])];
  if (h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Date.UTC rolls 31 February over into March: only real calendar dates.
  const check = new Date(naive);
  if (Number.isNaN(naive) || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // Two passes settle the offset around a clock change.
  let guess = naive - londonOffsetMinutes(new Date(naive)) * 60000;
  guess = naive - londonOffsetMinutes(new Date(guess)) * 60000;
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}

/** A score such as 4.333… → "4.33"; null (no reviews yet) → "Not scored". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return 'Not scored';
  return (Math.round(score * 100) / 100).toFixed(2);
}

/** A normalised score around 0 → "+0.41", "−0.41" or "0.00" (never "-0.00"). */
export function formatNormalised(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return 'Not scored';
  const rounded = Math.round(score * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '\u2212'}${Math.abs(rounded).toFixed(2)}`;
}

/** "1 person", "4 people"; "1 reviewer", "2 reviewers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** True for a real calendar date written "2026-09-08" (not "2026-02-30"). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today in Europe/London as "2026-09-08" (for date inputs and checks). */
export function londonToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** An instant as a London wall clock for date and time inputs: { date: "2026-09-08", time: "17:30" }. */
export function londonClock(instant: string | Date): { date: string; time: string } {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: londonToday(at), time: `${get('hour')}:${get('minute')}` };
}
