//! Free text as people type it: trimmed, bounded, never empty where required.

use crate::DomainError;

/// Trim `value` and check its length in characters. `min == 0` allows empty text.
pub fn bounded(
    field: &str,
    label: &str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<String, DomainError> {
    let v = value.trim();
    let n = v.chars().count();
    if n < min {
        return Err(if min <= 1 {
            DomainError::field(field, format!("Enter {label}"))
        } else {
            DomainError::field(
                field,
                format!("{} must be {min} characters or more", capitalise(label)),
            )
        });
    }
    if n > max {
        return Err(DomainError::field(
            field,
            format!("{} must be {max} characters or fewer", capitalise(label)),
        ));
    }
    if v.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(DomainError::field(
            field,
            format!(
                "{} contains characters that cannot be saved",
                capitalise(label)
            ),
        ));
    }
    Ok(v.to_string())
}

/// A name or another single line (a title, a reference): as `bounded`, and no line breaks or
/// tabs either, so that it can never start a new header in a mail or a property in a calendar.
pub fn single_line(
    field: &str,
    label: &str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<String, DomainError> {
    let v = bounded(field, label, value, min, max)?;
    if v.chars().any(char::is_control) {
        return Err(DomainError::field(
            field,
            format!("{} must be on one line", capitalise(label)),
        ));
    }
    Ok(v)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_line_has_no_breaks_tabs_or_other_controls() {
        assert_eq!(
            single_line("name", "a name", " Eve Smith ", 1, 50).unwrap(),
            "Eve Smith"
        );
        for bad in [
            "Eve\r\nBcc: x@example.org",
            "Eve\nSmith",
            "Eve\tSmith",
            "Evil\r\nATTACH:x",
        ] {
            let e = single_line("name", "a name", bad, 1, 50).unwrap_err();
            assert_eq!(e.fields[0].field, "name", "{bad:?}");
            assert!(
                e.message.contains("one line") || e.message.contains("cannot be saved"),
                "{bad:?}"
            );
        }
        // many lines stay allowed where text may have them
        assert!(bounded("notes", "notes", "one\ntwo", 1, 50).is_ok());
    }

    #[test]
    fn trims_and_bounds() {
        assert_eq!(bounded("name", "a name", "  Ada  ", 1, 10).unwrap(), "Ada");
        assert_eq!(
            bounded("name", "a name", "   ", 1, 10).unwrap_err().message,
            "Enter a name"
        );
        assert_eq!(
            bounded("name", "a name", "abcdefghijk", 1, 10)
                .unwrap_err()
                .message,
            "A name must be 10 characters or fewer"
        );
        assert_eq!(bounded("x", "text", "", 0, 10).unwrap(), "");
        assert!(bounded("x", "text", "a\u{0}b", 0, 10).is_err());
        assert_eq!(bounded("x", "text", "a\nb", 0, 10).unwrap(), "a\nb");
    }
}
