/** How a meeting's time reads, in the NHS.UK style and on a UK (Europe/London) clock. */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** "2026-12-03T14:00:00" (a Europe/London wall-clock time) → its parts; null if unparsable. */
export function parseWallClock(local: string): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** 14, 0 → "2pm"; 15, 30 → "3:30pm"; 12, 0 → "midday"; 0, 0 → "midnight". */
export function formatClock(hour: number, minute: number): string {
  if (hour === 12 && minute === 0) return 'midday';
  if (hour === 0 && minute === 0) return 'midnight';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

const dayFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A wall-clock date → "Thursday 3 December 2026" (no comma after the weekday, as NHS.UK writes it). */
function formatWallDate(w: WallClock): string {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, 12));
  const parts = dayFmt.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** "2026-12-03T14:00:00" → "Thursday 3 December 2026". */
export function formatMeetingDate(startsAtLocal: string): string {
  const w = parseWallClock(startsAtLocal);
  return w ? formatWallDate(w) : startsAtLocal;
}

/** The London wall clock of an instant, as "YYYY-MM-DDTHH:MM". */
export function londonWallClock(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * A meeting's time: "Thursday 3 December 2026, 2pm to 3:30pm". The start is the server's
 * `startsAtLocal` (already on a UK clock); the end is `endsAt` (an instant) read on a UK clock,
 * so a meeting across a clock change still ends at the right time. A meeting that ends on
 * another day says which.
 */
export function formatMeetingTime(startsAtLocal: string, endsAt?: string | null, durationMinutes?: number): string {
  const start = parseWallClock(startsAtLocal);
  if (!start) return startsAtLocal;
  const date = formatWallDate(start);
  const from = formatClock(start.hour, start.minute);
  let end: WallClock | null = null;
  if (endsAt) {
    end = parseWallClock(londonWallClock(endsAt));
  } else if (durationMinutes !== undefined) {
    const t = new Date(Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute) + durationMinutes * 60000);
    end = {
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      hour: t.getUTCHours(),
      minute: t.getUTCMinutes(),
    };
  }
  if (!end) return `${date}, ${from}`;
  // A meeting that ends at midnight ends "at midnight" on its own day.
  const endDay = end.hour === 0 && end.minute === 0 ? new Date(Date.UTC(end.year, end.month - 1, end.day - 1)) : new Date(Date.UTC(end.year, end.month - 1, end.day));
  const sameDay = endDay.getTime() === Date.UTC(start.year, start.month - 1, start.day);
  const to = formatClock(end.hour, end.minute);
  return sameDay ? `${date}, ${from} to ${to}` : `${date}, ${from} to ${formatWallDate(end)}, ${to}`;
}

/** Whether the meeting has started (by its instant, not the wall clock). */
export function hasStarted(startsAt: string, now: Date = new Date()): boolean {
  return new Date(startsAt).getTime() <= now.getTime();
}

/** The date and time inputs' values ("2026-12-03", "14:00") → "2026-12-03T14:00" for `startsAt`. */
export function startsAtInput(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const check = new Date(Date.UTC(y, mo - 1, day));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== day) return null;
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return null;
  return `${d[1]}-${d[2]}-${d[3]}T${String(h).padStart(2, '0')}:${t[2]}`;
}

