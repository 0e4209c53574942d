//! Honoraria (SPEC §3): each funded application's honorarium and its shares.

use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::honorarium as d;
use convene_store::entities::honorarium_share as m;

use super::application::Application;
use super::person::Person;
use super::refs;
use super::scalars::Date;
use crate::graphql::error::ApiResult;
use crate::graphql::ids;

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PaymentStatus {
    Proposed,
    Approved,
    Paid,
    Cancelled,
}

impl From<d::PaymentStatus> for PaymentStatus {
    fn from(s: d::PaymentStatus) -> Self {
        match s {
            d::PaymentStatus::Proposed => PaymentStatus::Proposed,
            d::PaymentStatus::Approved => PaymentStatus::Approved,
            d::PaymentStatus::Paid => PaymentStatus::Paid,
            d::PaymentStatus::Cancelled => PaymentStatus::Cancelled,
        }
    }
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PaymentRoute {
    /// Through the employing organisation.
    Employer,
    /// To the person.
    Person,
}

impl From<PaymentRoute> for d::PaymentRoute {
    fn from(r: PaymentRoute) -> Self {
        match r {
            PaymentRoute::Employer => d::PaymentRoute::Employer,
            PaymentRoute::Person => d::PaymentRoute::Person,
        }
    }
}

#[derive(Clone)]
pub struct HonorariumShare(pub m::Model);

/// One payee's share of a funded application's honorarium.
#[Object]
impl HonorariumShare {
    pub async fn id(&self) -> ID {
        ids::encode("HonorariumShare", self.0.id)
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn application(&self, ctx: &Context<'_>) -> ApiResult<Application> {
        refs::application(ctx, self.0.application_id).await
    }
    async fn amount_pence(&self) -> i64 {
        self.0.amount_pence
    }
    /// False for industry and third-sector partners, who are never paid.
    async fn eligible(&self) -> bool {
        self.0.eligible
    }
    async fn route(&self) -> ApiResult<PaymentRoute> {
        let r: d::PaymentRoute = convene_store::stored("honorarium_shares.route", &self.0.route)?;
        Ok(match r {
            d::PaymentRoute::Person => PaymentRoute::Person,
            _ => PaymentRoute::Employer,
        })
    }
    async fn status(&self) -> PaymentStatus {
        convene_store::repo::honoraria::status(&self.0).into()
    }
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }
    async fn paid_on(&self) -> Option<Date> {
        self.0.paid_on.map(Date)
    }
    async fn approved_at(&self) -> Option<DateTime<Utc>> {
        self.0.approved_at
    }
}

/// A funded application's honorarium, split among its co-leads.
#[derive(SimpleObject, Clone)]
pub struct Honorarium {
    pub application: Application,
    pub total_pence: i64,
    pub shares: Vec<HonorariumShare>,
}

/// The call's money: the budget (places × honorarium), what is committed and what is paid.
#[derive(SimpleObject, Clone)]
pub struct HonorariaTotals {
    pub budget_pence: i64,
    /// Shares proposed, approved or paid.
    pub committed_pence: i64,
    pub paid_pence: i64,
}
