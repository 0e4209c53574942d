//! Properties of accounts (SPEC §7): e-mail addresses, new passwords, names and professions.

use convene_domain::account::{
    parse_profession, Email, NewPassword, PersonName, Role, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS,
};
use proptest::prelude::*;

fn ws() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            ' ', '\t', '\n', '\r', '\u{a0}', '\u{2003}', '\u{3000}', '\u{85}',
        ]),
        0..3,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn local_part() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9._%+'-]{0,20}"
}

fn host() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9-]{0,10}(\\.[A-Za-z0-9][A-Za-z0-9-]{0,10}){1,3}"
}

/// Addresses people could plausibly type, valid or not.
fn raw_email() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (ws(), local_part(), host(), ws()).prop_map(|(a, l, h, b)| format!("{a}{l}@{h}{b}")),
        1 => "[A-Za-zÀ-ÿ0-9@. ,<>-]{0,30}",
        1 => (local_part(), "[A-Za-z0-9@. -]{0,20}").prop_map(|(l, h)| format!("{l}@{h}")),
        1 => "\\PC{0,40}",
        1 => (local_part(), "[İKÅΣ]{1,3}", host()).prop_map(|(l, u, h)| format!("{l}{u}@{h}")),
    ]
}

fn assert_field_error(e: &convene_domain::DomainError, field: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
    prop_assert_eq!(e.fields.len(), 1);
    prop_assert_eq!(&e.fields[0].field, field);
    prop_assert!(!e.message.is_empty());
    Ok(())
}

proptest! {
    #[test]
    fn email_parse_is_idempotent_and_lower_case(raw in raw_email()) {
        match Email::parse("email", &raw) {
            Ok(e) => {
                let s = e.as_str();
                prop_assert_eq!(Email::parse("email", s), Ok(e.clone()));
                prop_assert_eq!(s.to_lowercase(), s);
                prop_assert!(!s.chars().any(char::is_whitespace), "{:?}", s);
                prop_assert_eq!(s.matches('@').count(), 1, "{:?}", s);
                let (local, host) = s.split_once('@').unwrap();
                prop_assert!(!local.is_empty() && local.len() <= 64);
                prop_assert!(host.contains('.') && !host.starts_with('.') && !host.ends_with('.') && !host.contains(".."));
                prop_assert!(s.len() <= 254);
                prop_assert_eq!(e.clone().into_string(), s.to_string());
            }
            Err(err) => assert_field_error(&err, "email")?,
        }
    }

    #[test]
    fn well_formed_addresses_are_accepted_whatever_the_case_and_padding(pre in ws(), l in local_part(), h in host(), post in ws()) {
        let plain = format!("{l}@{h}");
        let e = Email::parse("email", &format!("{pre}{plain}{post}")).map_err(|e| TestCaseError::fail(format!("{plain:?}: {e:?}")))?;
        prop_assert_eq!(e.as_str(), plain.to_ascii_lowercase());
        prop_assert_eq!(Email::parse("email", &plain.to_ascii_uppercase()), Ok(e.clone()));
        prop_assert_eq!(Email::parse("email", &plain.to_ascii_lowercase()), Ok(e));
    }

    #[test]
    fn whitespace_inside_an_address_is_refused(
        l in local_part(),
        h in host(),
        at in any::<prop::sample::Index>(),
        space in prop::sample::select(vec![' ', '\t', '\n', '\u{a0}', '\u{2003}', '\u{3000}']),
    ) {
        let plain = format!("{l}@{h}");
        // an interior position: after the first character and before the last
        let chars: Vec<char> = plain.chars().collect();
        let i = 1 + at.index(chars.len() - 1);
        let with_space: String = chars[..i].iter().chain(std::iter::once(&space)).chain(&chars[i..]).collect();
        let e = Email::parse("work_email", &with_space).unwrap_err();
        assert_field_error(&e, "work_email")?;
    }

    #[test]
    fn over_long_addresses_are_refused(l in 1usize..=80, h in 1usize..=260) {
        let s = format!("{}@{}.uk", "a".repeat(l), "b".repeat(h));
        let r = Email::parse("email", &s);
        prop_assert_eq!(r.is_ok(), l <= 64 && s.len() <= 254, "{} {}", l, h);
        if let Err(e) = r {
            assert_field_error(&e, "email")?;
        }
    }

    /// Email addresses go into the database and into e-mail headers; a control character (NUL
    /// cannot even be stored in PostgreSQL text) must be a VALIDATION error, not a server error.
    #[test]

    fn a_parsed_email_has_no_control_characters(
        l in local_part(),
        h in host(),
        c in prop::sample::select(vec!['\u{0}', '\u{1}', '\u{7}', '\u{1b}', '\u{7f}', '\u{9f}']),
    ) {
        let raw = format!("{l}{c}x@{h}");
        let r = Email::parse("email", &raw);
        prop_assert!(r.is_err(), "accepted {:?}", raw);
        assert_field_error(&r.unwrap_err(), "email")?;
    }
}

