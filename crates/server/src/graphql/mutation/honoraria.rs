//! Honoraria (SPEC §3): approving, paying and cancelling shares; every change audited.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::honorarium as rules;
use convene_domain::ids::PersonId;
use convene_domain::money::Pence;
use convene_store::begin_write;
use convene_store::entities::honorarium_share;
use convene_store::repo::honoraria;
use convene_store::sea_orm::DatabaseTransaction;
use uuid::Uuid;

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::honoraria::{HonorariumShare, PaymentRoute};
use crate::graphql::types::scalars::Date;

#[derive(Default)]
pub struct HonorariaMutations;

#[derive(InputObject)]
pub struct ApprovePaymentInput {
    pub share_id: ID,
}
#[derive(SimpleObject)]
pub struct ApprovePaymentPayload {
    pub share: HonorariumShare,
}

#[derive(InputObject)]
pub struct MarkPaymentPaidInput {
    pub share_id: ID,
    pub reference: String,
    pub paid_on: Date,
}
#[derive(SimpleObject)]
pub struct MarkPaymentPaidPayload {
    pub share: HonorariumShare,
}

#[derive(InputObject)]
pub struct CancelPaymentInput {
    pub share_id: ID,
}
#[derive(SimpleObject)]
pub struct CancelPaymentPayload {
    pub share: HonorariumShare,
}

#[derive(InputObject)]
pub struct SetPaymentRouteInput {
    pub share_id: ID,
    pub route: PaymentRoute,
}
#[derive(SimpleObject)]
pub struct SetPaymentRoutePayload {
    pub share: HonorariumShare,
}

async fn load(tx: &DatabaseTransaction, id: &ID) -> ApiResult<honorarium_share::Model> {
    let uuid = ids::decode("shareId", "HonorariumShare", id)?;
    honoraria::lock(tx, uuid)
        .await?
        .ok_or_else(|| ApiError::field("shareId", "There is no such payment"))
}

async fn finish(
    tx: DatabaseTransaction,
    actor: Uuid,
    action: &str,
    before: &honorarium_share::Model,
    after: honorarium_share::Model,
) -> ApiResult<HonorariumShare> {
    audit(
        &tx,
        Some(actor),
        "HonorariumShare",
        after.id,
        action,
        Some(before),
        Some(&after),
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(HonorariumShare(after))
}

#[Object]
impl HonorariaMutations {
    /// Approve a proposed payment (programme team; never the payee).
    async fn approve_payment(
        &self,
        ctx: &Context<'_>,
        input: ApprovePaymentInput,
    ) -> ApiResult<ApprovePaymentPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let tx = begin_write(&st.db).await?;
        let s = load(&tx, &input.share_id).await?;
        let amount = Pence::parse("amount", s.amount_pence)?;
        rules::check_approvable(
            honoraria::status(&s),
            amount,
            PersonId(s.person_id),
            v.person,
        )?;
        let after = honoraria::approve(&tx, s.clone(), v.person.0, now()).await?;
        Ok(ApprovePaymentPayload {
            share: finish(tx, v.person.0, "approve", &s, after).await?,
        })
    }

    /// Record that an approved payment was made (programme team only).
    async fn mark_payment_paid(
        &self,
        ctx: &Context<'_>,
        input: MarkPaymentPaidInput,
    ) -> ApiResult<MarkPaymentPaidPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let tx = begin_write(&st.db).await?;
        let s = load(&tx, &input.share_id).await?;
        // the state first; then every bad field at once
        let mut f = convene_domain::Fields::new();
        let reference = match rules::check_payable(honoraria::status(&s), &input.reference) {
            Err(e) if e.code != convene_domain::ErrorCode::Validation => return Err(e.into()),
            r => f.take(r),
        };
        f.take(rules::check_paid_on(
            input.paid_on.0,
            crate::services::london_today(),
        ));
        f.finish()?;
        let reference = reference.expect("checked by finish");
        let after =
            honoraria::mark_paid(&tx, s.clone(), &reference, input.paid_on.0, now()).await?;
        Ok(MarkPaymentPaidPayload {
            share: finish(tx, v.person.0, "mark_paid", &s, after).await?,
        })
    }

    /// Cancel a payment that has not been made (programme team only).
    async fn cancel_payment(
        &self,
        ctx: &Context<'_>,
        input: CancelPaymentInput,
    ) -> ApiResult<CancelPaymentPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let tx = begin_write(&st.db).await?;
        let s = load(&tx, &input.share_id).await?;
        rules::check_cancellable(honoraria::status(&s))?;
        let after = honoraria::cancel(&tx, s.clone(), now()).await?;
        Ok(CancelPaymentPayload {
            share: finish(tx, v.person.0, "cancel", &s, after).await?,
        })
    }

    /// Pay through the employing organisation or to the person (programme team only).
    async fn set_payment_route(
        &self,
        ctx: &Context<'_>,
        input: SetPaymentRouteInput,
    ) -> ApiResult<SetPaymentRoutePayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let tx = begin_write(&st.db).await?;
        let s = load(&tx, &input.share_id).await?;
        rules::check_cancellable(honoraria::status(&s))?;
        let after = honoraria::set_route(&tx, s.clone(), input.route.into(), now()).await?;
        Ok(SetPaymentRoutePayload {
            share: finish(tx, v.person.0, "set_route", &s, after).await?,
        })
    }
}
