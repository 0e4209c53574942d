//! Properties of `money::Pence`: integer pence, bounded, and shown as `£1,234.56`.

use convene_domain::money::{Pence, MAX_PENCE};
use proptest::prelude::*;

/// Amounts on both sides of each edge of the accepted range, plus anything at all.
fn any_amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -1_000i64..=1_000,
        (MAX_PENCE - 1_000)..=(MAX_PENCE + 1_000),
        0..=MAX_PENCE,
        Just(i64::MIN),
        Just(i64::MAX),
    ]
}

/// Undo the display: drop the pound sign and the thousands commas, read pounds and pence.
fn read_back(shown: &str) -> i64 {
    let body = shown.strip_prefix('£').expect("starts with £");
    let plain: String = body.chars().filter(|c| *c != ',').collect();
    let (pounds, pennies) = plain.split_once('.').expect("has a decimal point");
    pounds.parse::<i64>().expect("pounds are digits") * 100
        + pennies.parse::<i64>().expect("pence are digits")
}

proptest! {
    #[test]
    fn parse_accepts_exactly_zero_to_max(value in any_amount(), field in "[a-z][a-zA-Z]{0,20}") {
        let r = Pence::parse(&field, value);
        prop_assert_eq!(r.is_ok(), (0..=MAX_PENCE).contains(&value));
        match r {
            Ok(p) => prop_assert_eq!(p.get(), value),
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                prop_assert_eq!(e.fields.len(), 1);
                prop_assert_eq!(&e.fields[0].field, &field);
            }
        }
    }

    #[test]
    fn display_has_two_decimals_and_round_trips(value in prop_oneof![0..=MAX_PENCE, 0i64..100_000, Just(0), Just(MAX_PENCE)]) {
        let p = Pence::parse("x", value).unwrap();
        let shown = p.to_string();
        prop_assert!(shown.starts_with('£'), "{}", shown);
        let (_, pennies) = shown.rsplit_once('.').expect("a decimal point");
        prop_assert_eq!(pennies.len(), 2, "{}", shown);
        prop_assert!(pennies.chars().all(|c| c.is_ascii_digit()), "{}", shown);
        prop_assert_eq!(shown.matches('.').count(), 1, "{}", shown);
        prop_assert_eq!(read_back(&shown), value, "{}", shown);
    }

    #[test]
    fn display_groups_pounds_in_threes(value in 0..=MAX_PENCE) {
        let shown = Pence::parse("x", value).unwrap().to_string();
        let pounds = shown.strip_prefix('£').unwrap().split_once('.').unwrap().0;
        let groups: Vec<&str> = pounds.split(',').collect();
        prop_assert!((1..=3).contains(&groups[0].len()), "{}", shown);
        for g in &groups[1..] {
            prop_assert_eq!(g.len(), 3, "{}", shown);
        }
        prop_assert!(groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit())), "{}", shown);
        // no leading zeros except for "£0.xx"
        prop_assert!(groups[0] == "0" || !groups[0].starts_with('0'), "{}", shown);
        prop_assert_eq!(groups[0] == "0", value < 100, "{}", shown);
    }

    #[test]
    fn times_is_exact_multiplication(value in 0..=MAX_PENCE, n in 0u32..=1_000) {
        let p = Pence::parse("x", value).unwrap();
        prop_assert_eq!(p.times(n).map(Pence::get), Some(value * n as i64));
    }

    #[test]
    fn ordering_follows_the_amount(a in 0..=MAX_PENCE, b in 0..=MAX_PENCE) {
        let (pa, pb) = (Pence::parse("x", a).unwrap(), Pence::parse("x", b).unwrap());
        prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
        prop_assert_eq!(pa == pb, a == b);
    }
}

#[test]
fn zero_is_zero_pence() {
    assert_eq!(Pence::zero().get(), 0);
    assert_eq!(Pence::zero(), Pence::parse("x", 0).unwrap());
    assert_eq!(Pence::zero().to_string(), "£0.00");
    assert_eq!(
        Pence::parse("x", MAX_PENCE).unwrap().to_string(),
        "£10,000,000.00"
    );
    assert_eq!(Pence::parse("x", 1).unwrap().to_string(), "£0.01");
    assert_eq!(Pence::parse("x", 100_000).unwrap().to_string(), "£1,000.00");
}