fn password_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec!['é', '漢', '😀', 'ß']),
        2 => prop::sample::select(vec![' ', '\t', '\n', '\u{a0}', '\u{3000}']),
        1 => any::<char>(),
    ]
}

fn password() -> impl Strategy<Value = String> {
    let chars = |n: std::ops::Range<usize>| {
        prop::collection::vec(password_char(), n).prop_map(|cs| cs.into_iter().collect::<String>())
    };
    prop_oneof![
        chars(0..300),
        chars(MIN_PASSWORD_CHARS - 2..MIN_PASSWORD_CHARS + 2),
        chars(MAX_PASSWORD_CHARS - 2..MAX_PASSWORD_CHARS + 2),
        (
            MIN_PASSWORD_CHARS - 2..MAX_PASSWORD_CHARS + 3,
            prop::sample::select(vec![' ', '\t', '\u{3000}', '\u{a0}'])
        )
            .prop_map(|(n, c)| std::iter::repeat_n(c, n).collect()),
        (
            MIN_PASSWORD_CHARS - 2..MIN_PASSWORD_CHARS + 2,
            prop::sample::select(vec!['é', '漢', '😀'])
        )
            .prop_map(|(n, c)| std::iter::repeat_n(c, n).collect()),
    ]
}

proptest! {
    #[test]
    fn a_password_is_twelve_to_256_characters_not_all_whitespace(raw in password()) {
        let n = raw.chars().count();
        let want = (MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&n) && raw.chars().any(|c| !c.is_whitespace());
        match NewPassword::parse("newPassword", &raw) {
            Ok(p) => {
                prop_assert!(want, "accepted {} characters: {:?}", n, raw);
                // kept exactly as typed: never trimmed
                prop_assert_eq!(p.expose(), raw.as_str());
                let shown = format!("{p:?}");
                prop_assert!(!shown.contains(raw.as_str()), "Debug leaks the password");
            }
            Err(e) => {
                prop_assert!(!want, "refused {} characters: {:?}", n, raw);
                assert_field_error(&e, "newPassword")?;
            }
        }
    }

    #[test]
    fn names_are_trimmed_and_one_to_120_characters(pre in "[ \t]{0,2}", core in "[A-Za-zé' -]{0,125}", post in "[ \t]{0,2}") {
        let raw = format!("{pre}{core}{post}");
        let n = raw.trim().chars().count();
        match PersonName::parse("name", &raw) {
            Ok(p) => {
                prop_assert!((1..=120).contains(&n));
                prop_assert_eq!(p.as_str(), raw.trim());
            }
            Err(e) => {
                prop_assert!(!(1..=120).contains(&n));
                assert_field_error(&e, "name")?;
            }
        }
    }

    #[test]
    fn a_blank_profession_is_no_profession(raw in prop::option::of(prop_oneof!["[ \t\n]{0,3}", "[ ]{0,2}[A-Za-z][A-Za-z ]{0,20}"])) {
        let r = parse_profession("profession", raw.as_deref()).unwrap();
        match raw.as_deref().map(str::trim) {
            None | Some("") => prop_assert_eq!(r, None),
            Some(v) => prop_assert_eq!(r.as_deref(), Some(v)),
        }
    }
}

#[test]
fn roles_round_trip() {
    for r in Role::ALL {
        assert_eq!(Role::from_str(r.as_str()), Some(r));
    }
}
