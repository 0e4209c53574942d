//! Notifications (SPEC §6): the bell's list, read and unread.

use crate::DomainError;

/// How many notifications one request may mark read.
pub const MAX_MARK_AT_ONCE: usize = 100;

/// A request marks at most `MAX_MARK_AT_ONCE` notifications read.
pub fn check_mark_batch(count: usize) -> Result<(), DomainError> {
    if count > MAX_MARK_AT_ONCE {
        return Err(DomainError::field("ids", "Mark at most 100 at once"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_a_hundred_are_marked_at_once() {
        assert!(check_mark_batch(0).is_ok());
        assert!(check_mark_batch(MAX_MARK_AT_ONCE).is_ok());
        let e = check_mark_batch(MAX_MARK_AT_ONCE + 1).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "ids");
        assert_eq!(e.message, "Mark at most 100 at once");
    }
}
