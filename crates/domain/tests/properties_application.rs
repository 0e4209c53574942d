//! Properties of applications (SPEC §1, FAQ 3–9): submission, the NHS-partner rule (FAQ 7),
//! patches to the text, and the small state checks around them.

use chrono::{DateTime, Duration, TimeZone, Utc};
use convene_domain::account::Email;
use convene_domain::application::{
    check_answerable, check_editable, check_invitable, check_nhs_partner, check_submittable,
    check_withdrawable, Answers, ApplicationStatus, CoLeadState, Participant, MAX_ANSWER_CHARS,
    MAX_CO_LEADS,
};
use convene_domain::call::{CallStatus, CallWindow};
use convene_domain::ids::PersonId;
use convene_domain::organisation::{OrganisationFacts, Sector};
use convene_domain::question::{default_questions, Question};
use proptest::prelude::*;

/// The seven input field names, written out so that a rename is caught here.
const FIELDS: [&str; 7] = [
    "motivation",
    "domainSketch",
    "memberMap",
    "invitationDraft",
    "firstMeeting",
    "hopedForChange",
    "supportWanted",
];

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 10, 9, 0, 0).unwrap()
}

fn sector() -> impl Strategy<Value = Sector> {
    prop::sample::select(Sector::ALL.to_vec())
}

fn state() -> impl Strategy<Value = CoLeadState> {
    prop::sample::select(vec![
        CoLeadState::Invited,
        CoLeadState::Accepted,
        CoLeadState::Declined,
    ])
}

fn app_status() -> impl Strategy<Value = ApplicationStatus> {
    prop::sample::select(ApplicationStatus::ALL.to_vec())
}

fn organisation() -> impl Strategy<Value = Option<OrganisationFacts>> {
    prop::option::weighted(
        0.85,
        (sector(), any::<bool>())
            .prop_map(|(sector, nhs_member)| OrganisationFacts { sector, nhs_member }),
    )
}

/// Anybody at all: lead or not, in any state, with or without an organisation.
fn participant(i: usize) -> impl Strategy<Value = Participant> {
    (any::<bool>(), any::<bool>(), state(), organisation()).prop_map(
        move |(has_person, is_lead, state, organisation)| Participant {
            person: has_person.then(PersonId::new),
            email: format!("p{i}@example.nhs.uk"),
            is_lead,
            state,
            organisation,
        },
    )
}

fn participants(max: usize) -> impl Strategy<Value = Vec<Participant>> {
    (0..=max).prop_flat_map(|n| (0..n).map(participant).collect::<Vec<_>>())
}

/// An application as it is stored: exactly one lead (accepted) and co-leads in any state.
fn team() -> impl Strategy<Value = Vec<Participant>> {
    (organisation(), participants(MAX_CO_LEADS)).prop_map(|(lead_org, mut cos)| {
        for c in &mut cos {
            c.is_lead = false;
        }
        let lead = Participant {
            person: Some(PersonId::new()),
            email: "lead@example.nhs.uk".into(),
            is_lead: true,
            state: CoLeadState::Accepted,
            organisation: lead_org,
        };
        std::iter::once(lead).chain(cos).collect()
    })
}

fn industry_or_third(s: Sector) -> bool {
    matches!(s, Sector::Industry | Sector::ThirdSector)
}

/// FAQ 7, independently: among people who have accepted (the lead counts), if anyone works for
/// industry or the third sector, someone must work for an NHS-member organisation that is
/// neither.
fn nhs_partner_oracle(ps: &[Participant]) -> bool {
    let mut needs = false;
    let mut has = false;
    for p in ps {
        if p.state != CoLeadState::Accepted {
            continue;
        }
        if let Some(o) = p.organisation {
            if industry_or_third(o.sector) {
                needs = true;
            } else if o.nhs_member {
                has = true;
            }
        }
    }
    !needs || has
}

fn blank() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            ' ', '\t', '\n', '\r', '\u{a0}', '\u{2003}', '\u{3000}',
        ]),
        0..4,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn answer() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (blank(), "[A-Za-z0-9][A-Za-z0-9 .,\n]{0,30}", blank()).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        1 => blank(),
    ]
}

/// Answers to the default set's seven questions, in the order of `FIELDS`.
fn from7(answers: [String; 7]) -> Answers {
    Answers(FIELDS.iter().map(|k| k.to_string()).zip(answers).collect())
}

fn qs() -> Vec<Question> {
    default_questions()
}

fn text() -> impl Strategy<Value = Answers> {
    prop::array::uniform7(answer()).prop_map(from7)
}

