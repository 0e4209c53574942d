//! Properties of calls (SPEC §1, FAQ 3–9): the application window and the parsing of a new call.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use convene_domain::call::{
    CallDraft, CallStatus, CallWindow, NewCall, MAX_CRITERIA, MAX_PLACES, MAX_REVIEWERS,
};
use convene_domain::money::MAX_PENCE;
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap()
}

/// An instant near `t0`: mostly within a few seconds (so that the edges get hit), sometimes months away.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        (-5i64..=5).prop_map(|s| t0() + Duration::seconds(s)),
        (-200_000i64..=200_000).prop_map(|s| t0() + Duration::seconds(s)),
        (-20_000_000i64..=20_000_000).prop_map(|s| t0() + Duration::seconds(s)),
    ]
}

fn status() -> impl Strategy<Value = CallStatus> {
    prop::sample::select(CallStatus::ALL.to_vec())
}

fn window() -> impl Strategy<Value = CallWindow> {
    (status(), instant(), instant()).prop_map(|(status, opens_at, closes_at)| CallWindow {
        status,
        opens_at,
        closes_at,
    })
}

/// A window whose opening is before its closing, as every published call has.
fn sane_window() -> impl Strategy<Value = CallWindow> {
    (status(), instant(), 1i64..=10_000_000).prop_map(|(status, opens_at, len)| CallWindow {
        status,
        opens_at,
        closes_at: opens_at + Duration::seconds(len),
    })
}

proptest! {
    #[test]
    fn accepting_iff_open_and_inside_the_window(w in window(), now in instant()) {
        let expected = w.status == CallStatus::Open && w.opens_at <= now && now < w.closes_at;
        prop_assert_eq!(w.accepting_applications(now), expected);
        match w.check_accepting(now) {
            Ok(()) => prop_assert!(expected),
            Err(e) => {
                prop_assert!(!expected);
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let names: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(names, vec!["callId"]);
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn status_at_is_never_open_from_the_closing_instant(w in window(), now in instant()) {
        let seen = w.status_at(now);
        if now >= w.closes_at {
            prop_assert_ne!(seen, CallStatus::Open);
        }
        if w.status != CallStatus::Open {
            // only an open call changes what people see with time
            prop_assert_eq!(seen, w.status);
        } else {
            prop_assert_eq!(seen, if now >= w.closes_at { CallStatus::Closed } else { CallStatus::Open });
        }
        // accepting implies the call is seen as open
        if w.accepting_applications(now) {
            prop_assert_eq!(seen, CallStatus::Open);
        }
    }

    #[test]
    fn once_closed_never_accepting_again(w in window(), after_close in 0i64..=30_000_000, later in 0i64..=30_000_000) {
        let t1 = w.closes_at + Duration::seconds(after_close);
        let t2 = t1 + Duration::seconds(later);
        prop_assert!(!w.accepting_applications(t1));
        prop_assert!(!w.accepting_applications(t2));
        prop_assert_eq!(w.status_at(t1), w.status_at(t2));
        prop_assert!(w.check_accepting(t2).is_err());
    }

    #[test]
    fn accepting_instants_form_one_interval(w in sane_window(), a in instant(), b in instant(), c in instant()) {
        let mut ts = [a, b, c];
        ts.sort();
        let [t1, t2, t3] = ts;
        if w.accepting_applications(t1) && w.accepting_applications(t3) {
            prop_assert!(w.accepting_applications(t2));
        }
        // before opening is never accepting, whatever the status
        if t1 < w.opens_at {
            prop_assert!(!w.accepting_applications(t1));
        }
    }

    #[test]
    fn an_open_window_accepts_at_its_edges(w in sane_window()) {
        let w = CallWindow { status: CallStatus::Open, ..w };
        prop_assert!(w.accepting_applications(w.opens_at));
        prop_assert!(w.accepting_applications(w.closes_at - Duration::seconds(1)));
        prop_assert!(!w.accepting_applications(w.closes_at));
        prop_assert!(!w.accepting_applications(w.opens_at - Duration::seconds(1)));
        prop_assert_eq!(w.status_at(w.closes_at), CallStatus::Closed);
    }

    #[test]
    fn only_a_draft_with_time_left_opens(w in window(), now in instant()) {
        let r = w.check_openable(now);
        prop_assert_eq!(r.is_ok(), w.status == CallStatus::Draft && w.closes_at > now);
        if let Err(e) = r {
            if w.status != CallStatus::Draft {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
            } else {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                prop_assert_eq!(&e.fields[0].field, "callId");
            }
        }
    }

    #[test]
    fn a_draft_cannot_open_from_its_closing_instant(w in sane_window(), after in 0i64..=1_000_000) {
        let w = CallWindow { status: CallStatus::Draft, ..w };
        prop_assert!(w.check_openable(w.closes_at - Duration::seconds(1)).is_ok());
        for now in [w.closes_at, w.closes_at + Duration::seconds(after)] {
            let e = w.check_openable(now).unwrap_err();
            prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
            prop_assert_eq!(&e.fields[0].field, "callId");
        }
    }

    #[test]
    fn only_an_open_call_closes(w in window(), now in instant()) {
        let r = w.check_closable(now);
        prop_assert_eq!(r.is_ok(), w.status == CallStatus::Open);
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }
}

#[test]
fn statuses_round_trip() {
    for s in CallStatus::ALL {
        assert_eq!(CallStatus::from_str(s.as_str()), Some(s));
    }
    assert_eq!(CallStatus::from_str("open"), None);
}

// ---------------------------------------------------------------------------------------------
// NewCall::parse

/// A call draft that owns its strings, so that strategies can build it.
#[derive(Debug, Clone)]
struct Draft {
    title: String,
    description: String,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    decision_due_on: NaiveDate,
    funded_places: i32,
    honorarium_pence: i64,
    reviewers_per_application: i32,
    criteria: Vec<(String, i32)>,
}

impl Draft {
    fn borrow(&self) -> CallDraft<'_> {
        CallDraft {
            title: &self.title,
            description: &self.description,
            opens_at: self.opens_at,
            closes_at: self.closes_at,
            decision_due_on: self.decision_due_on,
            funded_places: self.funded_places,
            honorarium_pence: self.honorarium_pence,
            reviewers_per_application: self.reviewers_per_application,
            criteria: self
                .criteria
                .iter()
                .map(|(n, w)| (n.as_str(), *w))
                .collect(),
        }
    }
}

/// The rule of `text::bounded`, restated: trimmed length in characters, no control characters
/// other than line breaks and tabs.
fn text_ok(v: &str, min: usize, max: usize) -> bool {
    let t = v.trim();
    let n = t.chars().count();
    min <= n
        && n <= max
        && !t
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn padding() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("\n\t ".to_string()),
        Just("\u{a0}".to_string())
    ]
}

fn padded(core: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (padding(), core, padding()).prop_map(|(a, c, b)| format!("{a}{c}{b}"))
}

/// `len` copies of `c`, for strings on either side of a length limit.
fn repeated(lens: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    (lens, prop::sample::select(vec!['x', 'é', '漢', '😀']))
        .prop_map(|(n, c)| std::iter::repeat_n(c, n).collect())
}

fn valid_title() -> impl Strategy<Value = String> {
    prop_oneof![
        padded("[A-Za-z0-9][A-Za-z0-9 ,.'-]{1,60}[A-Za-z0-9]"),
        padded(repeated(3..=200))
    ]
}

fn any_title() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => valid_title(),
        1 => padded("[A-Za-z]{0,2}"),
        1 => repeated(195..=205),
        1 => padded("[a-z]{1,4}\u{0}[a-z]{1,4}"),
        1 => Just("   ".to_string()),
    ]
}

