import type { MeetingMode, MeetingStatus } from '../graphql/graphql';
import type { TagColour } from '../ui/fields';

export const MEETING_MODES: Record<MeetingMode, { text: string; hint: string }> = {
  IN_PERSON: { text: 'Face to face', hint: 'Everyone meets in one place.' },
  CALL: { text: 'Phone call', hint: 'People dial in to a conference call.' },
  VIDEO: { text: 'Video call', hint: 'For example, Microsoft Teams or Zoom.' },
};

export const MEETING_MODE_VALUES: MeetingMode[] = ['IN_PERSON', 'VIDEO', 'CALL'];

export function meetingModeText(mode: MeetingMode): string {
  return MEETING_MODES[mode]?.text ?? mode;
}

export const MEETING_STATUS: Record<MeetingStatus, { text: string; colour: TagColour }> = {
  SCHEDULED: { text: 'Scheduled', colour: 'blue' },
  CANCELLED: { text: 'Cancelled', colour: 'red' },
};

/** A duration in minutes → "1 hour 30 minutes", "45 minutes", "2 hours". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m || !h) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

export const DURATION_CHOICES = [30, 45, 60, 90, 120, 180];
