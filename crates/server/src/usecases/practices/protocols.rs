//! Sharing protocols: the network's samples, and communities' adapted copies.

use convene_domain::access::Viewer;
use convene_domain::ids::{CommunityId, SharingProtocolId};
use convene_domain::practice::{self as rules, Prompt};
use convene_store::entities::sharing_protocol;
use convene_store::repo::{communities, practices as repo};

use super::{lock_community, owner, role};
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// A protocol's name and prompts, parsed.
pub struct ProtocolText {
    pub name: String,
    pub prompts: Vec<Prompt>,
}

/// Add a protocol and its audit entry (`action`), and commit.
async fn create(
    mut w: Write<'_>,
    new: repo::NewProtocol<'_>,
    action: &'static str,
) -> AppResult<sharing_protocol::Model> {
    let p = repo::create_protocol(w.tx(), new, w.now()).await?;
    w.audit_created("SharingProtocol", p.id, action, &p);
    w.commit().await?;
    Ok(p)
}

/// Add one of the network's sample protocols (the caller has checked that the actor is on the
/// programme team).
pub async fn create_sharing_protocol(
    st: &AppState,
    v: &Viewer,
    text: ProtocolText,
) -> AppResult<sharing_protocol::Model> {
    let new = repo::NewProtocol {
        community_id: None,
        adopted_from: None,
        name: &text.name,
        prompts: &text.prompts,
        created_by: v.person.0,
    };
    create(Write::by(st, v).await?, new, "create").await
}

/// Copy one of the network's protocols into a community, to adapt (its conveners and core
/// group).
pub async fn adopt_sharing_protocol(
    st: &AppState,
    v: &Viewer,
    protocol: SharingProtocolId,
    community: CommunityId,
) -> AppResult<sharing_protocol::Model> {
    let w = Write::by(st, v).await?;
    let source = repo::protocol(w.tx(), protocol.0)
        .await?
        .ok_or_else(|| AppError::field("protocolId", "There is no such protocol"))?;
    communities::get(w.tx(), community.0)
        .await?
        .ok_or_else(|| AppError::field("communityId", "There is no such community"))?;
    let c = lock_community(&w, community.0).await?;
    rules::check_can_adopt(owner(&source), role(&w, c.id, v.person).await?)?;
    let prompts = repo::prompts(&source);
    let new = repo::NewProtocol {
        community_id: Some(c.id),
        adopted_from: Some(source.id),
        name: &source.name,
        prompts: &prompts,
        created_by: v.person.0,
    };
    create(w, new, "adopt").await
}

/// Change a protocol's name and prompts (its owner: the programme team for the network's, the
/// community's conveners and core group for its copy).
pub async fn update_sharing_protocol(
    st: &AppState,
    v: &Viewer,
    id: SharingProtocolId,
    text: ProtocolText,
) -> AppResult<sharing_protocol::Model> {
    let mut w = Write::by(st, v).await?;
    let p = repo::lock_protocol(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("protocolId", "There is no such protocol"))?;
    let my_role = match p.community_id {
        Some(c) => role(&w, c, v.person).await?,
        None => None,
    };
    rules::check_can_edit_protocol(owner(&p), v.is_programme_team(), my_role)?;
    let after =
        repo::update_protocol(w.tx(), p.clone(), &text.name, &text.prompts, w.now()).await?;
    w.audit_changed("SharingProtocol", p.id, "update", &p, &after);
    w.commit().await?;
    Ok(after)
}
