//! Demo meetings: for each community that has begun meeting, one held last month with notes
//! and attendance, one coming up (by video or face to face), and for the active community one
//! that had to be cancelled.

use chrono::{DateTime, Duration, Utc};
use convene_domain::community::{MeetingStatus, Stage};
use convene_store::entities::community;
use convene_store::repo::{communities, meetings};
use convene_store::sea_orm::{DatabaseTransaction, EntityTrait};

pub async fn seed(tx: &DatabaseTransaction, now: DateTime<Utc>) -> anyhow::Result<()> {
    // on the hour, so the demo's times read naturally
    let hour = |days: i64, h: i64| {
        let d = now + Duration::days(days);
        d - Duration::seconds(d.timestamp() % 86_400) + Duration::hours(h)
    };
    for c in community::Entity::find().all(tx).await? {
        let stage = Stage::from_str(&c.stage).unwrap_or(Stage::Forming);
        let members = communities::members_of(tx, &[c.id])
            .await?
            .remove(&c.id)
            .unwrap_or_default();
        let Some(convener) = members.first().map(|m| m.person_id) else {
            continue;
        };
        let new = |starts_at,
                   mode: &'static str,
                   place: Option<&str>,
                   join: Option<&str>,
                   agenda: &str| {
            meetings::NewMeeting {
                community_id: c.id,
                starts_at,
                duration_minutes: 90,
                mode,
                location: place.map(str::to_string),
                joining_details: join.map(str::to_string),
                agenda: agenda.to_string(),
                created_by: convener,
            }
        };
        // the first conversation (FAQ 10): every community that has met at all
        if stage != Stage::Forming {
            let held = meetings::create(
                tx,
                new(
                    hour(-28, 13),
                    "IN_PERSON",
                    Some("Seminar room 2, Riverside House"),
                    None,
                    "Welcome and introductions\nOur domain in a sentence\nWho else should be here?\nRoles for the next three months",
                ),
                now - Duration::days(40),
            )
            .await?;
            let mut with_notes = held.clone();
            with_notes.notes = "We agreed the domain sketch with two changes and named three practices to explore first. Next time: one story each of a near miss.".into();
            meetings::save(tx, with_notes, now - Duration::days(27)).await?;
            let came: Vec<_> = members.iter().map(|m| m.person_id).collect();
            meetings::set_attendance(tx, held.id, &came, convener, now - Duration::days(27))
                .await?;
        }
        if matches!(stage, Stage::Forming | Stage::Active) {
            meetings::create(
                tx,
                new(
                    hour(9, 10),
                    "VIDEO",
                    None,
                    Some("Join on the video link from the calendar invitation; passcode 204 617. Dial-in: 0300 000 0000, conference 4471 (fictional)."),
                    "Practice exchange: one member shares what works\nInquiry questions\nWhat we need from the network",
                ),
                now - Duration::days(5),
            )
            .await?;
        }
        if stage == Stage::Active {
            let m = meetings::create(
                tx,
                new(
                    hour(2, 15),
                    "CALL",
                    None,
                    Some("Phone 0300 000 0001, conference 5512 (fictional)"),
                    "Quick check-in on the sharing protocol",
                ),
                now - Duration::days(10),
            )
            .await?;
            let mut cancelled = m.clone();
            cancelled.status = MeetingStatus::Cancelled.as_str().to_string();
            cancelled.sequence = 1;
            meetings::save(tx, cancelled, now - Duration::days(3)).await?;
        }
    }
    Ok(())
}