fn valid_description() -> impl Strategy<Value = String> {
    prop_oneof![
        padded("[A-Za-z .\n]{0,80}"),
        Just(String::new()),
        repeated(19_990..=20_000)
    ]
}

fn any_description() -> impl Strategy<Value = String> {
    prop_oneof![3 => valid_description(), 1 => repeated(19_995..=20_005), 1 => Just("a\u{7}b".to_string())]
}

fn valid_criterion_name(i: usize) -> impl Strategy<Value = String> {
    // distinct by construction: the index is part of the name
    padded("[A-Za-z][A-Za-z ]{0,30}").prop_map(move |s| format!("{} {i}", s.trim()))
}

fn any_criterion_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => padded("[A-Za-z][A-Za-z ]{1,12}[A-Za-z]"),
        2 => prop::sample::select(vec!["Passion", "passion", " PASSION ", "Clarity", "clarity "]).prop_map(str::to_string),
        1 => padded("[A-Za-z]{0,1}"),
        1 => repeated(198..=203),
        1 => Just("a\u{1b}b".to_string()),
    ]
}

fn any_weight() -> impl Strategy<Value = i32> {
    prop_oneof![4 => 1i32..=100, 1 => -3i32..=0, 1 => 100i32..=104, 1 => any::<i32>()]
}

fn any_criteria() -> impl Strategy<Value = Vec<(String, i32)>> {
    prop_oneof![
        8 => prop::collection::vec((any_criterion_name(), any_weight()), 0..=5),
        1 => prop::collection::vec((any_criterion_name(), any_weight()), (MAX_CRITERIA - 1)..=(MAX_CRITERIA + 2)),
    ]
}

fn valid_criteria() -> impl Strategy<Value = Vec<(String, i32)>> {
    (1usize..=MAX_CRITERIA).prop_flat_map(|n| {
        (0..n)
            .map(|i| (valid_criterion_name(i), 1i32..=100))
            .collect::<Vec<_>>()
    })
}

