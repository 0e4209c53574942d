//! Support requests to the network (SPEC §4): asked for by a community, assigned by the
//! programme team to a coach (who is told by e-mail), worked on, closed with a note.

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{CommunityId, PersonId, SupportRequestId};
use convene_store::entities::support_request;
use convene_store::repo::{community_work as repo, people};
use convene_store::stored;

use super::locks::change_community;
use crate::ids;
use crate::mail::templates;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

pub struct RequestSupport {
    pub community: CommunityId,
    pub kind: d::SupportKind,
    pub details: String,
}

pub struct AssignSupportRequest {
    pub request: SupportRequestId,
    /// A coach or a member of the programme team.
    pub assignee: PersonId,
}

pub struct UpdateSupportRequest {
    pub request: SupportRequestId,
    /// None: a note only.
    pub status: Option<d::SupportStatus>,
    /// Required to close a request.
    pub note: Option<String>,
}

/// Ask the network for support (a community's conveners and core group).
pub async fn request_support(
    st: &AppState,
    v: &Viewer,
    cmd: RequestSupport,
) -> AppResult<support_request::Model> {
    let details = d::parse_details("details", &cmd.details)?;
    let (mut w, h) = change_community(st, v, cmd.community).await?;
    d::check_can_request_support(h.role, h.stage)?;
    let (kind, by) = (cmd.kind.as_str(), v.person.0);
    let row = repo::create_request(w.tx(), h.community.id, kind, &details, by, w.now()).await?;
    w.audit_created("SupportRequest", row.id, "request_support", &row);
    w.commit().await?;
    Ok(row)
}

/// Give a request to a coach or a member of the programme team, who is told by e-mail (the
/// programme team; the caller checks the role).
pub async fn assign_support_request(
    st: &AppState,
    v: &Viewer,
    cmd: AssignSupportRequest,
) -> AppResult<support_request::Model> {
    let mut w = Write::by(st, v).await?;
    let before = request(&w, cmd.request).await?;
    let pid = cmd.assignee.0;
    let assignee = people::get(w.tx(), pid)
        .await?
        .ok_or_else(|| AppError::field("personId", "There is no such person"))?;
    let roles = people::roles_of(w.tx(), &[pid]).await?.remove(&pid);
    d::check_assignee("personId", &roles.unwrap_or_default())?;
    let status = d::assign(stored("support_requests.status", &before.status)?)?;
    let after = repo::update_request(
        w.tx(),
        before.clone(),
        status.as_str(),
        Some(pid),
        None,
        v.person.0,
        w.now(),
    )
    .await?;
    let c = convene_store::repo::communities::get(w.tx(), after.community_id)
        .await?
        .ok_or_else(|| AppError::internal("a support request without its community"))?;
    let kind: d::SupportKind = stored("support_requests.kind", &after.kind)?;
    let link = w.link(&format!("/communities/{}", ids::encode(CommunityId(c.id))));
    let mail = templates::support_request_assigned(
        &assignee.email,
        &assignee.name,
        &c.name,
        kind.label(),
        &after.details,
        &link,
    );
    w.mail(&mail).await?;
    let action = "assign_support_request";
    w.audit_changed("SupportRequest", after.id, action, &before, &after);
    w.commit().await?;
    Ok(after)
}

/// Move a request on or add a note (its assignee and the programme team); closing needs a note.
pub async fn update_support_request(
    st: &AppState,
    v: &Viewer,
    cmd: UpdateSupportRequest,
) -> AppResult<support_request::Model> {
    let mut w = Write::by(st, v).await?;
    let before = request(&w, cmd.request).await?;
    d::check_can_update(v, before.assignee_id.map(PersonId))?;
    let (status, note) = d::update(
        stored("support_requests.status", &before.status)?,
        cmd.status,
        cmd.note.as_deref(),
    )?;
    let after = repo::update_request(
        w.tx(),
        before.clone(),
        status.as_str(),
        before.assignee_id,
        note.as_deref(),
        v.person.0,
        w.now(),
    )
    .await?;
    let action = "update_support_request";
    w.audit_changed("SupportRequest", after.id, action, &before, &after);
    w.commit().await?;
    Ok(after)
}

async fn request(w: &Write<'_>, id: SupportRequestId) -> AppResult<support_request::Model> {
    repo::request(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("requestId", "There is no such request"))
}
