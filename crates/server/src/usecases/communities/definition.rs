//! The domain definition: versions, the agreed one, and its publication to the intranet.

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{CommunityId, DomainDefinitionVersionId};
use convene_store::entities::{community, domain_definition};
use convene_store::repo::{communities, intranet};

use super::locks::{community_of as lock_owner, run_by};
use crate::ids;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// A new version of a community's domain definition.
pub struct ProposeDefinition {
    pub community: CommunityId,
    /// Parsed with `community::parse_definition`.
    pub text: String,
}

/// Propose a new version of the domain definition (conveners and core group).
pub async fn propose_domain_definition(
    st: &AppState,
    actor: &Viewer,
    cmd: ProposeDefinition,
) -> AppResult<domain_definition::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = run_by(&w, cmd.community, actor, "propose its domain definition").await?;
    let version =
        communities::propose_definition(w.tx(), c.id, &cmd.text, actor.person.0, w.now()).await?;
    w.audit_created("Community", c.id, "propose_domain_definition", &version);
    w.commit().await?;
    Ok(version)
}

pub struct Agreed {
    pub version: domain_definition::Model,
    pub community: community::Model,
}

/// Agree a version of the domain definition (a convener or core member): it becomes the
/// community's definition, is published to its intranet place if it has one, and a listed
/// community announces it to the webhook subscribers.
pub async fn agree_domain_definition(
    st: &AppState,
    actor: &Viewer,
    id: DomainDefinitionVersionId,
) -> AppResult<Agreed> {
    let mut w = Write::by(st, actor).await?;
    let version = communities::definition(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("versionId", "There is no such version"))?;
    let c = lock_owner(&w, version.community_id).await?;
    d::check_runs_it(
        super::locks::role_in(&w, c.id, actor.person).await?,
        "agree its domain definition",
    )?;
    d::check_agreeable(version.agreed_at.is_some())?;
    let agreed =
        communities::agree_definition(w.tx(), version.clone(), actor.person.0, w.now()).await?;
    if c.intranet_place_uri.is_some() {
        publish(&mut w, &c).await?;
    }
    w.audit_changed(
        "Community",
        c.id,
        "agree_domain_definition",
        &version,
        &agreed,
    );
    if convene_domain::webhook::announces_community(c.listed) {
        let data = serde_json::json!({
            "communityId": ids::encode(CommunityId(c.id)),
            "communityName": c.name,
            "version": agreed.version,
            "text": agreed.text,
            "agreedAt": w.now(),
        });
        w.webhook("community.domain_agreed", data).await?;
    }
    w.commit().await?;
    Ok(Agreed {
        version: agreed,
        community: c,
    })
}

/// Where a community's documents go on the intranet.
pub struct SetIntranetPage {
    pub community: CommunityId,
    /// Parsed with `community::parse_place_uri`.
    pub place: String,
}

/// Set the community's intranet place (conveners and core group); an agreed definition is
/// then published there.
pub async fn set_intranet_page(
    st: &AppState,
    actor: &Viewer,
    cmd: SetIntranetPage,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = run_by(&w, cmd.community, actor, "set its intranet page").await?;
    let after = intranet::set_place(w.tx(), c.clone(), &cmd.place).await?;
    if communities::agreed_definition(w.tx(), c.id)
        .await?
        .is_some()
    {
        publish(&mut w, &c).await?;
    }
    w.audit_changed("Community", c.id, "set_intranet_page", &c, &after);
    w.commit().await?;
    Ok(after)
}

/// Try the intranet publication again by hand (conveners and core group).
pub async fn retry_intranet_publication(
    st: &AppState,
    actor: &Viewer,
    community: CommunityId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = run_by(&w, community, actor, "retry its intranet publication").await?;
    d::check_publishable(
        communities::agreed_definition(w.tx(), c.id)
            .await?
            .is_some(),
    )?;
    publish(&mut w, &c).await?;
    w.audit_created(
        "Community",
        c.id,
        "retry_intranet_publication",
        &serde_json::json!({}),
    );
    w.commit().await?;
    Ok(c)
}

/// Queue the publication of the community's agreed definition to the intranet.
async fn publish(w: &mut Write<'_>, c: &community::Model) -> AppResult<()> {
    intranet::mark_pending(w.tx(), c.id, w.now()).await?;
    w.outbox(crate::intranet::KIND, &crate::intranet::payload(c.id))
        .await?;
    Ok(())
}