fn valid_draft() -> impl Strategy<Value = Draft> {
    (
        valid_title(),
        valid_description(),
        instant(),
        1i64..=20_000_000,
        0i64..=400,
        1..=MAX_PLACES,
        prop_oneof![0..=MAX_PENCE, 0i64..=1_000_000, Just(0), Just(MAX_PENCE)],
        1..=MAX_REVIEWERS,
        valid_criteria(),
    )
        .prop_map(
            |(
                title,
                description,
                opens_at,
                len,
                due_days,
                places,
                honorarium,
                reviewers,
                criteria,
            )| {
                let closes_at = opens_at + Duration::seconds(len);
                Draft {
                    title,
                    description,
                    opens_at,
                    closes_at,
                    decision_due_on: closes_at.date_naive() + Duration::days(due_days),
                    funded_places: places,
                    honorarium_pence: honorarium,
                    reviewers_per_application: reviewers,
                    criteria,
                }
            },
        )
}

fn any_draft() -> impl Strategy<Value = Draft> {
    (
        any_title(),
        any_description(),
        instant(),
        instant(),
        -3i64..=3,
        prop_oneof![4 => 1..=MAX_PLACES, 1 => -2i32..=0, 1 => MAX_PLACES..=(MAX_PLACES + 2), 1 => any::<i32>()],
        prop_oneof![4 => 0..=MAX_PENCE, 1 => -5i64..=0, 1 => MAX_PENCE..=(MAX_PENCE + 5), 1 => any::<i64>()],
        prop_oneof![4 => 1..=MAX_REVIEWERS, 1 => -2i32..=0, 1 => MAX_REVIEWERS..=(MAX_REVIEWERS + 2)],
        any_criteria(),
    )
        .prop_map(|(title, description, opens_at, closes_at, due_days, places, honorarium, reviewers, criteria)| Draft {
            title,
            description,
            opens_at,
            closes_at,
            decision_due_on: closes_at.date_naive() + Duration::days(due_days),
            funded_places: places,
            honorarium_pence: honorarium,
            reviewers_per_application: reviewers,
            criteria,
        })
}

/// The fields at fault, independently of the code under test, sorted.
fn expected_bad_fields(d: &Draft) -> Vec<String> {
    let mut bad = Vec::new();
    if !text_ok(&d.title, 3, 200) {
        bad.push("title".to_string());
    }
    if !text_ok(&d.description, 0, 20_000) {
        bad.push("description".to_string());
    }
    if d.closes_at <= d.opens_at {
        bad.push("closesAt".to_string());
    }
    if d.decision_due_on < d.closes_at.date_naive() {
        bad.push("decisionDueOn".to_string());
    }
    if !(1..=100).contains(&d.funded_places) {
        bad.push("fundedPlaces".to_string());
    }
    if !(0..=1_000_000_000).contains(&d.honorarium_pence) {
        bad.push("honorariumPence".to_string());
    }
    if !(1..=20).contains(&d.reviewers_per_application) {
        bad.push("reviewersPerApplication".to_string());
    }
    if d.criteria.is_empty() || d.criteria.len() > 20 {
        bad.push("criteria".to_string());
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, (name, weight)) in d.criteria.iter().enumerate() {
        if !text_ok(name, 2, 200) {
            bad.push(format!("criteria.{i}.name"));
        } else {
            let key = name.trim().to_ascii_lowercase();
            if seen.contains(&key) {
                bad.push(format!("criteria.{i}.name"));
            }
            seen.push(key);
        }
        if !(1..=100).contains(weight) {
            bad.push(format!("criteria.{i}.weight"));
        }
    }
    bad.sort();
    bad
}

fn is_known_field(name: &str) -> bool {
    const TOP: [&str; 8] = [
        "title",
        "description",
        "closesAt",
        "decisionDueOn",
        "fundedPlaces",
        "honorariumPence",
        "reviewersPerApplication",
        "criteria",
    ];
    if TOP.contains(&name) {
        return true;
    }
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 3
        && parts[0] == "criteria"
        && parts[1]
            .parse::<usize>()
            .is_ok_and(|i| parts[1] == i.to_string())
        && (parts[2] == "name" || parts[2] == "weight")
}

