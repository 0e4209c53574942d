//! Who may do what (SPEC §7): decided here, once per area, and called by the resolvers.

use crate::account::Role;
use crate::application::{CoLeadState, Participant};
use crate::ids::PersonId;
use crate::DomainError;

/// The signed-in person making a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub person: PersonId,
    pub email: String,
    pub roles: Vec<Role>,
    /// Whether the person has proven they receive mail at `email` (see `identity`).
    pub email_verified: bool,
}

impl Viewer {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    pub fn is_programme_team(&self) -> bool {
        self.has(Role::ProgrammeTeam)
    }
}

pub fn require_signed_in(viewer: Option<&Viewer>) -> Result<&Viewer, DomainError> {
    viewer.ok_or_else(|| DomainError::unauthenticated("Sign in to do this"))
}

pub fn require_role(viewer: Option<&Viewer>, role: Role) -> Result<&Viewer, DomainError> {
    let v = require_signed_in(viewer)?;
    if v.has(role) {
        Ok(v)
    } else {
        Err(DomainError::forbidden(match role {
            Role::ProgrammeTeam => "Only the programme team can do this",
            Role::Panel => "Only panel members can do this",
            Role::Coach => "Only coaches can do this",
        }))
    }
}

/// How the viewer stands to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationRelation {
    Lead,
    CoLead,
    Invited,
    None,
}

pub fn relation(viewer: &Viewer, participants: &[Participant]) -> ApplicationRelation {
    for p in participants {
        // An e-mail address identifies only a pending invitation, and only to someone who has
        // proven they receive mail there; once someone accepted, the place belongs to their
        // person, whatever e-mail address they hold later.
        let me = match p.person {
            Some(id) => id == viewer.person,
            None => viewer.email_verified && p.email == viewer.email,
        };
        if !me {
            continue;
        }
        if p.is_lead {
            return ApplicationRelation::Lead;
        }
        match p.state {
            CoLeadState::Accepted => return ApplicationRelation::CoLead,
            CoLeadState::Invited => return ApplicationRelation::Invited,
            CoLeadState::Declined => {}
        }
    }
    ApplicationRelation::None
}

/// Leads, co-leads, a pending invitee (to decide) and the programme team may read an application.
pub fn can_view_application(viewer: &Viewer, participants: &[Participant]) -> bool {
    viewer.is_programme_team() || relation(viewer, participants) != ApplicationRelation::None
}

/// Where a person stands on the panel of an application's call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PanelStanding {
    /// On the call's panel.
    pub member: bool,
    /// With a conflict of interest on this application, found or declared.
    pub conflicted: bool,
    /// The application went forward to selection (it was submitted).
    pub considered: bool,
}

/// Who reads an application, by whatever path they reach it (`application(id)`, the ranking,
/// the decision, their own conflicts): its lead, co-leads and pending invitee, the programme
/// team, and the members of its call's panel once it is in selection, except a member
/// conflicted on it (SPEC §2).
pub fn can_read_application(
    viewer: &Viewer,
    participants: &[Participant],
    panel: PanelStanding,
) -> bool {
    can_view_application(viewer, participants)
        || (panel.member && !panel.conflicted && panel.considered)
}

/// The lead and accepted co-leads write the text together.
pub fn check_can_edit_application(
    viewer: &Viewer,
    participants: &[Participant],
) -> Result<(), DomainError> {
    match relation(viewer, participants) {
        ApplicationRelation::Lead | ApplicationRelation::CoLead => Ok(()),
        _ => Err(DomainError::forbidden(
            "Only the lead and co-leads can change this application",
        )),
    }
}

/// Only the lead invites and removes co-leads, submits and withdraws.
pub fn check_is_lead(viewer: &Viewer, participants: &[Participant]) -> Result<(), DomainError> {
    match relation(viewer, participants) {
        ApplicationRelation::Lead => Ok(()),
        _ => Err(DomainError::forbidden(
            "Only the lead of this application can do this",
        )),
    }
}

