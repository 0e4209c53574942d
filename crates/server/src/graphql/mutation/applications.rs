//! Applications (SPEC §1, FAQ 3–9): start, save as you go, co-leads, submit, withdraw.

use std::collections::HashMap;

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::{
    check_can_edit_application, check_is_lead, require_signed_in, Viewer,
};
use convene_domain::account::Email;
use convene_domain::application::{self as rules, ApplicationStatus, ApplicationText, Participant};
use convene_domain::call::long_date;
use convene_domain::catalogue::check_open_for_applications;
use convene_domain::organisation::OrganisationFacts;
use convene_domain::Fields;
use convene_store::entities::{application, organisation, participant};
use convene_store::repo::{applications as apps, calls, domains, organisations, people};
use convene_store::sea_orm::{ConnectionTrait, DatabaseTransaction};
use convene_store::{begin_write, by_ids};
use uuid::Uuid;

use super::accounts::api_to_domain;
use super::audit;
use crate::graphql::context::{now, state, viewer, AppState};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::application::Application;
use crate::mail::{self, templates};

#[derive(Default)]
pub struct ApplicationMutations;

#[derive(InputObject)]
pub struct StartApplicationInput {
    pub call_id: ID,
    pub domain_id: ID,
    pub sponsor_organisation_id: Option<ID>,
    pub motivation: Option<String>,
    pub domain_sketch: Option<String>,
    pub member_map: Option<String>,
    pub invitation_draft: Option<String>,
    pub first_meeting: Option<String>,
    pub hoped_for_change: Option<String>,
    pub support_wanted: Option<String>,
}
#[derive(SimpleObject)]
pub struct StartApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct UpdateApplicationInput {
    pub application_id: ID,
    /// Move the draft to another domain.
    pub domain_id: Option<ID>,
    pub sponsor_organisation_id: Option<ID>,
    /// Remove the sponsoring organisation.
    #[graphql(default = false)]
    pub clear_sponsor: bool,
    pub motivation: Option<String>,
    pub domain_sketch: Option<String>,
    pub member_map: Option<String>,
    pub invitation_draft: Option<String>,
    pub first_meeting: Option<String>,
    pub hoped_for_change: Option<String>,
    pub support_wanted: Option<String>,
}
#[derive(SimpleObject)]
pub struct UpdateApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct InviteCoLeadInput {
    pub application_id: ID,
    pub email: String,
}
#[derive(SimpleObject)]
pub struct InviteCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct AcceptCoLeadInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct AcceptCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct DeclineCoLeadInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct DeclineCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct RemoveCoLeadInput {
    pub application_id: ID,
    pub email: String,
}
#[derive(SimpleObject)]
pub struct RemoveCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct SubmitApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct SubmitApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct WithdrawApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct WithdrawApplicationPayload {
    pub application: Application,
}

/// An application as a change sees it, read inside the change's transaction.
struct Loaded {
    app: application::Model,
    parts: Vec<participant::Model>,
    rule: Vec<Participant>,
}

