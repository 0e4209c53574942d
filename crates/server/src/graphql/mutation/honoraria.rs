//! Honoraria (SPEC §3): approving, paying and cancelling shares; every change audited.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, Viewer};
use convene_domain::account::Role;
use convene_domain::ids::HonorariumShareId;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::honoraria::{HonorariumShare, PaymentRoute};
use crate::graphql::types::scalars::Date;
use crate::usecases::honoraria as usecase;

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

/// The programme team, and the share the input names.
fn decode<'c>(ctx: &Context<'c>, share: &ID) -> ApiResult<(&'c Viewer, HonorariumShareId)> {
    let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
    Ok((v, ids::typed("shareId", share)?))
}

#[Object]
impl HonorariaMutations {
    /// Approve a proposed payment (programme team; never the payee).
    async fn approve_payment(
        &self,
        ctx: &Context<'_>,
        input: ApprovePaymentInput,
    ) -> ApiResult<ApprovePaymentPayload> {
        let (v, share) = decode(ctx, &input.share_id)?;
        let after = usecase::approve_payment(state(ctx), v, share).await?;
        Ok(ApprovePaymentPayload {
            share: HonorariumShare(after),
        })
    }

    /// Record that an approved payment was made (programme team only).
    async fn mark_payment_paid(
        &self,
        ctx: &Context<'_>,
        input: MarkPaymentPaidInput,
    ) -> ApiResult<MarkPaymentPaidPayload> {
        let (v, share) = decode(ctx, &input.share_id)?;
        let cmd = usecase::MarkPaid {
            share,
            reference: input.reference,
            paid_on: input.paid_on.0,
        };
        let after = usecase::mark_payment_paid(state(ctx), v, cmd).await?;
        Ok(MarkPaymentPaidPayload {
            share: HonorariumShare(after),
        })
    }

    /// Cancel a payment that has not been made (programme team only).
    async fn cancel_payment(
        &self,
        ctx: &Context<'_>,
        input: CancelPaymentInput,
    ) -> ApiResult<CancelPaymentPayload> {
        let (v, share) = decode(ctx, &input.share_id)?;
        let after = usecase::cancel_payment(state(ctx), v, share).await?;
        Ok(CancelPaymentPayload {
            share: HonorariumShare(after),
        })
    }

    /// Pay through the employing organisation or to the person (programme team only).
    async fn set_payment_route(
        &self,
        ctx: &Context<'_>,
        input: SetPaymentRouteInput,
    ) -> ApiResult<SetPaymentRoutePayload> {
        let (v, share) = decode(ctx, &input.share_id)?;
        let route = input.route.into();
        let after = usecase::set_payment_route(state(ctx), v, share, route).await?;
        Ok(SetPaymentRoutePayload {
            share: HonorariumShare(after),
        })
    }
}
