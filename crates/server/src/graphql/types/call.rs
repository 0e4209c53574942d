use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_store::entities::{application, call as m, criterion};
use convene_store::repo;
use convene_store::repo::calls::window;

use super::application::{Application, ApplicationConnection};
use super::connection::{connection, page_cost};
use super::enums::{ApplicationStatus, CallStatus, HonorariumPolicy, QuestionKind, RankBy};
use super::scalars::Date;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_all, loaders};

#[derive(Clone)]
pub struct Call(pub m::Model);

#[derive(Clone)]
pub struct Criterion(pub criterion::Model);

/// A criterion of the call's scoring rubric.
#[Object]
impl Criterion {
    pub async fn id(&self) -> ID {
        ids::encode("Criterion", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn weight(&self) -> i32 {
        self.0.weight
    }
    async fn position(&self) -> i32 {
        self.0.position
    }
}

/// A question applicants answer (SPEC §1): the call's own, or the default set.
#[derive(Clone)]
pub struct Question(pub convene_domain::question::Question);

#[Object]
impl Question {
    /// How answers name it (`[a-z][A-Za-z0-9]*`), unique in its call.
    async fn key(&self) -> &str {
        &self.0.key
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn hint(&self) -> &str {
        &self.0.hint
    }
    async fn kind(&self) -> QuestionKind {
        self.0.kind.into()
    }
    /// For a TEXT question: the most words an answer may have.
    async fn word_limit(&self) -> Option<i32> {
        self.0.word_limit.map(|n| n as i32)
    }
    /// For a CHOICE question: the answers one may pick, in order; a YES_NO question's are
    /// "Yes" and "No".
    async fn choices(&self) -> Vec<&str> {
        match self.0.kind {
            convene_domain::question::QuestionKind::YesNo => {
                vec![convene_domain::question::YES, convene_domain::question::NO]
            }
            _ => self.0.choices.iter().map(String::as_str).collect(),
        }
    }
    async fn required(&self) -> bool {
        self.0.required
    }
}

/// A call's questions, in order.
pub async fn questions_of(ctx: &Context<'_>, call_id: uuid::Uuid) -> ApiResult<Vec<Question>> {
    let rows = loaders(ctx).questions.load_one(call_id).await?;
    let rows = rows.unwrap_or_default();
    let questions: Result<Vec<_>, _> = rows.iter().map(repo::questions::question).collect();
    Ok(questions?.into_iter().map(Question).collect())
}

/// A funding round of the Call for Conveners.
#[Object]
impl Call {
    pub async fn id(&self) -> ID {
        ids::encode("Call", self.0.id)
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn opens_at(&self) -> DateTime<Utc> {
        self.0.opens_at
    }
    async fn closes_at(&self) -> DateTime<Utc> {
        self.0.closes_at
    }
    /// By when every applicant is told the outcome.
    async fn decision_due_on(&self) -> Date {
        Date(self.0.decision_due_on)
    }
    /// When reviews are due, if the call sets it: reviewers with reviews outstanding are
    /// reminded three days before and on the day.
    async fn reviews_due_on(&self) -> Option<Date> {
        self.0.reviews_due_on.map(Date)
    }
    async fn funded_places(&self) -> i32 {
        self.0.funded_places
    }
    /// The honorarium per funded domain, in pence.
    async fn honorarium_pence(&self) -> i64 {
        self.0.honorarium_pence
    }
    /// Places × honorarium: never exceeded.
    async fn budget_pence(&self) -> i64 {
        convene_domain::honorarium::budget_pence(self.0.honorarium_pence, self.0.funded_places)
    }
    async fn honorarium_policy(&self) -> ApiResult<HonorariumPolicy> {
        let p: convene_domain::call::HonorariumPolicy =
            convene_store::stored("calls.honorarium_policy", &self.0.honorarium_policy)?;
        Ok(p.into())
    }
    async fn reviewers_per_application(&self) -> i32 {
        self.0.reviewers_per_application
    }
    async fn rank_by(&self) -> ApiResult<RankBy> {
        let r: convene_domain::call::RankBy =
            convene_store::stored("calls.rank_by", &self.0.rank_by)?;
        Ok(r.into())
    }
    /// The status now: an open call past its closing time is CLOSED.
    async fn status(&self) -> CallStatus {
        window(&self.0).status_at(now()).into()
    }
    /// Whether applications can be started and submitted now.
    async fn accepting_applications(&self) -> bool {
        window(&self.0).accepting_applications(now())
    }
    async fn criteria(&self, ctx: &Context<'_>) -> ApiResult<Vec<Criterion>> {
        load_all(&loaders(ctx).criteria, self.0.id, Criterion).await
    }
    /// The questions applicants answer, in order.
    async fn questions(&self, ctx: &Context<'_>) -> ApiResult<Vec<Question>> {
        questions_of(ctx, self.0.id).await
    }
    /// Every application to this call (programme team only).
    #[graphql(complexity = "page_cost(first, None, child_complexity)")]
    async fn applications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<ApplicationStatus>,
    ) -> ApiResult<ApplicationConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let w = super::connection::window(first, after.as_deref(), None, None)?;
        let status = status.map(Into::into);
        Ok(
            repo::applications::of_call(&state(ctx).db, self.0.id, status, &w)
                .await?
                .map(Application::from)
                .into(),
        )
    }
    /// The selection panel (programme team and this call's panel).
    async fn panel(&self, ctx: &Context<'_>) -> ApiResult<Vec<PanelMember>> {
        self.panel_of(ctx).await
    }
    /// Conflicts of interest, found and declared (a panel member sees their own).
    async fn conflicts(&self, ctx: &Context<'_>) -> ApiResult<Vec<Conflict>> {
        self.conflicts_of(ctx).await
    }
    /// Every review assignment (programme team only).
    async fn assignments(&self, ctx: &Context<'_>) -> ApiResult<Vec<ReviewAssignment>> {
        self.assignments_of(ctx).await
    }
    /// The applications that went forward, rank 1 first, in the call's `rankBy` order.
    async fn ranking(&self, ctx: &Context<'_>) -> ApiResult<Vec<RankingEntry>> {
        self.ranking_of(ctx).await
    }
    /// The proposed funded set: at most the places, at most one per domain; ties shown.
    async fn allocation_proposal(&self, ctx: &Context<'_>) -> ApiResult<AllocationProposal> {
        self.allocation_of(ctx).await
    }
    /// The chair's decision, once recorded.
    async fn decision(&self, ctx: &Context<'_>) -> ApiResult<Option<Decision>> {
        self.decision_of(ctx).await
    }
    /// Each funded application's honorarium and shares (programme team only).
    async fn honoraria(&self, ctx: &Context<'_>) -> ApiResult<Vec<Honorarium>> {
        self.honoraria_of(ctx).await
    }
    /// Budget, committed and paid (programme team only).
    async fn honoraria_totals(&self, ctx: &Context<'_>) -> ApiResult<HonorariaTotals> {
        self.honoraria_totals_of(ctx).await
    }
    /// Applicants and co-leads not yet told their outcome (programme team only).
    async fn outcomes_pending(&self, ctx: &Context<'_>) -> ApiResult<i32> {
        self.outcomes_pending_of(ctx).await
    }
    /// Who has not been told their outcome yet (programme team only).
    async fn pending_outcomes(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::selection::PendingOutcome>> {
        require_team(ctx)?;
        let pending = crate::services::outcomes::pending(&state(ctx).db, self.0.id).await?;
        Ok(pending
            .into_iter()
            .map(|p| super::selection::PendingOutcome {
                application: Application::from(p.application),
                email: p.participant.email,
                person_id: p.participant.person_id,
                outcome: p.outcome.into(),
            })
            .collect())
    }
    /// Days from today (Europe/London) to the decision-due date; negative once it has passed.
    async fn days_until_decision_due(&self) -> i64 {
        (self.0.decision_due_on - crate::services::london_today()).num_days()
    }
}

connection!(CallConnection, CallEdge, Call);

// ---- selection, decision, outcomes and honoraria of a call

use super::honoraria::{HonorariaTotals, Honorarium, HonorariumShare};
use super::selection::{
    AllocationProposal, Conflict, Decision, PanelMember, RankingEntry, ReviewAssignment,
};
use crate::graphql::error::ApiError;
use crate::services::selection::CallSelection;
use std::sync::Arc;

/// Who is looking at a call's selection (the rules are the domain's, through `CallSelection`).
pub(crate) struct SelectionAccess {
    pub viewer: convene_domain::access::Viewer,
}

/// The ranking and the proposal, only once the viewer's own reviews are in.
async fn ranking_for(
    ctx: &Context<'_>,
    call_id: uuid::Uuid,
) -> ApiResult<(Arc<CallSelection>, SelectionAccess)> {
    let (sel, access) = selection_for(ctx, call_id).await?;
    convene_domain::selection::check_can_see_ranking(sel.standing(&access.viewer))?;
    Ok((sel, access))
}

impl SelectionAccess {
    pub fn hides(&self, sel: &CallSelection, application: uuid::Uuid) -> bool {
        !sel.shows(&self.viewer, application)
    }
}

/// A call's selection, read once per request through the `selections` loader however many of
/// the call's fields ask for it.
async fn selection(ctx: &Context<'_>, call_id: uuid::Uuid) -> ApiResult<Arc<CallSelection>> {
    loaders(ctx)
        .selections
        .load_one(call_id)
        .await?
        .ok_or_else(|| ApiError::field("callId", "There is no such call"))
}

/// The call's selection, for the programme team and this call's panel (else `FORBIDDEN`).
pub(crate) async fn selection_for(
    ctx: &Context<'_>,
    call_id: uuid::Uuid,
) -> ApiResult<(Arc<CallSelection>, SelectionAccess)> {
    let v = convene_domain::access::require_signed_in(viewer(ctx))?;
    let sel = selection(ctx, call_id).await?;
    convene_domain::selection::check_can_see_selection(sel.standing(v))?;
    Ok((sel, SelectionAccess { viewer: v.clone() }))
}

fn require_team(ctx: &Context<'_>) -> ApiResult<()> {
    require_role(viewer(ctx), Role::ProgrammeTeam)?;
    Ok(())
}

impl Call {
    pub(crate) async fn panel_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<PanelMember>> {
        let (sel, _) = selection_for(ctx, self.0.id).await?;
        Ok(sel.panel.iter().cloned().map(PanelMember).collect())
    }

    pub(crate) async fn conflicts_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<Conflict>> {
        let (sel, access) = selection_for(ctx, self.0.id).await?;
        Ok(sel
            .conflicts()
            .into_iter()
            .filter(|c| access.viewer.is_programme_team() || c.person == access.viewer.person.0)
            .map(Conflict)
            .collect())
    }

    pub(crate) async fn assignments_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<ReviewAssignment>> {
        require_team(ctx)?;
        let sel = selection(ctx, self.0.id).await?;
        Ok(sel
            .assignments
            .iter()
            .map(|a| ReviewAssignment {
                submitted: sel.review_of(a.application_id, a.reviewer_id).is_some(),
                model: a.clone(),
            })
            .collect())
    }

    pub(crate) async fn ranking_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<RankingEntry>> {
        let (sel, access) = selection_for(ctx, self.0.id).await?;
        let entries: Vec<RankingEntry> = sel
            .ranking_seen_by(&access.viewer)?
            .into_iter()
            .filter_map(|r| {
                Some(RankingEntry {
                    application: Application(sel.application(r.application.0)?.clone()),
                    rank: r.rank as i32,
                    weighted_score: r.weighted_score,
                    normalised_score: r.normalised_score,
                    disagreement: r.disagreement,
                    review_count: r.reviews as i32,
                })
            })
            .collect();
        let apps: Vec<&application::Model> = entries.iter().map(|e| &*e.application.0).collect();
        crate::graphql::prefetch::applications(ctx, &ctx.look_ahead().field("application"), &apps)
            .await?;
        Ok(entries)
    }

    pub(crate) async fn allocation_of(&self, ctx: &Context<'_>) -> ApiResult<AllocationProposal> {
        let (sel, access) = ranking_for(ctx, self.0.id).await?;
        let a = sel.allocation();
        let app = |id: &convene_domain::ids::ApplicationId| {
            (!access.hides(&sel, id.0))
                .then(|| sel.application(id.0).cloned().map(Application))
                .flatten()
        };
        Ok(AllocationProposal {
            funded: a.funded.iter().filter_map(app).collect(),
            ties: a
                .ties
                .iter()
                .map(|t| t.iter().filter_map(app).collect::<Vec<_>>())
                .filter(|t| !t.is_empty())
                .collect(),
        })
    }

    pub(crate) async fn decision_of(&self, ctx: &Context<'_>) -> ApiResult<Option<Decision>> {
        let _ = selection_for(ctx, self.0.id).await?;
        Ok(
            convene_store::repo::selection::decision(&state(ctx).db, self.0.id)
                .await?
                .map(Decision),
        )
    }

    pub(crate) async fn honoraria_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<Honorarium>> {
        require_team(ctx)?;
        let shares = convene_store::repo::honoraria::of_call(&state(ctx).db, self.0.id).await?;
        let mut out: Vec<Honorarium> = Vec::new();
        for s in shares {
            match out.last_mut() {
                Some(h) if h.application.0.id == s.application_id => {
                    h.shares.push(HonorariumShare(s))
                }
                _ => {
                    let app = crate::graphql::loaders::must(
                        &loaders(ctx).applications,
                        s.application_id,
                        "application",
                    )
                    .await?;
                    out.push(Honorarium {
                        application: Application::from(app),
                        total_pence: self.0.honorarium_pence,
                        shares: vec![HonorariumShare(s)],
                    });
                }
            }
        }
        Ok(out)
    }

    pub(crate) async fn honoraria_totals_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<HonorariaTotals> {
        require_team(ctx)?;
        let shares = convene_store::repo::honoraria::of_call(&state(ctx).db, self.0.id).await?;
        let (committed, paid) = crate::services::honoraria::totals(&shares);
        Ok(HonorariaTotals {
            budget_pence: convene_domain::honorarium::budget_pence(
                self.0.honorarium_pence,
                self.0.funded_places,
            ),
            committed_pence: committed,
            paid_pence: paid,
        })
    }

    pub(crate) async fn outcomes_pending_of(&self, ctx: &Context<'_>) -> ApiResult<i32> {
        require_team(ctx)?;
        Ok(
            crate::services::outcomes::pending(&state(ctx).db, self.0.id)
                .await?
                .len() as i32,
        )
    }
}
