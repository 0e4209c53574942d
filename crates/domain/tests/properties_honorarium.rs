//! Properties of honoraria (SPEC §3, FAQ 4, 7, 8): the split of a funded application's
//! honorarium to the penny, who is never paid, and the payments' life cycle and totals.

use chrono::{Duration, NaiveDate};
use convene_domain::call::HonorariumPolicy;
use convene_domain::honorarium::{
    check_approvable, check_cancellable, check_paid_on, check_payable, check_within_budget, split,
    totals, Payee, PaymentRoute, PaymentStatus, Share,
};
use convene_domain::ids::PersonId;
use convene_domain::money::{Pence, MAX_PENCE};
use proptest::prelude::*;

fn pence(v: i64) -> Pence {
    Pence::parse("x", v).unwrap()
}

/// Totals around the 2015 honorarium, tiny ones (more payees than pennies) and huge ones.
fn total() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(500_000i64),
        0i64..=20,
        0i64..=2_000_000,
        (MAX_PENCE - 20)..=MAX_PENCE,
    ]
}

/// Lead first, then co-leads: each eligible (NHS, academic, …) or not (industry, third sector).
fn payees() -> impl Strategy<Value = Vec<Payee>> {
    prop::collection::vec(any::<bool>(), 0..8).prop_map(|flags| {
        flags
            .into_iter()
            .map(|eligible| Payee {
                person: PersonId::new(),
                eligible,
            })
            .collect()
    })
}

fn policy() -> impl Strategy<Value = HonorariumPolicy> {
    prop_oneof![
        Just(HonorariumPolicy::Redistribute),
        Just(HonorariumPolicy::Forfeit)
    ]
}

fn amounts(s: &[Share]) -> Vec<i64> {
    s.iter().map(|x| x.amount.get()).collect()
}

/// `total` split equally among `n`, the odd pennies one each to the first ones.
fn equal_parts(total: i64, n: usize) -> Vec<i64> {
    if n == 0 {
        return vec![];
    }
    let base = total / n as i64;
    let odd = (total % n as i64) as usize;
    (0..n).map(|i| base + i64::from(i < odd)).collect()
}

