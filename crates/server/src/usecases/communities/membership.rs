//! Who belongs: invitations, joining, requests to join, leaving, and roles.

use convene_domain::access::Viewer;
use convene_domain::account::Email;
use convene_domain::community as d;
use convene_domain::identity as id_rules;
use convene_domain::ids::{CommunityId, CommunityInvitationId, JoinRequestId, PersonId};
use convene_store::entities::{community, community_invitation, community_member, join_request};
use convene_store::repo::{communities, invitations, people};

use super::locks::{
    community_for_change as for_change, community_of as lock_owner, conveners, member_role,
    role_in, run_by, stage,
};
use crate::auth::INVITATION_TOKEN;
use crate::ids;
use crate::mail::templates;
use crate::notify::Kind;
use crate::state::AppState;
use crate::usecases::{identity, AppError, AppResult, Write};

/// An invitation to someone, with or without an account, in the inviter's own words.
pub struct InviteMember {
    pub community: CommunityId,
    pub email: Email,
    /// Parsed with `community::parse_invitation_message`.
    pub message: String,
}

/// Invite someone by e-mail (conveners and core group). The link carries a single-use token
/// that works for two weeks; someone with an account is told in the product too.
pub async fn invite_member(
    st: &AppState,
    actor: &Viewer,
    cmd: InviteMember,
) -> AppResult<community_invitation::Model> {
    id_rules::require_verified(actor, "invite people")?;
    let mut w = Write::by(st, actor).await?;
    let c = run_by(&w, cmd.community, actor, "invite people").await?;
    d::check_open(stage(&c)?)?;
    identity::check_invitation_quota(&w, actor, Some(c.id)).await?;
    let email = cmd.email.as_str();
    let since = w.now() - chrono::Duration::days(d::INVITATION_VALID_DAYS);
    id_rules::check_not_already_invited(
        invitations::pending_for(w.tx(), c.id, email, since).await?,
    )?;
    let invitee = people::find_by_email(w.tx(), email).await?;
    if let Some(p) = &invitee {
        d::check_invitee(communities::member(w.tx(), c.id, p.id).await?.is_some())?;
    }
    let id = uuid::Uuid::new_v4();
    let token = crate::auth::derived_token(&st.config.jwt_secret, INVITATION_TOKEN, id);
    let hash = crate::auth::token_hash(&token);
    let (by, now) = (actor.person.0, w.now());
    let inv = communities::invite(w.tx(), id, c.id, email, &cmd.message, &hash, by, now).await?;
    let inviter = people::get(w.tx(), by)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let path = crate::links::invitation_page(&st.config.jwt_secret, id);
    let mail =
        templates::community_invitation(email, &inviter, &c.name, &cmd.message, &w.link(&path));
    identity::invitation_mail(&mut w, mail).await?;
    // The link carries the token: it appears in the product only for someone who has proven
    // the address (anyone else has the mail, which reaches the address's real owner), and is
    // stored by the invitation's id, never with its token (`links::shown` writes it out).
    if let Some(p) = invitee.filter(|p| p.email_verified_at.is_some()) {
        let title = format!("{inviter} invites you to join {}", c.name);
        let link = crate::links::invitation_ref(id);
        w.notify(p.id, Kind::CommunityInvitation, &title, &link)
            .await?;
    }
    w.audit_created("Community", c.id, "invite_member", &inv);
    w.commit().await?;
    Ok(inv)
}

/// The pending invitation whose link carries `token`.
async fn usable_invitation(w: &Write<'_>, token: &str) -> AppResult<community_invitation::Model> {
    let inv = communities::invitation_by_token(w.tx(), &crate::auth::token_hash(token.trim()))
        .await?
        .ok_or_else(|| AppError::field("token", "This invitation link is not valid"))?;
    d::check_invitation_usable(d::invitation_state(inv.accepted, inv.sent_at, w.now()))?;
    Ok(inv)
}

/// Accept an invitation by its token (signed in, with any account: the link is the proof).
pub async fn accept_invitation(
    st: &AppState,
    actor: &Viewer,
    token: &str,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let inv = usable_invitation(&w, token).await?;
    let c = lock_owner(&w, inv.community_id).await?;
    add_if_not_member(&w, c.id, actor.person).await?;
    let after =
        communities::answer_invitation(w.tx(), inv.clone(), Some(actor.person.0), true, w.now())
            .await?;
    w.audit_changed("Community", c.id, "accept_invitation", &inv, &after);
    w.commit().await?;
    Ok(c)
}