fn window() -> impl Strategy<Value = CallWindow> {
    let off = || prop_oneof![-3i64..=3, -2_000_000i64..=2_000_000];
    (prop_oneof![3 => Just(CallStatus::Open), 1 => prop::sample::select(CallStatus::ALL.to_vec())], off(), off()).prop_map(
        |(status, o, c)| CallWindow { status, opens_at: t0() + Duration::seconds(o), closes_at: t0() + Duration::seconds(c) },
    )
}

fn now() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![(-3i64..=3), (-2_000_000i64..=2_000_000)].prop_map(|s| t0() + Duration::seconds(s))
}

proptest! {
    #[test]
    fn nhs_partner_rule_matches_the_oracle(ps in participants(8)) {
        let want = nhs_partner_oracle(&ps);
        match check_nhs_partner(&ps) {
            Ok(()) => prop_assert!(want, "accepted an application with no NHS partner: {:?}", ps),
            Err(e) => {
                prop_assert!(!want, "refused an application that has an NHS partner: {:?}", ps);
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let names: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(names, vec!["coLeads"]);
            }
        }
    }

    #[test]
    fn nhs_partner_rule_ignores_order_and_people_who_have_not_accepted(
        ps in participants(8).prop_shuffle(),
        extra in participants(4),
        pos in any::<prop::sample::Index>(),
    ) {
        let base = check_nhs_partner(&ps).is_ok();
        let mut reversed = ps.clone();
        reversed.reverse();
        prop_assert_eq!(check_nhs_partner(&reversed).is_ok(), base);
        // invited or declined people change nothing, whatever their organisation
        let mut more = ps.clone();
        for mut p in extra {
            if p.state == CoLeadState::Accepted {
                p.state = CoLeadState::Declined;
            }
            let at = pos.index(more.len() + 1);
            more.insert(at, p);
        }
        prop_assert_eq!(check_nhs_partner(&more).is_ok(), base);
    }

    #[test]
    fn an_accepted_nhs_member_always_satisfies_the_rule(
        ps in participants(8),
        s in sector().prop_filter("not industry or third sector", |s| !industry_or_third(*s)),
        as_lead in any::<bool>(),
    ) {
        let mut ps = ps;
        ps.push(Participant {
            person: None,
            email: "nhs@example.nhs.uk".into(),
            is_lead: as_lead,
            state: CoLeadState::Accepted,
            organisation: Some(OrganisationFacts { sector: s, nhs_member: true }),
        });
        prop_assert!(check_nhs_partner(&ps).is_ok());
    }

    #[test]
    fn an_accepted_industry_person_alone_needs_a_partner(s in sector().prop_filter("industry or third sector", |s| industry_or_third(*s)), member in any::<bool>(), as_lead in any::<bool>()) {
        let p = Participant {
            person: None,
            email: "ind@example.com".into(),
            is_lead: as_lead,
            state: CoLeadState::Accepted,
            // an industry organisation flagged as a member still does not make an NHS partner
            organisation: Some(OrganisationFacts { sector: s, nhs_member: member }),
        };
        prop_assert!(check_nhs_partner(std::slice::from_ref(&p)).is_err());
        prop_assert!(check_nhs_partner(&[p.clone(), p]).is_err());
    }

    #[test]
    fn submission_succeeds_iff_every_rule_holds(
        status in prop_oneof![4 => Just(ApplicationStatus::Draft), 1 => app_status()],
        text in text(),
        ps in team(),
        w in window(),
        now in now(),
    ) {
        let r = check_submittable(status, &qs(), &text, &ps, &w, now);
        if status != ApplicationStatus::Draft {
            let e = r.unwrap_err();
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
            prop_assert!(e.fields.is_empty());
            return Ok(());
        }
        let mut want: Vec<&str> = Vec::new();
        if !(w.status == CallStatus::Open && w.opens_at <= now && now < w.closes_at) {
            want.push("callId");
        }
        for f in FIELDS {
            if text.get(f).trim().is_empty() {
                want.push(f);
            }
        }
        let waiting: Vec<&str> = ps.iter().filter(|p| !p.is_lead && p.state == CoLeadState::Invited).map(|p| p.email.as_str()).collect();
        if !waiting.is_empty() || !nhs_partner_oracle(&ps) {
            want.push("coLeads");
        }
        match r {
            Ok(()) => prop_assert!(want.is_empty(), "submitted although {:?} are at fault", want),
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let got: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(&got, &want);
                // a waiting invitee is named in the message, so the lead knows whom to chase
                if let Some(f) = e.fields.iter().find(|f| f.field == "coLeads") {
                    for who in &waiting {
                        prop_assert!(f.message.contains(who), "{:?} does not name {}", f.message, who);
                    }
                }
            }
        }
    }

    #[test]
    fn a_complete_application_submits_in_the_window(
        answers in prop::array::uniform7("[A-Za-z][A-Za-z ]{0,20}"),
        ps in team(),
        open_for in 1i64..=10_000_000,
        into in 0.0f64..1.0,
    ) {
        let w = CallWindow { status: CallStatus::Open, opens_at: t0(), closes_at: t0() + Duration::seconds(open_for) };
        let now = t0() + Duration::seconds((open_for as f64 * into) as i64);
        let text = from7(answers);
        // nobody waiting, and the lead is an NHS member: nothing can be at fault
        let mut ps = ps;
        ps[0].organisation = Some(OrganisationFacts { sector: Sector::NhsTrust, nhs_member: true });
        for p in &mut ps[1..] {
            if p.state == CoLeadState::Invited {
                p.state = CoLeadState::Declined;
            }
        }
        prop_assert_eq!(check_submittable(ApplicationStatus::Draft, &qs(), &text, &ps, &w, now), Ok(()));
        // and it is refused, on callId alone, from the closing instant on
        let e = check_submittable(ApplicationStatus::Draft, &qs(), &text, &ps, &w, w.closes_at).unwrap_err();
        let names: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
        prop_assert_eq!(names, vec!["callId"]);
    }
}

