//! Who belongs: invitations, joining, requests to join, leaving, and roles.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_store::begin_write;
use convene_store::repo::communities;

use super::super::audit;
use super::*;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::{
    Community, CommunityInvitation, CommunityMember, JoinRequest,
};
use crate::graphql::types::enums::MemberRole;
use crate::mail::{self, templates};
use convene_domain::community as d;

#[derive(InputObject)]
pub struct InviteMemberInput {
    pub community_id: ID,
    pub email: String,
    /// Your own words: a warm, peer-toned invitation (FAQ 10).
    pub message: String,
}
#[derive(SimpleObject)]
pub struct InviteMemberPayload {
    pub invitation: CommunityInvitation,
}
#[derive(InputObject)]
pub struct AcceptInvitationInput {
    /// The token from the e-mailed link.
    pub token: String,
}
#[derive(SimpleObject)]
pub struct AcceptInvitationPayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct DeclineInvitationInput {
    pub token: String,
}
#[derive(SimpleObject)]
pub struct DeclineInvitationPayload {
    pub declined: bool,
}
#[derive(InputObject)]
pub struct JoinCommunityInput {
    pub community_id: ID,
    /// For ON_REQUEST communities: a note to the conveners.
    pub note: Option<String>,
}
#[derive(SimpleObject)]
pub struct JoinCommunityPayload {
    pub community: Community,
    /// Whether you are a member now (OPEN) or have asked to join (ON_REQUEST).
    pub joined: bool,
    pub request: Option<JoinRequest>,
}
#[derive(InputObject)]
pub struct LeaveCommunityInput {
    pub community_id: ID,
}
#[derive(SimpleObject)]
pub struct LeaveCommunityPayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct DecideJoinRequestInput {
    pub request_id: ID,
    pub approve: bool,
    /// Required when declining.
    pub reason: Option<String>,
}
#[derive(SimpleObject)]
pub struct DecideJoinRequestPayload {
    pub request: JoinRequest,
}
#[derive(InputObject)]
pub struct SetMemberRoleInput {
    pub community_id: ID,
    pub person_id: ID,
    pub role: MemberRole,
}
#[derive(SimpleObject)]
pub struct SetMemberRolePayload {
    pub member: CommunityMember,
}

#[derive(Default)]
pub struct MembershipMutations;

use crate::auth::INVITATION_TOKEN;

