//! The challenges board (SPEC §4, FAQ 2): members post significant challenges and reply to
//! each other; an anonymous post names nobody, not even in the audit log.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community_work::{Challenge, ChallengeReply};
use crate::usecases::communities::challenges as usecase;

#[derive(InputObject)]
pub struct PostChallengeInput {
    pub community_id: ID,
    pub title: String,
    pub body: String,
    /// Shown to other members (and everyone else) without your name.
    #[graphql(default)]
    pub anonymous: bool,
}
#[derive(SimpleObject)]
pub struct PostChallengePayload {
    pub challenge: Challenge,
}
#[derive(InputObject)]
pub struct ReplyToChallengeInput {
    pub challenge_id: ID,
    pub body: String,
    #[graphql(default)]
    pub anonymous: bool,
}
#[derive(SimpleObject)]
pub struct ReplyToChallengePayload {
    pub reply: ChallengeReply,
    pub challenge: Challenge,
}

#[derive(Default)]
pub struct ChallengeMutations;

#[Object]
impl ChallengeMutations {
    /// Bring a significant challenge to the community's members, anonymously if you wish.
    async fn post_challenge(
        &self,
        ctx: &Context<'_>,
        input: PostChallengeInput,
    ) -> ApiResult<PostChallengePayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::PostChallenge {
            community: ids::typed("communityId", &input.community_id)?,
            title: input.title,
            body: input.body,
            anonymous: input.anonymous,
        };
        let challenge = Challenge(usecase::post_challenge(state(ctx), v, cmd).await?);
        Ok(PostChallengePayload { challenge })
    }

    /// Reply to a challenge (members of its community), anonymously if you wish.
    async fn reply_to_challenge(
        &self,
        ctx: &Context<'_>,
        input: ReplyToChallengeInput,
    ) -> ApiResult<ReplyToChallengePayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::ReplyToChallenge {
            challenge: ids::typed("challengeId", &input.challenge_id)?,
            body: input.body,
            anonymous: input.anonymous,
        };
        let (reply, challenge) = usecase::reply_to_challenge(state(ctx), v, cmd).await?;
        Ok(ReplyToChallengePayload {
            reply: ChallengeReply(reply),
            challenge: Challenge(challenge),
        })
    }
}
