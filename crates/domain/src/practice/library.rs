//! The library's search input, made safe: people type words, never query syntax.

pub const MAX_SEARCH_TERMS: usize = 12;
pub const MAX_TERM_CHARS: usize = 64;

/// The words of a search, lower case: everything that is not a letter or a digit separates
/// words, so quotes, operators (`AND`, `-`, `*`, `:`, `^`) and brackets are never syntax. Words
/// such as `and`, `or`, `not` and `near` are plain words too (the store quotes each one).
/// Punctuation alone gives no words: the library then lists everything.
pub fn search_terms(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in raw.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w: String = w
            .chars()
            .take(MAX_TERM_CHARS)
            .collect::<String>()
            .to_lowercase();
        if !out.contains(&w) {
            out.push(w);
        }
        if out.len() == MAX_SEARCH_TERMS {
            break;
        }
    }
    out
}
