//! Meetings (SPEC §4): a time in Europe/London, a length, face to face somewhere or a call or
//! video with joining details, an agenda, notes afterwards and who came. Each meeting is an
//! iCalendar event whose SEQUENCE rises with every change a calendar would show.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::London;

use super::MemberRole;
use crate::ids::PersonId;
use crate::text::bounded;
use crate::{DomainError, Fields};

/// The network's meetings happen in the UK: times are entered and shown in Europe/London.
pub const TIME_ZONE: &str = "Europe/London";
pub const MIN_MINUTES: i32 = 15;
pub const MAX_MINUTES: i32 = 8 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingMode {
    InPerson,
    Call,
    Video,
}

impl MeetingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingMode::InPerson => "IN_PERSON",
            MeetingMode::Call => "CALL",
            MeetingMode::Video => "VIDEO",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [MeetingMode::InPerson, MeetingMode::Call, MeetingMode::Video]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingStatus {
    Scheduled,
    Cancelled,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "SCHEDULED",
            MeetingStatus::Cancelled => "CANCELLED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [MeetingStatus::Scheduled, MeetingStatus::Cancelled]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// A start time as people write it: either an instant with its offset (`2026-12-03T14:00:00Z`,
/// `…+01:00`), or a wall-clock time in Europe/London (`2026-12-03T14:00`). A London time that
/// does not exist (the hour skipped when the clocks go forward) is refused; one that happens
/// twice (when they go back) is the first, British Summer Time, and said so in the README.
pub fn parse_starts_at(field: &str, raw: &str) -> Result<DateTime<Utc>, DomainError> {
    let s = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .ok_or_else(|| {
            DomainError::field(
                field,
                "Enter the start as a date and time, like 2026-12-03T14:00 (UK time)",
            )
        })?;
    // `%Y` reads any number of digits and a sign: a year RFC 3339 and iCalendar cannot
    // write (year -9, year 20000) is a typing slip, not a meeting
    if !(1000..=9999).contains(&naive.year()) {
        return Err(DomainError::field(
            field,
            "Enter the year with four digits, like 2026-12-03T14:00",
        ));
    }
    match London.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(DomainError::field(
            field,
            "That time does not exist in the UK: the clocks go forward then. Choose another time",
        )),
    }
}

/// The wall-clock time in Europe/London of an instant.
pub fn london_time(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&London).naive_local()
}

/// What a meeting needs, checked together so that every wrong field is named at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPlan {
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub mode: MeetingMode,
    pub location: Option<String>,
    pub joining_details: Option<String>,
    pub agenda: String,
}

/// Raw fields of a meeting as entered.
pub struct MeetingInput<'a> {
    pub starts_at: &'a str,
    pub duration_minutes: i32,
    pub mode: MeetingMode,
    pub location: Option<&'a str>,
    pub joining_details: Option<&'a str>,
    pub agenda: Option<&'a str>,
}

/// A meeting is scheduled for the future, lasts 15 minutes to 8 hours, and says where (face to
/// face) or how to join (call or video).
pub fn check_meeting(
    input: &MeetingInput<'_>,
    now: DateTime<Utc>,
    f: &mut Fields,
) -> Option<MeetingPlan> {
    let starts_at = f.take(parse_starts_at("startsAt", input.starts_at).and_then(|t| {
        if t <= now {
            Err(DomainError::field(
                "startsAt",
                "The meeting must start in the future",
            ))
        } else {
            Ok(t)
        }
    }));
    if !(MIN_MINUTES..=MAX_MINUTES).contains(&input.duration_minutes) {
        f.add(
            "durationMinutes",
            format!("A meeting lasts between {MIN_MINUTES} minutes and 8 hours"),
        );
    }
    let text = |field: &str, label: &str, v: Option<&str>, max: usize| {
        bounded(field, label, v.unwrap_or(""), 0, max).map(|t| Some(t).filter(|t| !t.is_empty()))
    };
    let location = f
        .take(text("location", "the place", input.location, 500))
        .flatten();
    let joining = f
        .take(text(
            "joiningDetails",
            "the joining details",
            input.joining_details,
            2_000,
        ))
        .flatten();
    let agenda = f
        .take(text("agenda", "the agenda", input.agenda, 10_000))
        .flatten();
    match input.mode {
        MeetingMode::InPerson if location.is_none() => {
            f.add("location", "Enter where the meeting is")
        }
        MeetingMode::Call | MeetingMode::Video if joining.is_none() => {
            f.add("joiningDetails", "Enter how people join the call")
        }
        _ => {}
    }
    if !f.is_empty() {
        return None;
    }
    Some(MeetingPlan {
        starts_at: starts_at?,
        duration_minutes: input.duration_minutes,
        mode: input.mode,
        // A face-to-face meeting keeps no stale joining link, a call no stale room.
        location: if input.mode == MeetingMode::InPerson {
            location
        } else {
            None
        },
        joining_details: if input.mode == MeetingMode::InPerson {
            None
        } else {
            joining
        },
        agenda: agenda.unwrap_or_default(),
    })
}

