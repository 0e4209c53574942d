//! Meetings (SPEC §4): scheduled, changed and cancelled by the community's conveners and core
//! group, with notes and attendance afterwards; every member hears of each change by e-mail
//! with a calendar invitation.

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{CommunityId, MeetingId, PersonId};
use convene_domain::Fields;
use convene_store::entities::{community, meeting};
use convene_store::repo::meetings;
use convene_store::stored;

use super::locks::{change_community, community_of, members, role_in};
use crate::ids;
use crate::mail::templates::MeetingChange;
use crate::services::meetings::notify_members;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

pub struct ScheduleMeeting {
    pub community: CommunityId,
    /// An instant or a UK wall-clock time, as entered (`d::parse_starts_at`).
    pub starts_at: String,
    pub duration_minutes: i32,
    pub mode: d::MeetingMode,
    pub location: Option<String>,
    pub joining_details: Option<String>,
    pub agenda: Option<String>,
}

/// Only what is given changes.
pub struct UpdateMeeting {
    pub meeting: MeetingId,
    pub starts_at: Option<String>,
    pub duration_minutes: Option<i32>,
    pub mode: Option<d::MeetingMode>,
    pub location: Option<String>,
    pub joining_details: Option<String>,
    pub agenda: Option<String>,
    pub notes: Option<String>,
}

pub struct RecordAttendance {
    pub meeting: MeetingId,
    /// Everyone who came (replaces what was recorded before).
    pub attendees: Vec<PersonId>,
}

/// Schedule a meeting (conveners and core group of a community not closed); every member gets
/// an invitation by e-mail with the calendar entry attached, and a listed community's
/// subscribers hear of it by webhook.
pub async fn schedule_meeting(
    st: &AppState,
    v: &Viewer,
    cmd: ScheduleMeeting,
) -> AppResult<meeting::Model> {
    let (mut w, h) = change_community(st, v, cmd.community).await?;
    let mut f = Fields::new();
    let plan = d::check_meeting(
        &d::MeetingInput {
            starts_at: &cmd.starts_at,
            duration_minutes: cmd.duration_minutes,
            mode: cmd.mode,
            location: cmd.location.as_deref(),
            joining_details: cmd.joining_details.as_deref(),
            agenda: cmd.agenda.as_deref(),
        },
        w.now(),
        &mut f,
    );
    d::check_can_plan_meetings(h.role)?;
    d::check_open(h.stage)?;
    f.finish()?;
    let plan = plan.expect("checked");
    let c = h.community;
    let new = meetings::NewMeeting {
        community_id: c.id,
        starts_at: plan.starts_at,
        duration_minutes: plan.duration_minutes,
        mode: plan.mode.as_str(),
        location: plan.location,
        joining_details: plan.joining_details,
        agenda: plan.agenda,
        created_by: v.person.0,
    };
    let m = meetings::create(w.tx(), new, w.now()).await?;
    notify_members(&mut w, &c, &m, MeetingChange::Scheduled).await?;
    w.audit_created("Meeting", m.id, "schedule_meeting", &m);
    if convene_domain::webhook::announces_community(c.listed) {
        let data = serde_json::json!({ "meetingId": ids::encode(MeetingId(m.id)), "communityId": ids::encode(CommunityId(c.id)), "communityName": c.name, "startsAt": m.starts_at, "durationMinutes": m.duration_minutes, "mode": m.mode });
        w.webhook("meeting.scheduled", data).await?;
    }
    w.commit().await?;
    Ok(m)
}

/// Change a meeting (conveners and core group). Its time, place and agenda change only before
/// it starts, and then every member gets the updated calendar entry; notes can be written at
/// any time.
pub async fn update_meeting(
    st: &AppState,
    v: &Viewer,
    cmd: UpdateMeeting,
) -> AppResult<meeting::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, c, status) = planner_change(&w, cmd.meeting, v.person).await?;
    let changes = d::MeetingChanges {
        starts_at: cmd.starts_at.as_deref(),
        duration_minutes: cmd.duration_minutes,
        mode: cmd.mode,
        location: cmd.location.as_deref(),
        joining_details: cmd.joining_details.as_deref(),
        agenda: cmd.agenda.as_deref(),
    };
    let mut f = Fields::new();
    let mut after = before.clone();
    if changes.reschedules() {
        d::check_can_change(status, before.starts_at, w.now())?;
        let old = plan_of(&before)?;
        if let Some(plan) = d::replan(&old, &changes, w.now(), &mut f) {
            after.sequence = d::next_sequence(before.sequence, &old, &plan);
            set_plan(&mut after, plan);
        }
    }
    if let Some(notes) = cmd.notes.and_then(|n| f.take(d::parse_notes("notes", &n))) {
        after.notes = notes;
    }
    f.finish()?;
    let calendar_changed = after.sequence != before.sequence;
    let saved = meetings::save(w.tx(), after, w.now()).await?;
    if calendar_changed {
        notify_members(&mut w, &c, &saved, MeetingChange::Updated).await?;
    }
    w.audit_changed("Meeting", saved.id, "update_meeting", &before, &saved);
    w.commit().await?;
    Ok(saved)
}

