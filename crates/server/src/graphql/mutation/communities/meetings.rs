//! Meetings (SPEC §4): scheduled, changed and cancelled by the community's conveners and core
//! group, with notes and attendance afterwards; every member hears of each change by e-mail
//! with a calendar invitation.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::Fields;
use convene_store::begin_write;
use convene_store::entities::meeting;
use convene_store::repo::{communities, meetings};

use super::super::audit;
use super::*;
use crate::graphql::error::ApiResult;
use crate::graphql::types::enums::MeetingMode;
use crate::graphql::types::meeting::Meeting;
use crate::mail::templates::MeetingChange;
use crate::services::meetings::notify_members;

#[derive(InputObject)]
pub struct ScheduleMeetingInput {
    pub community_id: ID,
    /// An instant (`2026-12-03T14:00:00Z`) or a UK wall-clock time (`2026-12-03T14:00`).
    pub starts_at: String,
    pub duration_minutes: i32,
    pub mode: MeetingMode,
    /// Where, for IN_PERSON.
    pub location: Option<String>,
    /// How to join, for CALL and VIDEO.
    pub joining_details: Option<String>,
    pub agenda: Option<String>,
}
#[derive(SimpleObject)]
pub struct ScheduleMeetingPayload {
    pub meeting: Meeting,
}

/// Only the fields given change.
#[derive(InputObject)]
pub struct UpdateMeetingInput {
    pub meeting_id: ID,
    pub starts_at: Option<String>,
    pub duration_minutes: Option<i32>,
    pub mode: Option<MeetingMode>,
    pub location: Option<String>,
    pub joining_details: Option<String>,
    pub agenda: Option<String>,
    /// What was discussed and agreed; can be written after the meeting.
    pub notes: Option<String>,
}
#[derive(SimpleObject)]
pub struct UpdateMeetingPayload {
    pub meeting: Meeting,
}

#[derive(InputObject)]
pub struct CancelMeetingInput {
    pub meeting_id: ID,
}
#[derive(SimpleObject)]
pub struct CancelMeetingPayload {
    pub meeting: Meeting,
}

#[derive(InputObject)]
pub struct RecordAttendanceInput {
    pub meeting_id: ID,
    /// Everyone who came (replaces what was recorded before).
    pub attendee_ids: Vec<ID>,
}
#[derive(SimpleObject)]
pub struct RecordAttendancePayload {
    pub meeting: Meeting,
}

#[derive(SimpleObject)]
pub struct ResetCalendarFeedTokenPayload {
    /// The new token; the old one no longer opens anything.
    pub calendar_feed_token: String,
}

#[derive(Default)]
pub struct MeetingMutations;

async fn meeting_for_change(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    id: &ID,
) -> ApiResult<(meeting::Model, convene_store::entities::community::Model)> {
    let uuid = ids::decode("meetingId", "Meeting", id)?;
    // lock the community first, as every community change does, then the meeting
    let Some(peek) = meetings::get(tx, uuid).await? else {
        return Err(ApiError::field("meetingId", "There is no such meeting"));
    };
    let c = communities::lock(tx, peek.community_id)
        .await?
        .ok_or_else(|| ApiError::internal("meeting without community"))?;
    let m = meetings::lock(tx, uuid)
        .await?
        .ok_or_else(|| ApiError::field("meetingId", "There is no such meeting"))?;
    Ok((m, c))
}

/// Outsiders learn nothing about a community's meetings, not even that one exists.
async fn check_planner(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    community: uuid::Uuid,
    person: uuid::Uuid,
) -> ApiResult<()> {
    let role = my_role(tx, community, person).await?;
    if role.is_none() {
        return Err(ApiError::field("meetingId", "There is no such meeting"));
    }
    d::check_can_plan_meetings(role)?;
    Ok(())
}

/// Open a change to a meeting: the meeting and its community locked, the viewer checked as one
/// who plans meetings, and where the meeting stands.
async fn planner_change(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    id: &ID,
    person: uuid::Uuid,
) -> ApiResult<(
    meeting::Model,
    convene_store::entities::community::Model,
    d::MeetingStatus,
)> {
    let (m, c) = meeting_for_change(tx, id).await?;
    check_planner(tx, c.id, person).await?;
    let status = d::MeetingStatus::from_str(&m.status).unwrap_or(d::MeetingStatus::Scheduled);
    Ok((m, c, status))
}

