//! Who belongs: invitations, joining, requests to join, leaving, and roles.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::account::Email;
use convene_domain::community as d;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community::{
    Community, CommunityInvitation, CommunityMember, JoinRequest,
};
use crate::graphql::types::enums::MemberRole;
use crate::usecases::communities::membership as usecase;

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
#[derive(InputObject)]
pub struct RemoveMemberInput {
    pub community_id: ID,
    pub person_id: ID,
    /// Why: the person is told it, by notification and e-mail (required, up to 1,000 characters).
    pub reason: String,
}
#[derive(SimpleObject)]
pub struct RemoveMemberPayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct CancelInvitationInput {
    pub invitation_id: ID,
}
#[derive(SimpleObject)]
pub struct CancelInvitationPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct MembershipMutations;

#[Object]
impl MembershipMutations {
    /// Invite someone, with or without an account, by e-mail (conveners and core group). The
    /// link carries a single-use token that works for two weeks.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        input: InviteMemberInput,
    ) -> ApiResult<InviteMemberPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let email = f.take(Email::parse("email", &input.email));
        let message = f.take(d::parse_invitation_message("message", &input.message));
        f.finish()?;
        let (Some(email), Some(message)) = (email, message) else {
            return Err(crate::graphql::error::ApiError::internal(
                "checked fields missing",
            ));
        };
        let community = ids::typed("communityId", &input.community_id)?;
        let cmd = usecase::InviteMember {
            community,
            email,
            message,
        };
        let inv = usecase::invite_member(state(ctx), v, cmd).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let c = usecase::accept_invitation(state(ctx), v, &input.token).await?;
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
        usecase::decline_invitation(state(ctx), viewer(ctx), &input.token).await?;
        Ok(DeclineInvitationPayload { declined: true })
    }

    /// Join an OPEN community, or ask to join an ON_REQUEST one (with an optional note).
    async fn join_community(
        &self,
        ctx: &Context<'_>,
        input: JoinCommunityInput,
    ) -> ApiResult<JoinCommunityPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::JoinCommunity {
            note: d::parse_note("note", input.note.as_deref())?,
            community: ids::typed("communityId", &input.community_id)?,
        };
        let done = usecase::join_community(state(ctx), v, cmd).await?;
        Ok(JoinCommunityPayload {
            community: Community(done.community),
            joined: done.joined,
            request: done.request.map(JoinRequest),
        })
    }

    /// Leave a community at any time; the last convener must hand over first.
    async fn leave_community(
        &self,
        ctx: &Context<'_>,
        input: LeaveCommunityInput,
    ) -> ApiResult<LeaveCommunityPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("communityId", &input.community_id)?;
        let c = usecase::leave_community(state(ctx), v, id).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::DecideJoinRequest {
            request: ids::typed("requestId", &input.request_id)?,
            approve: input.approve,
            reason: input.reason,
        };
        let after = usecase::decide_join_request(state(ctx), v, cmd).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::SetMemberRole {
            person: ids::typed("personId", &input.person_id)?,
            community: ids::typed("communityId", &input.community_id)?,
            role: input.role.into(),
        };
        let after = usecase::set_member_role(state(ctx), v, cmd).await?;
        Ok(SetMemberRolePayload {
            member: CommunityMember(after),
        })
    }

    /// Remove someone from a community (its conveners and the programme team; never the last
    /// convener). The person is told, with the reason.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        input: RemoveMemberInput,
    ) -> ApiResult<RemoveMemberPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::RemoveMember {
            community: ids::typed("communityId", &input.community_id)?,
            person: ids::typed("personId", &input.person_id)?,
            reason: d::parse_removal_reason("reason", &input.reason)?,
        };
        let c = usecase::remove_member(state(ctx), v, cmd).await?;
        Ok(RemoveMemberPayload {
            community: Community(c),
        })
    }

    /// Cancel an invitation not yet answered (conveners and the programme team); its link
    /// stops working.
    async fn cancel_invitation(
        &self,
        ctx: &Context<'_>,
        input: CancelInvitationInput,
    ) -> ApiResult<CancelInvitationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("invitationId", &input.invitation_id)?;
        let c = usecase::cancel_invitation(state(ctx), v, id).await?;
        Ok(CancelInvitationPayload {
            community: Community(c),
        })
    }
}
