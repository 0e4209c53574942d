//! Properties of access (SPEC §7): how a viewer stands to an application, and what follows.

use convene_domain::access::{
    can_see_email, can_view_application, check_can_edit_application, check_is_lead, relation,
    require_role, require_signed_in, Address, ApplicationRelation, Viewer,
};
use convene_domain::account::Role;
use convene_domain::application::{CoLeadState, Participant};
use convene_domain::ids::PersonId;
use proptest::prelude::*;
use uuid::Uuid;

/// A small pool of people and addresses, so that matches by id and by e-mail happen often.
fn person(i: u8) -> PersonId {
    PersonId(Uuid::from_u128(0x1000 + i as u128))
}
fn email(i: u8) -> String {
    format!("person{i}@example.nhs.uk")
}

fn state() -> impl Strategy<Value = CoLeadState> {
    prop::sample::select(vec![
        CoLeadState::Invited,
        CoLeadState::Accepted,
        CoLeadState::Declined,
    ])
}

fn roles() -> impl Strategy<Value = Vec<Role>> {
    prop::sample::subsequence(Role::ALL.to_vec(), 0..=Role::ALL.len())
}

fn viewer() -> impl Strategy<Value = Viewer> {
    (0u8..4, 0u8..4, roles()).prop_map(|(p, e, roles)| Viewer {
        person: person(p),
        email: email(e),
        roles,
        email_verified: true,
    })
}

fn participant() -> impl Strategy<Value = Participant> {
    (prop::option::of(0u8..4), 0u8..4, any::<bool>(), state()).prop_map(|(p, e, is_lead, state)| {
        Participant {
            person: p.map(person),
            email: email(e),
            is_lead,
            state,
            organisation: None,
        }
    })
}

fn participants() -> impl Strategy<Value = Vec<Participant>> {
    prop::collection::vec(participant(), 0..6)
}

fn matches_viewer(v: &Viewer, p: &Participant) -> bool {
    p.person == Some(v.person) || p.email == v.email
}

fn with_roles(v: &Viewer, roles: Vec<Role>) -> Viewer {
    Viewer { roles, ..v.clone() }
}