#[Object]
impl MembershipMutations {
    /// Invite someone, with or without an account, by e-mail (conveners and core group). The
    /// link carries a single-use token that works for two weeks.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> ApiResult<InviteMemberPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let email = f.take(convene_domain::account::Email::parse("email", &input.email));
        let message = f.take(d::parse_invitation_message("message", &input.message));
        f.finish()?;
        let (email, message) = (email.expect("checked"), message.expect("checked"));
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(my_role(&tx, c.id, v.person.0).await?, "invite people")?;
        if stage(&c) == d::Stage::Closed {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This community has closed",
            ));
        }
        if let Some(p) = convene_store::repo::people::find_by_email(&tx, email.as_str()).await? {
            if communities::member(&tx, c.id, p.id).await?.is_some() {
                return Err(convene_domain::DomainError::conflict_on(
                    "email",
                    "This person is already a member",
                )
                .into());
            }
        }
        let id = uuid::Uuid::new_v4();
        let token = crate::auth::derived_token(&st.config.jwt_secret, INVITATION_TOKEN, id);
        let inv = communities::invite(
            &tx,
            id,
            c.id,
            email.as_str(),
            &message,
            &crate::auth::token_hash(&token),
            v.person.0,
            now,
        )
        .await?;
        let inviter = convene_store::repo::people::get(&tx, v.person.0)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        let link = format!(
            "{}/invitations/{token}",
            st.config.public_url.trim_end_matches('/')
        );
        mail::enqueue(
            &tx,
            &templates::community_invitation(email.as_str(), &inviter, &c.name, &message, &link),
            now,
        )
        .await?;
        if let Some(p) = convene_store::repo::people::find_by_email(&tx, email.as_str()).await? {
            crate::notify::add(
                &tx,
                p.id,
                crate::notify::Kind::CommunityInvitation,
                &format!("{inviter} invites you to join {}", c.name),
                &format!("/invitations/{token}"),
                now,
            )
            .await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "invite_member",
            None,
            Some(&inv),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(InviteMemberPayload {
            invitation: CommunityInvitation(inv),
        })
    }

    /// Accept an invitation by its token (signed in, with any account: the link is the proof).
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> ApiResult<AcceptInvitationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let inv =
            communities::invitation_by_token(&tx, &crate::auth::token_hash(input.token.trim()))
                .await?
                .ok_or_else(|| ApiError::field("token", "This invitation link is not valid"))?;
        d::check_invitation_usable(d::invitation_state(inv.accepted, inv.sent_at, now))?;
        let c = communities::lock(&tx, inv.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        if communities::member(&tx, c.id, v.person.0).await?.is_none() {
            communities::add_member(&tx, c.id, v.person.0, d::MemberRole::Member.as_str(), now)
                .await?;
        }
        let after =
            communities::answer_invitation(&tx, inv.clone(), Some(v.person.0), true, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "accept_invitation",
            Some(&inv),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AcceptInvitationPayload {
            community: Community(c),
        })
    }

    /// Decline an invitation by its token; no account needed.
    async fn decline_invitation(
        &self,
        ctx: &Context<'_>,
        input: DeclineInvitationInput,
    ) -> ApiResult<DeclineInvitationPayload> {
        let st = state(ctx);
        let now = now();
        let tx = begin_write(&st.db).await?;
        let inv =
            communities::invitation_by_token(&tx, &crate::auth::token_hash(input.token.trim()))
                .await?
                .ok_or_else(|| ApiError::field("token", "This invitation link is not valid"))?;
        d::check_invitation_usable(d::invitation_state(inv.accepted, inv.sent_at, now))?;
        let who = viewer(ctx).map(|v| v.person.0);
        let after = communities::answer_invitation(&tx, inv.clone(), who, false, now).await?;
        audit(
            &tx,
            viewer(ctx).map(|v| v.person.0),
            "Community",
            inv.community_id,
            "decline_invitation",
            Some(&inv),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(DeclineInvitationPayload { declined: true })
    }

    /// Join an OPEN community, or ask to join an ON_REQUEST one (with an optional note).
    async fn join_community(
        &self,
        ctx: &Context<'_>,
        input: JoinCommunityInput,
    ) -> ApiResult<JoinCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let note = d::parse_note("note", input.note.as_deref())?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        if communities::member(&tx, c.id, v.person.0).await?.is_some() {
            return Err(convene_domain::DomainError::conflict_on(
                "communityId",
                "You are already a member of this community",
            )
            .into());
        }
        let mode =
            d::MembershipMode::from_str(&c.membership_mode).unwrap_or(d::MembershipMode::OnRequest);
        let outcome = d::join(mode, stage(&c))?;
        let (joined, request) = match outcome {
            d::JoinOutcome::Joined => {
                let m = communities::add_member(
                    &tx,
                    c.id,
                    v.person.0,
                    d::MemberRole::Member.as_str(),
                    now,
                )
                .await?;
                audit(
                    &tx,
                    Some(v.person.0),
                    "Community",
                    c.id,
                    "join",
                    None,
                    Some(&m),
                    now,
                )
                .await?;
                (true, None)
            }
            d::JoinOutcome::Requested => {
                if communities::pending_request(&tx, c.id, v.person.0)
                    .await?
                    .is_some()
                {
                    return Err(convene_domain::DomainError::conflict_on(
                        "communityId",
                        "You have already asked to join: the conveners will answer",
                    )
                    .into());
                }
                let r = communities::request_to_join(&tx, c.id, v.person.0, &note, now).await?;
                audit(
                    &tx,
                    Some(v.person.0),
                    "Community",
                    c.id,
                    "request_to_join",
                    None,
                    Some(&r),
                    now,
                )
                .await?;
                (false, Some(JoinRequest(r)))
            }
        };
        tx.commit().await?;
        Ok(JoinCommunityPayload {
            community: Community(c),
            joined,
            request,
        })
    }

    /// Leave a community at any time; the last convener must hand over first.
    async fn leave_community(
        &self,
        ctx: &Context<'_>,
        input: LeaveCommunityInput,
    ) -> ApiResult<LeaveCommunityPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        let me = communities::member(&tx, c.id, v.person.0)
            .await?
            .ok_or_else(|| {
                ApiError::field("communityId", "You are not a member of this community")
            })?;
        let conveners = conveners(&tx, c.id).await?;
        d::check_can_leave(
            d::MemberRole::from_str(&me.role).unwrap_or(d::MemberRole::Member),
            conveners,
        )?;
        communities::remove_member(&tx, me.clone()).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "leave",
            Some(&me),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(LeaveCommunityPayload {
            community: Community(c),
        })
    }

    /// Approve or decline a request to join (conveners and core group); declining needs a reason.
    async fn decide_join_request(
        &self,
        ctx: &Context<'_>,
        input: DecideJoinRequestInput,
    ) -> ApiResult<DecideJoinRequestPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("requestId", "JoinRequest", &input.request_id)?;
        let reason = d::check_join_decision(input.approve, input.reason.as_deref())?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let r = communities::request(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("requestId", "There is no such request"))?;
        d::check_runs_it(
            my_role(&tx, r.community_id, v.person.0).await?,
            "decide on requests to join",
        )?;
        let current = d::RequestStatus::from_str(&r.status).unwrap_or(d::RequestStatus::Pending);
        let status = d::decide_request(current, input.approve)?.as_str();
        if input.approve
            && communities::member(&tx, r.community_id, r.person_id)
                .await?
                .is_none()
        {
            communities::add_member(
                &tx,
                r.community_id,
                r.person_id,
                d::MemberRole::Member.as_str(),
                now,
            )
            .await?;
        }
        let after =
            communities::decide_request(&tx, r.clone(), status, reason, v.person.0, now).await?;
        // the person who asked hears the answer, with the reason when it is no
        if let (Some(c), Some(p)) = (
            communities::get(&tx, r.community_id).await?,
            convene_store::repo::people::get(&tx, r.person_id).await?,
        ) {
            let link = format!(
                "{}/communities/{}",
                st.config.public_url.trim_end_matches('/'),
                ids::encode("Community", c.id).0
            );
            mail::enqueue(
                &tx,
                &templates::join_request_decided(
                    &p.email,
                    &c.name,
                    input.approve,
                    after.reason.as_deref(),
                    &link,
                ),
                now,
            )
            .await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            r.community_id,
            "decide_join_request",
            Some(&r),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(DecideJoinRequestPayload {
            request: JoinRequest(after),
        })
    }

    /// Make someone a co-convener, core member or member (conveners only); the last convener stays.
    async fn set_member_role(
        &self,
        ctx: &Context<'_>,
        input: SetMemberRoleInput,
    ) -> ApiResult<SetMemberRolePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        let actor = my_role(&tx, c.id, v.person.0).await?.ok_or_else(|| {
            ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "Only a convener can change members' roles",
            )
        })?;
        let target = communities::member(&tx, c.id, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "This person is not a member"))?;
        let conveners = conveners(&tx, c.id).await?;
        let to: d::MemberRole = input.role.into();
        d::check_role_change(
            actor,
            d::MemberRole::from_str(&target.role).unwrap_or(d::MemberRole::Member),
            to,
            conveners,
        )?;
        let after = communities::set_role(&tx, target.clone(), to.as_str()).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "set_member_role",
            Some(&target),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(SetMemberRolePayload {
            member: CommunityMember(after),
        })
    }
}
