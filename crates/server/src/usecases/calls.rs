//! Calls for conveners: creating, opening and closing them (programme team).

use convene_domain::access::Viewer;
use convene_domain::call::{CallStatus, HonorariumPolicy, NewCall, RankBy};
use convene_domain::ids::CallId;
use convene_store::entities::call;
use convene_store::repo::calls;

use super::{AppError, AppResult, Write};
use crate::state::AppState;

/// A call that passed its rules, with the choices that have defaults.
pub struct CreateCall {
    pub call: NewCall,
    pub honorarium_policy: HonorariumPolicy,
    pub rank_by: RankBy,
    /// Keep it as a draft instead of publishing it.
    pub draft: bool,
}

/// Create a call, open at once unless it is kept as a draft.
pub async fn create_call(st: &AppState, by: &Viewer, cmd: CreateCall) -> AppResult<call::Model> {
    let status = if cmd.draft {
        CallStatus::Draft
    } else {
        CallStatus::Open
    };
    let mut w = Write::by(st, by).await?;
    let call = calls::create(
        w.tx(),
        &cmd.call,
        cmd.honorarium_policy,
        cmd.rank_by,
        status,
        w.actor_uuid(),
        w.now(),
    )
    .await?;
    w.audit_created("Call", call.id, "create", &call);
    w.commit().await?;
    Ok(call)
}

/// Publish a draft call that still has time to run.
pub async fn open_call(st: &AppState, by: &Viewer, id: CallId) -> AppResult<call::Model> {
    transition(st, by, id, "open", CallStatus::Open).await
}

/// Close an open call to new submissions, early if need be.
pub async fn close_call(st: &AppState, by: &Viewer, id: CallId) -> AppResult<call::Model> {
    transition(st, by, id, "close", CallStatus::Closed).await
}

async fn transition(
    st: &AppState,
    by: &Viewer,
    id: CallId,
    action: &'static str,
    to: CallStatus,
) -> AppResult<call::Model> {
    let mut w = Write::by(st, by).await?;
    let before = calls::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("callId", "There is no such call"))?;
    let window = calls::window(&before);
    match to {
        CallStatus::Open => window.check_openable(w.now())?,
        _ => window.check_closable(w.now())?,
    }
    let after = calls::set_status(w.tx(), before.clone(), to, w.now()).await?;
    w.audit_changed("Call", id.0, action, &before, &after);
    w.commit().await?;
    Ok(after)
}
