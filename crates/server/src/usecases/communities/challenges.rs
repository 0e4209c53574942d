//! The challenges board (SPEC §4, FAQ 2): members post significant challenges and reply to
//! each other; an anonymous post names nobody, not even in the audit log.

use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{ChallengeId, CommunityId};
use convene_domain::Fields;
use convene_store::entities::{challenge, challenge_reply};
use convene_store::repo::community_work as repo;
use serde::Serialize;

use super::locks::{community_for_change, held, held_of};
use crate::ids;
use crate::notify::Kind;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

pub struct PostChallenge {
    pub community: CommunityId,
    pub title: String,
    pub body: String,
    /// Shown to other members (and everyone else) without the author's name.
    pub anonymous: bool,
}

pub struct ReplyToChallenge {
    pub challenge: ChallengeId,
    pub body: String,
    pub anonymous: bool,
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

/// A write on a post's behalf: an anonymous one has nobody as its actor in the audit log.
async fn write_as<'s>(st: &'s AppState, v: &Viewer, anonymous: bool) -> AppResult<Write<'s>> {
    Write::begin(st, d::audit_actor(anonymous, v.person)).await
}

/// Bring a significant challenge to the community's members, anonymously if they wish.
pub async fn post_challenge(
    st: &AppState,
    v: &Viewer,
    cmd: PostChallenge,
) -> AppResult<challenge::Model> {
    let mut f = Fields::new();
    let title = f.take(d::parse_challenge_title("title", &cmd.title));
    let body = f.take(d::parse_challenge_body("body", &cmd.body));
    f.finish()?;
    let (title, body) = (title.expect("checked"), body.expect("checked"));
    let mut w = write_as(st, v, cmd.anonymous).await?;
    let h = held(&w, community_for_change(&w, cmd.community).await?, v.person).await?;
    d::check_can_post(h.role, h.stage)?;
    let row = repo::post_challenge(
        w.tx(),
        h.community.id,
        &title,
        &body,
        cmd.anonymous,
        v.person.0,
        w.now(),
    )
    .await?;
    let after = snapshot(&row, row.anonymous);
    w.audit_created("Challenge", row.id, "post_challenge", &after);
    w.commit().await?;
    Ok(row)
}

/// Reply to a challenge (members of its community), anonymously if they wish; its author is
/// told, without the replier's name.
pub async fn reply_to_challenge(
    st: &AppState,
    v: &Viewer,
    cmd: ReplyToChallenge,
) -> AppResult<(challenge_reply::Model, challenge::Model)> {
    let body = d::parse_challenge_body("body", &cmd.body)?;
    let mut w = write_as(st, v, cmd.anonymous).await?;
    let ch = repo::challenge(w.tx(), cmd.challenge.0)
        .await?
        .ok_or_else(|| AppError::field("challengeId", "There is no such challenge"))?;
    let h = held_of(&w, ch.community_id, v.person).await?;
    d::check_can_post(h.role, h.stage)?;
    let row = repo::reply(w.tx(), ch.id, &body, cmd.anonymous, v.person.0, w.now()).await?;
    if ch.author_id != v.person.0 {
        // the replier stays unnamed here whether or not they chose anonymity
        let title = format!("A member replied to your challenge: {}", ch.title);
        let link = format!(
            "/communities/{}/challenges",
            ids::encode(CommunityId(h.community.id))
        );
        w.notify(ch.author_id, Kind::ChallengeReply, &title, &link)
            .await?;
    }
    let after = snapshot(&row, row.anonymous);
    w.audit_created("ChallengeReply", row.id, "reply_to_challenge", &after);
    w.commit().await?;
    Ok((row, ch))
}
