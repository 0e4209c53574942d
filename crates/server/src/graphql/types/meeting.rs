//! Meetings (SPEC §4), for the community's members only.

use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_domain::community as d;
use convene_store::entities::meeting as m;

use super::community::{members_only, Community};
use super::connection::{connection, page_cost, window};
use super::enums::{MeetingMode, MeetingStatus};
use super::person::Person;
use super::practice::{readable_in, ExchangeConnection};
use super::refs;
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::loaders;

#[derive(Clone)]
pub struct Meeting(pub m::Model);

connection!(MeetingConnection, MeetingEdge, Meeting);

/// Where a meeting lives: its page in the SPA and its calendar file.
pub use crate::links::meeting_page as page_url;

/// A community meeting. Times are instants (UTC); `startsAtLocal` is the same time on a
/// Europe/London clock, as people in the UK would write it.
#[Object]
impl Meeting {
    pub async fn id(&self) -> ID {
        ids::encode("Meeting", self.0.id)
    }
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community_id).await
    }
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }
    async fn ends_at(&self) -> DateTime<Utc> {
        d::ends_at(self.0.starts_at, self.0.duration_minutes)
    }
    /// The start on a Europe/London wall clock, e.g. `2026-12-03T14:00:00`.
    async fn starts_at_local(&self) -> String {
        d::london_time(self.0.starts_at)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string()
    }
    /// Always `Europe/London`.
    async fn time_zone(&self) -> &'static str {
        d::TIME_ZONE
    }
    async fn duration_minutes(&self) -> i32 {
        self.0.duration_minutes
    }
    async fn mode(&self) -> ApiResult<MeetingMode> {
        let m: d::MeetingMode = convene_store::stored("meetings.mode", &self.0.mode)?;
        Ok(m.into())
    }
    /// Where, for a face-to-face meeting.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }
    /// How to join a call or video meeting.
    async fn joining_details(&self) -> Option<&str> {
        self.0.joining_details.as_deref()
    }
    async fn agenda(&self) -> &str {
        &self.0.agenda
    }
    async fn notes(&self) -> &str {
        &self.0.notes
    }
    async fn status(&self) -> ApiResult<MeetingStatus> {
        let s: d::MeetingStatus = convene_store::stored("meetings.status", &self.0.status)?;
        Ok(s.into())
    }
    /// The iCalendar SEQUENCE: it rises with every change a calendar would show.
    async fn sequence(&self) -> i32 {
        self.0.sequence
    }
    /// The iCalendar UID, the same for the meeting's whole life.
    async fn calendar_uid(&self) -> String {
        crate::calendar::ics::uid(self.0.id)
    }
    /// This meeting as an iCalendar file (members only; add `?token=` with your
    /// `calendarFeedToken` when a calendar program fetches it).
    async fn calendar_url(&self, ctx: &Context<'_>) -> String {
        format!(
            "{}/calendar/meetings/{}.ics",
            state(ctx).config.public_url.trim_end_matches('/'),
            ids::encode("Meeting", self.0.id).0
        )
    }
    /// Who came, once recorded.
    async fn attendees(&self, ctx: &Context<'_>) -> ApiResult<Vec<Person>> {
        let rows = loaders(ctx)
            .attendance
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let found = loaders(ctx)
            .people
            .load_many(rows.iter().map(|a| a.person_id))
            .await?;
        Ok(rows
            .iter()
            .filter_map(|a| found.get(&a.person_id).cloned().map(Person::from))
            .collect())
    }
    /// The exchanges shared with this meeting that the viewer may read, newest first (the
    /// same rule as a practice's exchanges: COMMUNITY ones for the community's members,
    /// NETWORK ones for anyone signed in, PUBLIC ones for anyone, and always the viewer's own).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn exchanges(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<ExchangeConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let vis = readable_in(ctx, self.0.community_id).await?;
        let scope = convene_store::repo::practices::ExchangeScope {
            visibilities: &vis,
            author: viewer(ctx).map(|v| v.person.0),
        };
        let db = &state(ctx).db;
        Ok(
            convene_store::repo::practices::exchanges_at_meeting(db, self.0.id, scope, &w)
                .await?
                .map(super::practice::Exchange)
                .into(),
        )
    }
    async fn created_by(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.created_by).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A meeting if the viewer may see it (members of its community, and the programme team);
/// `None` otherwise, so that `node` does not tell outsiders it exists.
pub async fn visible_meeting(ctx: &Context<'_>, id: uuid::Uuid) -> ApiResult<Option<Meeting>> {
    let Some(row) = convene_store::repo::meetings::get(&state(ctx).db, id).await? else {
        return Ok(None);
    };
    match members_only(ctx, row.community_id).await {
        Ok(()) => Ok(Some(Meeting(row))),
        Err(e)
            if e.code == convene_domain::ErrorCode::Forbidden
                || e.code == convene_domain::ErrorCode::Unauthenticated =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}
