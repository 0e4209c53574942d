//! Where things live in the SPA, for links in mail, calendars and notifications.

use convene_domain::ids::{CommunityId, MeetingId};
use convene_store::entities::meeting;

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
