//! Applications (SPEC §1, FAQ 3–9): drafts, co-leads, submission, withdrawal.

use std::collections::HashMap;

use convene_domain::access::{check_can_edit_application, check_is_lead, Viewer};
use convene_domain::account::Email;
use convene_domain::application::{self as rules, Answers, ApplicationStatus, Participant};
use convene_domain::call::{check_open_to_applicants, long_date};
use convene_domain::catalogue::check_open_for_applications;
use convene_domain::identity as id_rules;
use convene_domain::ids::{ApplicationId, CallId, DomainId, OrganisationId};
use convene_domain::organisation::OrganisationFacts;
use convene_domain::{DomainError, ErrorCode, Fields};
use convene_store::by_ids;
use convene_store::entities::{application, call, organisation, participant, person};
use convene_store::repo::{applications as apps, calls, domains, organisations, people, questions};
use convene_store::sea_orm::DatabaseTransaction;

use super::{AppError, AppResult, Write};
use crate::ids;
use crate::mail::templates;
use crate::notify::Kind;
use crate::state::AppState;

/// New answers by question key; a question left out keeps its answer, an empty one clears it.
pub type AnswerPatch = Vec<(String, String)>;

/// An identifier as the input gave it: decoded, or the reason it could not be, which is
/// reported together with every other problem of the form.
pub type Given<T> = Result<T, DomainError>;

pub struct StartApplication {
    pub call: Given<CallId>,
    pub domain: Given<DomainId>,
    pub sponsor: Option<Given<OrganisationId>>,
    pub answers: AnswerPatch,
}

/// A co-lead of an application, named by e-mail (they may not have an account yet).
pub struct CoLead {
    pub application: ApplicationId,
    pub email: Email,
}

pub struct UpdateApplication {
    pub application: ApplicationId,
    /// Move the draft to another domain.
    pub domain: Option<Given<DomainId>>,
    pub sponsor: Option<Given<OrganisationId>>,
    /// Remove the sponsoring organisation.
    pub clear_sponsor: bool,
    pub answers: AnswerPatch,
}

/// What a change to an application answers: the application as it is now.
pub type Applied = AppResult<application::Model>;

/// Start a draft in an open call, once per person, call and domain (FAQ 3). Answers may be
/// left empty until submission.
pub async fn start_application(st: &AppState, v: &Viewer, cmd: StartApplication) -> Applied {
    let mut w = Write::by(st, v).await?;
    let mut f = Fields::new();
    let call = f.take(cmd.call);
    let domain = f.take(cmd.domain);
    let found = match call {
        Some(id) => calls::get(w.tx(), id.0).await?,
        None => None,
    };
    if call.is_some() {
        let window = found.as_ref().map(calls::window);
        f.take(check_open_to_applicants(window.as_ref(), w.now()));
    }
    // answers are checked against the call's questions, or for their length alone when the
    // call is not known
    let text = match &found {
        Some(c) => {
            let questions = questions::of_call(w.tx(), c.id).await?;
            f.take(Answers::default().patched(&questions, &cmd.answers))
        }
        None => f
            .take(Answers::check_lengths(&cmd.answers))
            .map(|_| Answers::default()),
    };
    if let Some(id) = domain {
        open_domain(w.tx(), id, &mut f).await?;
    }
    let sponsor = match cmd.sponsor {
        Some(s) => sponsor(w.tx(), s, &mut f).await?,
        None => None,
    };
    f.finish()?;
    let (Some(call), Some(domain), Some(text)) = (call, domain, text) else {
        return Err(AppError::internal("a checked start lost a value"));
    };
    rules::check_one_per_call_and_domain(
        apps::holds(w.tx(), v.person.0, call.0, domain.0).await?,
        "domainId",
        "You are",
    )?;
    let me = signed_in(w.tx(), v).await?;
    let new = apps::NewApplication {
        call_id: call.0,
        domain_id: domain.0,
        lead_id: me.id,
        lead_email: &me.email,
        lead_organisation_id: me.organisation_id,
        sponsor_organisation_id: sponsor.map(|o| o.0),
        answers: &text,
    };
    let app = apps::create(w.tx(), new, w.now()).await?;
    w.audit_created("Application", app.id, "start", &app);
    w.commit().await?;
    Ok(app)
}

