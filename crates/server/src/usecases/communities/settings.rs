//! Steering a community: its name, membership mode, listing and stage (its conveners, or the
//! programme team), and its coach (the programme team).

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{CommunityId, PersonId};
use convene_domain::Fields;
use convene_store::entities::community;
use convene_store::repo::{communities, people};

use super::locks::{community_for_change as for_change, role_in, stage};
use crate::state::AppState;
use crate::usecases::{AppResult, Write};

/// Only the settings given change.
pub struct UpdateCommunity {
    pub community: CommunityId,
    /// Checked with `community::parse_name`, after who may change it.
    pub name: Option<String>,
    pub membership_mode: Option<d::MembershipMode>,
    pub listed: Option<bool>,
    pub stage: Option<d::Stage>,
}

/// Change a community's name, membership mode, listing or stage (its conveners; the
/// programme team). A closed community stays as it is; stages move as `check_stage_change` says.
pub async fn update_community(
    st: &AppState,
    actor: &Viewer,
    cmd: UpdateCommunity,
) -> AppResult<community::Model> {
    let mut f = Fields::new();
    let name = cmd
        .name
        .as_deref()
        .and_then(|n| f.take(d::parse_name("name", n)));
    let w = Write::by(st, actor).await?;
    let before = for_change(&w, cmd.community).await?;
    let role = role_in(&w, before.id, actor.person).await?;
    d::check_can_steer(role, actor.is_programme_team())?;
    let now = stage(&before)?;
    d::check_open(now)?;
    f.finish()?;
    let mut after = before.clone();
    if let Some(n) = name {
        after.name = n;
    }
    if let Some(m) = cmd.membership_mode {
        after.membership_mode = m.as_str().to_string();
    }
    if let Some(l) = cmd.listed {
        after.listed = l;
    }
    if let Some(to) = cmd.stage.filter(|to| *to != now) {
        d::check_stage_change(now, to)?;
        after.stage = to.as_str().to_string();
    }
    save(w, before, after, "update_community").await
}

/// Give a community its coach (someone with the COACH role), or take the coach away (the
/// programme team, checked by the caller).
pub async fn assign_coach(
    st: &AppState,
    actor: &Viewer,
    community: CommunityId,
    coach: Option<PersonId>,
) -> AppResult<community::Model> {
    let w = Write::by(st, actor).await?;
    let before = for_change(&w, community).await?;
    d::check_open(stage(&before)?)?;
    if let Some(p) = coach {
        let roles = people::roles_of(w.tx(), &[p.0])
            .await?
            .remove(&p.0)
            .unwrap_or_default();
        d::check_coach(&roles)?;
    }
    let mut after = before.clone();
    after.coach_id = coach.map(|p| p.0);
    save(w, before, after, "assign_coach").await
}

/// Save the settings, audit the change as `action` and commit.
async fn save(
    mut w: Write<'_>,
    before: community::Model,
    after: community::Model,
    action: &'static str,
) -> AppResult<community::Model> {
    let saved = communities::save_settings(w.tx(), after).await?;
    w.audit_changed("Community", saved.id, action, &before, &saved);
    w.commit().await?;
    Ok(saved)
}
