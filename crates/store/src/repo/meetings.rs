//! Meetings and their attendance (SPEC §4).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{meeting, meeting_attendance, person};
use crate::{Page, Result};
use convene_domain::community::MeetingStatus;

pub struct NewMeeting<'a> {
    pub community_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub mode: &'a str,
    pub location: Option<String>,
    pub joining_details: Option<String>,
    pub agenda: String,
    pub created_by: Uuid,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewMeeting<'_>,
    now: DateTime<Utc>,
) -> Result<meeting::Model> {
    Ok(meeting::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(n.community_id),
        starts_at: Set(n.starts_at),
        duration_minutes: Set(n.duration_minutes),
        mode: Set(n.mode.to_string()),
        location: Set(n.location),
        joining_details: Set(n.joining_details),
        agenda: Set(n.agenda),
        notes: Set(String::new()),
        status: Set(MeetingStatus::Scheduled.as_str().to_string()),
        sequence: Set(0),
        created_by: Set(n.created_by),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<meeting::Model>> {
    Ok(meeting::Entity::find_by_id(id).one(db).await?)
}

/// Read a meeting and lock its row until the transaction ends.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<meeting::Model>> {
    Ok(meeting::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// Write back a changed meeting (every column: the caller changed what it meant to).
pub async fn save(
    db: &impl ConnectionTrait,
    m: meeting::Model,
    now: DateTime<Utc>,
) -> Result<meeting::Model> {
    let mut am: meeting::ActiveModel = m.into();
    for c in [
        meeting::Column::StartsAt,
        meeting::Column::DurationMinutes,
        meeting::Column::Mode,
        meeting::Column::Location,
        meeting::Column::JoiningDetails,
        meeting::Column::Agenda,
        meeting::Column::Notes,
        meeting::Column::Status,
        meeting::Column::Sequence,
    ] {
        am.reset(c);
    }
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// A community's meetings: all of them soonest first; `upcoming: true` those that have not
/// started and are not cancelled, soonest first; `upcoming: false` those that have started,
/// most recent first.
pub async fn of_community(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    upcoming: Option<bool>,
    now: DateTime<Utc>,
    page: Page,
) -> Result<(Vec<meeting::Model>, u64)> {
    let q = meeting::Entity::find().filter(meeting::Column::CommunityId.eq(community_id));
    let q = match upcoming {
        Some(true) => q
            .filter(meeting::Column::StartsAt.gt(now))
            .filter(meeting::Column::Status.eq(MeetingStatus::Scheduled.as_str()))
            .order_by_asc(meeting::Column::StartsAt),
        Some(false) => q
            .filter(meeting::Column::StartsAt.lte(now))
            .order_by_desc(meeting::Column::StartsAt),
        None => q.order_by_asc(meeting::Column::StartsAt),
    };
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(meeting::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Every meeting of a community for its calendar feed: from a year ago on, soonest first.
pub async fn for_feed(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    since: DateTime<Utc>,
) -> Result<Vec<meeting::Model>> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::CommunityId.eq(community_id))
        .filter(meeting::Column::StartsAt.gte(since))
        .order_by_asc(meeting::Column::StartsAt)
        .order_by_asc(meeting::Column::Id)
        .limit(1_000)
        .all(db)
        .await?)
}

/// Who came to each of these meetings.
pub async fn attendance_of(
    db: &impl ConnectionTrait,
    meeting_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<meeting_attendance::Model>>> {
    let mut out: HashMap<Uuid, Vec<meeting_attendance::Model>> =
        meeting_ids.iter().map(|i| (*i, Vec::new())).collect();
    if meeting_ids.is_empty() {
        return Ok(out);
    }
    for a in meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.is_in(meeting_ids.iter().copied()))
        .order_by_asc(meeting_attendance::Column::RecordedAt)
        .order_by_asc(meeting_attendance::Column::PersonId)
        .all(db)
        .await?
    {
        out.entry(a.meeting_id).or_default().push(a);
    }
    Ok(out)
}

/// Replace a meeting's attendance with these people.
pub async fn set_attendance(
    db: &impl ConnectionTrait,
    meeting_id: Uuid,
    people: &[Uuid],
    recorded_by: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<meeting_attendance::Model>> {
    meeting_attendance::Entity::delete_many()
        .filter(meeting_attendance::Column::MeetingId.eq(meeting_id))
        .exec(db)
        .await?;
    let mut out = Vec::with_capacity(people.len());
    for p in people {
        out.push(
            meeting_attendance::ActiveModel {
                meeting_id: Set(meeting_id),
                person_id: Set(*p),
                recorded_by: Set(recorded_by),
                recorded_at: Set(now),
            }
            .insert(db)
            .await?,
        );
    }
    Ok(out)
}

/// Reset a person's calendar-feed token by moving its version on.
pub async fn bump_feed_version(db: &impl ConnectionTrait, person_id: Uuid) -> Result<i32> {
    let p = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or_else(|| convene_domain::DomainError::not_found("There is no such person"))?;
    let next = p.calendar_feed_version + 1;
    let mut am: person::ActiveModel = p.into();
    am.calendar_feed_version = Set(next);
    am.update(db).await?;
    Ok(next)
}