/// Save a draft: any answers given replace the old ones; others stay as they were.
pub async fn update_application(st: &AppState, v: &Viewer, cmd: UpdateApplication) -> Applied {
    let mut w = Write::by(st, v).await?;
    let l = load(w.tx(), cmd.application).await?;
    check_can_edit_application(v, &l.rule)?;
    rules::check_editable(apps::status(&l.app))?;
    let mut f = Fields::new();
    let questions = questions::of_call(w.tx(), l.app.call_id).await?;
    let text = f.take(apps::answers(&l.app)?.patched(&questions, &cmd.answers));
    let mut domain = None;
    if let Some(id) = cmd.domain.and_then(|d| f.take(d)) {
        domain = open_domain(w.tx(), id, &mut f).await?;
    }
    f.take(rules::check_sponsor_choice(
        cmd.clear_sponsor,
        cmd.sponsor.is_some(),
    ));
    let sponsor = match cmd.sponsor {
        _ if cmd.clear_sponsor => Some(None),
        Some(s) => sponsor(w.tx(), s, &mut f).await?.map(|o| Some(o.0)),
        None => None,
    };
    f.finish()?;
    let text = text.ok_or_else(|| AppError::internal("a checked update lost its text"))?;
    let domain = domain.map(|d| d.0);
    let after = apps::update(w.tx(), l.app.clone(), &text, domain, sponsor, w.now()).await?;
    w.audit_changed("Application", l.app.id, "update", &l.app, &after);
    w.commit().await?;
    Ok(after)
}

/// Invite a co-lead by e-mail (the lead only); they may not have an account yet.
///
/// Whether the invitee already applied in this call and domain is not said here (that would
/// tell the lead about someone else's application): the invitee learns it when answering.
pub async fn invite_co_lead(st: &AppState, v: &Viewer, cmd: CoLead) -> Applied {
    id_rules::require_verified(v, "invite a co-lead")?;
    let (id, email) = (cmd.application, cmd.email);
    let (mut w, l) = begin_as_lead(st, v, id).await?;
    rules::check_invitable(apps::status(&l.app), &l.rule, &email)?;
    super::identity::check_invitation_quota(&w, v, None).await?;
    let invitee = people::find_by_email(w.tx(), email.as_str()).await?;
    let position = l.parts.iter().map(|p| p.position).max().unwrap_or(0) + 1;
    let invited = apps::invite(
        w.tx(),
        &l.app,
        email.as_str(),
        v.person.0,
        position,
        w.now(),
    )
    .await?;
    let lead = people::get(w.tx(), v.person.0)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let call = calls::get(w.tx(), l.app.call_id)
        .await?
        .map(|c| c.title)
        .unwrap_or_default();
    let domain = domain_name(w.tx(), &l.app).await?;
    let path = format!("{}/co-lead", app_path(id));
    let m = templates::co_lead_invitation(email.as_str(), &lead, &call, &domain, &w.link(&path));
    super::identity::invitation_mail(&mut w, m).await?;
    // Only someone who has proven the address hears of it in the product.
    if let Some(p) = invitee.filter(|p| p.email_verified_at.is_some()) {
        let title = format!("{lead} invites you to co-lead an application in {domain}");
        w.notify(p.id, Kind::CoLeadInvitation, &title, &path)
            .await?;
    }
    w.audit_created("Application", id.0, "invite_co_lead", &invited);
    w.commit().await?;
    Ok(l.app)
}

/// Withdraw an invitation or remove a co-lead from a draft (the lead only).
pub async fn remove_co_lead(st: &AppState, v: &Viewer, cmd: CoLead) -> Applied {
    let (mut w, l) = begin_as_lead(st, v, cmd.application).await?;
    rules::check_editable(apps::status(&l.app))?;
    let p = l.parts[rules::co_lead_at(&l.rule, &cmd.email)?].clone();
    apps::remove_participant(w.tx(), p.clone()).await?;
    w.audit_removed("Application", l.app.id, "remove_co_lead", &p);
    w.commit().await?;
    Ok(l.app)
}