fn plan_of(m: &meeting::Model) -> d::MeetingPlan {
    d::MeetingPlan {
        starts_at: m.starts_at,
        duration_minutes: m.duration_minutes,
        mode: d::MeetingMode::from_str(&m.mode).unwrap_or(d::MeetingMode::InPerson),
        location: m.location.clone(),
        joining_details: m.joining_details.clone(),
        agenda: m.agenda.clone(),
    }
}

#[Object]
impl MeetingMutations {
    /// Schedule a meeting (conveners and core group); every member gets an invitation by
    /// e-mail with the calendar entry attached.
    async fn schedule_meeting(
        &self,
        ctx: &Context<'_>,
        input: ScheduleMeetingInput,
    ) -> ApiResult<ScheduleMeetingPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let mut f = Fields::new();
        let plan = d::check_meeting(
            &d::MeetingInput {
                starts_at: &input.starts_at,
                duration_minutes: input.duration_minutes,
                mode: input.mode.into(),
                location: input.location.as_deref(),
                joining_details: input.joining_details.as_deref(),
                agenda: input.agenda.as_deref(),
            },
            now,
            &mut f,
        );
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_can_plan_meetings(my_role(&tx, c.id, v.person.0).await?)?;
        if stage(&c) == d::Stage::Closed {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This community has closed",
            ));
        }
        f.finish()?;
        let plan = plan.expect("checked");
        let m = meetings::create(
            &tx,
            meetings::NewMeeting {
                community_id: c.id,
                starts_at: plan.starts_at,
                duration_minutes: plan.duration_minutes,
                mode: plan.mode.as_str(),
                location: plan.location,
                joining_details: plan.joining_details,
                agenda: plan.agenda,
                created_by: v.person.0,
            },
            now,
        )
        .await?;
        notify_members(&tx, &st.config, &c, &m, MeetingChange::Scheduled, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Meeting",
            m.id,
            "schedule_meeting",
            None,
            Some(&m),
            now,
        )
        .await?;
        let data = serde_json::json!({ "meetingId": ids::encode("Meeting", m.id).0, "communityId": ids::encode("Community", c.id).0, "communityName": c.name, "startsAt": m.starts_at, "durationMinutes": m.duration_minutes, "mode": m.mode });
        if convene_domain::webhook::announces_community(c.listed) {
            crate::webhooks::emit(&tx, "meeting.scheduled", data, now).await?;
        }
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(ScheduleMeetingPayload {
            meeting: Meeting(m),
        })
    }

    /// Change a meeting (conveners and core group). Its time, place and agenda change only
    /// before it starts, and then every member gets the updated calendar entry; notes can be
    /// written at any time.
    async fn update_meeting(
        &self,
        ctx: &Context<'_>,
        input: UpdateMeetingInput,
    ) -> ApiResult<UpdateMeetingPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let (before, c, status) = planner_change(&tx, &input.meeting_id, v.person.0).await?;
        let old = plan_of(&before);
        let reschedules = input.starts_at.is_some()
            || input.duration_minutes.is_some()
            || input.mode.is_some()
            || input.location.is_some()
            || input.joining_details.is_some()
            || input.agenda.is_some();
        let mut f = Fields::new();
        let mut after = before.clone();
        if reschedules {
            d::check_can_change(status, before.starts_at, now)?;
            let starts = input
                .starts_at
                .clone()
                .unwrap_or_else(|| before.starts_at.to_rfc3339());
            let mode = input.mode.map(Into::into).unwrap_or(old.mode);
            if let Some(plan) = d::check_meeting(
                &d::MeetingInput {
                    starts_at: &starts,
                    duration_minutes: input.duration_minutes.unwrap_or(old.duration_minutes),
                    mode,
                    location: input.location.as_deref().or(old.location.as_deref()),
                    joining_details: input
                        .joining_details
                        .as_deref()
                        .or(old.joining_details.as_deref()),
                    agenda: input.agenda.as_deref().or(Some(old.agenda.as_str())),
                },
                now,
                &mut f,
            ) {
                after.sequence = d::next_sequence(before.sequence, &old, &plan);
                after.starts_at = plan.starts_at;
                after.duration_minutes = plan.duration_minutes;
                after.mode = plan.mode.as_str().to_string();
                after.location = plan.location;
                after.joining_details = plan.joining_details;
                after.agenda = plan.agenda;
            }
        }
        if let Some(n) = &input.notes {
            if let Some(notes) = f.take(d::parse_notes("notes", n)) {
                after.notes = notes;
            }
        }
        f.finish()?;
        let calendar_changed = after.sequence != before.sequence;
        let saved = meetings::save(&tx, after, now).await?;
        if calendar_changed {
            notify_members(&tx, &st.config, &c, &saved, MeetingChange::Updated, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Meeting",
            saved.id,
            "update_meeting",
            Some(&before),
            Some(&saved),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(UpdateMeetingPayload {
            meeting: Meeting(saved),
        })
    }

    /// Cancel a meeting that has not started (conveners and core group); every member's
    /// calendar entry is withdrawn by an e-mailed cancellation.
    async fn cancel_meeting(
        &self,
        ctx: &Context<'_>,
        input: CancelMeetingInput,
    ) -> ApiResult<CancelMeetingPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let (before, c, status) = planner_change(&tx, &input.meeting_id, v.person.0).await?;
        d::check_can_change(status, before.starts_at, now)?;
        let mut after = before.clone();
        after.status = d::MeetingStatus::Cancelled.as_str().to_string();
        after.sequence += 1;
        let saved = meetings::save(&tx, after, now).await?;
        notify_members(&tx, &st.config, &c, &saved, MeetingChange::Cancelled, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Meeting",
            saved.id,
            "cancel_meeting",
            Some(&before),
            Some(&saved),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(CancelMeetingPayload {
            meeting: Meeting(saved),
        })
    }

    /// Record who came (conveners and core group), once the meeting has started; everyone
    /// listed must be a member of the community.
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        input: RecordAttendanceInput,
    ) -> ApiResult<RecordAttendancePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        if input.attendee_ids.len() > 500 {
            return Err(ApiError::field(
                "attendeeIds",
                "Record at most 500 people at once",
            ));
        }
        let mut people = Vec::with_capacity(input.attendee_ids.len());
        for id in &input.attendee_ids {
            let p = ids::decode("attendeeIds", "Person", id)?;
            if !people.contains(&p) {
                people.push(p);
            }
        }
        let tx = begin_write(&st.db).await?;
        let (m, c, status) = planner_change(&tx, &input.meeting_id, v.person.0).await?;
        d::check_can_record_attendance(status, m.starts_at, now)?;
        let members = communities::members_of(&tx, &[c.id])
            .await?
            .remove(&c.id)
            .unwrap_or_default();
        if people
            .iter()
            .any(|p| !members.iter().any(|mm| mm.person_id == *p))
        {
            return Err(ApiError::field(
                "attendeeIds",
                "Everyone recorded as attending must be a member of the community",
            ));
        }
        let before = meetings::attendance_of(&tx, &[m.id])
            .await?
            .remove(&m.id)
            .unwrap_or_default();
        let after = meetings::set_attendance(&tx, m.id, &people, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Meeting",
            m.id,
            "record_attendance",
            Some(&before.iter().map(|a| a.person_id).collect::<Vec<_>>()),
            Some(&after.iter().map(|a| a.person_id).collect::<Vec<_>>()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RecordAttendancePayload {
            meeting: Meeting(m),
        })
    }

    /// Replace your calendar-feed token: calendar programs using the old one stop receiving
    /// updates until given the new address.
    async fn reset_calendar_feed_token(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<ResetCalendarFeedTokenPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let version = meetings::bump_feed_version(&tx, v.person.0).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Person",
            v.person.0,
            "reset_calendar_feed_token",
            None::<&()>,
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ResetCalendarFeedTokenPayload {
            calendar_feed_token: crate::auth::calendar::token(
                &st.config.jwt_secret,
                v.person.0,
                version,
            ),
        })
    }
}
