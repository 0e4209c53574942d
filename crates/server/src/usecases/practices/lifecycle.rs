//! Proposing practices and moving them on (proposed → exploring → explored).

use convene_domain::access::Viewer;
use convene_domain::ids::{CommunityId, PracticeId};
use convene_domain::practice::{self as rules, PracticeStatus};
use convene_store::entities::practice;
use convene_store::repo::practices as repo;
use convene_store::stored;

use super::{change_community, held_of};
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

pub struct ProposePractice {
    pub community: CommunityId,
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
}

/// Propose a practice for the community to explore (any member, while the community is open
/// to it).
pub async fn propose_practice(
    st: &AppState,
    v: &Viewer,
    cmd: ProposePractice,
) -> AppResult<practice::Model> {
    let (mut w, h) = change_community(st, v, cmd.community).await?;
    rules::check_can_propose(h.role, h.stage)?;
    let c = h.community;
    let new = repo::NewPractice {
        community_id: c.id,
        domain_id: c.domain_id,
        name: &cmd.name,
        description: &cmd.description,
        tags: &cmd.tags,
        proposed_by: v.person.0,
    };
    let p = repo::create(w.tx(), new, w.now()).await?;
    w.audit_created("Practice", p.id, "propose", &p);
    w.commit().await?;
    Ok(p)
}

/// Move a practice on, one step at a time (the community's conveners and core group).
pub async fn set_practice_status(
    st: &AppState,
    v: &Viewer,
    id: PracticeId,
    to: PracticeStatus,
) -> AppResult<practice::Model> {
    let mut w = Write::by(st, v).await?;
    let p = repo::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("practiceId", "There is no such practice"))?;
    let h = held_of(&w, p.community_id, v.person).await?;
    rules::check_can_set_status(h.role, h.stage)?;
    // read again under the community's lock
    let p = repo::lock(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::internal("practice vanished"))?;
    rules::check_status_change(stored("practices.status", &p.status)?, to)?;
    let after = repo::set_status(w.tx(), p.clone(), to.as_str(), w.now()).await?;
    w.audit_changed("Practice", p.id, "set_status", &p, &after);
    w.commit().await?;
    Ok(after)
}
