//! The challenges board (SPEC §4, FAQ 2): members bring significant challenges and get replies
//! from peers "without fear of judgment or blame"; a post can be anonymous to other members.

use super::{MemberRole, Stage};
use crate::ids::PersonId;
use crate::text::{bounded, single_line};
use crate::DomainError;

pub fn parse_challenge_title(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "a title", raw, 3, 200)
}

pub fn parse_challenge_body(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "what you would like to say", raw, 1, 10_000)
}

/// Members post and reply, while the community has not closed.
pub fn check_can_post(role: Option<MemberRole>, stage: Stage) -> Result<(), DomainError> {
    super::check_member(role)?;
    if stage == Stage::Closed {
        return Err(DomainError::invalid_state("This community has closed"));
    }
    Ok(())
}

/// Who is shown as a post's author: nobody when it is anonymous, except to the author
/// themselves. Conveners and the programme team see no more than anyone else.
pub fn shown_author(
    anonymous: bool,
    author: PersonId,
    viewer: Option<PersonId>,
) -> Option<PersonId> {
    if !anonymous || viewer == Some(author) {
        Some(author)
    } else {
        None
    }
}

/// Who the audit log names for a post: nobody when it is anonymous.
pub fn audit_actor(anonymous: bool, author: PersonId) -> Option<PersonId> {
    (!anonymous).then_some(author)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_posts_show_their_author_only_to_the_author() {
        let a = PersonId::new();
        let b = PersonId::new();
        assert_eq!(shown_author(true, a, Some(a)), Some(a));
        assert_eq!(shown_author(true, a, Some(b)), None);
        assert_eq!(shown_author(true, a, None), None);
        assert_eq!(shown_author(false, a, Some(b)), Some(a));
        assert_eq!(audit_actor(true, a), None);
        assert_eq!(audit_actor(false, a), Some(a));
    }

    #[test]
    fn members_post_while_the_community_is_open() {
        assert!(check_can_post(Some(MemberRole::Member), Stage::Active).is_ok());
        assert_eq!(
            check_can_post(None, Stage::Active).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_post(Some(MemberRole::Convener), Stage::Closed)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert_eq!(
            parse_challenge_title("title", "ab").unwrap_err().fields[0].field,
            "title"
        );
        assert_eq!(
            parse_challenge_body("body", " ").unwrap_err().fields[0].field,
            "body"
        );
    }
}
