//! Starting a community (by anyone signed in, or from a decided application, FAQ 8).

use convene_domain::access::{relation, Viewer};
use convene_domain::application::CoLeadState;
use convene_domain::community as d;
use convene_domain::ids::{ApplicationId, DomainId};
use convene_domain::{DomainError, Fields};
use convene_store::entities::community;
use convene_store::repo::{applications as apps, communities, domains, selection};
use uuid::Uuid;

use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// Start a community: its name, its domain (open for applications), how people join.
pub struct CreateCommunity {
    pub name: String,
    /// The decoded `domainId`, or why it could not be: reported with the other fields.
    pub domain: Result<DomainId, DomainError>,
    pub membership_mode: d::MembershipMode,
    pub listed: bool,
}

/// Start a community (anyone signed in); the actor becomes its convener.
pub async fn create_community(
    st: &AppState,
    actor: &Viewer,
    cmd: CreateCommunity,
) -> AppResult<community::Model> {
    convene_domain::identity::require_verified(actor, "start a community")?;
    let mut f = Fields::new();
    let name = f.take(d::parse_name("name", &cmd.name));
    let domain = f.take(cmd.domain);
    let mut w = Write::by(st, actor).await?;
    if let Some(id) = domain {
        match domains::get(w.tx(), id.0).await? {
            Some(dm) => {
                f.take(convene_domain::catalogue::check_open_for_applications(
                    domains::status(&dm),
                ));
            }
            None => f.add("domainId", "Choose a domain from the list"),
        }
    }
    f.finish()?;
    let (Some(name), Some(domain)) = (name, domain) else {
        return Err(AppError::internal("checked fields missing"));
    };
    let new = communities::NewCommunity {
        name: &name,
        domain_id: domain.0,
        origin: d::Origin::SelfOrganised.as_str(),
        application_id: None,
        funded: false,
        membership_mode: cmd.membership_mode.as_str(),
        listed: cmd.listed,
        created_by: actor.person.0,
    };
    let c = found(&mut w, new, &[actor.person.0], "create").await?;
    w.commit().await?;
    Ok(c)
}

/// Turn a decided application, funded or not, into a community with its lead and accepted
/// co-leads as conveners (the lead, a co-lead or the programme team). Unfunded communities
/// keep the network's admin and coaching support (FAQ 8).
pub async fn start_community_from_application(
    st: &AppState,
    actor: &Viewer,
    application: ApplicationId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let aid = application.0;
    let app = apps::get(w.tx(), aid)
        .await?
        .ok_or_else(|| AppError::field("applicationId", "There is no such application"))?;
    let parts = apps::participants_of(w.tx(), &[aid])
        .await?
        .remove(&aid)
        .unwrap_or_default();
    let rule = apps::as_rule_participants(&parts, &Default::default());
    d::check_can_start_from_application(actor.is_programme_team(), relation(actor, &rule))?;
    let told = selection::told_applications(w.tx(), &[aid])
        .await?
        .contains(&aid);
    let on_panel = selection::panel(w.tx(), app.call_id)
        .await?
        .iter()
        .any(|m| m.person_id == actor.person.0);
    d::check_outcome_sent(convene_domain::selection::outcome_visible(
        actor.is_programme_team(),
        on_panel,
        told,
    ))?;
    let origin = d::origin_from_application(apps::status(&app))?;
    d::check_not_started(communities::of_application(w.tx(), aid).await?.is_some())?;
    let domain = domains::get(w.tx(), app.domain_id)
        .await?
        .map(|d| d.name)
        .unwrap_or_default();
    let conveners: Vec<Uuid> = parts
        .iter()
        .filter(|p| apps::co_lead_state(p) == CoLeadState::Accepted)
        .filter_map(|p| p.person_id)
        .collect();
    let new = communities::NewCommunity {
        name: &format!("{domain} community of practice"),
        domain_id: app.domain_id,
        origin: origin.as_str(),
        application_id: Some(aid),
        funded: origin == d::Origin::FundedApplication,
        membership_mode: d::MembershipMode::OnRequest.as_str(),
        listed: true,
        created_by: actor.person.0,
    };
    let c = found(&mut w, new, &conveners, "start_from_application").await?;
    w.commit().await?;
    Ok(c)
}

/// Create the community with its conveners, audit it as `action`, and announce it to the
/// webhook subscribers when it is listed.
async fn found(
    w: &mut Write<'_>,
    new: communities::NewCommunity<'_>,
    conveners: &[Uuid],
    action: &'static str,
) -> AppResult<community::Model> {
    let c = communities::create(w.tx(), new, conveners, w.now()).await?;
    w.audit_created("Community", c.id, action, &c);
    if convene_domain::webhook::announces_community(c.listed) {
        w.webhook("community.created", crate::webhooks::community_data(&c))
            .await?;
    }
    Ok(c)
}