async fn load(tx: &DatabaseTransaction, id: Uuid) -> ApiResult<Loaded> {
    let app = apps::lock(tx, id)
        .await?
        .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
    let parts = apps::participants_of(tx, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let org_ids: Vec<Uuid> = parts.iter().filter_map(|p| p.organisation_id).collect();
    let orgs: HashMap<Uuid, OrganisationFacts> = by_ids::<organisation::Entity>(tx, &org_ids)
        .await?
        .iter()
        .map(|o| (o.id, organisations::facts(o)))
        .collect();
    let rule = apps::as_rule_participants(&parts, &orgs);
    Ok(Loaded { app, parts, rule })
}

fn patch(p: [&Option<String>; 7]) -> [Option<&str>; 7] {
    p.map(|x| x.as_deref())
}

fn link(st: &AppState, path: &str) -> String {
    format!("{}{}", st.config.public_url.trim_end_matches('/'), path)
}

fn app_path(id: Uuid) -> String {
    format!("/applications/{}", ids::encode("Application", id).0)
}

async fn sponsor_id(db: &impl ConnectionTrait, id: &ID, f: &mut Fields) -> ApiResult<Option<Uuid>> {
    let Some(uuid) =
        f.take(ids::decode("sponsorOrganisationId", "Organisation", id).map_err(api_to_domain))
    else {
        return Ok(None);
    };
    if organisations::get(db, uuid).await?.is_none() {
        f.add(
            "sponsorOrganisationId",
            "Choose the sponsoring organisation from the list",
        );
        return Ok(None);
    }
    Ok(Some(uuid))
}

fn lead_of(v: &Viewer, l: &Loaded) -> ApiResult<()> {
    Ok(check_is_lead(v, &l.rule)?)
}

async fn finish(st: &AppState, tx: DatabaseTransaction, mailed: bool) -> ApiResult<()> {
    tx.commit().await?;
    if mailed {
        st.outbox_wake.notify_one();
    }
    Ok(())
}

async fn record(
    tx: &DatabaseTransaction,
    v: &Viewer,
    id: Uuid,
    action: &str,
    before: Option<&application::Model>,
    after: &application::Model,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    audit(
        tx,
        Some(v.person.0),
        "Application",
        id,
        action,
        before,
        Some(after),
        now,
    )
    .await
}

#[Object]
impl ApplicationMutations {
    /// Start a draft in an open call. One person may apply in several domains, but only once
    /// in each (FAQ 3). Answers may be left empty until submission.
    async fn start_application(
        &self,
        ctx: &Context<'_>,
        input: StartApplicationInput,
    ) -> ApiResult<StartApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let mut f = Fields::new();
        let call_id = f.take(ids::decode("callId", "Call", &input.call_id).map_err(api_to_domain));
        let domain_id =
            f.take(ids::decode("domainId", "Domain", &input.domain_id).map_err(api_to_domain));
        let text = f.take(ApplicationText::default().patched(&patch([
            &input.motivation,
            &input.domain_sketch,
            &input.member_map,
            &input.invitation_draft,
            &input.first_meeting,
            &input.hoped_for_change,
            &input.support_wanted,
        ])));
        let tx = begin_write(&st.db).await?;
        if let Some(id) = call_id {
            match calls::get(&tx, id).await? {
                Some(c) if calls::status(&c) != convene_domain::call::CallStatus::Draft => {
                    f.take(calls::window(&c).check_accepting(now));
                }
                _ => f.add("callId", "There is no such call"),
            }
        }
        if let Some(id) = domain_id {
            match domains::get(&tx, id).await? {
                Some(d) => {
                    f.take(check_open_for_applications(domains::status(&d)));
                }
                None => f.add(
                    "domainId",
                    "Choose a domain from the list, or propose a new one",
                ),
            }
        }
        let sponsor = match &input.sponsor_organisation_id {
            Some(id) => sponsor_id(&tx, id, &mut f).await?,
            None => None,
        };
        f.finish()?;
        let (call_id, domain_id, text) = (call_id.unwrap(), domain_id.unwrap(), text.unwrap());
        rules::check_one_per_call_and_domain(
            apps::holds(&tx, v.person.0, call_id, domain_id).await?,
            "domainId",
            "You are",
        )?;
        let me = people::get(&tx, v.person.0).await?.ok_or_else(|| {
            ApiError::new(convene_domain::ErrorCode::Unauthenticated, "Sign in again")
        })?;
        let app = apps::create(
            &tx,
            apps::NewApplication {
                call_id,
                domain_id,
                lead_id: me.id,
                lead_email: &me.email,
                lead_organisation_id: me.organisation_id,
                sponsor_organisation_id: sponsor,
                text: &text,
            },
            now,
        )
        .await?;
        record(&tx, v, app.id, "start", None, &app, now).await?;
        finish(st, tx, false).await?;
        Ok(StartApplicationPayload {
            application: Application(app),
        })
    }

    /// Save a draft: any answers given replace the old ones; others stay as they were.
    async fn update_application(
        &self,
        ctx: &Context<'_>,
        input: UpdateApplicationInput,
    ) -> ApiResult<UpdateApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("applicationId", "Application", &input.application_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let l = load(&tx, id).await?;
        check_can_edit_application(v, &l.rule)?;
        rules::check_editable(apps::status(&l.app))?;
        let mut f = Fields::new();
        let text = f.take(apps::text(&l.app).patched(&patch([
            &input.motivation,
            &input.domain_sketch,
            &input.member_map,
            &input.invitation_draft,
            &input.first_meeting,
            &input.hoped_for_change,
            &input.support_wanted,
        ])));
        let mut domain_id = None;
        if let Some(d) = &input.domain_id {
            if let Some(uuid) = f.take(ids::decode("domainId", "Domain", d).map_err(api_to_domain))
            {
                match domains::get(&tx, uuid).await? {
                    Some(dm) => {
                        if f.take(check_open_for_applications(domains::status(&dm)))
                            .is_some()
                        {
                            domain_id = Some(uuid);
                        }
                    }
                    None => f.add(
                        "domainId",
                        "Choose a domain from the list, or propose a new one",
                    ),
                }
            }
        }
        if input.clear_sponsor && input.sponsor_organisation_id.is_some() {
            f.add(
                "clearSponsor",
                "Either choose a sponsoring organisation or clear it, not both",
            );
        }
        let sponsor = if input.clear_sponsor {
            Some(None)
        } else {
            match &input.sponsor_organisation_id {
                Some(s) => sponsor_id(&tx, s, &mut f).await?.map(Some),
                None => None,
            }
        };
        f.finish()?;
        let after =
            apps::update(&tx, l.app.clone(), &text.unwrap(), domain_id, sponsor, now).await?;
        record(&tx, v, id, "update", Some(&l.app), &after, now).await?;
        finish(st, tx, false).await?;
        Ok(UpdateApplicationPayload {
            application: Application(after),
        })
    }

    /// Invite a co-lead by e-mail (the lead only). They may not have an account yet.
    async fn invite_co_lead(
        &self,
        ctx: &Context<'_>,
        input: InviteCoLeadInput,
    ) -> ApiResult<InviteCoLeadPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("applicationId", "Application", &input.application_id)?;
        let email = Email::parse("email", &input.email)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let l = load(&tx, id).await?;
        lead_of(v, &l)?;
        rules::check_invitable(apps::status(&l.app), &l.rule, &email)?;
        if let Some(p) = people::find_by_email(&tx, email.as_str()).await? {
            rules::check_one_per_call_and_domain(
                apps::holds(&tx, p.id, l.app.call_id, l.app.domain_id).await?,
                "email",
                "This person is",
            )?;
        }
        let position = l.parts.iter().map(|p| p.position).max().unwrap_or(0) + 1;
        let invited = apps::invite(&tx, &l.app, email.as_str(), v.person.0, position, now).await?;
        let lead = people::get(&tx, v.person.0)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        let call = calls::get(&tx, l.app.call_id)
            .await?
            .map(|c| c.title)
            .unwrap_or_default();
        let domain = domains::get(&tx, l.app.domain_id)
            .await?
            .map(|d| d.name)
            .unwrap_or_default();
        let m = templates::co_lead_invitation(
            email.as_str(),
            &lead,
            &call,
            &domain,
            &link(st, &format!("{}/co-lead", app_path(id))),
        );
        mail::enqueue(&tx, &m, now).await?;
        if let Some(p) = people::find_by_email(&tx, email.as_str()).await? {
            crate::notify::add(
                &tx,
                p.id,
                crate::notify::Kind::CoLeadInvitation,
                &format!("{lead} invites you to co-lead an application in {domain}"),
                &format!("{}/co-lead", app_path(id)),
                now,
            )
            .await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            id,
            "invite_co_lead",
            None,
            Some(&invited),
            now,
        )
        .await?;
        finish(st, tx, true).await?;
        Ok(InviteCoLeadPayload {
            application: Application(l.app),
        })
    }

    /// Agree to co-lead an application you were invited to (FAQ 4).
    async fn accept_co_lead(
        &self,
        ctx: &Context<'_>,
        input: AcceptCoLeadInput,
    ) -> ApiResult<AcceptCoLeadPayload> {
        answer(ctx, &input.application_id, true)
            .await
            .map(|application| AcceptCoLeadPayload { application })
    }

    /// Decline an invitation to co-lead.
    async fn decline_co_lead(
        &self,
        ctx: &Context<'_>,
        input: DeclineCoLeadInput,
    ) -> ApiResult<DeclineCoLeadPayload> {
        answer(ctx, &input.application_id, false)
            .await
            .map(|application| DeclineCoLeadPayload { application })
    }

    /// Withdraw an invitation or remove a co-lead from a draft (the lead only).
    async fn remove_co_lead(
        &self,
        ctx: &Context<'_>,
        input: RemoveCoLeadInput,
    ) -> ApiResult<RemoveCoLeadPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("applicationId", "Application", &input.application_id)?;
        let email = Email::parse("email", &input.email)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let l = load(&tx, id).await?;
        lead_of(v, &l)?;
        rules::check_editable(apps::status(&l.app))?;
        let p = l
            .parts
            .iter()
            .find(|p| !p.is_lead && p.email == email.as_str())
            .cloned()
            .ok_or_else(|| {
                ApiError::field(
                    "email",
                    "Nobody with this email address is a co-lead of this application",
                )
            })?;
        apps::remove_participant(&tx, p.clone()).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Application",
            id,
            "remove_co_lead",
            Some(&p),
            None,
            now,
        )
        .await?;
        finish(st, tx, false).await?;
        Ok(RemoveCoLeadPayload {
            application: Application(l.app),
        })
    }

    /// Submit (the lead only): the call must be open, every answer given, every co-lead agreed,
    /// and an industry or third-sector applicant must have an NHS member co-lead (FAQ 7).
    /// The text is frozen from then on.
    async fn submit_application(
        &self,
        ctx: &Context<'_>,
        input: SubmitApplicationInput,
    ) -> ApiResult<SubmitApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("applicationId", "Application", &input.application_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let l = load(&tx, id).await?;
        lead_of(v, &l)?;
        let call = calls::get(&tx, l.app.call_id)
            .await?
            .ok_or_else(|| ApiError::internal("call missing"))?;
        rules::check_submittable(
            apps::status(&l.app),
            &apps::text(&l.app),
            &l.rule,
            &calls::window(&call),
            now,
        )?;
        let after = apps::set_status(&tx, l.app.clone(), ApplicationStatus::Submitted, now).await?;
        record(&tx, v, id, "submit", Some(&l.app), &after, now).await?;
        let domain = domains::get(&tx, l.app.domain_id)
            .await?
            .map(|d| d.name)
            .unwrap_or_default();
        for p in l.parts.iter().filter(|p| {
            p.person_id.is_some() && rules::CoLeadState::Accepted == apps::co_lead_state(p)
        }) {
            let m = templates::application_submitted(
                &p.email,
                &call.title,
                &domain,
                &long_date(call.decision_due_on),
                &link(st, &app_path(id)),
            );
            mail::enqueue(&tx, &m, now).await?;
        }
        let data = serde_json::json!({ "applicationId": ids::encode("Application", id).0, "callId": ids::encode("Call", call.id).0, "callTitle": call.title, "domainId": ids::encode("Domain", l.app.domain_id).0, "domainName": domain, "submittedAt": now });
        crate::webhooks::emit(&tx, "application.submitted", data, now).await?;
        finish(st, tx, true).await?;
        Ok(SubmitApplicationPayload {
            application: Application(after),
        })
    }

    /// Withdraw (the lead only), any time until the decision.
    async fn withdraw_application(
        &self,
        ctx: &Context<'_>,
        input: WithdrawApplicationInput,
    ) -> ApiResult<WithdrawApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("applicationId", "Application", &input.application_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let l = load(&tx, id).await?;
        lead_of(v, &l)?;
        let call = calls::get(&tx, l.app.call_id)
            .await?
            .ok_or_else(|| ApiError::internal("call missing"))?;
        rules::check_withdrawable(apps::status(&l.app), calls::window(&call).status_at(now))?;
        let after = apps::set_status(&tx, l.app.clone(), ApplicationStatus::Withdrawn, now).await?;
        record(&tx, v, id, "withdraw", Some(&l.app), &after, now).await?;
        finish(st, tx, false).await?;
        Ok(WithdrawApplicationPayload {
            application: Application(after),
        })
    }
}