/// An e-mail address Convene holds, and whose it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Address<'a> {
    /// A person's own address (`Person.email`, the address columns of exports).
    Person(PersonId),
    /// The address an invitation went to (`CoLead.email`): the person who took the place up,
    /// if anyone has yet, and whether the viewer is the one who sent it (an application's
    /// lead invites its co-leads, and manages the invitation by its address).
    Invitation {
        email: &'a str,
        person: Option<PersonId>,
        sent_by_viewer: bool,
    },
}

/// Who reads an e-mail address, by whatever path it is shown (SPEC §7): the person themself
/// (for an invitation nobody has taken up yet, whoever has proven they receive mail there),
/// the programme team, and whoever sent an invitation to it. Nobody else: not the panel,
/// conflicted or not, not the other co-leads, not a community's conveners.
pub fn can_see_email(viewer: Option<&Viewer>, address: Address<'_>) -> bool {
    let Some(v) = viewer else {
        return false;
    };
    v.is_programme_team()
        || match address {
            Address::Person(p) => v.person == p,
            Address::Invitation {
                email,
                person,
                sent_by_viewer,
            } => {
                sent_by_viewer
                    || match person {
                        Some(p) => p == v.person,
                        None => v.email_verified && v.email.eq_ignore_ascii_case(email),
                    }
            }
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(roles: Vec<Role>) -> Viewer {
        Viewer {
            person: PersonId::new(),
            email: "v@x.nhs.uk".into(),
            roles,
            email_verified: true,
        }
    }
    fn p(person: Option<PersonId>, email: &str, is_lead: bool, state: CoLeadState) -> Participant {
        Participant {
            person,
            email: email.into(),
            is_lead,
            state,
            organisation: None,
        }
    }

    #[test]
    fn relation_matrix() {
        let v = viewer(vec![]);
        let cases = [
            (
                vec![p(Some(v.person), "v@x.nhs.uk", true, CoLeadState::Accepted)],
                ApplicationRelation::Lead,
            ),
            (
                vec![p(
                    Some(v.person),
                    "v@x.nhs.uk",
                    false,
                    CoLeadState::Accepted,
                )],
                ApplicationRelation::CoLead,
            ),
            (
                vec![p(None, "v@x.nhs.uk", false, CoLeadState::Invited)],
                ApplicationRelation::Invited,
            ),
            (
                vec![p(None, "v@x.nhs.uk", false, CoLeadState::Declined)],
                ApplicationRelation::None,
            ),
            (
                vec![p(
                    Some(PersonId::new()),
                    "o@x.nhs.uk",
                    true,
                    CoLeadState::Accepted,
                )],
                ApplicationRelation::None,
            ),
        ];
        for (ps, want) in cases {
            let got = relation(&v, &ps);
            assert_eq!(got, want);
            assert_eq!(
                can_view_application(&v, &ps),
                want != ApplicationRelation::None
            );
            assert_eq!(
                check_can_edit_application(&v, &ps).is_ok(),
                matches!(
                    want,
                    ApplicationRelation::Lead | ApplicationRelation::CoLead
                )
            );
            assert_eq!(
                check_is_lead(&v, &ps).is_ok(),
                want == ApplicationRelation::Lead
            );
        }
    }

    #[test]
    fn an_unproven_address_matches_no_invitation() {
        let v = Viewer {
            email_verified: false,
            ..viewer(vec![])
        };
        let invited = vec![p(None, "v@x.nhs.uk", false, CoLeadState::Invited)];
        assert_eq!(relation(&v, &invited), ApplicationRelation::None);
        assert!(!can_view_application(&v, &invited));
        // a place already taken is the person's, proven address or not
        let held = vec![p(
            Some(v.person),
            "old@x.nhs.uk",
            false,
            CoLeadState::Accepted,
        )];
        assert_eq!(relation(&v, &held), ApplicationRelation::CoLead);
    }

    #[test]
    fn the_panel_reads_what_it_selects_from_except_where_conflicted() {
        let v = viewer(vec![Role::Panel]);
        let other = vec![p(
            Some(PersonId::new()),
            "o@x.nhs.uk",
            true,
            CoLeadState::Accepted,
        )];
        let on = |conflicted, considered| PanelStanding {
            member: true,
            conflicted,
            considered,
        };
        assert!(can_read_application(&v, &other, on(false, true)));
        assert!(!can_read_application(&v, &other, on(true, true)));
        assert!(!can_read_application(&v, &other, on(false, false)));
        assert!(!can_read_application(&v, &other, PanelStanding::default()));
        // an applicant on it is conflicted, and still reads their own application
        let mine = vec![p(Some(v.person), "v@x.nhs.uk", true, CoLeadState::Accepted)];
        assert!(can_read_application(&v, &mine, on(true, true)));
    }

    #[test]
    fn programme_team_reads_but_does_not_write_others_applications() {
        let v = viewer(vec![Role::ProgrammeTeam]);
        let ps = vec![p(
            Some(PersonId::new()),
            "o@x.nhs.uk",
            true,
            CoLeadState::Accepted,
        )];
        assert!(can_view_application(&v, &ps));
        assert_eq!(
            check_can_edit_application(&v, &ps).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
    }

    #[test]
    fn roles_are_required() {
        assert_eq!(
            require_role(None, Role::ProgrammeTeam).unwrap_err().code,
            crate::ErrorCode::Unauthenticated
        );
        let v = viewer(vec![Role::Panel]);
        assert_eq!(
            require_role(Some(&v), Role::ProgrammeTeam)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert!(require_role(Some(&v), Role::Panel).is_ok());
    }

    #[test]
    fn emails_are_private() {
        let v = viewer(vec![]);
        let own = Address::Person(v.person);
        assert!(can_see_email(Some(&v), own));
        assert!(!can_see_email(Some(&v), Address::Person(PersonId::new())));
        assert!(!can_see_email(None, own));
        assert!(can_see_email(
            Some(&viewer(vec![Role::ProgrammeTeam])),
            Address::Person(PersonId::new())
        ));
    }

    #[test]
    fn an_invitations_address_is_for_its_sender_its_owner_and_the_team() {
        let someone = PersonId::new();
        let invitation = |person, sent_by_viewer| Address::Invitation {
            email: "co@x.nhs.uk",
            person,
            sent_by_viewer,
        };
        // the panel (conflicted or not) and everyone else: no
        for roles in [vec![], vec![Role::Panel], vec![Role::Coach]] {
            let v = viewer(roles);
            assert!(!can_see_email(Some(&v), invitation(None, false)));
            assert!(!can_see_email(Some(&v), invitation(Some(someone), false)));
        }
        assert!(!can_see_email(None, invitation(None, true)));
        // the lead who sent it, and the team
        let lead = viewer(vec![]);
        assert!(can_see_email(Some(&lead), invitation(Some(someone), true)));
        let team = viewer(vec![Role::ProgrammeTeam]);
        assert!(can_see_email(Some(&team), invitation(Some(someone), false)));
        // the co-lead who took it up, and an invitee who proved the address
        let co = viewer(vec![]);
        assert!(can_see_email(Some(&co), invitation(Some(co.person), false)));
        let invitee = Viewer {
            email: "CO@x.nhs.uk".into(),
            ..viewer(vec![])
        };
        assert!(can_see_email(Some(&invitee), invitation(None, false)));
        let unproven = Viewer {
            email_verified: false,
            ..invitee.clone()
        };
        assert!(!can_see_email(Some(&unproven), invitation(None, false)));
        // once someone took the place, the address no longer opens it to others
        assert!(!can_see_email(
            Some(&invitee),
            invitation(Some(someone), false)
        ));
    }
}