pub fn parse_notes(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "the notes", raw, 0, 50_000)
}

/// Conveners and the core group plan the meetings; once the community is active that is one of
/// the cultivating tasks any core member does (FAQ 10), which the same rule covers.
pub fn check_can_plan_meetings(role: Option<MemberRole>) -> Result<(), DomainError> {
    super::check_runs_it(role, "plan its meetings")
}

/// A cancelled meeting stays cancelled (a new one is scheduled instead), and a meeting that
/// has already started can no longer be moved or cancelled, only given notes and attendance.
pub fn check_can_change(
    status: MeetingStatus,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if status == MeetingStatus::Cancelled {
        return Err(DomainError::invalid_state(
            "This meeting has been cancelled",
        ));
    }
    if starts_at <= now {
        return Err(DomainError::invalid_state(
            "This meeting has already started: add its notes and attendance instead",
        ));
    }
    Ok(())
}

/// Attendance is recorded once the meeting has started, for a meeting that went ahead.
pub fn check_can_record_attendance(
    status: MeetingStatus,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if status == MeetingStatus::Cancelled {
        return Err(DomainError::invalid_state("This meeting was cancelled"));
    }
    if starts_at > now {
        return Err(DomainError::invalid_state(
            "Attendance is recorded once the meeting has started",
        ));
    }
    Ok(())
}

/// What a change to a meeting gives; what it leaves out stays as it was.
#[derive(Debug, Clone, Default)]
pub struct MeetingChanges<'a> {
    pub starts_at: Option<&'a str>,
    pub duration_minutes: Option<i32>,
    pub mode: Option<MeetingMode>,
    pub location: Option<&'a str>,
    pub joining_details: Option<&'a str>,
    pub agenda: Option<&'a str>,
}

impl MeetingChanges<'_> {
    /// Whether the change touches anything a calendar shows (and so moves the meeting).
    pub fn reschedules(&self) -> bool {
        self.starts_at.is_some()
            || self.duration_minutes.is_some()
            || self.mode.is_some()
            || self.location.is_some()
            || self.joining_details.is_some()
            || self.agenda.is_some()
    }
}

/// The meeting as it will be after `changes`, checked as a new one is (every wrong field named
/// in `f`); what the change leaves out is kept from `old`.
pub fn replan(
    old: &MeetingPlan,
    changes: &MeetingChanges<'_>,
    now: DateTime<Utc>,
    f: &mut Fields,
) -> Option<MeetingPlan> {
    let starts = changes
        .starts_at
        .map(str::to_string)
        .unwrap_or_else(|| old.starts_at.to_rfc3339());
    check_meeting(
        &MeetingInput {
            starts_at: &starts,
            duration_minutes: changes.duration_minutes.unwrap_or(old.duration_minutes),
            mode: changes.mode.unwrap_or(old.mode),
            location: changes.location.or(old.location.as_deref()),
            joining_details: changes.joining_details.or(old.joining_details.as_deref()),
            agenda: changes.agenda.or(Some(old.agenda.as_str())),
        },
        now,
        f,
    )
}

