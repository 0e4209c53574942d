//! Honoraria (SPEC §3): approving, paying and cancelling shares, and choosing how they are
//! paid; every change audited.

use chrono::NaiveDate;
use convene_domain::access::Viewer;
use convene_domain::honorarium::{self as rules, PaymentRoute};
use convene_domain::ids::{HonorariumShareId, PersonId};
use convene_domain::money::Pence;
use convene_store::entities::honorarium_share;
use convene_store::repo::honoraria;

use super::{AppError, AppResult, Write};
use crate::state::AppState;

/// What is done to a share.
enum Change {
    Approve,
    MarkPaid {
        reference: String,
        paid_on: NaiveDate,
    },
    Cancel,
    Route(PaymentRoute),
}

/// Lock the share, check the change against its state, make it, audit it and commit.
async fn change(
    st: &AppState,
    by: &Viewer,
    share: HonorariumShareId,
    change: Change,
) -> AppResult<honorarium_share::Model> {
    let mut w = Write::by(st, by).await?;
    let s = honoraria::lock(w.tx(), share.0)
        .await?
        .ok_or_else(|| AppError::field("shareId", "There is no such payment"))?;
    let status = honoraria::status(&s);
    let (tx, now, before) = (w.tx(), w.now(), s.clone());
    let (action, after) = match change {
        Change::Approve => {
            let amount = Pence::parse("amount", s.amount_pence)?;
            rules::check_approvable(status, amount, PersonId(s.person_id), by.person)?;
            (
                "approve",
                honoraria::approve(tx, s, by.person.0, now).await?,
            )
        }
        Change::MarkPaid { reference, paid_on } => {
            let today = crate::services::london_today();
            let reference = rules::check_mark_paid(status, &reference, paid_on, today)?;
            let after = honoraria::mark_paid(tx, s, &reference, paid_on, now).await?;
            ("mark_paid", after)
        }
        Change::Cancel => {
            rules::check_cancellable(status)?;
            ("cancel", honoraria::cancel(tx, s, now).await?)
        }
        Change::Route(route) => {
            rules::check_cancellable(status)?;
            ("set_route", honoraria::set_route(tx, s, route, now).await?)
        }
    };
    w.audit_changed("HonorariumShare", after.id, action, &before, &after);
    w.commit().await?;
    Ok(after)
}

/// Approve a proposed payment: never the payee's own.
pub async fn approve_payment(
    st: &AppState,
    by: &Viewer,
    share: HonorariumShareId,
) -> AppResult<honorarium_share::Model> {
    change(st, by, share, Change::Approve).await
}

pub struct MarkPaid {
    pub share: HonorariumShareId,
    pub reference: String,
    pub paid_on: NaiveDate,
}

/// Record that an approved payment was made, with its reference and date (not in the future,
/// in London).
pub async fn mark_payment_paid(
    st: &AppState,
    by: &Viewer,
    cmd: MarkPaid,
) -> AppResult<honorarium_share::Model> {
    let paid = Change::MarkPaid {
        reference: cmd.reference,
        paid_on: cmd.paid_on,
    };
    change(st, by, cmd.share, paid).await
}

/// Cancel a payment that has not been made.
pub async fn cancel_payment(
    st: &AppState,
    by: &Viewer,
    share: HonorariumShareId,
) -> AppResult<honorarium_share::Model> {
    change(st, by, share, Change::Cancel).await
}

/// Pay through the employing organisation or to the person, while the payment is not made.
pub async fn set_payment_route(
    st: &AppState,
    by: &Viewer,
    share: HonorariumShareId,
    route: PaymentRoute,
) -> AppResult<honorarium_share::Model> {
    change(st, by, share, Change::Route(route)).await
}
