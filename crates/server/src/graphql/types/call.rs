use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_store::entities::{call as m, criterion};
use convene_store::repo;
use convene_store::repo::calls::window;

use super::application::{Application, ApplicationConnection};
use super::connection::{connection, page};
use super::enums::{ApplicationStatus, CallStatus, HonorariumPolicy, RankBy};
use super::scalars::Date;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::loaders;

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
    async fn funded_places(&self) -> i32 {
        self.0.funded_places
    }
    /// The honorarium per funded domain, in pence.
    async fn honorarium_pence(&self) -> i64 {
        self.0.honorarium_pence
    }
    /// Places × honorarium: never exceeded.
    async fn budget_pence(&self) -> i64 {
        self.0.honorarium_pence * self.0.funded_places as i64
    }
    async fn honorarium_policy(&self) -> HonorariumPolicy {
        convene_domain::call::HonorariumPolicy::from_str(&self.0.honorarium_policy)
            .unwrap_or(convene_domain::call::HonorariumPolicy::Redistribute)
            .into()
    }
    async fn reviewers_per_application(&self) -> i32 {
        self.0.reviewers_per_application
    }
    async fn rank_by(&self) -> RankBy {
        convene_domain::call::RankBy::from_str(&self.0.rank_by)
            .unwrap_or(convene_domain::call::RankBy::Weighted)
            .into()
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
        Ok(loaders(ctx)
            .criteria
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Criterion)
            .collect())
    }
    /// Every application to this call (programme team only).
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity + 1")]
    async fn applications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<ApplicationStatus>,
    ) -> ApiResult<ApplicationConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let p = page(first, after.as_deref(), None, None)?;
        let (rows, total) =
            repo::applications::of_call(&state(ctx).db, self.0.id, status.map(Into::into), p)
                .await?;
        Ok(ApplicationConnection::new(
            rows.into_iter().map(Application).collect(),
            total,
            p,
        ))
    }
}

connection!(CallConnection, CallEdge, Call);
