//! The challenges board (SPEC §4, FAQ 2): members post significant challenges and reply to
//! each other; an anonymous post names nobody, not even in the audit log.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::ids::PersonId;
use convene_store::begin_write;
use convene_store::repo::community_work as repo;
use serde::Serialize;

use super::*;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community_work::{Challenge, ChallengeReply};
use convene_domain::community as d;

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

/// What the audit log keeps of a post: without its author when it is anonymous.
fn snapshot<T: Serialize>(row: &T, anonymous: bool) -> serde_json::Value {
    let mut v = serde_json::to_value(row).expect("serialisable");
    if anonymous {
        if let Some(o) = v.as_object_mut() {
            o.remove("author_id");
        }
    }
    v
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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let title = f.take(d::parse_challenge_title("title", &input.title));
        let body = f.take(d::parse_challenge_body("body", &input.body));
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_can_post(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let row = repo::post_challenge(
            &tx,
            c.id,
            &title.expect("checked"),
            &body.expect("checked"),
            input.anonymous,
            v.person.0,
            now,
        )
        .await?;
        let actor = d::audit_actor(row.anonymous, PersonId(v.person.0)).map(|p| p.0);
        audit(
            &tx,
            actor,
            "Challenge",
            row.id,
            "post_challenge",
            None,
            Some(&snapshot(&row, row.anonymous)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(PostChallengePayload {
            challenge: Challenge(row),
        })
    }

    /// Reply to a challenge (members of its community), anonymously if you wish.
    async fn reply_to_challenge(
        &self,
        ctx: &Context<'_>,
        input: ReplyToChallengeInput,
    ) -> ApiResult<ReplyToChallengePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("challengeId", "Challenge", &input.challenge_id)?;
        let body = d::parse_challenge_body("body", &input.body)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let ch = repo::challenge(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("challengeId", "There is no such challenge"))?;
        let c = convene_store::repo::communities::lock(&tx, ch.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_can_post(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let row = repo::reply(&tx, ch.id, &body, input.anonymous, v.person.0, now).await?;
        if ch.author_id != v.person.0 {
            // the replier stays unnamed here whether or not they chose anonymity
            crate::notify::add(
                &tx,
                ch.author_id,
                crate::notify::Kind::ChallengeReply,
                &format!("A member replied to your challenge: {}", ch.title),
                &format!(
                    "/communities/{}/challenges",
                    ids::encode("Community", c.id).0
                ),
                now,
            )
            .await?;
        }
        let actor = d::audit_actor(row.anonymous, PersonId(v.person.0)).map(|p| p.0);
        audit(
            &tx,
            actor,
            "ChallengeReply",
            row.id,
            "reply_to_challenge",
            None,
            Some(&snapshot(&row, row.anonymous)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ReplyToChallengePayload {
            reply: ChallengeReply(row),
            challenge: Challenge(ch),
        })
    }
}