/// Decline an invitation by its token; no account needed.
pub async fn decline_invitation(
    st: &AppState,
    actor: Option<&Viewer>,
    token: &str,
) -> AppResult<()> {
    let mut w = Write::begin(st, actor.map(|v| v.person)).await?;
    let inv = usable_invitation(&w, token).await?;
    let who = w.actor_uuid();
    let after = communities::answer_invitation(w.tx(), inv.clone(), who, false, w.now()).await?;
    let community = inv.community_id;
    w.audit_changed("Community", community, "decline_invitation", &inv, &after);
    w.commit().await?;
    Ok(())
}

/// Make `person` a member of the community unless they are one already.
async fn add_if_not_member(
    w: &Write<'_>,
    community: uuid::Uuid,
    person: PersonId,
) -> AppResult<()> {
    if communities::member(w.tx(), community, person.0)
        .await?
        .is_none()
    {
        let member = d::MemberRole::Member.as_str();
        communities::add_member(w.tx(), community, person.0, member, w.now()).await?;
    }
    Ok(())
}

/// Join an OPEN community, or ask to join an ON_REQUEST one.
pub struct JoinCommunity {
    pub community: CommunityId,
    /// Parsed with `community::parse_note`.
    pub note: String,
}

pub struct Joined {
    pub community: community::Model,
    /// Whether the actor is a member now (OPEN) or has asked to join (ON_REQUEST).
    pub joined: bool,
    pub request: Option<join_request::Model>,
}

/// Join an OPEN community, or ask to join an ON_REQUEST one (with an optional note).
pub async fn join_community(
    st: &AppState,
    actor: &Viewer,
    cmd: JoinCommunity,
) -> AppResult<Joined> {
    let mut w = Write::by(st, actor).await?;
    let c = for_change(&w, cmd.community).await?;
    let me = actor.person.0;
    d::check_can_ask_to_join(
        communities::member(w.tx(), c.id, me).await?.is_some(),
        false,
    )?;
    let mode = convene_store::stored("communities.membership_mode", &c.membership_mode)?;
    let request = match d::join(mode, stage(&c)?)? {
        d::JoinOutcome::Joined => {
            let member = d::MemberRole::Member.as_str();
            let m = communities::add_member(w.tx(), c.id, me, member, w.now()).await?;
            w.audit_created("Community", c.id, "join", &m);
            None
        }
        d::JoinOutcome::Requested => {
            let asked = communities::pending_request(w.tx(), c.id, me).await?;
            d::check_can_ask_to_join(false, asked.is_some())?;
            let r = communities::request_to_join(w.tx(), c.id, me, &cmd.note, w.now()).await?;
            w.audit_created("Community", c.id, "request_to_join", &r);
            Some(r)
        }
    };
    w.commit().await?;
    Ok(Joined {
        community: c,
        joined: request.is_none(),
        request,
    })
}

/// Leave a community at any time; the last convener must hand over first.
pub async fn leave_community(
    st: &AppState,
    actor: &Viewer,
    community: CommunityId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = for_change(&w, community).await?;
    let me = communities::member(w.tx(), c.id, actor.person.0)
        .await?
        .ok_or_else(|| AppError::field("communityId", "You are not a member of this community"))?;
    d::check_can_leave(member_role(&me.role)?, conveners(&w, c.id).await?)?;
    communities::remove_member(w.tx(), me.clone()).await?;
    w.audit_removed("Community", c.id, "leave", &me);
    w.commit().await?;
    Ok(c)
}

/// A convener's or core member's answer to a request to join.
pub struct DecideJoinRequest {
    pub request: JoinRequestId,
    pub approve: bool,
    /// Required when declining.
    pub reason: Option<String>,
}

/// Approve or decline a request to join (conveners and core group); declining needs a
/// reason. The person who asked hears the answer by e-mail, with the reason when it is no.
pub async fn decide_join_request(
    st: &AppState,
    actor: &Viewer,
    cmd: DecideJoinRequest,
) -> AppResult<join_request::Model> {
    let reason = d::check_join_decision(cmd.approve, cmd.reason.as_deref())?;
    let mut w = Write::by(st, actor).await?;
    let r = communities::request(w.tx(), cmd.request.0)
        .await?
        .ok_or_else(|| AppError::field("requestId", "There is no such request"))?;
    d::check_runs_it(
        role_in(&w, r.community_id, actor.person).await?,
        "decide on requests to join",
    )?;
    let current = convene_store::stored("join_requests.status", &r.status)?;
    let status = d::decide_request(current, cmd.approve)?.as_str();
    if cmd.approve {
        add_if_not_member(&w, r.community_id, PersonId(r.person_id)).await?;
    }
    let after =
        communities::decide_request(w.tx(), r.clone(), status, reason, actor.person.0, w.now())
            .await?;
    if let (Some(c), Some(p)) = (
        communities::get(w.tx(), r.community_id).await?,
        people::get(w.tx(), r.person_id).await?,
    ) {
        let link = w.link(&format!("/communities/{}", ids::encode(CommunityId(c.id))));
        let reason = after.reason.as_deref();
        let mail = templates::join_request_decided(&p.email, &c.name, cmd.approve, reason, &link);
        w.mail(&mail).await?;
    }
    w.audit_changed(
        "Community",
        r.community_id,
        "decide_join_request",
        &r,
        &after,
    );
    w.commit().await?;
    Ok(after)
}

