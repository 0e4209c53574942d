//! Calls (SPEC §1): created, opened and closed by the programme team.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::call::{CallDraft, CallStatus as DStatus, NewCall};
use convene_store::begin_write;
use convene_store::repo::calls;

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::call::Call;
use crate::graphql::types::enums::{HonorariumPolicy, RankBy};
use crate::graphql::types::scalars::Date;

#[derive(Default)]
pub struct CallMutations;

#[derive(InputObject)]
pub struct CriterionInput {
    pub name: String,
    /// A whole number from 1 to 100.
    pub weight: i32,
}

#[derive(InputObject)]
pub struct CreateCallInput {
    pub title: String,
    #[graphql(default)]
    pub description: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decision_due_on: Date,
    pub funded_places: i32,
    pub honorarium_pence: i64,
    #[graphql(default_with = "HonorariumPolicy::Redistribute")]
    pub honorarium_policy: HonorariumPolicy,
    #[graphql(default = 3)]
    pub reviewers_per_application: i32,
    #[graphql(default_with = "RankBy::Weighted")]
    pub rank_by: RankBy,
    pub criteria: Vec<CriterionInput>,
    /// Keep the call as a draft instead of publishing it.
    #[graphql(default = false)]
    pub draft: bool,
}
#[derive(SimpleObject)]
pub struct CreateCallPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct OpenCallInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct OpenCallPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct CloseCallInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct CloseCallPayload {
    pub call: Call,
}

async fn transition(ctx: &Context<'_>, call_id: &ID, action: &str, to: DStatus) -> ApiResult<Call> {
    let st = state(ctx);
    let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
    let id = ids::decode("callId", "Call", call_id)?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let before = calls::get(&tx, id)
        .await?
        .ok_or_else(|| ApiError::field("callId", "There is no such call"))?;
    let w = calls::window(&before);
    match to {
        DStatus::Open => w.check_openable(now)?,
        _ => w.check_closable(now)?,
    }
    let after = calls::set_status(&tx, before.clone(), to, now).await?;
    audit(
        &tx,
        Some(v.person.0),
        "Call",
        id,
        action,
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Call(after))
}

#[Object]
impl CallMutations {
    /// Create a call (programme team only). It is open at once unless `draft` is true.
    async fn create_call(
        &self,
        ctx: &Context<'_>,
        input: CreateCallInput,
    ) -> ApiResult<CreateCallPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let new = NewCall::parse(CallDraft {
            title: &input.title,
            description: &input.description,
            opens_at: input.opens_at,
            closes_at: input.closes_at,
            decision_due_on: input.decision_due_on.0,
            funded_places: input.funded_places,
            honorarium_pence: input.honorarium_pence,
            reviewers_per_application: input.reviewers_per_application,
            criteria: input
                .criteria
                .iter()
                .map(|c| (c.name.as_str(), c.weight))
                .collect(),
        })?;
        let status = if input.draft {
            DStatus::Draft
        } else {
            DStatus::Open
        };
        let now = now();
        let tx = begin_write(&st.db).await?;
        let call = calls::create(
            &tx,
            &new,
            input.honorarium_policy.into(),
            input.rank_by.into(),
            status,
            Some(v.person.0),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Call",
            call.id,
            "create",
            None,
            Some(&call),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CreateCallPayload { call: Call(call) })
    }

    /// Publish a draft call (programme team only).
    async fn open_call(
        &self,
        ctx: &Context<'_>,
        input: OpenCallInput,
    ) -> ApiResult<OpenCallPayload> {
        Ok(OpenCallPayload {
            call: transition(ctx, &input.call_id, "open", DStatus::Open).await?,
        })
    }

    /// Close a call to new submissions, early if need be (programme team only).
    async fn close_call(
        &self,
        ctx: &Context<'_>,
        input: CloseCallInput,
    ) -> ApiResult<CloseCallPayload> {
        Ok(CloseCallPayload {
            call: transition(ctx, &input.call_id, "close", DStatus::Closed).await?,
        })
    }
}