/// Submit (the lead only): the call must be open, every answer given, every co-lead agreed,
/// and an industry or third-sector applicant must have an NHS member co-lead (FAQ 7). The
/// text is frozen from then on; the people on it are told, and the webhooks.
pub async fn submit_application(st: &AppState, v: &Viewer, id: ApplicationId) -> Applied {
    id_rules::require_verified(v, "submit an application")?;
    let (mut w, l) = begin_as_lead(st, v, id).await?;
    let call = call_of(&w, &l.app).await?;
    let (app, now) = (&l.app, w.now());
    let questions = questions::of_call(w.tx(), call.id).await?;
    rules::check_submittable(
        apps::status(app),
        &questions,
        &apps::answers(app)?,
        &l.rule,
        &calls::window(&call),
        now,
    )?;
    let after = apps::set_status(w.tx(), app.clone(), ApplicationStatus::Submitted, now).await?;
    w.audit_changed("Application", id.0, "submit", app, &after);
    let domain = domain_name(w.tx(), app).await?;
    let (due, link) = (long_date(call.decision_due_on), w.link(&app_path(id)));
    let agreed = l.parts.iter().filter(|p| {
        p.person_id.is_some() && apps::co_lead_state(p) == rules::CoLeadState::Accepted
    });
    for p in agreed {
        let m = templates::application_submitted(&p.email, &call.title, &domain, &due, &link);
        w.mail(&m).await?;
    }
    let data = serde_json::json!({
        "applicationId": ids::encode(id),
        "callId": ids::encode(CallId(call.id)),
        "callTitle": call.title,
        "domainId": ids::encode(DomainId(app.domain_id)),
        "domainName": domain,
        "submittedAt": now,
    });
    w.webhook("application.submitted", data).await?;
    w.commit().await?;
    Ok(after)
}

/// Withdraw (the lead only), any time until the decision.
pub async fn withdraw_application(st: &AppState, v: &Viewer, id: ApplicationId) -> Applied {
    let (mut w, l) = begin_as_lead(st, v, id).await?;
    let call = call_of(&w, &l.app).await?;
    let now = w.now();
    rules::check_withdrawable(apps::status(&l.app), calls::window(&call).status_at(now))?;
    let after = apps::set_status(w.tx(), l.app.clone(), ApplicationStatus::Withdrawn, now).await?;
    w.audit_changed("Application", id.0, "withdraw", &l.app, &after);
    w.commit().await?;
    Ok(after)
}

/// An invitee's answer to an invitation to co-lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoLeadAnswer {
    /// Agree to co-lead (FAQ 4): they then hold the call and domain as the lead does.
    Accept,
    Decline,
}

/// Accept or decline an invitation to co-lead; the lead is told by mail.
pub async fn answer_co_lead(
    st: &AppState,
    v: &Viewer,
    id: ApplicationId,
    answer: CoLeadAnswer,
) -> Applied {
    let accept = answer == CoLeadAnswer::Accept;
    id_rules::require_verified(v, "answer an invitation to co-lead")?;
    let mut w = Write::by(st, v).await?;
    let l = load(w.tx(), id).await?;
    let at = l.rule.iter().position(|p| !p.is_lead && p.email == v.email);
    rules::check_answerable(apps::status(&l.app), at.map(|i| &l.rule[i]))?;
    let mine = at
        .map(|i| l.parts[i].clone())
        .ok_or_else(|| AppError::internal("an answerable invitation went missing"))?;
    let me = signed_in(w.tx(), v).await?;
    if accept {
        rules::check_one_per_call_and_domain(
            apps::holds(w.tx(), me.id, l.app.call_id, l.app.domain_id).await?,
            "applicationId",
            "You are",
        )?;
    }
    let org = me.organisation_id;
    let after = apps::answer(w.tx(), mine.clone(), me.id, org, accept, w.now()).await?;
    let action = if accept {
        "accept_co_lead"
    } else {
        "decline_co_lead"
    };
    w.audit_changed("Application", id.0, action, &mine, &after);
    if let Some(lead) = l.parts.iter().find(|p| p.is_lead) {
        let domain = domain_name(w.tx(), &l.app).await?;
        let link = w.link(&app_path(id));
        let m = templates::co_lead_answered(&lead.email, &me.name, accept, &domain, &link);
        w.mail(&m).await?;
    }
    w.commit().await?;
    Ok(l.app)
}