/// Only those who plan a community's meetings change them; to anyone outside the community a
/// meeting is as if it did not exist (they learn nothing, not even that one exists).
pub fn check_meeting_planner(role: Option<MemberRole>) -> Result<(), DomainError> {
    if role.is_none() {
        return Err(DomainError::field("meetingId", "There is no such meeting"));
    }
    check_can_plan_meetings(role)
}

/// How many people one record of attendance may name.
pub const MAX_ATTENDEES: usize = 500;

/// A record of attendance names at most `MAX_ATTENDEES` people.
pub fn check_attendee_count(count: usize) -> Result<(), DomainError> {
    if count > MAX_ATTENDEES {
        return Err(DomainError::field(
            "attendeeIds",
            format!("Record at most {MAX_ATTENDEES} people at once"),
        ));
    }
    Ok(())
}

/// The people recorded as attending, each once, in the order given; at most `MAX_ATTENDEES`.
pub fn attendees(given: &[PersonId]) -> Result<Vec<PersonId>, DomainError> {
    check_attendee_count(given.len())?;
    let mut people: Vec<PersonId> = Vec::with_capacity(given.len());
    for p in given {
        if !people.contains(p) {
            people.push(*p);
        }
    }
    Ok(people)
}

/// Everyone recorded as attending is a member of the community.
pub fn check_attendees_are_members(
    attendees: &[PersonId],
    members: &[PersonId],
) -> Result<(), DomainError> {
    if attendees.iter().any(|p| !members.contains(p)) {
        return Err(DomainError::field(
            "attendeeIds",
            "Everyone recorded as attending must be a member of the community",
        ));
    }
    Ok(())
}

/// The calendar's SEQUENCE: it rises by one whenever anything a calendar shows changes (time,
/// length, place, joining details, agenda, cancellation), and stays put otherwise, so that
/// calendar clients replace their copy exactly when they should (RFC 5546).
pub fn next_sequence(current: i32, before: &MeetingPlan, after: &MeetingPlan) -> i32 {
    if before == after {
        current
    } else {
        current + 1
    }
}

