use super::*;
use crate::community::{MemberRole, Stage};

const ROLES: [Option<MemberRole>; 4] = [
    None,
    Some(MemberRole::Member),
    Some(MemberRole::Core),
    Some(MemberRole::Convener),
];

#[test]
fn status_moves_one_step_at_a_time() {
    use PracticeStatus::*;
    for from in PracticeStatus::ALL {
        for to in PracticeStatus::ALL {
            let want = matches!(
                (from, to),
                (Proposed, Exploring)
                    | (Exploring, Explored)
                    | (Exploring, Proposed)
                    | (Explored, Exploring)
            );
            let got = check_status_change(from, to);
            assert_eq!(got.is_ok(), want, "{from:?} -> {to:?}");
            if let Err(e) = got {
                assert_eq!(e.code, crate::ErrorCode::InvalidState);
            }
        }
    }
    assert_eq!(PracticeStatus::from_str("EXPLORED"), Some(Explored));
    assert_eq!(PracticeStatus::from_str("explored"), None);
}

#[test]
fn home_page_puts_practices_being_explored_first() {
    let mut s = PracticeStatus::ALL.to_vec();
    s.sort_by_key(|x| x.home_page_rank());
    assert_eq!(
        s,
        [
            PracticeStatus::Exploring,
            PracticeStatus::Proposed,
            PracticeStatus::Explored
        ]
    );
}

#[test]
fn members_propose_and_those_who_run_it_move_practices_on() {
    for role in ROLES {
        assert_eq!(
            check_can_propose(role, Stage::Active).is_ok(),
            role.is_some()
        );
        assert_eq!(
            check_can_set_status(role, Stage::Active).is_ok(),
            matches!(role, Some(MemberRole::Convener | MemberRole::Core))
        );
        assert_eq!(
            check_can_share(role, Stage::Forming).is_ok(),
            role.is_some()
        );
    }
    assert_eq!(
        check_can_propose(None, Stage::Active).unwrap_err().code,
        crate::ErrorCode::Forbidden
    );
    let closed = check_can_propose(Some(MemberRole::Convener), Stage::Closed).unwrap_err();
    assert_eq!(closed.code, crate::ErrorCode::InvalidState);
    assert!(check_can_share(Some(MemberRole::Member), Stage::Closed).is_err());
    assert!(check_can_set_status(Some(MemberRole::Core), Stage::Closed).is_err());
}

#[test]
fn names_descriptions_and_tags_are_bounded() {
    assert_eq!(
        parse_practice_name("name", "  Safety huddle ").unwrap(),
        "Safety huddle"
    );
    assert_eq!(
        parse_practice_name("name", "ab").unwrap_err().fields[0].field,
        "name"
    );
    assert!(parse_practice_name("name", &"x".repeat(201)).is_err());
    assert_eq!(parse_practice_description("description", "").unwrap(), "");
    assert!(parse_practice_description("description", &"x".repeat(5001)).is_err());
    let tags = parse_tags(
        "tags",
        &[
            "  Falls ".into(),
            "falls".into(),
            "".into(),
            "Night   shift".into(),
        ],
    )
    .unwrap();
    assert_eq!(tags, ["falls", "night shift"]);
    let many: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    assert_eq!(
        parse_tags("tags", &many).unwrap_err().fields[0].field,
        "tags"
    );
    assert!(parse_tags("tags", &["x".repeat(41)]).is_err());
    assert_eq!(normalise_tag("  Night  Shift "), "night shift");
}

#[test]
fn the_safe_forum_matrix() {
    use ExchangeVisibility::*;
    let anonymous = Reader::ANONYMOUS;
    let outsider = Reader {
        signed_in: true,
        ..Reader::default()
    };
    let member = Reader {
        signed_in: true,
        member: true,
        author: false,
    };
    let author = Reader {
        signed_in: true,
        member: false,
        author: true,
    };
    let cases = [
        (anonymous, [false, false, true]),
        (outsider, [false, true, true]),
        (member, [true, true, true]),
        (author, [true, true, true]),
    ];
    for (reader, want) in cases {
        for (v, w) in [Community, Network, Public].into_iter().zip(want) {
            assert_eq!(can_read_exchange(reader, v), w, "{reader:?} {v:?}");
        }
    }
    assert_eq!(readable_visibilities(anonymous), [Public]);
    assert_eq!(readable_visibilities(outsider), [Network, Public]);
    assert_eq!(readable_visibilities(member), [Community, Network, Public]);
    // the author's own exchanges are added by the list itself, not by visibility
    assert_eq!(readable_visibilities(author), [Network, Public]);
}

#[test]
fn anonymous_authors_are_shown_only_to_themselves() {
    assert!(shows_author(false, false));
    assert!(shows_author(false, true));
    assert!(shows_author(true, true));
    assert!(!shows_author(true, false));
}