/// A member's new role in a community.
pub struct SetMemberRole {
    pub community: CommunityId,
    pub person: PersonId,
    pub role: d::MemberRole,
}

/// Make someone a co-convener, core member or member (conveners only); the last convener
/// stays.
pub async fn set_member_role(
    st: &AppState,
    actor: &Viewer,
    cmd: SetMemberRole,
) -> AppResult<community_member::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = for_change(&w, cmd.community).await?;
    let mine = d::check_may_change_roles(role_in(&w, c.id, actor.person).await?)?;
    let target = communities::member(w.tx(), c.id, cmd.person.0)
        .await?
        .ok_or_else(|| AppError::field("personId", "This person is not a member"))?;
    let count = conveners(&w, c.id).await?;
    d::check_role_change(mine, member_role(&target.role)?, cmd.role, count)?;
    let after = communities::set_role(w.tx(), target.clone(), cmd.role.as_str()).await?;
    w.audit_changed("Community", c.id, "set_member_role", &target, &after);
    w.commit().await?;
    Ok(after)
}

/// A convener's (or the programme team's) removal of a member, with the reason they are told.
pub struct RemoveMember {
    pub community: CommunityId,
    pub person: PersonId,
    /// Parsed with `community::parse_removal_reason`.
    pub reason: String,
}

/// Remove someone from a community (conveners and the programme team; never the last
/// convener). The person is told by notification and e-mail, with the reason; it is audited.
pub async fn remove_member(
    st: &AppState,
    actor: &Viewer,
    cmd: RemoveMember,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let c = for_change(&w, cmd.community).await?;
    let mine = role_in(&w, c.id, actor.person).await?;
    d::check_manages_membership(mine, actor.is_programme_team(), "remove members")?;
    let target = communities::member(w.tx(), c.id, cmd.person.0)
        .await?
        .ok_or_else(|| AppError::field("personId", "This person is not a member"))?;
    d::check_can_remove(member_role(&target.role)?, conveners(&w, c.id).await?)?;
    communities::remove_member(w.tx(), target.clone()).await?;
    if let Some(p) = people::get(w.tx(), target.person_id).await? {
        let path = format!("/communities/{}", ids::encode(CommunityId(c.id)));
        let title = format!("You have been removed from {}", c.name);
        w.notify(p.id, Kind::MemberRemoved, &title, &path).await?;
        let mail = templates::member_removed(&p.email, &c.name, &cmd.reason, &w.link(&path));
        w.mail(&mail).await?;
    }
    let record = serde_json::json!({ "member": target, "reason": cmd.reason });
    w.audit("Community", c.id, "remove_member", Some(&record), None);
    w.commit().await?;
    Ok(c)
}

/// Cancel an invitation not yet answered (conveners and the programme team): its link stops
/// working. Returns the community it was for.
pub async fn cancel_invitation(
    st: &AppState,
    actor: &Viewer,
    invitation: CommunityInvitationId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, actor).await?;
    let missing = || AppError::field("invitationId", "There is no such invitation");
    let found = communities::invitation(w.tx(), invitation.0)
        .await?
        .ok_or_else(missing)?;
    let c = lock_owner(&w, found.community_id).await?;
    let mine = role_in(&w, c.id, actor.person).await?;
    d::check_manages_membership(mine, actor.is_programme_team(), "cancel invitations")?;
    // Locked after its community (the order every change keeps), and read again so.
    let inv = communities::invitation_for_change(w.tx(), invitation.0)
        .await?
        .ok_or_else(missing)?;
    d::check_can_cancel_invitation(d::invitation_state(inv.accepted, inv.sent_at, w.now()))?;
    communities::delete_invitation(w.tx(), inv.clone()).await?;
    w.audit_removed("Community", c.id, "cancel_invitation", &inv);
    w.commit().await?;
    Ok(c)
}
