// The meetings area's pages, loaded together when one of them is first opened (App.tsx).
export { MeetingsView } from './views/MeetingsView';
export { ScheduleMeetingView } from './views/ScheduleMeetingView';
export { MeetingView } from './views/MeetingView';
export { EditMeetingView } from './views/EditMeetingView';
export { CancelMeetingView } from './views/CancelMeetingView';
export { NotesView } from './views/NotesView';
export { AttendanceView } from './views/AttendanceView';
export { ResetCalendarLinkView } from './views/ResetCalendarLinkView';
