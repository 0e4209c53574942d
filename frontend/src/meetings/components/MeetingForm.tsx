import { useState, type FormEvent } from 'react';
import type { MeetingMode } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Radios, TextInput, Textarea } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import type { FormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { startsAtInput } from '../format';
import { MEETING_MODES, MEETING_MODE_VALUES } from '../labels';

export interface MeetingFormValues {
  date: string;
  time: string;
  duration: string;
  mode: string;
  location: string;
  joiningDetails: string;
  agenda: string;
}

/** What `scheduleMeeting` and `updateMeeting` take from the form. */
export interface MeetingFormInput {
  startsAt: string;
  durationMinutes: number;
  mode: MeetingMode;
  location: string | null;
  joiningDetails: string | null;
  agenda: string;
}

export const EMPTY_MEETING: MeetingFormValues = {
  date: '',
  time: '',
  duration: '60',
  mode: '',
  location: '',
  joiningDetails: '',
  agenda: '',
};

/**
 * The checks the browser can make before asking the server, each problem naming the input it
 * belongs to (its id is the GraphQL input field's name, so the server's field errors land on
 * the same inputs). The server still decides (a time in the past, a time the clocks skip).
 */
export function checkMeetingForm(v: MeetingFormValues): { problems: Problem[]; input: MeetingFormInput | null } {
  const problems: Problem[] = [];
  const startsAt = startsAtInput(v.date, v.time);
  if (!v.date.trim()) problems.push({ field: 'startsAt', message: 'Enter the date of the meeting' });
  else if (!startsAtInput(v.date, '00:00')) problems.push({ field: 'startsAt', message: 'The date of the meeting must be a real date' });
  if (!v.time.trim()) problems.push({ field: 'startsAtTime', message: 'Enter the time the meeting starts' });
  else if (!startsAtInput('2000-01-01', v.time)) problems.push({ field: 'startsAtTime', message: 'Enter the time as hours and minutes, like 14:00' });
  const minutes = /^\d+$/.test(v.duration.trim()) ? Number(v.duration.trim()) : NaN;
  if (!v.duration.trim()) problems.push({ field: 'durationMinutes', message: 'Enter how long the meeting lasts, in minutes' });
  else if (Number.isNaN(minutes)) problems.push({ field: 'durationMinutes', message: 'Enter the length as a whole number of minutes, like 90' });
  else if (minutes < 15 || minutes > 480) problems.push({ field: 'durationMinutes', message: 'A meeting lasts between 15 minutes and 8 hours' });
  const mode = MEETING_MODE_VALUES.find((m) => m === v.mode);
  if (!mode) problems.push({ field: 'mode', message: 'Choose how people meet' });
  if (mode === 'IN_PERSON' && !v.location.trim()) problems.push({ field: 'location', message: 'Enter where the meeting is' });
  if ((mode === 'CALL' || mode === 'VIDEO') && !v.joiningDetails.trim()) {
    problems.push({ field: 'joiningDetails', message: 'Enter how people join the call' });
  }
  if (problems.length || !startsAt || !mode) return { problems, input: null };
  return {
    problems,
    input: {
      startsAt,
      durationMinutes: minutes,
      mode,
      location: mode === 'IN_PERSON' ? v.location.trim() : null,
      joiningDetails: mode === 'IN_PERSON' ? null : v.joiningDetails.trim(),
      agenda: v.agenda.trim(),
    },
  };
}

/** The form's field ids (a server problem about anything else is shown without a link). */
export const MEETING_FIELDS = ['startsAt', 'startsAtTime', 'durationMinutes', 'mode', 'location', 'joiningDetails', 'agenda'];

/**
 * The meeting form of scheduling and changing a meeting: date and time on a UK clock, length,
 * mode (revealing the place or the joining details) and agenda. `form` holds the problems (the
 * page's mutation puts the server's there); `onSave` runs once the answers pass the checks.
 */
export function MeetingForm({
  initial,
  submitText,
  onSave,
  saving,
  form,
  heading,
  title,
  caption,
  intro,
}: {
  initial: MeetingFormValues;
  submitText: string;
  onSave: (input: MeetingFormInput) => Promise<void>;
  saving: boolean;
  form: FormProblems;
  heading: string;
  /** The page title (the heading and the community). */
  title: string;
  caption: React.ReactNode;
  intro?: React.ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const { problems } = form;
  usePageTitle(title, problems.length > 0);
  const set = (k: keyof MeetingFormValues) => (value: string) => setValues((v) => ({ ...v, [k]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkMeetingForm(values);
    if (!checked.input) {
      form.invalid(checked.problems);
      return;
    }
    form.clear();
    await onSave(checked.input);
  };

  const err = (f: string) => fieldError(problems, f);
  return (
    <>
      <ErrorSummary problems={problems} />
      {caption}
      <h1 className="nhsuk-heading-l">{heading}</h1>
      {intro}
      <form onSubmit={onSubmit} noValidate>
        <h2 className="nhsuk-heading-m">When</h2>
        <p className="nhsuk-body">Enter the time on a UK clock (Europe/London).</p>
        <TextInput
          id="startsAt"
          label="Date"
          hint="For example, 3 December 2026"
          type="date"
          value={values.date}
          onChange={set('date')}
          error={err('startsAt')}
          widthClass="nhsuk-input--width-10"
        />
        <TextInput
          id="startsAtTime"
          label="Start time"
          hint="For example, 14:00 for 2pm"
          type="time"
          value={values.time}
          onChange={set('time')}
          error={err('startsAtTime')}
          widthClass="nhsuk-input--width-10"
        />
        <TextInput
          id="durationMinutes"
          label="Length in minutes"
          hint="Between 15 minutes and 8 hours (480 minutes). For example, 90"
          inputMode="numeric"
          value={values.duration}
          onChange={set('duration')}
          error={err('durationMinutes')}
          widthClass="nhsuk-input--width-4"
        />
        <Radios
          id="mode"
          legend="How will people meet?"
          legendSize="m"
          value={values.mode}
          onChange={set('mode')}
          error={err('mode')}
          options={MEETING_MODE_VALUES.map((m) => ({
            value: m,
            label: MEETING_MODES[m].text,
            hint: MEETING_MODES[m].hint,
            conditional:
              m === 'IN_PERSON' ? (
                <Textarea
                  id="location"
                  label="Where"
                  hint="The building, room and address"
                  rows={3}
                  value={values.location}
                  onChange={set('location')}
                  error={err('location')}
                />
              ) : (
                <Textarea
                  id="joiningDetails"
                  label="How to join"
                  hint={m === 'VIDEO' ? 'The meeting link, and any meeting ID or passcode' : 'The phone number and any access code'}
                  rows={3}
                  value={values.joiningDetails}
                  onChange={set('joiningDetails')}
                  error={err('joiningDetails')}
                />
              ),
          }))}
        />
        <Textarea
          id="agenda"
          label="Agenda (optional)"
          labelSize="m"
          hint="What the meeting is for, and who leads each part. Members see it in the invitation and their calendar."
          rows={6}
          value={values.agenda}
          onChange={set('agenda')}
          error={err('agenda')}
        />
        <Button disabled={saving}>{submitText}</Button>
      </form>
    </>
  );
}