/// When a meeting ends.
pub fn ends_at(starts_at: DateTime<Utc>, duration_minutes: i32) -> DateTime<Utc> {
    starts_at + Duration::minutes(duration_minutes as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
    }

    fn input<'a>(starts: &'a str, mode: MeetingMode) -> MeetingInput<'a> {
        MeetingInput {
            starts_at: starts,
            duration_minutes: 60,
            mode,
            location: Some("Room 4, Riverside House"),
            joining_details: None,
            agenda: Some("Introductions; our domain"),
        }
    }

    #[test]
    fn london_wall_clock_times_follow_summer_time() {
        // Winter: GMT, London = UTC.
        assert_eq!(
            parse_starts_at("startsAt", "2026-12-03T14:00").unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 3, 14, 0, 0).unwrap()
        );
        // Summer: BST, London = UTC+1.
        assert_eq!(
            parse_starts_at("startsAt", "2027-06-03T14:00:00").unwrap(),
            Utc.with_ymd_and_hms(2027, 6, 3, 13, 0, 0).unwrap()
        );
        // An explicit offset is an instant, whatever London says.
        assert_eq!(
            parse_starts_at("startsAt", "2027-06-03T14:00:00Z").unwrap(),
            Utc.with_ymd_and_hms(2027, 6, 3, 14, 0, 0).unwrap()
        );
        assert_eq!(
            london_time(Utc.with_ymd_and_hms(2027, 6, 3, 13, 0, 0).unwrap()).to_string(),
            "2027-06-03 14:00:00"
        );
    }

    #[test]
    fn the_skipped_hour_is_refused_and_the_doubled_hour_is_summer_time() {
        // 28 March 2027: clocks go forward at 01:00 GMT; 01:30 never happens.
        let e = parse_starts_at("startsAt", "2027-03-28T01:30").unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert!(format!("{e:?}").contains("startsAt"));
        // 31 October 2027: 01:30 happens twice; the first is BST (00:30 UTC).
        assert_eq!(
            parse_starts_at("startsAt", "2027-10-31T01:30").unwrap(),
            Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap()
        );
        assert!(parse_starts_at("startsAt", "next Tuesday").is_err());
        // years that RFC 3339 and iCalendar cannot write (found by fuzzing)
        for odd in ["-9-9-2 9:2", "999-01-01T10:00", "+10000-01-01T10:00"] {
            let e = parse_starts_at("startsAt", odd).unwrap_err();
            assert!(format!("{e:?}").contains("four digits"), "{odd}: {e:?}");
        }
        assert!(parse_starts_at("startsAt", "20000-01-01T10:00").is_err());
    }

    #[test]
    fn a_meeting_is_in_the_future_and_says_where_or_how_to_join() {
        let mut f = Fields::new();
        let plan = check_meeting(
            &input("2026-12-03T14:00", MeetingMode::InPerson),
            now(),
            &mut f,
        )
        .unwrap();
        assert!(f.is_empty());
        assert_eq!(plan.location.as_deref(), Some("Room 4, Riverside House"));
        assert_eq!(plan.joining_details, None);

        let mut f = Fields::new();
        assert!(check_meeting(
            &input("2026-11-01T14:00", MeetingMode::InPerson),
            now(),
            &mut f
        )
        .is_none());
        assert_eq!(f.names(), vec!["startsAt"]);

        let mut f = Fields::new();
        assert!(check_meeting(
            &input("2026-12-03T14:00", MeetingMode::Video),
            now(),
            &mut f
        )
        .is_none());
        assert_eq!(f.names(), vec!["joiningDetails"]);

        let mut f = Fields::new();
        let mut i = input("2026-12-03T14:00", MeetingMode::InPerson);
        i.location = Some("   ");
        i.duration_minutes = 5;
        assert!(check_meeting(&i, now(), &mut f).is_none());
        assert_eq!(f.names(), vec!["durationMinutes", "location"]);

        let mut f = Fields::new();
        let mut i = input("2026-12-03T14:00", MeetingMode::Call);
        i.joining_details = Some("Dial 0300 000 0000, code 1234");
        let plan = check_meeting(&i, now(), &mut f).unwrap();
        assert_eq!(plan.location, None, "a call keeps no room");
        for minutes in [MIN_MINUTES, MAX_MINUTES] {
            let mut f = Fields::new();
            i.duration_minutes = minutes;
            assert!(check_meeting(&i, now(), &mut f).is_some());
        }
        let mut f = Fields::new();
        i.duration_minutes = MAX_MINUTES + 1;
        assert!(check_meeting(&i, now(), &mut f).is_none());
    }

    #[test]
    fn the_sequence_rises_only_when_the_calendar_would_change() {
        let mut f = Fields::new();
        let a = check_meeting(
            &input("2026-12-03T14:00", MeetingMode::InPerson),
            now(),
            &mut f,
        )
        .unwrap();
        assert_eq!(next_sequence(3, &a, &a.clone()), 3);
        let mut b = a.clone();
        b.agenda.push_str("; next steps");
        assert_eq!(next_sequence(3, &a, &b), 4);
        let mut c = a.clone();
        c.starts_at += Duration::minutes(30);
        assert_eq!(next_sequence(0, &a, &c), 1);
    }

    #[test]
    fn started_or_cancelled_meetings_are_not_moved() {
        let later = now() + Duration::days(1);
        let earlier = now() - Duration::hours(1);
        assert!(check_can_change(MeetingStatus::Scheduled, later, now()).is_ok());
        assert_eq!(
            check_can_change(MeetingStatus::Scheduled, earlier, now())
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_can_change(MeetingStatus::Cancelled, later, now()).is_err());
        assert!(check_can_record_attendance(MeetingStatus::Scheduled, earlier, now()).is_ok());
        assert!(check_can_record_attendance(MeetingStatus::Scheduled, later, now()).is_err());
        assert!(check_can_record_attendance(MeetingStatus::Cancelled, earlier, now()).is_err());
    }

    #[test]
    fn only_those_who_run_it_plan_meetings() {
        assert!(check_can_plan_meetings(Some(MemberRole::Convener)).is_ok());
        assert!(check_can_plan_meetings(Some(MemberRole::Core)).is_ok());
        assert_eq!(
            check_can_plan_meetings(Some(MemberRole::Member))
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert!(check_can_plan_meetings(None).is_err());
    }

    #[test]
    fn modes_and_statuses_round_trip() {
        for m in [MeetingMode::InPerson, MeetingMode::Call, MeetingMode::Video] {
            assert_eq!(MeetingMode::from_str(m.as_str()), Some(m));
        }
        for s in [MeetingStatus::Scheduled, MeetingStatus::Cancelled] {
            assert_eq!(MeetingStatus::from_str(s.as_str()), Some(s));
        }
        assert_eq!(
            ends_at(now(), 90),
            Utc.with_ymd_and_hms(2026, 11, 26, 10, 30, 0).unwrap()
        );
    }

    #[test]
    fn outsiders_are_told_no_meeting_exists_and_members_who_do_not_plan_are_refused() {
        let e = check_meeting_planner(None).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "meetingId");
        assert_eq!(e.fields[0].message, "There is no such meeting");
        let e = check_meeting_planner(Some(MemberRole::Member)).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Forbidden);
        assert!(check_meeting_planner(Some(MemberRole::Convener)).is_ok());
        assert!(check_meeting_planner(Some(MemberRole::Core)).is_ok());
    }

    #[test]
    fn attendance_names_each_member_once_and_at_most_five_hundred() {
        let (a, b) = (PersonId::new(), PersonId::new());
        assert_eq!(attendees(&[a, b, a]).unwrap(), vec![a, b]);
        assert!(attendees(&vec![a; MAX_ATTENDEES]).is_ok());
        let e = attendees(&vec![a; MAX_ATTENDEES + 1]).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "attendeeIds");
        assert_eq!(e.fields[0].message, "Record at most 500 people at once");
        assert!(check_attendees_are_members(&[a], &[a, b]).is_ok());
        assert!(check_attendees_are_members(&[], &[]).is_ok());
        let e = check_attendees_are_members(&[a, b], &[a]).unwrap_err();
        assert_eq!(e.fields[0].field, "attendeeIds");
        assert_eq!(
            e.fields[0].message,
            "Everyone recorded as attending must be a member of the community"
        );
    }

    #[test]
    fn a_change_keeps_what_it_leaves_out_and_is_checked_as_a_new_meeting() {
        let mut f = Fields::new();
        let old = check_meeting(
            &input("2026-12-03T14:00", MeetingMode::InPerson),
            now(),
            &mut f,
        )
        .unwrap();
        let none = MeetingChanges::default();
        assert!(!none.reschedules());
        assert_eq!(replan(&old, &none, now(), &mut f).unwrap(), old);
        let longer = MeetingChanges {
            duration_minutes: Some(90),
            ..Default::default()
        };
        assert!(longer.reschedules());
        let new = replan(&old, &longer, now(), &mut f).unwrap();
        assert_eq!((new.duration_minutes, new.starts_at), (90, old.starts_at));
        assert_eq!(next_sequence(3, &old, &new), 4);
        // moving to a video call needs joining details, and drops the room
        let video = MeetingChanges {
            mode: Some(MeetingMode::Video),
            ..Default::default()
        };
        assert!(replan(&old, &video, now(), &mut f).is_none());
        assert_eq!(f.names(), vec!["joiningDetails"]);
        let mut f = Fields::new();
        let video = MeetingChanges {
            mode: Some(MeetingMode::Video),
            joining_details: Some("https://meet.example/abc"),
            ..Default::default()
        };
        let new = replan(&old, &video, now(), &mut f).unwrap();
        assert_eq!(new.location, None);
    }
}
