//! Meetings (SPEC §4): scheduled, changed and cancelled by the community's conveners and core
//! group, with notes and attendance afterwards; every member hears of each change by e-mail
//! with a calendar invitation.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::community as d;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::enums::MeetingMode;
use crate::graphql::types::meeting::Meeting;
use crate::usecases::communities::meetings as usecase;

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

#[Object]
impl MeetingMutations {
    /// Schedule a meeting (conveners and core group); every member gets an invitation by
    /// e-mail with the calendar entry attached.
    async fn schedule_meeting(
        &self,
        ctx: &Context<'_>,
        input: ScheduleMeetingInput,
    ) -> ApiResult<ScheduleMeetingPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::ScheduleMeeting {
            community: ids::typed("communityId", &input.community_id)?,
            starts_at: input.starts_at,
            duration_minutes: input.duration_minutes,
            mode: input.mode.into(),
            location: input.location,
            joining_details: input.joining_details,
            agenda: input.agenda,
        };
        let meeting = Meeting(usecase::schedule_meeting(state(ctx), v, cmd).await?);
        Ok(ScheduleMeetingPayload { meeting })
    }

    /// Change a meeting (conveners and core group). Its time, place and agenda change only
    /// before it starts, and then every member gets the updated calendar entry; notes can be
    /// written at any time.
    async fn update_meeting(
        &self,
        ctx: &Context<'_>,
        input: UpdateMeetingInput,
    ) -> ApiResult<UpdateMeetingPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::UpdateMeeting {
            meeting: ids::typed("meetingId", &input.meeting_id)?,
            starts_at: input.starts_at,
            duration_minutes: input.duration_minutes,
            mode: input.mode.map(Into::into),
            location: input.location,
            joining_details: input.joining_details,
            agenda: input.agenda,
            notes: input.notes,
        };
        let meeting = Meeting(usecase::update_meeting(state(ctx), v, cmd).await?);
        Ok(UpdateMeetingPayload { meeting })
    }

    /// Cancel a meeting that has not started (conveners and core group); every member's
    /// calendar entry is withdrawn by an e-mailed cancellation.
    async fn cancel_meeting(
        &self,
        ctx: &Context<'_>,
        input: CancelMeetingInput,
    ) -> ApiResult<CancelMeetingPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("meetingId", &input.meeting_id)?;
        let meeting = Meeting(usecase::cancel_meeting(state(ctx), v, id).await?);
        Ok(CancelMeetingPayload { meeting })
    }

    /// Record who came (conveners and core group), once the meeting has started; everyone
    /// listed must be a member of the community.
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        input: RecordAttendanceInput,
    ) -> ApiResult<RecordAttendancePayload> {
        let v = require_signed_in(viewer(ctx))?;
        // too many is said before any ID is read
        d::check_attendee_count(input.attendee_ids.len())?;
        let attendees = ids::typed_all("attendeeIds", &input.attendee_ids)?;
        let cmd = usecase::RecordAttendance {
            meeting: ids::typed("meetingId", &input.meeting_id)?,
            attendees,
        };
        let meeting = Meeting(usecase::record_attendance(state(ctx), v, cmd).await?);
        Ok(RecordAttendancePayload { meeting })
    }

    /// Replace your calendar-feed token: calendar programs using the old one stop receiving
    /// updates until given the new address.
    async fn reset_calendar_feed_token(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<ResetCalendarFeedTokenPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let calendar_feed_token = usecase::reset_calendar_feed_token(state(ctx), v).await?;
        Ok(ResetCalendarFeedTokenPayload {
            calendar_feed_token,
        })
    }
}
