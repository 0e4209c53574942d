//! Calls for conveners: creating, editing, opening and closing them (programme team).

use chrono::NaiveDate;
use convene_domain::access::Viewer;
use convene_domain::call::{
    self as rules, CallChanges, CallDraft, CallStatus, EditFacts, HonorariumPolicy, NewCall, RankBy,
};
use convene_domain::ids::CallId;
use convene_domain::question::Question;
use convene_store::entities::{call, criterion};
use convene_store::repo::{applications, calls, questions};
use serde::Serialize;

use super::{AppError, AppResult, Write};
use crate::mail::templates;
use crate::state::AppState;

/// A call that passed its rules, with the choices that have defaults.
pub struct CreateCall {
    pub call: NewCall,
    pub honorarium_policy: HonorariumPolicy,
    pub rank_by: RankBy,
    /// Keep it as a draft instead of publishing it.
    pub draft: bool,
    /// When reviews are due, if the call sets it.
    pub reviews_due_on: Option<NaiveDate>,
}

/// Create a call, open at once unless it is kept as a draft.
pub async fn create_call(st: &AppState, by: &Viewer, cmd: CreateCall) -> AppResult<call::Model> {
    let status = if cmd.draft {
        CallStatus::Draft
    } else {
        CallStatus::Open
    };
    rules::check_reviews_due_on(
        cmd.reviews_due_on,
        cmd.call.closes_at,
        cmd.call.decision_due_on,
    )?;
    let mut w = Write::by(st, by).await?;
    let mut call = calls::create(
        w.tx(),
        &cmd.call,
        cmd.honorarium_policy,
        cmd.rank_by,
        status,
        w.actor_uuid(),
        w.now(),
    )
    .await?;
    if cmd.reviews_due_on.is_some() {
        call = calls::set_reviews_due_on(w.tx(), call, cmd.reviews_due_on).await?;
    }
    w.audit_created("Call", call.id, "create", &call);
    w.commit().await?;
    Ok(call)
}

/// A call as the audit trail shows it: its row, its rubric and its questions (key, title).
#[derive(Serialize)]
struct Audited<'a> {
    #[serde(flatten)]
    call: &'a call::Model,
    criteria: Vec<(&'a str, i32)>,
    questions: Vec<(&'a str, &'a str)>,
}

fn audited<'a>(
    call: &'a call::Model,
    criteria: &'a [criterion::Model],
    questions: &'a [Question],
) -> Audited<'a> {
    Audited {
        call,
        criteria: criteria
            .iter()
            .map(|c| (c.name.as_str(), c.weight))
            .collect(),
        questions: questions
            .iter()
            .map(|q| (q.key.as_str(), q.title.as_str()))
            .collect(),
    }
}

/// `updateCall`: change the parts the call's stage allows (`CallChanges::check_allowed`),
/// check the whole call again as `createCall` would, and tell everyone holding an application
/// in an open call when its closing time moves.
pub async fn update_call(
    st: &AppState,
    by: &Viewer,
    id: CallId,
    changes: CallChanges<'_>,
) -> AppResult<call::Model> {
    let mut w = Write::by(st, by).await?;
    let before = calls::lock(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("callId", "There is no such call"))?;
    let criteria = calls::criteria_of(w.tx(), &[id.0])
        .await?
        .remove(&id.0)
        .unwrap_or_default();
    let questions_before = questions::of_call(w.tx(), id.0).await?;
    let window = calls::window(&before);
    changes.check_allowed(&EditFacts {
        window,
        reviews_submitted: calls::has_reviews(w.tx(), id.0).await?,
        applications_exist: calls::has_applications(w.tx(), id.0).await?,
        now: w.now(),
        today: crate::services::london_today(),
    })?;
    let current = CallDraft {
        title: &before.title,
        description: &before.description,
        opens_at: before.opens_at,
        closes_at: before.closes_at,
        decision_due_on: before.decision_due_on,
        funded_places: before.funded_places,
        honorarium_pence: before.honorarium_pence,
        reviewers_per_application: before.reviewers_per_application,
        criteria: criteria
            .iter()
            .map(|c| (c.name.as_str(), c.weight))
            .collect(),
    };
    let new = NewCall::parse(changes.apply(current))?;
    let reviews_due_on = changes.reviews_due_on.or(before.reviews_due_on);
    rules::check_reviews_due_on(reviews_due_on, new.closes_at, new.decision_due_on)?;
    let replace_criteria = changes.criteria.is_some();
    let after = calls::update(
        w.tx(),
        before.clone(),
        &new,
        reviews_due_on,
        replace_criteria,
        w.now(),
    )
    .await?;
    if let Some(questions) = &changes.questions {
        questions::replace_for_call(w.tx(), id.0, questions).await?;
    }
    let criteria_after = calls::criteria_of(w.tx(), &[id.0])
        .await?
        .remove(&id.0)
        .unwrap_or_default();
    w.audit_changed(
        "Call",
        id.0,
        "update",
        &audited(&before, &criteria, &questions_before),
        &audited(
            &after,
            &criteria_after,
            changes.questions.as_deref().unwrap_or(&questions_before),
        ),
    );
    if window.status != CallStatus::Draft && after.closes_at != before.closes_at {
        tell_applicants_of_new_closing(&mut w, &after).await?;
    }
    w.commit().await?;
    Ok(after)
}

async fn tell_applicants_of_new_closing(w: &mut Write<'_>, call: &call::Model) -> AppResult<()> {
    let closes = crate::services::meetings::when(call.closes_at);
    let link = w.link("/applications");
    for to in applications::applicants_of_call(w.tx(), call.id).await? {
        w.mail(&templates::call_closing_moved(
            &to,
            &call.title,
            &closes,
            &link,
        ))
        .await?;
    }
    Ok(())
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
