//! The start-up steps of FAQ 10, completed and reopened by their owners.

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::CommunityId;
use convene_store::entities::community;
use convene_store::repo::communities;

use super::locks::{community_for_change as for_change, role_in, stage};
use crate::state::AppState;
use crate::usecases::{AppResult, Write};

/// Complete (with notes) or reopen one of a community's start-up steps.
pub struct WorkOnStep {
    pub community: CommunityId,
    pub step: d::StartupStep,
    pub done: bool,
    /// Parsed with `community::parse_note`; only when completing.
    pub notes: Option<String>,
}

/// Mark a start-up step done or reopen it, as its owner may (any core member once active).
pub async fn work_on_step(
    st: &AppState,
    actor: &Viewer,
    cmd: WorkOnStep,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = for_change(&w, cmd.community).await?;
    let role = role_in(&w, c.id, actor.person).await?;
    d::check_can_work_on_step(cmd.step, role, stage(&c)?)?;
    let row = communities::set_step(
        w.tx(),
        c.id,
        cmd.step.as_str(),
        cmd.done,
        cmd.notes.as_deref(),
        actor.person.0,
        w.now(),
    )
    .await?;
    let action = if cmd.done {
        "complete_startup_step"
    } else {
        "reopen_startup_step"
    };
    w.audit_created("Community", c.id, action, &row);
    w.commit().await?;
    Ok(c)
}