fn status() -> impl Strategy<Value = PaymentStatus> {
    prop::sample::select(vec![
        PaymentStatus::Proposed,
        PaymentStatus::Approved,
        PaymentStatus::Paid,
        PaymentStatus::Cancelled,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_share_per_payee_in_order_and_ineligible_people_are_never_paid(
        t in total(), ps in payees(), pol in policy()
    ) {
        let s = split(pence(t), &ps, pol);
        prop_assert_eq!(s.len(), ps.len());
        for (share, payee) in s.iter().zip(&ps) {
            prop_assert_eq!(share.person, payee.person);
            prop_assert_eq!(share.eligible, payee.eligible);
            prop_assert!(share.amount.get() >= 0);
            if !payee.eligible {
                prop_assert_eq!(share.amount.get(), 0, "an industry / third-sector partner was paid");
            }
        }
        prop_assert!(amounts(&s).iter().sum::<i64>() <= t, "more paid than the honorarium");
    }

    #[test]
    fn redistribute_pays_the_whole_amount_to_the_penny_when_anyone_is_eligible(
        t in total(), ps in payees()
    ) {
        let s = split(pence(t), &ps, HonorariumPolicy::Redistribute);
        let sum: i64 = amounts(&s).iter().sum();
        if ps.iter().any(|p| p.eligible) {
            prop_assert_eq!(sum, t);
        } else {
            prop_assert_eq!(sum, 0);
        }
        // and exactly the equal parts among the eligible, lead first
        let paid: Vec<i64> = s.iter().filter(|x| x.eligible).map(|x| x.amount.get()).collect();
        prop_assert_eq!(paid, equal_parts(t, ps.iter().filter(|p| p.eligible).count()));
    }

    #[test]
    fn forfeit_pays_each_eligible_person_their_equal_share_of_everyone(
        t in total(), ps in payees()
    ) {
        // SPEC §3: under FORFEIT the partners' shares are simply not paid: the honorarium is
        // split among everyone (odd pennies lead first) and the ineligible parts are dropped.
        let s = split(pence(t), &ps, HonorariumPolicy::Forfeit);
        let nominal = equal_parts(t, ps.len());
        for (i, share) in s.iter().enumerate() {
            let want = if share.eligible { nominal[i] } else { 0 };
            prop_assert_eq!(share.amount.get(), want, "share {} of {:?}", i, amounts(&s));
        }
        let sum: i64 = amounts(&s).iter().sum();
        if !ps.is_empty() && ps.iter().all(|p| p.eligible) {
            prop_assert_eq!(sum, t, "everyone eligible: the whole amount is paid");
        }
    }

    #[test]
    fn odd_pennies_go_lead_first_and_parts_differ_by_at_most_a_penny(
        t in total(), ps in payees(), pol in policy()
    ) {
        let s = split(pence(t), &ps, pol);
        let paid: Vec<i64> = s.iter().filter(|x| x.eligible).map(|x| x.amount.get()).collect();
        for w in paid.windows(2) {
            prop_assert!(w[0] >= w[1], "a later payee got more than an earlier one: {:?}", paid);
        }
        if let (Some(max), Some(min)) = (paid.iter().max(), paid.iter().min()) {
            prop_assert!(max - min <= 1, "{:?}", paid);
        }
    }

    #[test]
    fn redistribute_never_pays_an_eligible_person_less_than_forfeit(
        t in total(), ps in payees()
    ) {
        let r = split(pence(t), &ps, HonorariumPolicy::Redistribute);
        let f = split(pence(t), &ps, HonorariumPolicy::Forfeit);
        for (i, (a, b)) in r.iter().zip(&f).enumerate() {
            if ps[i].eligible {
                prop_assert!(a.amount >= b.amount, "payee {}: {:?} < {:?}", i, amounts(&r), amounts(&f));
            }
        }
        let (sr, sf): (i64, i64) = (amounts(&r).iter().sum(), amounts(&f).iter().sum());
        prop_assert!(sr >= sf);
        if ps.iter().all(|p| p.eligible) {
            prop_assert_eq!(amounts(&r), amounts(&f), "with nobody ineligible the policies agree");
        }
    }

    #[test]
    fn totals_count_committed_and_paid(rows in prop::collection::vec((status(), 0i64..=1_000_000), 0..12)) {
        let shares: Vec<(PaymentStatus, Pence)> = rows.iter().map(|(s, a)| (*s, pence(*a))).collect();
        let (committed, paid) = totals(&shares);
        let want_c: i64 = rows.iter().filter(|(s, _)| *s != PaymentStatus::Cancelled).map(|(_, a)| a).sum();
        let want_p: i64 = rows.iter().filter(|(s, _)| *s == PaymentStatus::Paid).map(|(_, a)| a).sum();
        prop_assert_eq!(committed.get(), want_c);
        prop_assert_eq!(paid.get(), want_p);
        prop_assert!(paid <= committed);
    }

    #[test]
    fn the_budget_is_never_exceeded(c in 0i64..=MAX_PENCE, a in 0i64..=MAX_PENCE, b in 0i64..=MAX_PENCE) {
        let r = check_within_budget(pence(c), pence(a), pence(b));
        prop_assert_eq!(r.is_ok(), c + a <= b);
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }

    #[test]
    fn approving_only_a_proposed_payment_with_money_and_never_your_own(
        s in status(), amount in 0i64..=10, same in any::<bool>()
    ) {
        let payee = PersonId::new();
        let approver = if same { payee } else { PersonId::new() };
        match check_approvable(s, pence(amount), payee, approver) {
            Ok(()) => prop_assert!(!same && amount > 0 && s == PaymentStatus::Proposed),
            Err(e) if same => prop_assert_eq!(e.code, convene_domain::ErrorCode::Forbidden),
            Err(e) => {
                prop_assert!(amount == 0 || s != PaymentStatus::Proposed);
                prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
            }
        }
    }

    #[test]
    fn paying_needs_an_approved_payment_and_a_reference(s in status(), reference in "[ a-zA-Z0-9-]{0,12}") {
        match check_payable(s, &reference) {
            Ok(r) => {
                prop_assert_eq!(s, PaymentStatus::Approved);
                prop_assert_eq!(r.as_str(), reference.trim());
                prop_assert!(!r.is_empty());
            }
            Err(e) if s != PaymentStatus::Approved => prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState),
            Err(e) => {
                prop_assert!(reference.trim().is_empty());
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                prop_assert_eq!(&e.fields[0].field, "reference");
            }
        }
    }

    #[test]
    fn a_payment_date_is_never_in_the_future(days in -400i64..=400) {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let r = check_paid_on(today + Duration::days(days), today);
        prop_assert_eq!(r.is_ok(), days <= 0);
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
            prop_assert_eq!(&e.fields[0].field, "paidOn");
        }
    }

    #[test]
    fn only_unpaid_payments_can_be_cancelled(s in status()) {
        let r = check_cancellable(s);
        prop_assert_eq!(r.is_ok(), matches!(s, PaymentStatus::Proposed | PaymentStatus::Approved));
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }
}

#[test]
fn the_seed_examples() {
    let p = |eligible| Payee {
        person: PersonId::new(),
        eligible,
    };
    let five_k = pence(500_000);
    // £5,000 among three NHS co-leads, the odd pennies lead first
    assert_eq!(
        amounts(&split(
            five_k,
            &[p(true), p(true), p(true)],
            HonorariumPolicy::Redistribute
        )),
        [166_667, 166_667, 166_666]
    );
    // an industry lead with two NHS co-leads
    let industry_led = [p(false), p(true), p(true)];
    assert_eq!(
        amounts(&split(
            five_k,
            &industry_led,
            HonorariumPolicy::Redistribute
        )),
        [0, 250_000, 250_000]
    );
    assert_eq!(
        amounts(&split(five_k, &industry_led, HonorariumPolicy::Forfeit)),
        [0, 166_667, 166_666]
    );
    // two co-leads (FAQ 4)
    assert_eq!(
        amounts(&split(
            five_k,
            &[p(true), p(true)],
            HonorariumPolicy::Forfeit
        )),
        [250_000, 250_000]
    );
    // a third-sector lead alone is never paid
    assert_eq!(
        amounts(&split(five_k, &[p(false)], HonorariumPolicy::Redistribute)),
        [0]
    );
}

#[test]
fn statuses_and_routes_round_trip() {
    for s in [
        PaymentStatus::Proposed,
        PaymentStatus::Approved,
        PaymentStatus::Paid,
        PaymentStatus::Cancelled,
    ] {
        assert_eq!(PaymentStatus::from_str(s.as_str()), Some(s));
    }
    for r in [PaymentRoute::Employer, PaymentRoute::Person] {
        assert_eq!(PaymentRoute::from_str(r.as_str()), Some(r));
    }
    assert_eq!(PaymentStatus::from_str("proposed"), None);
}