// ---------------------------------------------------------------------------------------------
// Answers::patched

/// The rule of `text::bounded` for an answer: at most MAX_ANSWER_CHARS characters once trimmed,
/// and no control characters other than line breaks and tabs.
fn answer_ok(v: &str) -> bool {
    let t = v.trim();
    t.chars().count() <= MAX_ANSWER_CHARS
        && !t
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn patch_value() -> impl Strategy<Value = String> {
    let long = (
        MAX_ANSWER_CHARS - 3..=MAX_ANSWER_CHARS + 3,
        prop::sample::select(vec!['x', 'é', '😀']),
        blank(),
    )
        .prop_map(|(n, c, pad)| {
            format!(
                "{pad}{}{pad}",
                std::iter::repeat_n(c, n).collect::<String>()
            )
        });
    prop_oneof![
        6 => answer(),
        2 => long,
        1 => "[a-z]{0,3}[\u{0}\u{7}\u{1b}\u{7f}][a-z]{0,3}",
        1 => Just(String::new()),
    ]
}

fn patch() -> impl Strategy<Value = [Option<String>; 7]> {
    prop::array::uniform7(prop::option::of(patch_value()))
}

fn as_patch(p: &[Option<String>; 7]) -> Vec<(String, String)> {
    (0..7)
        .filter_map(|i| p[i].clone().map(|v| (FIELDS[i].to_string(), v)))
        .collect()
}

proptest! {
    #[test]
    fn patches_change_exactly_what_they_name(before in text(), p in patch()) {
        let snapshot = before.clone();
        let r = before.patched(&qs(), &as_patch(&p));
        prop_assert_eq!(&before, &snapshot, "patched must not change the original");
        let bad: Vec<&str> = (0..7).filter(|i| p[*i].as_deref().is_some_and(|v| !answer_ok(v))).map(|i| FIELDS[i]).collect();
        match r {
            Ok(after) => {
                prop_assert!(bad.is_empty(), "accepted bad answers {:?}", bad);
                for i in 0..7 {
                    match &p[i] {
                        None => prop_assert_eq!(after.get(FIELDS[i]), before.get(FIELDS[i]), "{} changed without being named", FIELDS[i]),
                        Some(v) => prop_assert_eq!(after.get(FIELDS[i]), v.trim(), "{} is not the trimmed patch", FIELDS[i]),
                    }
                }
            }
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let got: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
                prop_assert_eq!(got, bad);
            }
        }
    }

    #[test]
    fn an_over_long_answer_names_its_field_and_changes_nothing(
        before in text(),
        p in patch(),
        which in 0usize..7,
        extra in 1usize..=5,
        c in prop::sample::select(vec!['x', 'é', '漢']),
    ) {
        let mut p = p;
        p[which] = Some(std::iter::repeat_n(c, MAX_ANSWER_CHARS + extra).collect());
        let e = before.patched(&qs(), &as_patch(&p)).unwrap_err();
        prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
        prop_assert!(e.fields.iter().any(|f| f.field == FIELDS[which]));
        prop_assert!(e.fields.iter().all(|f| FIELDS.contains(&f.field.as_str())));
    }

    #[test]
    fn patching_is_idempotent_and_none_is_identity(before in text(), p in patch()) {
        prop_assert_eq!(before.patched(&qs(), &[]), Ok(before.clone()));
        if let Ok(once) = before.patched(&qs(), &as_patch(&p)) {
            prop_assert_eq!(once.patched(&qs(), &as_patch(&p)), Ok(once.clone()));
        }
    }

    #[test]
    fn answers_at_the_limit_count_characters_not_bytes(c in prop::sample::select(vec!['x', 'é', '漢', '😀']), which in 0usize..7) {
        let mut p: [Option<String>; 7] = Default::default();
        p[which] = Some(std::iter::repeat_n(c, MAX_ANSWER_CHARS).collect());
        let after = Answers::default().patched(&qs(), &as_patch(&p)).unwrap();
        prop_assert_eq!(after.get(FIELDS[which]).chars().count(), MAX_ANSWER_CHARS);
    }
}