/// An application as a change sees it, locked inside the change's transaction, with its
/// participants as rows and as the rules see them (in the same order).
struct Loaded {
    app: application::Model,
    parts: Vec<participant::Model>,
    rule: Vec<Participant>,
}

async fn load(tx: &DatabaseTransaction, id: ApplicationId) -> AppResult<Loaded> {
    let app = apps::lock(tx, id.0)
        .await?
        .ok_or_else(|| AppError::field("applicationId", "There is no such application"))?;
    let parts = apps::participants_of(tx, &[id.0])
        .await?
        .remove(&id.0)
        .unwrap_or_default();
    let org_ids: Vec<_> = parts.iter().filter_map(|p| p.organisation_id).collect();
    let orgs: HashMap<_, OrganisationFacts> = by_ids::<organisation::Entity>(tx, &org_ids)
        .await?
        .iter()
        .map(|o| (o.id, organisations::facts(o)))
        .collect();
    let rule = apps::as_rule_participants(&parts, &orgs);
    Ok(Loaded { app, parts, rule })
}

/// Begin a change that only the application's lead may make.
async fn begin_as_lead<'s>(
    st: &'s AppState,
    v: &Viewer,
    id: ApplicationId,
) -> AppResult<(Write<'s>, Loaded)> {
    let w = Write::by(st, v).await?;
    let l = load(w.tx(), id).await?;
    check_is_lead(v, &l.rule)?;
    Ok((w, l))
}

async fn call_of(w: &Write<'_>, app: &application::Model) -> AppResult<call::Model> {
    calls::get(w.tx(), app.call_id)
        .await?
        .ok_or_else(|| AppError::internal("call missing"))
}

/// The signed-in person's row (gone if their account was erased meanwhile).
async fn signed_in(tx: &DatabaseTransaction, v: &Viewer) -> AppResult<person::Model> {
    people::get(tx, v.person.0)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated, "Sign in again"))
}

/// A domain applications may name: it exists and is open to them. Problems go to `f`.
async fn open_domain(
    tx: &DatabaseTransaction,
    id: DomainId,
    f: &mut Fields,
) -> AppResult<Option<DomainId>> {
    match domains::get(tx, id.0).await? {
        Some(d) => Ok(f
            .take(check_open_for_applications(domains::status(&d)))
            .map(|_| id)),
        None => {
            f.add(
                "domainId",
                "Choose a domain from the list, or propose a new one",
            );
            Ok(None)
        }
    }
}

/// The sponsoring organisation, if it exists. Problems go to `f`.
async fn sponsor(
    tx: &DatabaseTransaction,
    given: Given<OrganisationId>,
    f: &mut Fields,
) -> AppResult<Option<OrganisationId>> {
    let Some(id) = f.take(given) else {
        return Ok(None);
    };
    if organisations::get(tx, id.0).await?.is_none() {
        f.add(
            "sponsorOrganisationId",
            "Choose the sponsoring organisation from the list",
        );
        return Ok(None);
    }
    Ok(Some(id))
}

async fn domain_name(tx: &DatabaseTransaction, app: &application::Model) -> AppResult<String> {
    Ok(domains::get(tx, app.domain_id)
        .await?
        .map(|d| d.name)
        .unwrap_or_default())
}

fn app_path(id: ApplicationId) -> String {
    format!("/applications/{}", ids::encode(id))
}