/// Cancel a meeting that has not started (conveners and core group); every member's calendar
/// entry is withdrawn by an e-mailed cancellation.
pub async fn cancel_meeting(
    st: &AppState,
    v: &Viewer,
    meeting: MeetingId,
) -> AppResult<meeting::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, c, status) = planner_change(&w, meeting, v.person).await?;
    d::check_can_change(status, before.starts_at, w.now())?;
    let mut after = before.clone();
    after.status = d::MeetingStatus::Cancelled.as_str().to_string();
    after.sequence += 1;
    let saved = meetings::save(w.tx(), after, w.now()).await?;
    notify_members(&mut w, &c, &saved, MeetingChange::Cancelled).await?;
    w.audit_changed("Meeting", saved.id, "cancel_meeting", &before, &saved);
    w.commit().await?;
    Ok(saved)
}

/// Record who came (conveners and core group), once the meeting has started; everyone listed
/// must be a member of the community.
pub async fn record_attendance(
    st: &AppState,
    v: &Viewer,
    cmd: RecordAttendance,
) -> AppResult<meeting::Model> {
    let people = d::attendees(&cmd.attendees)?;
    let mut w = Write::by(st, v).await?;
    let (m, c, status) = planner_change(&w, cmd.meeting, v.person).await?;
    d::check_can_record_attendance(status, m.starts_at, w.now())?;
    let member_ids: Vec<PersonId> = members(&w, c.id)
        .await?
        .iter()
        .map(|mm| PersonId(mm.person_id))
        .collect();
    d::check_attendees_are_members(&people, &member_ids)?;
    let before = meetings::attendance_of(w.tx(), &[m.id])
        .await?
        .remove(&m.id)
        .unwrap_or_default();
    let uuids: Vec<uuid::Uuid> = people.iter().map(|p| p.0).collect();
    let after = meetings::set_attendance(w.tx(), m.id, &uuids, v.person.0, w.now()).await?;
    let before: Vec<uuid::Uuid> = before.iter().map(|a| a.person_id).collect();
    let after: Vec<uuid::Uuid> = after.iter().map(|a| a.person_id).collect();
    w.audit_changed("Meeting", m.id, "record_attendance", &before, &after);
    w.commit().await?;
    Ok(m)
}

/// Replace the viewer's calendar-feed token: calendar programs using the old one stop
/// receiving updates until given the new address. Returns the new token.
pub async fn reset_calendar_feed_token(st: &AppState, v: &Viewer) -> AppResult<String> {
    let mut w = Write::by(st, v).await?;
    let version = meetings::bump_feed_version(w.tx(), v.person.0).await?;
    w.audit::<()>(
        "Person",
        v.person.0,
        "reset_calendar_feed_token",
        None,
        None,
    );
    w.commit().await?;
    Ok(crate::auth::calendar::token(
        &st.config.jwt_secret,
        v.person.0,
        version,
    ))
}

/// Open a change to a meeting: its community locked first (as every community change does),
/// then the meeting; the viewer checked as one who plans the community's meetings; and where
/// the meeting stands.
async fn planner_change(
    w: &Write<'_>,
    id: MeetingId,
    person: PersonId,
) -> AppResult<(meeting::Model, community::Model, d::MeetingStatus)> {
    let no_such = || AppError::field("meetingId", "There is no such meeting");
    let peek = meetings::get(w.tx(), id.0).await?.ok_or_else(no_such)?;
    let c = community_of(w, peek.community_id).await?;
    let m = meetings::lock(w.tx(), id.0).await?.ok_or_else(no_such)?;
    d::check_meeting_planner(role_in(w, c.id, person).await?)?;
    let status = stored("meetings.status", &m.status)?;
    Ok((m, c, status))
}

fn set_plan(m: &mut meeting::Model, plan: d::MeetingPlan) {
    m.starts_at = plan.starts_at;
    m.duration_minutes = plan.duration_minutes;
    m.mode = plan.mode.as_str().to_string();
    m.location = plan.location;
    m.joining_details = plan.joining_details;
    m.agenda = plan.agenda;
}

fn plan_of(m: &meeting::Model) -> AppResult<d::MeetingPlan> {
    Ok(d::MeetingPlan {
        starts_at: m.starts_at,
        duration_minutes: m.duration_minutes,
        mode: stored("meetings.mode", &m.mode)?,
        location: m.location.clone(),
        joining_details: m.joining_details.clone(),
        agenda: m.agenda.clone(),
    })
}
