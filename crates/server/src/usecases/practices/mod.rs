//! Practice exchanges and the library of promising practices (SPEC §5): practices and their
//! status, exchanges and inquiries, sharing protocols, promising practices.

use convene_domain::community::{MemberRole, Stage};
use convene_domain::ids::PersonId;
use convene_domain::practice::ProtocolOwner;
use convene_store::entities::{community, sharing_protocol};
use convene_store::repo::communities;
use convene_store::stored;
use uuid::Uuid;

use super::{AppError, AppResult, Write};

pub mod exchanges;
pub mod lifecycle;
pub mod promising;
pub mod protocols;

/// A person's role in a community (none: not a member), read in the write.
async fn role(w: &Write<'_>, community: Uuid, person: PersonId) -> AppResult<Option<MemberRole>> {
    match communities::member(w.tx(), community, person.0).await? {
        Some(m) => Ok(Some(stored("community_members.role", &m.role)?)),
        None => Ok(None),
    }
}

/// Lock a community (practices and exchanges change under it), for one that must exist.
async fn lock_community(w: &Write<'_>, id: Uuid) -> AppResult<community::Model> {
    communities::lock(w.tx(), id)
        .await?
        .ok_or_else(|| AppError::internal(format!("community {id} is missing")))
}

fn stage(c: &community::Model) -> AppResult<Stage> {
    Ok(stored("communities.stage", &c.stage)?)
}

/// Whose a sharing protocol is: a community's adapted copy, or the network's.
fn owner(p: &sharing_protocol::Model) -> ProtocolOwner {
    match p.community_id {
        Some(_) => ProtocolOwner::Community,
        None => ProtocolOwner::Network,
    }
}