#[test]
fn an_exchange_needs_one_section_and_each_is_bounded() {
    let e = ExchangeSections::parse(["", " ", "", "", "", ""]).unwrap_err();
    assert_eq!(e.code, crate::ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "technical");
    let long = "x".repeat(MAX_SECTION_CHARS + 1);
    let e = ExchangeSections::parse(["ok", "", "", &long, "", &long]).unwrap_err();
    let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(f, ["barriersOvercome", "helpNeeded"]);
    let s = ExchangeSections::parse(["", "", "", "", " We needed a champion ", ""]).unwrap();
    assert_eq!(s.missing, "We needed a champion");
    assert_eq!(s.technical, "");
}

#[test]
fn only_the_author_changes_visibility_and_readers_inquire() {
    assert!(check_is_author(true).is_ok());
    assert_eq!(
        check_is_author(false).unwrap_err().code,
        crate::ErrorCode::Forbidden
    );
    let outsider = Reader {
        signed_in: true,
        ..Reader::default()
    };
    assert!(check_can_inquire(outsider, ExchangeVisibility::Network).is_ok());
    assert_eq!(
        check_can_inquire(outsider, ExchangeVisibility::Community)
            .unwrap_err()
            .code,
        crate::ErrorCode::NotFound
    );
    assert_eq!(
        check_can_inquire(Reader::ANONYMOUS, ExchangeVisibility::Public)
            .unwrap_err()
            .code,
        crate::ErrorCode::Unauthenticated
    );
    assert_eq!(
        parse_question("question", " ").unwrap_err().fields[0].field,
        "question"
    );
    assert!(parse_answer("answer", &"x".repeat(MAX_SECTION_CHARS + 1)).is_err());
}

#[test]
fn protocols_are_owned_and_their_prompts_bounded() {
    let ok = parse_prompts(
        "prompts",
        &[
            ("What did you try?".into(), 10),
            ("What got in the way?".into(), 15),
        ],
    )
    .unwrap();
    assert_eq!(total_minutes(&ok), 25);
    assert_eq!(
        parse_prompts("prompts", &[]).unwrap_err().fields[0].field,
        "prompts"
    );
    let e = parse_prompts("prompts", &[("".into(), 0), ("fine".into(), 241)]).unwrap_err();
    let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        f,
        ["prompts.0.prompt", "prompts.0.minutes", "prompts.1.minutes"]
    );
    let many: Vec<(String, i32)> = (0..31).map(|i| (format!("p{i}"), 1)).collect();
    assert!(parse_prompts("prompts", &many).is_err());
    assert!(parse_protocol_name("name", "ab").is_err());

    use ProtocolOwner::*;
    assert!(check_can_edit_protocol(Network, true, None).is_ok());
    assert!(check_can_edit_protocol(Network, false, Some(MemberRole::Convener)).is_err());
    for role in ROLES {
        let runs = matches!(role, Some(MemberRole::Convener | MemberRole::Core));
        assert_eq!(
            check_can_edit_protocol(Community, false, role).is_ok(),
            runs
        );
        assert_eq!(check_can_adopt(Network, role).is_ok(), runs);
    }
    // the programme team does not edit a community's own copy
    assert!(check_can_edit_protocol(Community, true, None).is_err());
    assert_eq!(
        check_can_adopt(Community, Some(MemberRole::Convener))
            .unwrap_err()
            .fields[0]
            .field,
        "protocolId"
    );
    assert!(can_read_protocol(Network, true, false, false));
    assert!(!can_read_protocol(Network, false, false, false));
    assert!(!can_read_protocol(Community, true, false, false));
    assert!(can_read_protocol(Community, true, false, true));
    assert!(can_read_protocol(Community, true, true, false));
    assert!(check_protocol_usable(Network, false).is_ok());
    assert!(check_protocol_usable(Community, true).is_ok());
    assert!(check_protocol_usable(Community, false).is_err());
}

#[test]
fn conveners_and_the_programme_team_mark_practices_promising() {
    assert!(check_can_mark_promising(true, None).is_ok());
    assert!(check_can_mark_promising(false, Some(MemberRole::Convener)).is_ok());
    assert_eq!(
        check_can_mark_promising(false, Some(MemberRole::Core))
            .unwrap_err()
            .code,
        crate::ErrorCode::Forbidden
    );
    assert!(check_can_mark_promising(false, Some(MemberRole::Member)).is_err());
    assert!(check_can_mark_promising(false, None).is_err());
    let e = parse_promising(" ", "", 21).unwrap_err();
    let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(f, ["evidence", "outcomes", "organisationIds"]);
    assert!(can_read_promising(PromisingVisibility::Public, false));
    assert!(!can_read_promising(PromisingVisibility::Network, false));
    assert!(can_read_promising(PromisingVisibility::Network, true));
}

#[test]
fn search_input_is_words_never_syntax() {
    assert_eq!(search_terms("Sepsis screening"), ["sepsis", "screening"]);
    assert_eq!(
        search_terms(r#""falls" AND (bundle OR -night* NEAR/3 ^x:y"#),
        ["falls", "and", "bundle", "or", "night", "near", "3", "x", "y"]
    );
    assert!(search_terms(r#" "()*:^-+ '' "#).is_empty());
    assert_eq!(search_terms("NEWS2 news2"), ["news2"]);
    assert_eq!(search_terms("Qualité"), ["qualité"]);
    let many = (0..40)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(search_terms(&many).len(), MAX_SEARCH_TERMS);
}