async fn answer(ctx: &Context<'_>, application_id: &ID, accept: bool) -> ApiResult<Application> {
    let st = state(ctx);
    let v = require_signed_in(viewer(ctx))?;
    let id = ids::decode("applicationId", "Application", application_id)?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let l = load(&tx, id).await?;
    let mine = l
        .parts
        .iter()
        .find(|p| !p.is_lead && p.email == v.email)
        .cloned();
    let mine_rule = l.rule.iter().find(|p| !p.is_lead && p.email == v.email);
    rules::check_answerable(apps::status(&l.app), mine_rule)?;
    let mine = mine.expect("checked by check_answerable");
    let me = people::get(&tx, v.person.0).await?.ok_or_else(|| {
        ApiError::new(convene_domain::ErrorCode::Unauthenticated, "Sign in again")
    })?;
    if accept {
        rules::check_one_per_call_and_domain(
            apps::holds(&tx, me.id, l.app.call_id, l.app.domain_id).await?,
            "applicationId",
            "You are",
        )?;
    }
    let after = apps::answer(&tx, mine.clone(), me.id, me.organisation_id, accept, now).await?;
    audit(
        &tx,
        Some(me.id),
        "Application",
        id,
        if accept {
            "accept_co_lead"
        } else {
            "decline_co_lead"
        },
        Some(&mine),
        Some(&after),
        now,
    )
    .await?;
    if let Some(lead) = l.parts.iter().find(|p| p.is_lead) {
        let domain = domains::get(&tx, l.app.domain_id)
            .await?
            .map(|d| d.name)
            .unwrap_or_default();
        let m = templates::co_lead_answered(
            &lead.email,
            &me.name,
            accept,
            &domain,
            &link(st, &app_path(id)),
        );
        mail::enqueue(&tx, &m, now).await?;
    }
    finish(st, tx, true).await?;
    Ok(Application(l.app))
}
