//! One module per aggregate.

pub mod applications;
pub mod audit;
pub mod calls;
pub mod communities;
pub mod domains;
pub mod honoraria;
pub mod organisations;
pub mod outbox;
pub mod people;
pub mod selection;
pub mod sessions;

/// Lower-case, collapsed whitespace: the key that makes names unique regardless of case.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `%term%` for a case-insensitive search, with LIKE's wildcards escaped.
pub(crate) fn like_pattern(term: &str) -> String {
    let escaped = term
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