proptest! {
    #[test]
    fn permissions_agree_with_the_relation(v in viewer(), ps in participants()) {
        let rel = relation(&v, &ps);
        prop_assert_eq!(can_view_application(&v, &ps), v.roles.contains(&Role::ProgrammeTeam) || rel != ApplicationRelation::None);
        let edit = check_can_edit_application(&v, &ps);
        prop_assert_eq!(edit.is_ok(), matches!(rel, ApplicationRelation::Lead | ApplicationRelation::CoLead));
        if let Err(e) = edit {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::Forbidden);
        }
        let lead = check_is_lead(&v, &ps);
        prop_assert_eq!(lead.is_ok(), rel == ApplicationRelation::Lead);
        if let Err(e) = &lead {
            prop_assert_eq!(e.code, convene_domain::ErrorCode::Forbidden);
        }
        // the lead can always edit; whoever can edit can view
        if lead.is_ok() {
            prop_assert!(check_can_edit_application(&v, &ps).is_ok());
        }
        if check_can_edit_application(&v, &ps).is_ok() {
            prop_assert!(can_view_application(&v, &ps));
        }
    }

    #[test]
    fn roles_never_change_the_relation_or_who_edits(v in viewer(), ps in participants(), other in roles()) {
        let w = with_roles(&v, other);
        prop_assert_eq!(relation(&v, &ps), relation(&w, &ps));
        prop_assert_eq!(check_can_edit_application(&v, &ps).is_ok(), check_can_edit_application(&w, &ps).is_ok());
        prop_assert_eq!(check_is_lead(&v, &ps).is_ok(), check_is_lead(&w, &ps).is_ok());
    }

    #[test]
    fn programme_team_always_views_but_edits_only_as_lead_or_co_lead(v in viewer(), ps in participants()) {
        let mut roles = v.roles.clone();
        if !roles.contains(&Role::ProgrammeTeam) {
            roles.push(Role::ProgrammeTeam);
        }
        let team = with_roles(&v, roles);
        prop_assert!(can_view_application(&team, &ps));
        let rel = relation(&team, &ps);
        prop_assert_eq!(
            check_can_edit_application(&team, &ps).is_ok(),
            matches!(rel, ApplicationRelation::Lead | ApplicationRelation::CoLead)
        );
        // with nobody on the application being them, the team reads but may not write
        let strangers: Vec<Participant> = ps.iter().filter(|p| !matches_viewer(&team, p)).cloned().collect();
        prop_assert!(can_view_application(&team, &strangers));
        prop_assert_eq!(relation(&team, &strangers), ApplicationRelation::None);
        prop_assert!(check_can_edit_application(&team, &strangers).is_err());
        prop_assert!(check_is_lead(&team, &strangers).is_err());
    }

    #[test]
    fn without_the_team_role_strangers_see_nothing(v in viewer(), ps in participants()) {
        let v = with_roles(&v, v.roles.iter().copied().filter(|r| *r != Role::ProgrammeTeam).collect());
        let strangers: Vec<Participant> = ps.iter().filter(|p| !matches_viewer(&v, p)).cloned().collect();
        prop_assert!(!can_view_application(&v, &strangers));
        prop_assert!(check_can_edit_application(&v, &strangers).is_err());
        prop_assert!(check_is_lead(&v, &strangers).is_err());
    }

    /// As stored, a person is on an application at most once. Then the relation is read straight
    /// off their entry, matched by person id or by the address they were invited at.
    #[test]
    fn the_relation_of_a_viewer_on_the_application_once(
        v in viewer(),
        others in participants(),
        mine in prop::option::of((any::<bool>(), state(), 0u8..3)),
        at in any::<prop::sample::Index>(),
    ) {
        let mut ps: Vec<Participant> = others.into_iter().filter(|p| !matches_viewer(&v, p)).collect();
        let want = match mine {
            None => ApplicationRelation::None,
            Some((is_lead, state, how)) => {
                let entry = Participant {
                    // matched by id only (another address on file), by address only (not yet signed up), or both
                    person: if how == 1 { None } else { Some(v.person) },
                    email: if how == 0 { "somebody.else@example.com".to_string() } else { v.email.clone() },
                    is_lead,
                    state,
                    organisation: None,
                };
                ps.insert(at.index(ps.len() + 1), entry);
                if is_lead {
                    ApplicationRelation::Lead
                } else {
                    match state {
                        CoLeadState::Accepted => ApplicationRelation::CoLead,
                        CoLeadState::Invited => ApplicationRelation::Invited,
                        CoLeadState::Declined => ApplicationRelation::None,
                    }
                }
            }
        };
        prop_assert_eq!(relation(&v, &ps), want);
        // a pending invitee may read (to decide) but neither edit nor lead
        if want == ApplicationRelation::Invited {
            prop_assert!(can_view_application(&v, &ps));
            prop_assert!(check_can_edit_application(&v, &ps).is_err());
        }
        // somebody who declined is a stranger again
        if mine.is_some_and(|(l, s, _)| !l && s == CoLeadState::Declined) && !v.roles.contains(&Role::ProgrammeTeam) {
            prop_assert!(!can_view_application(&v, &ps));
        }
    }

    #[test]
    fn entries_that_are_not_the_viewer_change_nothing(v in viewer(), ps in participants()) {
        let mine: Vec<Participant> = ps.iter().filter(|p| matches_viewer(&v, p)).cloned().collect();
        prop_assert_eq!(relation(&v, &ps), relation(&v, &mine));
        let declined_gone: Vec<Participant> =
            ps.iter().filter(|p| p.is_lead || p.state != CoLeadState::Declined).cloned().collect();
        prop_assert_eq!(relation(&v, &ps), relation(&v, &declined_gone));
    }

    #[test]
    fn emails_are_shown_to_their_owner_and_the_team(v in prop::option::of(viewer()), whose in 0u8..4) {
        let want = v.as_ref().is_some_and(|v| v.person == person(whose) || v.roles.contains(&Role::ProgrammeTeam));
        prop_assert_eq!(can_see_email(v.as_ref(), Address::Person(person(whose))), want);
        // the same address met as an invitation nobody has taken up, and not sent by the viewer:
        // only the team and whoever proved they receive mail there
        let invited = Address::Invitation { email: &email(whose), person: None, sent_by_viewer: false };
        let want = v.as_ref().is_some_and(|v| {
            v.roles.contains(&Role::ProgrammeTeam) || (v.email_verified && v.email == email(whose))
        });
        prop_assert_eq!(can_see_email(v.as_ref(), invited), want);
    }

    #[test]
    fn roles_are_required(v in prop::option::of(viewer()), role in prop::sample::select(Role::ALL.to_vec())) {
        let r = require_role(v.as_ref(), role);
        match &v {
            None => {
                prop_assert_eq!(r.unwrap_err().code, convene_domain::ErrorCode::Unauthenticated);
                prop_assert_eq!(require_signed_in(None).unwrap_err().code, convene_domain::ErrorCode::Unauthenticated);
            }
            Some(v) if v.roles.contains(&role) => prop_assert_eq!(r.unwrap(), v),
            Some(_) => prop_assert_eq!(r.unwrap_err().code, convene_domain::ErrorCode::Forbidden),
        }
    }
}
