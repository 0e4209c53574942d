//! Selection types: the panel, conflicts, assignments, reviews, the ranking and the decision.

use async_graphql::{Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_store::entities::{decision, panel_member, review, review_assignment, review_score};

use super::application::Application;
use super::call::Criterion;
use super::person::Person;
use super::refs;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders};

#[derive(Clone)]
pub struct PanelMember(pub panel_member::Model);

/// A member of a call's selection panel.
#[Object]
impl PanelMember {
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn chair(&self) -> bool {
        self.0.chair
    }
    async fn added_at(&self) -> DateTime<Utc> {
        self.0.added_at
    }
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<super::call::Call> {
        refs::call(ctx, self.0.call_id).await
    }
}

/// A conflict of interest between a panel member and an application: found automatically
/// (an applicant on it, or working for the lead's, a co-lead's or the sponsor's organisation)
/// or declared by the member.
#[derive(Clone)]
pub struct Conflict(pub crate::services::selection::Conflict);

#[Object]
impl Conflict {
    async fn application(&self, ctx: &Context<'_>) -> ApiResult<Application> {
        refs::application(ctx, self.0.application).await
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person).await
    }
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    async fn declared(&self) -> bool {
        self.0.declared
    }
}

#[derive(Clone)]
pub struct ReviewAssignment {
    pub model: review_assignment::Model,
    pub submitted: bool,
}

/// A reviewer's assignment to an application.
#[Object]
impl ReviewAssignment {
    pub async fn id(&self) -> ID {
        ids::encode("ReviewAssignment", self.model.id)
    }
    async fn application(&self, ctx: &Context<'_>) -> ApiResult<Application> {
        refs::application(ctx, self.model.application_id).await
    }
    async fn reviewer(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.model.reviewer_id).await
    }
    /// Whether the reviewer has submitted their review.
    async fn submitted(&self) -> bool {
        self.submitted
    }
    /// Added by hand by the programme team rather than by `assignReviewers`.
    async fn manual(&self) -> bool {
        self.model.manual
    }
    async fn assigned_at(&self) -> DateTime<Utc> {
        self.model.assigned_at
    }
}

#[derive(Clone)]
pub struct ReviewScore(pub review_score::Model);

/// One criterion's score (1–5) and comment.
#[Object]
impl ReviewScore {
    async fn criterion(&self, ctx: &Context<'_>) -> ApiResult<Criterion> {
        refs::criterion(ctx, self.0.criterion_id).await
    }
    async fn score(&self) -> i32 {
        self.0.score
    }
    async fn comment(&self) -> &str {
        &self.0.comment
    }
}

#[derive(Clone)]
pub struct Review {
    pub model: review::Model,
    pub scores: Vec<review_score::Model>,
    pub weighted_score: Option<f64>,
}

/// A reviewer's scores of an application against the call's rubric.
#[Object]
impl Review {
    pub async fn id(&self) -> ID {
        ids::encode("Review", self.model.id)
    }
    async fn application(&self, ctx: &Context<'_>) -> ApiResult<Application> {
        refs::application(ctx, self.model.application_id).await
    }
    async fn reviewer(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.model.reviewer_id).await
    }
    async fn scores(&self) -> Vec<ReviewScore> {
        self.scores.iter().cloned().map(ReviewScore).collect()
    }
    /// Σ weight × score / Σ weight.
    async fn weighted_score(&self) -> Option<f64> {
        self.weighted_score
    }
    async fn submitted_at(&self) -> DateTime<Utc> {
        self.model.submitted_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.model.updated_at
    }
}

/// One row of a call's ranking.
#[derive(SimpleObject, Clone)]
pub struct RankingEntry {
    pub application: Application,
    /// 1 first; equal scores share a rank.
    pub rank: i32,
    /// Mean of the reviewers' weighted scores (1–5).
    pub weighted_score: Option<f64>,
    /// Mean of the reviewers' standardised scores (0 is average for each reviewer).
    pub normalised_score: Option<f64>,
    /// The reviewers' weighted scores differ by 1.5 or more.
    pub disagreement: bool,
    pub review_count: i32,
}

/// The proposed funded set; `ties` are groups the proposal could not choose between.
#[derive(SimpleObject, Clone)]
pub struct AllocationProposal {
    pub funded: Vec<Application>,
    pub ties: Vec<Vec<Application>>,
}

#[derive(Clone)]
pub struct Decision(pub decision::Model);

/// The chair's recorded decision: never edited afterwards.
#[Object]
impl Decision {
    pub async fn id(&self) -> ID {
        ids::encode("Decision", self.0.id)
    }
    async fn chair(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.chair_id).await
    }
    async fn rationale(&self) -> &str {
        &self.0.rationale
    }
    async fn decided_at(&self) -> DateTime<Utc> {
        self.0.decided_at
    }
    async fn funded(&self, ctx: &Context<'_>) -> ApiResult<Vec<Application>> {
        let ids = convene_store::repo::selection::funded_ids(&self.0);
        let found = loaders(ctx)
            .applications
            .load_many(ids.iter().copied())
            .await?;
        Ok(ids
            .iter()
            .filter_map(|i| found.get(i).cloned().map(Application::from))
            .collect())
    }
}

/// Someone owed the outcome of an application who has not been told yet.
#[derive(Clone)]
pub struct PendingOutcome {
    pub application: Application,
    pub email: String,
    pub person_id: Option<uuid::Uuid>,
    pub outcome: super::enums::ApplicationStatus,
}

#[Object]
impl PendingOutcome {
    async fn application(&self) -> &Application {
        &self.application
    }
    async fn email(&self) -> &str {
        &self.email
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        load_opt(&loaders(ctx).people, self.person_id, Person::from).await
    }
    async fn outcome(&self) -> super::enums::ApplicationStatus {
        self.outcome
    }
}
