//! The programme dashboard (SPEC §8) in GraphQL: every figure of `services::reporting`, each
//! computed only when asked for; calls, people and communities through the DataLoaders.

use std::sync::Arc;

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::reporting::StepFigure;

use super::call::Call;
use super::community::Community;
use super::community_work::Reach;
use super::enums::{CommunityStage, StartupStep};
use super::person::Person;
use super::refs;
use super::scalars::Date;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::services::reporting::{self as s, Dashboard, Labelled};

/// Narrows the dashboard. `callId` narrows applications, reviews, decisions, outcomes and
/// honoraria to one call. `from`/`to` (inclusive UK dates) narrow what happened in a period:
/// applications submitted, reviews submitted, decisions made, meetings held, exchanges shared,
/// practices marked promising, honoraria paid; communities and members are counted as they
/// stand at the end of `to` (created on or before it). `from` after `to` is a VALIDATION error
/// on field `to`.
#[derive(InputObject, Default)]
pub struct DashboardFilter {
    pub call_id: Option<ID>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A count with what it counts: `key` is stable (an enum value or a global ID), `label` is for
/// people.
#[derive(SimpleObject, Clone)]
pub struct LabelledCount {
    pub key: String,
    pub label: String,
    pub count: i32,
}

fn counts(v: Vec<Labelled>) -> Vec<LabelledCount> {
    v.into_iter()
        .map(|l| LabelledCount {
            key: l.key,
            label: l.label,
            count: l.count as i32,
        })
        .collect()
}

/// `programmeDashboard(filter)`: the programme team only.
pub async fn programme_dashboard(
    ctx: &Context<'_>,
    filter: Option<DashboardFilter>,
) -> ApiResult<ProgrammeDashboard> {
    require_role(viewer(ctx), Role::ProgrammeTeam)?;
    let f = filter.unwrap_or_default();
    let call = ids::decode_opt("callId", "Call", f.call_id.as_ref())?;
    let db = &state(ctx).db;
    let scope = s::scope(db, call, f.from.map(|d| d.0), f.to.map(|d| d.0)).await?;
    Ok(ProgrammeDashboard(Arc::new(Dashboard::new(
        db.clone(),
        scope,
        now(),
    ))))
}

pub struct ProgrammeDashboard(Arc<Dashboard>);

async fn call(ctx: &Context<'_>, id: uuid::Uuid) -> ApiResult<Call> {
    refs::call(ctx, id).await
}

/// The programme team's view of the whole network: applications, selection, communities,
/// meetings, practices and money.
#[Object]
impl ProgrammeDashboard {
    /// Submitted applications (not drafts) per domain; key = the Domain's global ID. An
    /// application counts once it has been submitted, even if it was withdrawn later; with a
    /// period, those submitted in it. Most applications first; domains without any are left out.
    async fn applications_by_domain(&self) -> ApiResult<Vec<LabelledCount>> {
        Ok(counts(self.0.applications_by_domain().await?))
    }
    /// Submitted applications per sector of the lead's organisation; key = the Sector enum
    /// value. The organisation is the one the lead applied from; every sector, zeros included.
    async fn applications_by_sector(&self) -> ApiResult<Vec<LabelledCount>> {
        Ok(counts(self.0.applications_by_sector().await?))
    }
    /// All applications per status; key = the ApplicationStatus enum value. Every status,
    /// zeros included; with a period, only the applications submitted in it (so no drafts).
    async fn applications_by_status(&self) -> ApiResult<Vec<LabelledCount>> {
        Ok(counts(self.0.applications_by_status().await?))
    }
    /// Each panel member of each call that is not a draft, the chair first.
    async fn review_progress(&self) -> ApiResult<Vec<ReviewProgress>> {
        Ok(self
            .0
            .review_progress()
            .await?
            .into_iter()
            .map(ReviewProgress)
            .collect())
    }
    /// Reviews overdue across the calls in view: assigned, not yet submitted, after the call's
    /// review due date (the sum of `reviewProgress.overdue`).
    async fn reviews_overdue(&self) -> ApiResult<i32> {
        let rows = self.0.review_progress().await?;
        Ok(rows.iter().map(|r| r.overdue).sum::<i64>() as i32)
    }
    /// Each call that is not a draft; with a period, calls decided outside it are left out.
    async fn decisions(&self) -> ApiResult<Vec<DecisionFigure>> {
        Ok(self
            .0
            .decisions()
            .await?
            .into_iter()
            .map(DecisionFigure)
            .collect())
    }
    /// Each call that is not a draft, soonest decision-due date first.
    async fn outcomes_pending(&self) -> ApiResult<Vec<OutcomesPendingFigure>> {
        Ok(self
            .0
            .outcomes_pending()
            .await?
            .into_iter()
            .map(OutcomesPendingFigure)
            .collect())
    }
    /// key = the CommunityStage enum value; every stage present, zeros included. Communities
    /// created by the end of the period, at the stage they are at now.
    async fn communities_by_stage(&self) -> ApiResult<Vec<LabelledCount>> {
        Ok(counts(self.0.communities_by_stage().await?))
    }
    /// For each of the six start-up steps in order: how many communities (not closed) have done
    /// it.
    async fn startup_progress(&self) -> ApiResult<Vec<StartupStepFigure>> {
        Ok(self
            .0
            .startup_progress()
            .await?
            .into_iter()
            .map(StartupStepFigure)
            .collect())
    }
    /// Every community (closed ones too: their stage says so), by name, with the reach of its
    /// members (those who had joined by the end of the period).
    async fn community_reach(&self) -> ApiResult<Vec<CommunityReach>> {
        Ok(self
            .0
            .community_reach()
            .await?
            .into_iter()
            .map(CommunityReach)
            .collect())
    }
    /// The reach of all communities' members together: each person counted once.
    async fn network_reach(&self) -> ApiResult<Reach> {
        Ok(self.0.network_reach().await?.into())
    }
    async fn meetings(&self) -> ApiResult<MeetingFigures> {
        let m = self.0.meetings().await?;
        Ok(MeetingFigures {
            held: m.held as i32,
            scheduled: m.scheduled as i32,
            cancelled: m.cancelled as i32,
            attendances: m.attendances as i32,
            average_attendance: m.average_attendance,
        })
    }
    /// Exchanges shared, counts only; key = the ExchangeVisibility enum value, zeros included.
    /// Every exchange counts, whoever may read it: no more than counts is ever shown.
    async fn exchanges_by_visibility(&self) -> ApiResult<Vec<LabelledCount>> {
        Ok(counts(self.0.exchanges_by_visibility().await?))
    }
    /// Practices marked promising (with a period, last marked in it).
    async fn promising_practices(&self) -> ApiResult<i32> {
        Ok(self.0.promising_practices().await? as i32)
    }
    /// Each call that is not a draft: its budget, what is committed and what is paid.
    async fn honoraria(&self) -> ApiResult<Vec<HonorariaFigure>> {
        Ok(self
            .0
            .honoraria()
            .await?
            .into_iter()
            .map(HonorariaFigure)
            .collect())
    }
}

pub struct ReviewProgress(s::ReviewProgress);

/// One panel member's reviews for one call.
#[Object]
impl ReviewProgress {
    async fn panel_member(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<Call> {
        call(ctx, self.0.call_id).await
    }
    /// Reviews assigned to them.
    async fn assigned(&self) -> i32 {
        self.0.assigned as i32
    }
    /// Reviews they have submitted (with a period, submitted in it).
    async fn submitted(&self) -> i32 {
        self.0.submitted as i32
    }
    /// Applications that went forward (submitted, funded or not funded) they are conflicted
    /// on, found or declared, as `Call.conflicts` lists them.
    async fn conflicts(&self) -> i32 {
        self.0.conflicts as i32
    }
    /// Assigned applications still in the running that they have not reviewed yet.
    async fn outstanding(&self) -> i32 {
        self.0.outstanding as i32
    }
    /// Reviews still outstanding after the call's review due date (0 before it, or when the
    /// call sets none).
    async fn overdue(&self) -> i32 {
        self.0.overdue as i32
    }
}

pub struct DecisionFigure(s::Decision);

/// A call's decision: how many applications were funded and not funded (null decidedAt: not
/// decided yet).
#[Object]
impl DecisionFigure {
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<Call> {
        call(ctx, self.0.call_id).await
    }
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }
    async fn funded(&self) -> i32 {
        self.0.funded as i32
    }
    async fn not_funded(&self) -> i32 {
        self.0.not_funded as i32
    }
}

pub struct OutcomesPendingFigure(s::OutcomesPending);

/// Outcomes not yet sent for a call, against its decision-due date.
#[Object]
impl OutcomesPendingFigure {
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<Call> {
        call(ctx, self.0.call).await
    }
    async fn decision_due_on(&self) -> Date {
        Date(self.0.decision_due_on)
    }
    /// Days from today (Europe/London) to the decision-due date; negative once it has passed.
    async fn days_until_decision_due(&self) -> i64 {
        self.0.days_until_decision_due
    }
    /// People owed an outcome and not yet sent one: the lead and accepted co-leads of every
    /// application that went forward (before the decision, that is all of them).
    async fn pending(&self) -> i32 {
        self.0.pending as i32
    }
    /// Someone is still owed an outcome after the decision-due date.
    async fn overdue(&self) -> bool {
        self.0.overdue
    }
}

pub struct StartupStepFigure(StepFigure);

#[Object]
impl StartupStepFigure {
    async fn step(&self) -> StartupStep {
        self.0.step.into()
    }
    /// Communities (not closed) that have done the step.
    async fn done(&self) -> i32 {
        self.0.done as i32
    }
    /// Communities (not closed) that have not done it yet.
    async fn not_done(&self) -> i32 {
        self.0.not_done as i32
    }
}

pub struct CommunityReach(s::CommunityReach);

#[Object]
impl CommunityReach {
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community).await
    }
    async fn stage(&self) -> CommunityStage {
        self.0.stage.into()
    }
    async fn reach(&self) -> Reach {
        self.0.reach.into()
    }
}

/// Meetings starting in the period (all of them without one).
#[derive(SimpleObject)]
pub struct MeetingFigures {
    /// Started by now and not cancelled.
    pub held: i32,
    /// Not cancelled and still to start.
    pub scheduled: i32,
    pub cancelled: i32,
    /// Attendances recorded at the meetings held (one per person per meeting).
    pub attendances: i32,
    /// Attendances per meeting held, to one decimal place; 0 when none was held.
    pub average_attendance: f64,
}

pub struct HonorariaFigure(s::Honoraria);

#[Object]
impl HonorariaFigure {
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<Call> {
        call(ctx, self.0.call).await
    }
    /// Places × honorarium.
    async fn budget_pence(&self) -> i64 {
        self.0.budget_pence
    }
    /// Shares proposed, approved or paid (not cancelled), as `Call.honorariaTotals` counts them.
    async fn committed_pence(&self) -> i64 {
        self.0.committed_pence
    }
    /// Shares paid (with a period, paid on a day in it).
    async fn paid_pence(&self) -> i64 {
        self.0.paid_pence
    }
}
