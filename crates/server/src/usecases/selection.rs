//! Selection (SPEC §2): the panel, conflicts, assignment, reviews, the decision and outcomes.

use std::collections::{HashMap, HashSet};

use convene_domain::access::Viewer;
use convene_domain::account::Role;
use convene_domain::application::ApplicationStatus;
use convene_domain::call::{long_date, CallStatus};
use convene_domain::honorarium::{budget_pence, check_within_budget};
use convene_domain::ids::{ApplicationId, CallId, CriterionId, DomainId, PersonId};
use convene_domain::money::Pence;
use convene_domain::organisation::OrganisationFacts;
use convene_domain::selection as rules;
use convene_store::entities::{
    application, call, decision, domain, organisation, panel_member, person, review,
    review_assignment, review_score,
};
use convene_store::repo::{
    applications as apps, calls, domains, honoraria, organisations, people, selection as repo,
};
use uuid::Uuid;

use super::{AppError, AppResult, Write};
use crate::ids;
use crate::mail::templates;
use crate::notify::Kind;
use crate::services::outcomes::Pending;
use crate::services::selection::{CallSelection, Conflict};
use crate::state::AppState;

// ---------------------------------------------------------------- loading

async fn lock_call(w: &Write<'_>, call: CallId) -> AppResult<call::Model> {
    calls::lock(w.tx(), call.0)
        .await?
        .ok_or_else(|| AppError::field("callId", "There is no such call"))
}

/// An application and its call's selection, the call locked for the change.
async fn load_application(
    w: &Write<'_>,
    id: ApplicationId,
) -> AppResult<(application::Model, CallSelection)> {
    let app = apps::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("applicationId", "There is no such application"))?;
    let sel = CallSelection::load_for_change(w.tx(), app.call_id).await?;
    Ok((app, sel))
}

fn is_submitted(a: &application::Model) -> bool {
    apps::status(a) == ApplicationStatus::Submitted
}

/// Reviewing starts: the call moves into review, in the audit trail.
async fn start_review(w: &mut Write<'_>, call: &call::Model) -> AppResult<call::Model> {
    let after = calls::set_status(w.tx(), call.clone(), CallStatus::InReview, w.now()).await?;
    w.audit_changed("Call", call.id, "start_review", call, &after);
    Ok(after)
}

/// Tell a reviewer they have `n` new applications to review.
async fn notify_assigned(
    w: &mut Write<'_>,
    reviewer: Uuid,
    n: usize,
    call: &call::Model,
) -> AppResult<()> {
    let title = format!(
        "{n} application{} to review in {}",
        if n == 1 { "" } else { "s" },
        call.title
    );
    let link = format!("/calls/{}/reviews", ids::encode(CallId(call.id)));
    w.notify(reviewer, Kind::ReviewAssigned, &title, &link)
        .await?;
    Ok(())
}

// ---------------------------------------------------------------- the panel

pub struct AddPanelMember {
    pub call: CallId,
    pub person: PersonId,
    /// Make this member the chair (standing down any other).
    pub chair: bool,
}

pub struct PanelChanged {
    pub member: panel_member::Model,
    pub call: call::Model,
}

/// Add someone to a call's panel until the decision; they are given the PANEL role (a grant
/// in their own audit trail).
pub async fn add_panel_member(
    st: &AppState,
    by: &Viewer,
    cmd: AddPanelMember,
) -> AppResult<PanelChanged> {
    let mut w = Write::by(st, by).await?;
    let call = lock_call(&w, cmd.call).await?;
    rules::check_panel_changeable(calls::status(&call))?;
    let pid = cmd.person.0;
    people::get(w.tx(), pid)
        .await?
        .ok_or_else(|| AppError::field("personId", "There is no such person"))?;
    let member = repo::upsert_member(w.tx(), call.id, pid, cmd.chair, by.person.0, w.now()).await?;
    let roles_before = role_names(&w, pid).await?;
    if people::grant_role(w.tx(), pid, Role::Panel, Some(by.person.0), w.now()).await? {
        let roles_after = role_names(&w, pid).await?;
        w.audit_changed("Person", pid, "grant_role", &roles_before, &roles_after);
    }
    w.audit_created("Call", call.id, "add_panel_member", &member);
    w.commit().await?;
    Ok(PanelChanged { member, call })
}

