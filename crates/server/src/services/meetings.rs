//! Telling a community's members about a meeting: one e-mail each, with the meeting as a
//! calendar invitation (`text/calendar; method=REQUEST`, or `CANCEL`), queued in the caller's
//! transaction so that nobody hears of a meeting that was not saved.

use chrono::{DateTime, Utc};
use convene_domain::community::{self as d, MeetingMode};
use convene_store::entities::{community, meeting, person};
use convene_store::repo::communities;

use crate::calendar::ics::{self, MeetingEvent, Method, Parties};
use crate::mail::{templates, templates::MeetingChange, CalendarPart};
use crate::usecases::{AppResult, Write};

/// "Thursday 3 December 2026 at 2:00pm" on a UK clock.
pub fn when(starts_at: DateTime<Utc>) -> String {
    d::london_time(starts_at)
        .format("%A %-d %B %Y at %-I:%M%P")
        .to_string()
}

fn where_(m: &meeting::Model) -> String {
    match MeetingMode::from_str(&m.mode) {
        Some(MeetingMode::InPerson) => format!("at {}", m.location.clone().unwrap_or_default()),
        Some(MeetingMode::Call) => "by phone".to_string(),
        _ => "by video".to_string(),
    }
}

/// The meeting's page in the SPA, as a path.
fn link_path(m: &meeting::Model) -> String {
    crate::links::meeting_page("", m)
}

/// Queue the notice of a meeting change to every member of the community, in the change's
/// `Write` (so that nobody hears of a meeting that was not saved).
pub async fn notify_members(
    w: &mut Write<'_>,
    c: &community::Model,
    m: &meeting::Model,
    change: MeetingChange,
) -> AppResult<usize> {
    let members = communities::members_of(w.tx(), &[c.id])
        .await?
        .remove(&c.id)
        .unwrap_or_default();
    let ids: Vec<uuid::Uuid> = members.iter().map(|m| m.person_id).collect();
    let people = convene_store::by_ids::<person::Entity>(w.tx(), &ids).await?;
    let (config, now) = (&w.state().config, w.now());
    let link = crate::links::meeting_page(&config.public_url, m);
    let method = if change == MeetingChange::Cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    let organiser_email = config
        .mail_from
        .rsplit_once('<')
        .map(|(_, e)| e.trim_end_matches('>').to_string())
        .unwrap_or_else(|| config.mail_from.clone());
    for p in &people {
        let parties = Parties {
            organiser_name: &c.name,
            organiser_email: &organiser_email,
            attendee_email: &p.email,
        };
        let ics = ics::calendar(
            &c.name,
            method,
            &[MeetingEvent {
                meeting: m,
                community: &c.name,
                url: link.clone(),
            }],
            Some(&parties),
            now,
        );
        let mut mail = templates::meeting_notice(
            &p.email,
            &c.name,
            &when(m.starts_at),
            &where_(m),
            change,
            &link,
        );
        mail.calendar = Some(CalendarPart {
            method: method.as_str().to_string(),
            ics,
        });
        w.mail(&mail).await?;
        if change == MeetingChange::Scheduled {
            w.notify(
                p.id,
                crate::notify::Kind::MeetingScheduled,
                &format!("{}: meeting on {}", c.name, when(m.starts_at)),
                &link_path(m),
            )
            .await?;
        }
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_are_told_on_a_uk_clock() {
        assert_eq!(
            when(Utc.with_ymd_and_hms(2027, 6, 3, 13, 0, 0).unwrap()),
            "Thursday 3 June 2027 at 2:00pm"
        );
        assert_eq!(
            when(Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0).unwrap()),
            "Thursday 3 December 2026 at 9:30am"
        );
    }
}
