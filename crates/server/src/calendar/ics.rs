//! Meetings as iCalendar (RFC 5545), written with the `icalendar` crate: one VTIMEZONE for
//! Europe/London, and a VEVENT per meeting whose UID never changes, whose SEQUENCE rises with
//! every change, and whose STATUS is CANCELLED once cancelled (with METHOD:CANCEL in an e-mail).

use chrono::{DateTime, Utc};
use convene_domain::community::{self as d, MeetingMode, MeetingStatus};
use convene_store::entities::meeting;
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, Event, EventLike, EventStatus,
    Property,
};

/// What the calendar object is for (RFC 5546): a feed publishes; an e-mail invites or cancels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Publish,
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// One meeting with what a calendar shows about it.
pub struct MeetingEvent<'a> {
    pub meeting: &'a meeting::Model,
    pub community: &'a str,
    /// The meeting's page in the SPA.
    pub url: String,
}

/// Who sends an invitation and to whom (RFC 5546 needs both in a REQUEST or CANCEL).
pub struct Parties<'a> {
    pub organiser_name: &'a str,
    pub organiser_email: &'a str,
    pub attendee_email: &'a str,
}

pub fn uid(meeting: uuid::Uuid) -> String {
    format!("meeting-{}@convene", meeting.simple())
}

/// An empty component of the given kind. The crate has typed builders for events but not for
/// time zones, so those are made as its generic components, from its own parser.
fn component(text: &'static str) -> CalendarComponent {
    let parsed = icalendar::parser::Component::try_from(text).expect("an empty component parses");
    CalendarComponent::Other(parsed.into())
}

/// Set properties on a generic component. The crate writes a DTSTAMP and a UID into every
/// component that lacks them, time zones included (RFC 5545 does not ask for them there, and
/// calendar clients ignore them); fixed values keep the output the same from one fetch to the
/// next instead of a fresh random UID each time.
fn set(c: &mut CalendarComponent, props: &[(&str, &str)]) {
    if let CalendarComponent::Other(o) = c {
        let kind = o.component_kind().to_ascii_lowercase();
        o.append_property(Property::new(
            "UID",
            format!("europe-london-{kind}@convene"),
        ));
        o.append_property(Property::new("DTSTAMP", "19961027T020000Z"));
        for (k, v) in props {
            o.append_property(Property::new(*k, *v));
        }
    }
}

fn nest(parent: &mut CalendarComponent, child: CalendarComponent) {
    if let (CalendarComponent::Other(p), CalendarComponent::Other(c)) = (parent, child) {
        p.append_component(c);
    }
}