#[test]
fn questions_are_the_seven_of_the_spec() {
    let names: Vec<String> = qs().into_iter().map(|q| q.key).collect();
    assert_eq!(names, FIELDS);
}

// ---------------------------------------------------------------------------------------------
// State checks: editing, withdrawing, inviting, answering

proptest! {
    #[test]
    fn only_a_draft_is_editable(status in app_status()) {
        let r = check_editable(status);
        prop_assert_eq!(r.is_ok(), status == ApplicationStatus::Draft);
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }

    #[test]
    fn withdrawal_until_the_decision(status in app_status(), call in prop::sample::select(CallStatus::ALL.to_vec())) {
        let want = matches!(status, ApplicationStatus::Draft | ApplicationStatus::Submitted)
            && !matches!(call, CallStatus::Decided | CallStatus::Archived);
        let r = check_withdrawable(status, call);
        prop_assert_eq!(r.is_ok(), want);
        if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }

    #[test]
    fn invitations_follow_the_rules(status in app_status(), ps in team(), pick in prop_oneof![Just(None), (0usize..8).prop_map(Some)]) {
        let invitee = match pick {
            Some(i) if i < ps.len() => ps[i].email.clone(),
            _ => "new.person@example.nhs.uk".to_string(),
        };
        let email = Email::parse("email", &invitee.to_uppercase()).unwrap();
        let r = check_invitable(status, &ps, &email);
        let existing = ps.iter().find(|p| p.email == invitee);
        let co_leads = ps.iter().filter(|p| !p.is_lead && p.state != CoLeadState::Declined).count();
        let want = status == ApplicationStatus::Draft && existing.is_none() && co_leads < MAX_CO_LEADS;
        prop_assert_eq!(r.is_ok(), want);
        if let Err(e) = r {
            if status != ApplicationStatus::Draft {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
            } else {
                prop_assert_eq!(&e.fields[0].field, "email");
                if existing.is_some_and(|p| !p.is_lead) {
                    prop_assert_eq!(e.code, convene_domain::ErrorCode::Conflict);
                }
            }
        }
    }

    #[test]
    fn at_most_six_co_leads_not_counting_those_who_declined(
        states in prop::collection::vec(prop::sample::select(vec![CoLeadState::Invited, CoLeadState::Accepted]), 0..=MAX_CO_LEADS + 1),
        declined in 0usize..4,
    ) {
        let mut ps = vec![Participant {
            person: Some(PersonId::new()),
            email: "lead@example.nhs.uk".into(),
            is_lead: true,
            state: CoLeadState::Accepted,
            organisation: None,
        }];
        let co = |i: usize, state| Participant { person: None, email: format!("co{i}@example.nhs.uk"), is_lead: false, state, organisation: None };
        ps.extend(states.iter().enumerate().map(|(i, s)| co(i, *s)));
        ps.extend((0..declined).map(|i| co(100 + i, CoLeadState::Declined)));
        let email = Email::parse("email", "new.person@example.nhs.uk").unwrap();
        let r = check_invitable(ApplicationStatus::Draft, &ps, &email);
        prop_assert_eq!(r.is_ok(), states.len() < MAX_CO_LEADS, "{} co-leads", states.len());
        if let Err(e) = r {
            prop_assert_eq!(&e.fields[0].field, "email");
        }
    }

    #[test]
    fn only_a_pending_invitation_on_a_draft_is_answerable(status in app_status(), me in prop::option::of(participant(0))) {
        let r = check_answerable(status, me.as_ref());
        let want = status == ApplicationStatus::Draft && me.as_ref().is_some_and(|p| !p.is_lead && p.state == CoLeadState::Invited);
        prop_assert_eq!(r.is_ok(), want);
        if me.is_none() {
            prop_assert_eq!(r.unwrap_err().code, convene_domain::ErrorCode::Forbidden);
        } else if let Err(e) = r {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::InvalidState);
        }
    }
}

#[test]
fn statuses_round_trip() {
    for s in ApplicationStatus::ALL {
        assert_eq!(ApplicationStatus::from_str(s.as_str()), Some(s));
        assert_eq!(s.holds_place(), s != ApplicationStatus::Withdrawn);
    }
    for s in [
        CoLeadState::Invited,
        CoLeadState::Accepted,
        CoLeadState::Declined,
    ] {
        assert_eq!(CoLeadState::from_str(s.as_str()), Some(s));
    }
}
