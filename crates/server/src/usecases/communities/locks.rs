//! The steps a change to a community starts with: lock the community (before any of its rows,
//! always in that order), and see what the actor is in it and where it stands.

use convene_domain::community::{MemberRole, Stage};
use convene_domain::ids::{CommunityId, PersonId};
use convene_store::entities::{community, community_member};
use convene_store::repo::communities;
use convene_store::stored;
use uuid::Uuid;

use convene_domain::access::Viewer;

use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// A community locked for a change, with the actor's role in it and its stage.
pub(crate) struct Held {
    pub community: community::Model,
    pub role: Option<MemberRole>,
    pub stage: Stage,
}

/// Begin a change by `v` to the community a command names: the community locked, and how `v`
/// stands in it.
pub(crate) async fn change_community<'s>(
    st: &'s AppState,
    v: &Viewer,
    id: CommunityId,
) -> AppResult<(Write<'s>, Held)> {
    let w = Write::by(st, v).await?;
    let h = held(&w, community_for_change(&w, id).await?, v.person).await?;
    Ok((w, h))
}

/// Lock the community a command names (`communityId`).
pub(crate) async fn community_for_change(
    w: &Write<'_>,
    id: CommunityId,
) -> AppResult<community::Model> {
    communities::lock(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("communityId", "There is no such community"))
}

/// Lock the community that a row of it (a meeting, a need, a request …) belongs to.
pub(crate) async fn community_of(w: &Write<'_>, id: Uuid) -> AppResult<community::Model> {
    communities::lock(w.tx(), id)
        .await?
        .ok_or_else(|| AppError::internal("a community's row without its community"))
}

/// What `person` is in the community: none for someone outside it.
pub(crate) async fn role_in(
    w: &Write<'_>,
    community: Uuid,
    person: PersonId,
) -> AppResult<Option<MemberRole>> {
    match communities::member(w.tx(), community, person.0).await? {
        Some(m) => Ok(Some(communities::role(&m)?)),
        None => Ok(None),
    }
}

pub(crate) fn stage(c: &community::Model) -> AppResult<Stage> {
    Ok(communities::stage(c)?)
}

/// The community, locked, as `person` stands in it.
pub(crate) async fn held(
    w: &Write<'_>,
    community: community::Model,
    person: PersonId,
) -> AppResult<Held> {
    Ok(Held {
        role: role_in(w, community.id, person).await?,
        stage: stage(&community)?,
        community,
    })
}

/// The community a row of it belongs to, locked, as `person` stands in it.
pub(crate) async fn held_of(w: &Write<'_>, community: Uuid, person: PersonId) -> AppResult<Held> {
    held(w, community_of(w, community).await?, person).await
}

/// Everyone in the community, in the order they joined.
pub(crate) async fn members(
    w: &Write<'_>,
    community: Uuid,
) -> AppResult<Vec<community_member::Model>> {
    Ok(communities::members_of(w.tx(), &[community])
        .await?
        .remove(&community)
        .unwrap_or_default())
}

/// The community, locked, if the actor is one of its conveners or core group (else
/// `FORBIDDEN`, saying that only they can do `what`).
pub(crate) async fn run_by(
    w: &Write<'_>,
    id: CommunityId,
    actor: &Viewer,
    what: &str,
) -> AppResult<community::Model> {
    let c = community_for_change(w, id).await?;
    convene_domain::community::check_runs_it(role_in(w, c.id, actor.person).await?, what)?;
    Ok(c)
}

pub(crate) fn member_role(text: &str) -> AppResult<MemberRole> {
    Ok(stored("community_members.role", text)?)
}

/// How many conveners a community has now.
pub(crate) async fn conveners(w: &Write<'_>, community: Uuid) -> AppResult<usize> {
    let all = members(w, community).await?;
    Ok(all
        .iter()
        .filter(|m| m.role == MemberRole::Convener.as_str())
        .count())
}
