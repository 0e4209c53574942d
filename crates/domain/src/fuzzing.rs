//! Fuzz targets for the domain's parsers: each takes any bytes, feeds them to a parser, and
//! panics if the parser panics or breaks one of its promises (a parsed value parses again to
//! itself, errors name their field, bounds hold). The cargo-fuzz targets in `fuzz/` call these
//! (nightly), and so does `tests/fuzz_parsers.rs` with proptest (stable, every `cargo test`).

use crate::account::{Email, NewPassword, PersonName, Role, MAX_PASSWORD_CHARS};
use crate::community::{parse_place_uri, parse_starts_at, MeetingMode};
use crate::money::{Pence, MAX_PENCE};
use crate::organisation::Sector;
use crate::partner::{join_scopes, parse_scopes, split_scopes, Scope};
use crate::selection::Score;
use crate::webhook::{parse_events, AllowList, Cidr};
use crate::DomainError;

/// A target: any bytes in, a panic when a promise is broken.
pub type Target = fn(&[u8]);

/// Every target, by name (the names of `fuzz/fuzz_targets/*.rs`).
pub const TARGETS: &[(&str, Target)] = &[
    ("starts_at", starts_at),
    ("email", email),
    ("scopes", scopes),
    ("money", money),
    ("address_ranges", address_ranges),
    ("free_text", free_text),
    ("words", words),
    ("lists", lists),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

#[track_caller]
fn names_its_field(e: &DomainError, field: &str) {
    assert!(
        e.fields.iter().any(|f| f.field == field),
        "an error that does not name {field}: {e:?}"
    );
}

/// A meeting's start: an RFC 3339 instant or a London wall-clock time. What parses is an
/// instant that, written back as RFC 3339, parses to itself.
pub fn starts_at(data: &[u8]) {
    match parse_starts_at("startsAt", &text(data)) {
        Ok(t) => assert_eq!(parse_starts_at("startsAt", &t.to_rfc3339()).ok(), Some(t)),
        Err(e) => names_its_field(&e, "startsAt"),
    }
}

/// An e-mail address: what parses is lower case, trimmed, has one `@` with text each side, fits
/// 254 characters, and parses to itself again.
pub fn email(data: &[u8]) {
    match Email::parse("email", &text(data)) {
        Ok(e) => {
            let s = e.as_str();
            assert_eq!(s, s.trim());
            assert_eq!(s, s.to_lowercase());
            assert!(s.len() <= 254);
            let (local, host) = s.split_once('@').expect("an @");
            assert!(!local.is_empty() && host.contains('.') && !host.contains('@'));
            assert_eq!(Email::parse("email", s).ok(), Some(e));
        }
        Err(e) => names_its_field(&e, "email"),
    }
}

/// A partner's scopes, as a list and as the stored space-separated form: what parses is
/// sorted, without repeats, and survives the round trip through storage.
pub fn scopes(data: &[u8]) {
    let raw = text(data);
    let list: Vec<String> = raw.split([',', ' ']).map(str::to_string).collect();
    match parse_scopes("scopes", &list) {
        Ok(s) => {
            assert!(!s.is_empty());
            assert!(s.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
            assert_eq!(split_scopes(&join_scopes(&s)), s);
        }
        Err(e) => names_its_field(&e, "scopes"),
    }
    // the stored form never fails: unknown words are ignored
    for s in split_scopes(&raw) {
        assert_eq!(Scope::from_str(s.as_str()), Some(s));
    }
}

/// Money from any eight bytes: accepted exactly from 0 to the maximum, shown as pounds that
/// read back to the same pence; scores from the next four, accepted exactly from 1 to 5.
pub fn money(data: &[u8]) {
    let mut eight = [0u8; 8];
    for (i, b) in data.iter().take(8).enumerate() {
        eight[i] = *b;
    }
    let v = i64::from_le_bytes(eight);
    match Pence::parse("amountPence", v) {
        Ok(p) => {
            assert!((0..=MAX_PENCE).contains(&v));
            let shown = p.to_string();
            let plain: String = shown
                .trim_start_matches('£')
                .chars()
                .filter(|c| *c != ',')
                .collect();
            let (pounds, pence) = plain.split_once('.').expect("pounds.pence");
            assert_eq!(
                pounds.parse::<i64>().unwrap() * 100 + pence.parse::<i64>().unwrap(),
                v
            );
        }
        Err(e) => {
            assert!(!(0..=MAX_PENCE).contains(&v));
            names_its_field(&e, "amountPence");
        }
    }
    let mut four = [0u8; 4];
    for (i, b) in data.iter().skip(8).take(4).enumerate() {
        four[i] = *b;
    }
    let s = i32::from_le_bytes(four);
    assert_eq!(Score::parse("score", s).is_ok(), (1..=5).contains(&s));
}

/// Address ranges and the operator's allow-list: a range contains its own base address, and
/// a list that parses allows what it names.
pub fn address_ranges(data: &[u8]) {
    let raw = text(data);
    if let Some(c) = Cidr::parse(raw.trim()) {
        let base = raw
            .trim()
            .split('/')
            .next()
            .unwrap()
            .trim_start_matches('[')
            .trim_end_matches(']');
        if let Ok(a) = base.parse() {
            assert!(c.contains(a), "{raw:?} does not contain its own base");
        }
    }
    if let Ok(list) = AllowList::parse(&raw) {
        for item in raw.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            if Cidr::parse(item).is_none() {
                assert!(list.allows_host(item), "{item:?} is listed but not allowed");
            }
        }
    }
}

/// Free text as people type it: names, passwords, place addresses, descriptions. What parses
/// is trimmed (passwords are kept as typed), bounded, and without control characters.
pub fn free_text(data: &[u8]) {
    let raw = text(data);
    let clean = |s: &str| {
        assert_eq!(s, s.trim());
        assert!(!s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
    };
    match PersonName::parse("name", &raw) {
        Ok(n) => {
            clean(n.as_str());
            assert!((1..=120).contains(&n.as_str().chars().count()));
        }
        Err(e) => names_its_field(&e, "name"),
    }
    match NewPassword::parse("password", &raw) {
        Ok(p) => {
            assert_eq!(p.expose(), raw);
            assert!(raw.chars().count() <= MAX_PASSWORD_CHARS && !raw.trim().is_empty());
        }
        Err(e) => names_its_field(&e, "password"),
    }
    match parse_place_uri("placeUri", &raw) {
        Ok(p) => assert!(!p.contains(char::is_whitespace) && p.len() <= 500),
        Err(e) => names_its_field(&e, "placeUri"),
    }
    match crate::text::bounded("notes", "notes", &raw, 0, 64) {
        Ok(t) => {
            clean(&t);
            assert!(t.chars().count() <= 64);
        }
        Err(e) => names_its_field(&e, "notes"),
    }
}

/// The enums' words: whatever `from_str` accepts is a word it writes back the same way.
pub fn words(data: &[u8]) {
    let raw = text(data);
    if let Some(r) = Role::from_str(&raw) {
        assert_eq!(Role::from_str(r.as_str()), Some(r));
    }
    if let Some(s) = Sector::from_str(&raw) {
        assert_eq!(s.as_str(), raw);
    }
    if let Some(m) = MeetingMode::from_str(&raw) {
        assert_eq!(m.as_str(), raw);
    }
    if let Some(s) = Scope::from_str(&raw) {
        assert_eq!(s.as_str(), raw.trim());
    }
}

/// Lists people type: webhook events and practice tags, split at commas. What parses is each
/// once, known (events) or lower case and bounded (tags).
pub fn lists(data: &[u8]) {
    let raw = text(data);
    let list: Vec<String> = raw.split(',').map(str::to_string).collect();
    match parse_events("events", &list) {
        Ok(ev) => {
            assert!(!ev.is_empty());
            assert!(ev
                .iter()
                .all(|e| crate::webhook::EVENTS.contains(&e.as_str())));
            let mut sorted = ev.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), ev.len(), "each once");
        }
        Err(e) => names_its_field(&e, "events"),
    }
    match crate::practice::parse_tags("tags", &list) {
        Ok(tags) => {
            for t in &tags {
                assert_eq!(*t, t.to_lowercase());
                assert!(!t.is_empty() && t.chars().count() <= crate::practice::MAX_TAG_CHARS);
            }
            let mut sorted = tags.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), tags.len(), "each once");
        }
        Err(e) => names_its_field(&e, "tags"),
    }
}
