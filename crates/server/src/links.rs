//! Where things live in the SPA, for links in mail, calendars and notifications.

use convene_domain::ids::{CommunityId, MeetingId};
use convene_store::entities::meeting;
use convene_store::repo::{communities, notifications};
use convene_store::sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::auth::{derived_token, token_hash, INVITATION_TOKEN};

use crate::ids;

/// A meeting's page (`public_url` may be empty for a path).
pub fn meeting_page(public_url: &str, meeting: &meeting::Model) -> String {
    format!(
        "{}/communities/{}/meetings/{}",
        public_url.trim_end_matches('/'),
        ids::encode(CommunityId(meeting.community_id)),
        ids::encode(MeetingId(meeting.id))
    )
}

/// How a notification stores the link to a community invitation: by the invitation's id,
/// never its token (issue 15). [`shown`] writes the link out with the token when the
/// notification is shown to its person.
const INVITATION: &str = "invitation:";

/// The stored link of a notification about invitation `id`.
pub fn invitation_ref(id: Uuid) -> String {
    format!("{INVITATION}{id}")
}

/// The SPA page to accept invitation `id`, with its token (derived from `secret`).
pub fn invitation_page(secret: &str, id: Uuid) -> String {
    format!(
        "/invitations/{}",
        derived_token(secret, INVITATION_TOKEN, id)
    )
}

/// A notification's link as its person follows it: a stored invitation reference becomes the
/// invitation's page with its token; any other link is the path it is.
pub fn shown(secret: &str, stored: &str) -> String {
    match stored
        .strip_prefix(INVITATION)
        .and_then(|id| Uuid::parse_str(id).ok())
    {
        Some(id) => invitation_page(secret, id),
        None => stored.to_string(),
    }
}

/// Notifications stored before links were kept by reference hold an invitation's token in
/// their link (`/invitations/<token>`): store the invitation's reference instead (found by the
/// token's hash, as accepting it would), or the invitations page when the token matches none.
/// Returns how many changed.
pub async fn store_invitation_links(db: &impl ConnectionTrait) -> convene_store::Result<usize> {
    let mut changed = 0;
    loop {
        let rows = notifications::linking_to(db, "/invitations/", 200).await?;
        if rows.is_empty() {
            return Ok(changed);
        }
        for n in &rows {
            let token = n.link.trim_start_matches("/invitations/");
            let link = match communities::invitation_by_token(db, &token_hash(token)).await? {
                Some(inv) => invitation_ref(inv.id),
                None => "/".to_string(),
            };
            if notifications::replace_link(db, n.id, &n.link, &link).await? {
                changed += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_link_is_stored_without_its_token_and_shown_with_it() {
        let id = Uuid::from_u128(42);
        let stored = invitation_ref(id);
        let token = derived_token("k", INVITATION_TOKEN, id);
        assert!(!stored.contains(&token));
        assert_eq!(shown("k", &stored), format!("/invitations/{token}"));
        assert_eq!(shown("k", "/communities/x"), "/communities/x");
        assert_eq!(shown("k", "invitation:nonsense"), "invitation:nonsense");
    }
}