proptest! {
    #[test]
    fn a_valid_call_parses_with_budget_places_times_honorarium(d in valid_draft()) {
        prop_assert_eq!(expected_bad_fields(&d), Vec::<String>::new(), "generator made an invalid draft");
        let product = d.funded_places as i64 * d.honorarium_pence;
        let r = NewCall::parse(d.borrow());
        if product <= MAX_PENCE {
            let c = r.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(c.budget.get(), product);
            prop_assert_eq!(c.budget.get(), c.honorarium.get() * c.funded_places as i64);
            prop_assert_eq!(c.honorarium.get(), d.honorarium_pence);
            prop_assert_eq!(c.funded_places as i32, d.funded_places);
            prop_assert_eq!(c.reviewers_per_application as i32, d.reviewers_per_application);
            prop_assert_eq!(&c.title, d.title.trim());
            prop_assert_eq!(&c.description, d.description.trim());
            prop_assert_eq!((c.opens_at, c.closes_at, c.decision_due_on), (d.opens_at, d.closes_at, d.decision_due_on));
            prop_assert_eq!(c.criteria.len(), d.criteria.len());
            for (got, (name, weight)) in c.criteria.iter().zip(&d.criteria) {
                prop_assert_eq!(got.name.as_str(), name.trim());
                prop_assert_eq!(got.weight as i32, *weight);
            }
        } else {
            // a budget beyond what we hold is refused on the honorarium, never wrapped or clamped
            let e = r.unwrap_err();
            prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
            let names: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
            prop_assert_eq!(names, vec!["honorariumPence"]);
        }
    }

    #[test]
    fn every_bad_field_is_reported_under_its_name(d in any_draft()) {
        let expected = expected_bad_fields(&d);
        let product = (d.funded_places as i64).checked_mul(d.honorarium_pence);
        match NewCall::parse(d.borrow()) {
            Ok(c) => {
                prop_assert!(expected.is_empty(), "accepted a draft with bad fields {:?}", expected);
                prop_assert_eq!(Some(c.budget.get()), product);
            }
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                for f in &e.fields {
                    prop_assert!(is_known_field(&f.field), "unknown field name {:?}", f.field);
                    prop_assert!(!f.message.is_empty());
                }
                let mut got: Vec<String> = e.fields.iter().map(|f| f.field.clone()).collect();
                got.sort();
                if expected.is_empty() {
                    // the only error left is the budget overflow
                    prop_assert!(product.is_none_or(|p| p > MAX_PENCE));
                    prop_assert_eq!(got, vec!["honorariumPence".to_string()]);
                } else {
                    prop_assert_eq!(got, expected);
                }
            }
        }
    }

    #[test]
    fn one_bad_field_is_named_alone(d in valid_draft(), which in 0usize..8, seed in any::<u8>()) {
        let mut d = d;
        d.honorarium_pence = d.honorarium_pence.min(MAX_PENCE / 100);
        let want = match which {
            0 => { d.title = ["", "  ", "ab", " ab "][seed as usize % 4].to_string(); "title".to_string() }
            1 => { d.description = "y".repeat(20_001); "description".to_string() }
            2 => { d.closes_at = d.opens_at - Duration::seconds(seed as i64); "closesAt".to_string() }
            3 => { d.decision_due_on = d.closes_at.date_naive() - Duration::days(1 + seed as i64); "decisionDueOn".to_string() }
            4 => { d.funded_places = [0, -1, MAX_PLACES + 1, i32::MIN][seed as usize % 4]; "fundedPlaces".to_string() }
            5 => { d.honorarium_pence = [-1, MAX_PENCE + 1, i64::MIN][seed as usize % 3]; "honorariumPence".to_string() }
            6 => { d.reviewers_per_application = [0, -1, MAX_REVIEWERS + 1][seed as usize % 3]; "reviewersPerApplication".to_string() }
            _ => {
                let i = seed as usize % d.criteria.len();
                if seed % 2 == 0 {
                    d.criteria[i].1 = [0, 101, -7][seed as usize % 3];
                    format!("criteria.{i}.weight")
                } else {
                    d.criteria[i].0 = "x".to_string();
                    format!("criteria.{i}.name")
                }
            }
        };
        let e = NewCall::parse(d.borrow()).unwrap_err();
        prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
        let names: Vec<String> = e.fields.iter().map(|f| f.field.clone()).collect();
        prop_assert_eq!(names, vec![want]);
    }

    #[test]
    fn a_repeated_criterion_name_is_named_at_the_repeat(d in valid_draft(), dup_case in prop::sample::select(vec!["same", "upper", "padded"])) {
        let mut d = d;
        let first = d.criteria[0].0.trim().to_string();
        let copy = match dup_case {
            "same" => first.clone(),
            "upper" => first.to_ascii_uppercase(),
            _ => format!("  {first}\t"),
        };
        d.criteria.push((copy, 5));
        let n = d.criteria.len() - 1;
        let e = NewCall::parse(d.borrow()).unwrap_err();
        let names: Vec<String> = e.fields.iter().map(|f| f.field.clone()).collect();
        if n < MAX_CRITERIA {
            prop_assert_eq!(names, vec![format!("criteria.{n}.name")]);
        } else {
            prop_assert_eq!(names, vec!["criteria".to_string(), format!("criteria.{n}.name")]);
        }
    }
}