/// Europe/London since 1996: GMT in winter, BST from the last Sunday of March at 01:00 UTC to
/// the last Sunday of October at 01:00 UTC.
fn london() -> CalendarComponent {
    let mut daylight = component("BEGIN:DAYLIGHT\r\nEND:DAYLIGHT\r\n");
    set(
        &mut daylight,
        &[
            ("TZOFFSETFROM", "+0000"),
            ("TZOFFSETTO", "+0100"),
            ("TZNAME", "BST"),
            ("DTSTART", "19810329T010000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
        ],
    );
    let mut standard = component("BEGIN:STANDARD\r\nEND:STANDARD\r\n");
    set(
        &mut standard,
        &[
            ("TZOFFSETFROM", "+0100"),
            ("TZOFFSETTO", "+0000"),
            ("TZNAME", "GMT"),
            ("DTSTART", "19961027T020000"),
            ("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
        ],
    );
    let mut tz = component("BEGIN:VTIMEZONE\r\nEND:VTIMEZONE\r\n");
    set(&mut tz, &[("TZID", d::TIME_ZONE)]);
    nest(&mut tz, daylight);
    nest(&mut tz, standard);
    tz
}

/// A TEXT value ready for the crate, which escapes `\\`, `;`, `,` and line feeds (RFC 5545
/// §3.3.11) but passes a carriage return or another control character through, and a bare CR
/// ends a content line for some readers. A stored CRLF (a browser's textarea) becomes one line
/// feed; other control characters but the tab are dropped (the domain's parsers refuse them in
/// names already; older rows and multi-line texts may still hold them).
fn text(v: &str) -> String {
    v.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A parameter value (`ORGANIZER;CN=…`) ready for the crate. The crate quotes a value holding
/// `:`, `;` or `,` (RFC 5545 §3.2) but cannot carry a double quote inside the quotes, and a
/// name holding one would end the quoted value early and start a parameter of its own; RFC 6868
/// writes `^` as `^^`, `"` as `^'` and a line break as `^n`. Other control characters are
/// dropped.
fn param(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in text(v).chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn london_time(t: DateTime<Utc>) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: d::london_time(t),
        tzid: d::TIME_ZONE.to_string(),
    }
}

fn event(m: &MeetingEvent<'_>, parties: Option<&Parties<'_>>, stamp: DateTime<Utc>) -> Event {
    let row = m.meeting;
    let mode = MeetingMode::from_str(&row.mode).unwrap_or(MeetingMode::InPerson);
    let status = MeetingStatus::from_str(&row.status).unwrap_or(MeetingStatus::Scheduled);
    let mut description = String::new();
    if !row.agenda.is_empty() {
        description.push_str("Agenda:\n");
        description.push_str(&row.agenda);
        description.push_str("\n\n");
    }
    if let Some(j) = &row.joining_details {
        description.push_str("How to join:\n");
        description.push_str(j);
        description.push_str("\n\n");
    }
    description.push_str(&m.url);
    let location = match mode {
        MeetingMode::InPerson => row.location.clone().unwrap_or_default(),
        MeetingMode::Call => "Phone call (see how to join)".to_string(),
        MeetingMode::Video => "Video call (see how to join)".to_string(),
    };
    let mut e = Event::new();
    e.uid(&uid(row.id))
        .sequence(row.sequence.max(0) as u32)
        .timestamp(stamp)
        .last_modified(row.updated_at)
        .summary(&text(&format!("{}: community meeting", m.community)))
        .description(&text(&description))
        .location(&text(&location))
        .url(&m.url)
        .starts(london_time(row.starts_at))
        .ends(london_time(d::ends_at(row.starts_at, row.duration_minutes)))
        .status(match status {
            MeetingStatus::Scheduled => EventStatus::Confirmed,
            MeetingStatus::Cancelled => EventStatus::Cancelled,
        });
    e.add_property(
        "CREATED",
        row.created_at.format("%Y%m%dT%H%M%SZ").to_string(),
    );
    if let Some(p) = parties {
        e.append_property(
            Property::new("ORGANIZER", format!("mailto:{}", p.organiser_email))
                .add_parameter("CN", &param(p.organiser_name))
                .done(),
        );
        e.append_property(
            Property::new("ATTENDEE", format!("mailto:{}", p.attendee_email))
                .add_parameter("ROLE", "REQ-PARTICIPANT")
                .add_parameter("PARTSTAT", "NEEDS-ACTION")
                .add_parameter("RSVP", "FALSE")
                .done(),
        );
    }
    e.done()
}

/// A calendar of meetings: a community's feed (`Method::Publish`, `parties: None`), or one
/// meeting sent by e-mail (`Request` or `Cancel`, with organiser and attendee).
pub fn calendar(
    name: &str,
    method: Method,
    meetings: &[MeetingEvent<'_>],
    parties: Option<&Parties<'_>>,
    now: DateTime<Utc>,
) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//Convene//Communities of practice//EN",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", method.as_str()))
        .append_property(Property::new("X-WR-CALNAME", text(name)))
        .append_property(Property::new("X-WR-TIMEZONE", d::TIME_ZONE));
    cal.push(london());
    for m in meetings {
        // A feed's DTSTAMP is when the event last changed, so an unchanged feed reads the same;
        // an e-mail's is when it was sent (RFC 5545 3.8.7.2).
        let stamp = if method == Method::Publish {
            m.meeting.updated_at
        } else {
            now
        };
        cal.push(event(m, parties, stamp));
    }
    cal.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use icalendar::DatePerhapsTime;

    fn meeting(starts: DateTime<Utc>, status: &str, sequence: i32) -> meeting::Model {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        meeting::Model {
            id: uuid::Uuid::from_u128(7),
            community_id: uuid::Uuid::from_u128(1),
            starts_at: starts,
            duration_minutes: 90,
            mode: "VIDEO".into(),
            location: None,
            joining_details: Some("https://video.example.nhs.uk/j/123; passcode 4321".into()),
            agenda: "Welcome, our domain; what we each bring".into(),
            notes: String::new(),
            status: status.into(),
            sequence,
            created_by: uuid::Uuid::from_u128(2),
            created_at: t0,
            updated_at: t0,
        }
    }

    fn unfolded(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    fn parse(text: &str) -> Calendar {
        text.parse::<Calendar>().expect("our own output parses")
    }

    fn only_event(cal: &Calendar) -> &Event {
        let events: Vec<&Event> = cal.components.iter().filter_map(|c| c.as_event()).collect();
        assert_eq!(events.len(), 1);
        events[0]
    }

    #[test]
    fn a_summer_meeting_is_written_in_london_time_with_its_timezone() {
        // 14:00 BST is 13:00 UTC.
        let m = meeting(
            Utc.with_ymd_and_hms(2027, 6, 3, 13, 0, 0).unwrap(),
            "SCHEDULED",
            2,
        );
        let url = "https://convene.example/communities/c/meetings/m".to_string();
        let text = calendar(
            "Sepsis",
            Method::Publish,
            &[MeetingEvent {
                meeting: &m,
                community: "Sepsis CoP",
                url: url.clone(),
            }],
            None,
            Utc::now(),
        );
        assert!(text.contains("\r\nTZID:Europe/London\r\n"), "{text}");
        assert_eq!(
            text,
            calendar(
                "Sepsis",
                Method::Publish,
                &[MeetingEvent {
                    meeting: &m,
                    community: "Sepsis CoP",
                    url: url.clone()
                }],
                None,
                Utc::now(),
            ),
            "a feed reads the same until something changes"
        );
        assert!(
            text.contains("DTSTART;TZID=Europe/London:20270603T140000"),
            "{text}"
        );
        assert!(
            text.contains("DTEND;TZID=Europe/London:20270603T153000"),
            "{text}"
        );
        let cal = parse(&text);
        let tz = cal
            .components
            .iter()
            .find_map(|c| match c {
                CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
                _ => None,
            })
            .expect("a VTIMEZONE");
        assert_eq!(tz.property_value("TZID"), Some("Europe/London"));
        assert_eq!(tz.components().len(), 2);
        let e = only_event(&cal);
        assert_eq!(
            e.get_uid(),
            Some("meeting-00000000000000000000000000000007@convene")
        );
        assert_eq!(e.get_sequence(), Some(2));
        assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
        match e.get_start() {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
                assert_eq!(tzid, "Europe/London");
                assert_eq!(date_time.to_string(), "2027-06-03 14:00:00");
            }
            other => panic!("unexpected start {other:?}"),
        }
        assert!(e.get_description().unwrap().contains("passcode 4321"));
        assert_eq!(e.get_location(), Some("Video call (see how to join)"));
    }

    /// RFC 6868's decoding of a parameter value.
    fn caret_decoded(v: &str) -> String {
        v.trim_matches('"')
            .replace("^n", "\n")
            .replace("^'", "\"")
            .replace("^^", "^")
    }

    #[test]
    fn a_community_name_with_quotes_and_separators_stays_one_property() {
        // control characters are refused by the parsers; older rows and multi-line texts may
        // still hold a carriage return
        let name = "Peers \"North\"; ROLE=CHAIR, Inc: ATTACH:https://evil.example/x ^";
        let mut m = meeting(
            Utc.with_ymd_and_hms(2026, 12, 3, 14, 0, 0).unwrap(),
            "SCHEDULED",
            1,
        );
        m.agenda = "One\r\nATTACH:https://evil.example/a\rX-INJECTED:1".into();
        let parties = Parties {
            organiser_name: name,
            organiser_email: "convene@example.nhs.uk",
            attendee_email: "ada@example.nhs.uk",
        };
        let text = calendar(
            name,
            Method::Request,
            &[MeetingEvent {
                meeting: &m,
                community: name,
                url: "https://x/m".into(),
            }],
            Some(&parties),
            Utc::now(),
        );
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "{text:?}");
        let unfolded = unfolded(&text);
        let lines: Vec<&str> = unfolded.split("\r\n").collect();
        let starting = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!(starting("ORGANIZER"), 1, "{text}");
        assert_eq!(starting("ATTENDEE"), 1, "{text}");
        assert_eq!(starting("ATTACH"), 0, "{text}");
        assert_eq!(starting("X-INJECTED"), 0, "{text}");
        assert_eq!(starting("ROLE"), 0, "{text}");
        let organiser = lines.iter().find(|l| l.starts_with("ORGANIZER")).unwrap();
        assert_eq!(
            *organiser,
            "ORGANIZER;CN=\"Peers ^'North^'; ROLE=CHAIR, Inc: ATTACH:https://evil.example/x ^^\":mailto:convene@example.nhs.uk"
        );
        // read back by the crate: one organiser, the whole name in CN, the address its value
        let cal = parse(&text);
        assert_eq!(cal.property_value("X-WR-CALNAME"), Some(name));
        let e = only_event(&cal);
        assert_eq!(
            e.get_summary(),
            Some(format!("{name}: community meeting").as_str())
        );
        assert_eq!(
            e.get_description()
                .unwrap()
                .lines()
                .take(3)
                .collect::<Vec<_>>(),
            [
                "Agenda:",
                "One",
                "ATTACH:https://evil.example/aX-INJECTED:1"
            ]
        );
        let found: Vec<&Property> = e
            .properties()
            .get("ORGANIZER")
            .into_iter()
            .chain(e.multi_properties().get("ORGANIZER").into_iter().flatten())
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value(), "mailto:convene@example.nhs.uk");
        let cn = found[0].params().get("CN").expect("a CN").value();
        assert_eq!(caret_decoded(cn), name);
        assert_eq!(found[0].params().len(), 1, "no parameter of the name's own");
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_says_cancel() {
        let m = meeting(
            Utc.with_ymd_and_hms(2026, 12, 3, 14, 0, 0).unwrap(),
            "CANCELLED",
            3,
        );
        let parties = Parties {
            organiser_name: "Sepsis CoP",
            organiser_email: "convene@example.nhs.uk",
            attendee_email: "ada@example.nhs.uk",
        };
        let text = calendar(
            "Sepsis",
            Method::Cancel,
            &[MeetingEvent {
                meeting: &m,
                community: "Sepsis CoP, \"north\"; east",
                url: "https://x/m".into(),
            }],
            Some(&parties),
            Utc::now(),
        );
        let cal = parse(&text);
        assert_eq!(cal.property_value("METHOD"), Some("CANCEL"));
        let e = only_event(&cal);
        assert_eq!(e.get_status(), Some(EventStatus::Cancelled));
        assert_eq!(e.get_sequence(), Some(3));
        assert_eq!(e.get_uid(), Some(uid(m.id).as_str()));
        // text with commas, quotes and semicolons survives the round trip
        assert_eq!(
            e.get_summary(),
            Some("Sepsis CoP, \"north\"; east: community meeting")
        );
        assert!(
            text.contains("ORGANIZER;CN=Sepsis CoP:mailto:convene@example.nhs.uk"),
            "{text}"
        );
        assert!(
            unfolded(&text).contains("mailto:ada@example.nhs.uk"),
            "{text}"
        );
        // winter: GMT, so the wall clock equals UTC
        assert!(text.contains("DTSTART;TZID=Europe/London:20261203T140000"));
    }
}
