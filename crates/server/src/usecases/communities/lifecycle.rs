//! Starting a community (by anyone signed in, or from a decided application, FAQ 8), and the
//! steps every community use case shares: the community locked for the change, the actor's
//! role in it, its stage, its conveners.

use convene_domain::access::{relation, Viewer};
use convene_domain::application::CoLeadState;
use convene_domain::community as d;
use convene_domain::ids::{ApplicationId, CommunityId, DomainId, PersonId};
use convene_domain::{DomainError, Fields};
use convene_store::entities::community;
use convene_store::repo::{applications as apps, communities, domains, selection};
use uuid::Uuid;

use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// The community a change is about, locked for the change; an unknown one is the input
/// field `communityId`'s fault.
pub async fn for_change(w: &Write<'_>, id: CommunityId) -> AppResult<community::Model> {
    communities::lock(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("communityId", "There is no such community"))
}

/// The community of something that belongs to it (a foreign key says it exists), locked.
pub async fn lock_owner(w: &Write<'_>, id: Uuid) -> AppResult<community::Model> {
    communities::lock(w.tx(), id)
        .await?
        .ok_or_else(|| AppError::internal("community missing"))
}

/// A person's role in a community, if they belong to it.
pub async fn role_in(
    w: &Write<'_>,
    community: Uuid,
    person: PersonId,
) -> AppResult<Option<d::MemberRole>> {
    match communities::member(w.tx(), community, person.0).await? {
        Some(m) => Ok(Some(member_role(&m.role)?)),
        None => Ok(None),
    }
}

/// The community, locked, if the actor is one of its conveners or core group (else
/// `FORBIDDEN`, saying that only they can do `what`).
pub async fn run_by(
    w: &Write<'_>,
    id: CommunityId,
    actor: &Viewer,
    what: &str,
) -> AppResult<community::Model> {
    let c = for_change(w, id).await?;
    d::check_runs_it(role_in(w, c.id, actor.person).await?, what)?;
    Ok(c)
}

pub fn stage(c: &community::Model) -> AppResult<d::Stage> {
    Ok(convene_store::stored("community.stage", &c.stage)?)
}

pub fn member_role(text: &str) -> AppResult<d::MemberRole> {
    Ok(convene_store::stored("community_member.role", text)?)
}

/// How many conveners a community has now.
pub async fn conveners(w: &Write<'_>, community: Uuid) -> AppResult<usize> {
    let members = communities::members_of(w.tx(), &[community])
        .await?
        .remove(&community)
        .unwrap_or_default();
    Ok(members
        .iter()
        .filter(|m| m.role == d::MemberRole::Convener.as_str())
        .count())
}

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
    w.audit("Community", c.id, action, None, Some(&c));
    if convene_domain::webhook::announces_community(c.listed) {
        w.webhook("community.created", crate::webhooks::community_data(&c))
            .await?;
    }
    Ok(c)
}