async fn role_names(w: &Write<'_>, person: Uuid) -> AppResult<Vec<&'static str>> {
    let roles = people::roles_of(w.tx(), &[person]).await?.remove(&person);
    Ok(roles
        .unwrap_or_default()
        .iter()
        .map(|r| r.as_str())
        .collect())
}

/// Take someone off a call's panel, with their open assignments: not the chair, nor anyone
/// who has reviewed.
pub async fn remove_panel_member(
    st: &AppState,
    by: &Viewer,
    call: CallId,
    person: PersonId,
) -> AppResult<call::Model> {
    let mut w = Write::by(st, by).await?;
    let sel = CallSelection::load_for_change(w.tx(), call.0).await?;
    let pid = person.0;
    rules::check_member_removable(
        sel.member(pid).is_some(),
        sel.is_chair(pid),
        sel.reviews.iter().any(|(r, _)| r.reviewer_id == pid),
    )?;
    for a in sel.assignments.iter().filter(|a| a.reviewer_id == pid) {
        repo::unassign(w.tx(), a.application_id, pid).await?;
    }
    repo::remove_member(w.tx(), call.0, pid).await?;
    let gone = serde_json::json!({ "personId": pid });
    w.audit_removed("Call", call.0, "remove_panel_member", &gone);
    w.commit().await?;
    Ok(sel.call)
}

/// A panel member declares a conflict on one of the call's applications: they are taken off
/// its review and left out of its decision.
pub async fn declare_conflict(
    st: &AppState,
    member: &Viewer,
    application: ApplicationId,
    reason: String,
) -> AppResult<Conflict> {
    let mut w = Write::by(st, member).await?;
    let (app, sel) = load_application(&w, application).await?;
    let (aid, me) = (application.0, member.person.0);
    rules::check_can_declare_conflict(sel.member(me).is_some())?;
    let declared = repo::declare_conflict(w.tx(), app.call_id, aid, me, &reason, w.now()).await?;
    repo::unassign(w.tx(), aid, me).await?;
    w.audit_created("Application", aid, "declare_conflict", &declared);
    w.commit().await?;
    Ok(Conflict {
        application: aid,
        person: me,
        reason,
        declared: true,
    })
}

// ---------------------------------------------------------------- assignments

/// An assignment, and whether its review is in.
pub struct Assignment {
    pub model: review_assignment::Model,
    pub submitted: bool,
}

pub struct Assigned {
    /// Every assignment of the call, the new ones included.
    pub assignments: Vec<Assignment>,
    pub call: call::Model,
}

/// Give every submitted application the call's number of reviewers, never a conflicted one,
/// balancing the load; all or nothing. Moves the call into review.
pub async fn assign_reviewers(st: &AppState, by: &Viewer, call: CallId) -> AppResult<Assigned> {
    let mut w = Write::by(st, by).await?;
    let cid = call.0;
    let sel = CallSelection::load_for_change(w.tx(), cid).await?;
    rules::check_assignable(status_now(&sel, &w))?;
    let submitted: Vec<ApplicationId> = sel
        .apps
        .iter()
        .filter(|a| is_submitted(a))
        .map(|a| ApplicationId(a.id))
        .collect();
    let panel: Vec<PersonId> = sel.panel.iter().map(|m| PersonId(m.person_id)).collect();
    let existing: Vec<(ApplicationId, PersonId)> = sel
        .assignments
        .iter()
        .map(|a| (ApplicationId(a.application_id), PersonId(a.reviewer_id)))
        .collect();
    let per = sel.call.reviewers_per_application.max(1) as usize;
    let conflicted = sel.conflicted_pairs();
    let new = match rules::assign(&submitted, &panel, per, &conflicted, &existing) {
        Ok(n) => n,
        Err(lacking) => return Err(lacking_reviewers(&w, &sel, per, &lacking).await?.into()),
    };
    let pairs: Vec<(Uuid, Uuid)> = new.iter().map(|(a, p)| (a.0, p.0)).collect();
    repo::assign(w.tx(), cid, &pairs, false, by.person.0, w.now()).await?;
    let mut per_reviewer: HashMap<Uuid, usize> = HashMap::new();
    for (_, r) in &pairs {
        *per_reviewer.entry(*r).or_default() += 1;
    }
    for (reviewer, n) in per_reviewer {
        notify_assigned(&mut w, reviewer, n, &sel.call).await?;
    }
    let call = if calls::status(&sel.call) != CallStatus::InReview {
        start_review(&mut w, &sel.call).await?
    } else {
        sel.call.clone()
    };
    let assigned = serde_json::json!({ "assigned": pairs.len() });
    w.audit_created("Call", cid, "assign_reviewers", &assigned);
    let sel = CallSelection::load_for_change(w.tx(), cid).await?;
    w.commit().await?;
    let assignments = sel
        .assignments
        .iter()
        .map(|a| Assignment {
            submitted: sel.review_of(a.application_id, a.reviewer_id).is_some(),
            model: a.clone(),
        })
        .collect();
    Ok(Assigned { assignments, call })
}

/// The applications that cannot get enough reviewers, named by domain and lead.
async fn lacking_reviewers(
    w: &Write<'_>,
    sel: &CallSelection,
    per: usize,
    lacking: &[(ApplicationId, usize)],
) -> AppResult<convene_domain::DomainError> {
    let found: Vec<&application::Model> = lacking
        .iter()
        .filter_map(|(a, _)| sel.application(a.0).map(|a| &**a))
        .collect();
    let lead_ids: Vec<Uuid> = found.iter().map(|a| a.lead_id).collect();
    let domain_ids: Vec<Uuid> = found.iter().map(|a| a.domain_id).collect();
    let leads = convene_store::by_ids::<person::Entity>(w.tx(), &lead_ids).await?;
    let doms = convene_store::by_ids::<domain::Entity>(w.tx(), &domain_ids).await?;
    let named: Vec<rules::Lacking> = lacking
        .iter()
        .filter_map(|(a, n)| {
            let app = sel.application(a.0)?;
            let lead = leads.iter().find(|p| p.id == app.lead_id);
            let domain = doms.iter().find(|d| d.id == app.domain_id);
            Some(rules::Lacking {
                domain: domain.map_or("?", |d| d.name.as_str()).to_string(),
                lead: lead.map_or("?", |p| p.name.as_str()).to_string(),
                more_needed: *n,
            })
        })
        .collect();
    Ok(rules::lacking_reviewers(per, &named))
}

/// Assign a reviewer by hand: a member of the panel, unconflicted, to a submitted application.
/// Reviewing starts with the first assignment, by hand or not.
pub async fn add_review_assignment(
    st: &AppState,
    by: &Viewer,
    application: ApplicationId,
    reviewer: PersonId,
) -> AppResult<review_assignment::Model> {
    let mut w = Write::by(st, by).await?;
    let (app, sel) = load_application(&w, application).await?;
    rules::check_assignable(status_now(&sel, &w))?;
    let (aid, rid) = (application.0, reviewer.0);
    rules::check_assignment(
        apps::status(&app),
        sel.member(rid).is_some(),
        sel.conflict(aid, rid).is_some(),
    )?;
    let made = repo::assign(
        w.tx(),
        app.call_id,
        &[(aid, rid)],
        true,
        by.person.0,
        w.now(),
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(|| AppError::internal("the new assignment was not returned"))?;
    notify_assigned(&mut w, rid, 1, &sel.call).await?;
    if calls::status(&sel.call) == CallStatus::Closed {
        start_review(&mut w, &sel.call).await?;
    }
    w.audit_created("Application", aid, "add_review_assignment", &made);
    w.commit().await?;
    Ok(made)
}

/// Remove an assignment whose review is not in yet.
pub async fn remove_review_assignment(
    st: &AppState,
    by: &Viewer,
    application: ApplicationId,
    reviewer: PersonId,
) -> AppResult<()> {
    let mut w = Write::by(st, by).await?;
    let (_, sel) = load_application(&w, application).await?;
    rules::check_assignable(status_now(&sel, &w))?;
    let (aid, rid) = (application.0, reviewer.0);
    rules::check_unassignable(sel.is_assigned(aid, rid), sel.review_of(aid, rid).is_some())?;
    repo::unassign(w.tx(), aid, rid).await?;
    let gone = serde_json::json!({ "reviewerId": rid });
    w.audit_removed("Application", aid, "remove_review_assignment", &gone);
    w.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- reviews

/// A reviewer's scores of an application: each criterion 1–5 with a comment.
pub struct SubmitReview {
    pub application: ApplicationId,
    pub scores: Vec<(CriterionId, i32, String)>,
}

pub struct Reviewed {
    pub review: review::Model,
    pub scores: Vec<review_score::Model>,
    pub weighted: Option<f64>,
}

/// Score an application you are assigned to; you can change your review until the decision.
pub async fn submit_review(
    st: &AppState,
    reviewer: &Viewer,
    cmd: SubmitReview,
) -> AppResult<Reviewed> {
    let mut w = Write::by(st, reviewer).await?;
    let (app, sel) = load_application(&w, cmd.application).await?;
    let (aid, me) = (cmd.application.0, reviewer.person.0);
    rules::check_can_review(
        status_now(&sel, &w),
        sel.is_assigned(aid, me),
        sel.conflict(aid, me).is_some(),
    )?;
    rules::check_reviewable_application(apps::status(&app))?;
    let rubric: Vec<CriterionId> = sel.criteria.iter().map(|c| CriterionId(c.id)).collect();
    let given: Vec<(CriterionId, i32, &str)> = cmd
        .scores
        .iter()
        .map(|(c, s, t)| (*c, *s, t.as_str()))
        .collect();
    let rows: Vec<(Uuid, i32, String)> = rules::check_review(&rubric, &given)?
        .into_iter()
        .map(|(c, s, t)| (c.0, s.get() as i32, t))
        .collect();
    let before = sel.review_of(aid, me).map(|(_, s)| {
        s.iter()
            .map(|x| (x.criterion_id, x.score, x.comment.clone()))
            .collect::<Vec<_>>()
    });
    let review = repo::save_review(w.tx(), app.call_id, aid, me, &rows, w.now()).await?;
    let action = if before.is_some() {
        "update_review"
    } else {
        "submit_review"
    };
    w.audit("Application", aid, action, before.as_ref(), Some(&rows));
    let saved = repo::reviews_of_applications(w.tx(), &[aid])
        .await?
        .remove(&aid)
        .unwrap_or_default();
    w.commit().await?;
    let (review, scores) = saved
        .into_iter()
        .find(|(r, _)| r.id == review.id)
        .ok_or_else(|| AppError::internal("saved review missing"))?;
    let weighted = weighted_score(&sel, &scores);
    Ok(Reviewed {
        review,
        scores,
        weighted,
    })
}

/// A review's weighted score against the call's rubric.
fn weighted_score(sel: &CallSelection, scores: &[review_score::Model]) -> Option<f64> {
    let weights: HashMap<Uuid, u32> = sel
        .criteria
        .iter()
        .map(|c| (c.id, c.weight as u32))
        .collect();
    let ws: Vec<(u32, rules::Score)> = scores
        .iter()
        .filter_map(|s| {
            Some((
                *weights.get(&s.criterion_id)?,
                rules::Score::parse("s", s.score).ok()?,
            ))
        })
        .collect();
    rules::weighted(&ws)
}

/// Each reviewer's assignments still to review, of applications still in the running.
pub(crate) fn outstanding_reviews(sel: &CallSelection) -> HashMap<Uuid, Vec<Uuid>> {
    let mut outstanding: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for a in &sel.assignments {
        let running = sel
            .application(a.application_id)
            .is_some_and(|a| is_submitted(a));
        if running && sel.review_of(a.application_id, a.reviewer_id).is_none() {
            outstanding.entry(a.reviewer_id).or_default().push(a.id);
        }
    }
    outstanding
}

/// E-mail every reviewer who has reviews of applications still in the running outstanding;
/// answers how many were reminded.
pub async fn send_review_reminders(st: &AppState, by: &Viewer, call: CallId) -> AppResult<usize> {
    let mut w = Write::by(st, by).await?;
    let sel = CallSelection::load_for_change(w.tx(), call.0).await?;
    let outstanding = outstanding_reviews(&sel);
    let reviewers: Vec<Uuid> = outstanding.keys().copied().collect();
    let found = convene_store::by_ids::<person::Entity>(w.tx(), &reviewers).await?;
    for p in &found {
        let open = &outstanding[&p.id];
        let link = w.link("/reviews");
        w.mail(&templates::review_reminder(
            &p.email,
            &sel.call.title,
            open.len(),
            &link,
        ))
        .await?;
        repo::mark_reminded(w.tx(), open, w.now()).await?;
    }
    let reminded = serde_json::json!({ "reminded": found.len() });
    w.audit_created("Call", call.0, "send_review_reminders", &reminded);
    w.commit().await?;
    Ok(found.len())
}

/// The chair's decision on a call.
pub struct RecordDecision {
    pub call: CallId,
    pub funded: Vec<ApplicationId>,
    pub rationale: String,
}

pub struct Decided {
    pub decision: decision::Model,
    pub call: call::Model,
}

fn status_now(sel: &CallSelection, w: &Write<'_>) -> CallStatus {
    calls::window(&sel.call).status_at(w.now())
}

/// Record the chair's decision: checked against the places and one per domain, made once, by
/// an unconflicted chair. Every submitted application becomes FUNDED or NOT_FUNDED, funded
/// ones get their honorarium shares proposed within the budget, and the call is DECIDED.
pub async fn record_decision(
    st: &AppState,
    chair: &Viewer,
    cmd: RecordDecision,
) -> AppResult<Decided> {
    let mut w = Write::by(st, chair).await?;
    let cid = cmd.call.0;
    let sel = CallSelection::load_for_change(w.tx(), cid).await?;
    let existing = repo::decision(w.tx(), cid).await?;
    rules::check_can_decide(
        status_now(&sel, &w),
        sel.is_chair(chair.person.0),
        existing.is_some(),
    )?;
    let submitted: HashMap<ApplicationId, DomainId> = sel
        .apps
        .iter()
        .filter(|a| apps::status(a) == ApplicationStatus::Submitted)
        .map(|a| (ApplicationId(a.id), DomainId(a.domain_id)))
        .collect();
    let rationale = rules::check_decision(
        &cmd.funded,
        &submitted,
        sel.call.funded_places.max(0) as usize,
        &cmd.rationale,
    )?;
    let chair_conflicts: HashSet<ApplicationId> = cmd
        .funded
        .iter()
        .copied()
        .filter(|a| sel.conflict(a.0, chair.person.0).is_some())
        .collect();
    rules::check_chair_unconflicted(&cmd.funded, &chair_conflicts)?;
    let funded: Vec<Uuid> = cmd.funded.iter().map(|a| a.0).collect();
    let decision =
        repo::record_decision(w.tx(), cid, chair.person.0, &rationale, &funded, w.now()).await?;
    settle_applications(&mut w, &sel, &funded).await?;
    let before = sel.call.clone();
    let call = calls::set_status(w.tx(), sel.call.clone(), CallStatus::Decided, w.now()).await?;
    w.audit_changed("Call", cid, "decide", &before, &call);
    let data = serde_json::json!({
        "callId": ids::encode(cmd.call),
        "callTitle": call.title,
        "fundedApplicationIds": cmd.funded.iter().map(|a| ids::encode(*a)).collect::<Vec<_>>(),
        "decidedAt": w.now(),
    });
    w.webhook("selection.decided", data).await?;
    w.commit().await?;
    Ok(Decided { decision, call })
}

/// Turn every submitted application into FUNDED or NOT_FUNDED, proposing the funded ones'
/// honorarium shares without passing the call's budget.
async fn settle_applications(
    w: &mut Write<'_>,
    sel: &CallSelection,
    funded: &[Uuid],
) -> AppResult<()> {
    let org_ids: Vec<Uuid> = sel
        .parts
        .values()
        .flatten()
        .filter_map(|p| p.organisation_id)
        .collect();
    let orgs: HashMap<Uuid, OrganisationFacts> =
        convene_store::by_ids::<organisation::Entity>(w.tx(), &org_ids)
            .await?
            .iter()
            .map(|o| (o.id, organisations::facts(o)))
            .collect();
    let budget = Pence::parse(
        "budget",
        budget_pence(sel.call.honorarium_pence, sel.call.funded_places),
    )?;
    let mut committed = Pence::zero();
    let submitted = sel
        .apps
        .iter()
        .filter(|a| apps::status(a) == ApplicationStatus::Submitted);
    for a in submitted {
        let to = if funded.contains(&a.id) {
            ApplicationStatus::Funded
        } else {
            ApplicationStatus::NotFunded
        };
        let after = apps::set_status(w.tx(), (**a).clone(), to, w.now()).await?;
        w.audit_changed("Application", a.id, "decide", &**a, &after);
        if to != ApplicationStatus::Funded {
            continue;
        }
        let shares = crate::services::honoraria::shares_for(
            &sel.call,
            sel.parts.get(&a.id).map(Vec::as_slice).unwrap_or(&[]),
            &orgs,
        );
        let total = Pence::parse("total", shares.iter().map(|(s, _)| s.amount.get()).sum())?;
        check_within_budget(committed, total, budget)?;
        committed = Pence::parse("committed", committed.get() + total.get())?;
        let made = honoraria::create_shares(w.tx(), sel.call.id, a.id, &shares, w.now()).await?;
        for s in &made {
            w.audit_created("HonorariumShare", s.id, "propose", s);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- outcomes

pub struct OutcomesSent {
    /// How many people were told now.
    pub told: usize,
    pub call: call::Model,
}

/// Tell every lead and accepted co-lead of a decided application their outcome by e-mail, once
/// each, with a notification for those who have an account.
pub async fn send_outcomes(st: &AppState, by: &Viewer, call: CallId) -> AppResult<OutcomesSent> {
    let mut w = Write::by(st, by).await?;
    let c = lock_call(&w, call).await?;
    rules::check_outcomes_sendable(calls::status(&c))?;
    let pending = crate::services::outcomes::pending(w.tx(), call.0).await?;
    let mut domain_names: HashMap<Uuid, String> = HashMap::new();
    for p in &pending {
        let d = p.application.domain_id;
        if !domain_names.contains_key(&d) {
            let name = domains::get(w.tx(), d).await?.map(|x| x.name);
            domain_names.insert(d, name.unwrap_or_default());
        }
        tell_outcome(&mut w, &c, p, &domain_names[&d]).await?;
    }
    let told = serde_json::json!({
        "told": pending.len(),
        "decisionDueOn": long_date(c.decision_due_on),
    });
    w.audit_created("Call", call.0, "send_outcomes", &told);
    if !pending.is_empty() {
        let mut told: Vec<String> = pending
            .iter()
            .map(|p| ids::encode(ApplicationId(p.application.id)))
            .collect();
        told.sort();
        told.dedup();
        let data = serde_json::json!({
            "callId": ids::encode(call),
            "callTitle": c.title,
            "applicationIds": told,
            "told": pending.len(),
            "sentAt": w.now(),
        });
        w.webhook("outcome.sent", data).await?;
    }
    w.commit().await?;
    Ok(OutcomesSent {
        told: pending.len(),
        call: c,
    })
}

/// One person's outcome: the mail, a notification if they have an account, and the notice
/// that they have been told.
async fn tell_outcome(
    w: &mut Write<'_>,
    call: &call::Model,
    p: &Pending,
    domain: &str,
) -> AppResult<()> {
    let path = format!(
        "/applications/{}",
        ids::encode(ApplicationId(p.application.id))
    );
    let link = w.link(&path);
    let to = &p.participant.email;
    let mail = if p.outcome == ApplicationStatus::Funded {
        let honorarium = Pence::parse("h", call.honorarium_pence)
            .map(|x| x.to_string())
            .unwrap_or_default();
        templates::outcome_funded(to, &call.title, domain, &honorarium, &link)
    } else {
        templates::outcome_not_funded(to, &call.title, domain, &link)
    };
    w.mail(&mail).await?;
    if let Some(person) = p.participant.person_id {
        let title = format!("The outcome of your application in {domain} is ready");
        w.notify(person, Kind::OutcomeSent, &title, &path).await?;
    }
    repo::record_notice(
        w.tx(),
        call.id,
        p.application.id,
        p.participant.person_id,
        to,
        p.outcome.as_str(),
        w.now(),
    )
    .await?;
    Ok(())
}
