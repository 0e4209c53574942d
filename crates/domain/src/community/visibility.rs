//! Who sees a community (SPEC §4): listed communities are in the public directory, for anyone;
//! an unlisted one is for its members and the programme team. The stage does not hide a
//! community: a closed one stays readable, and its stage says it has closed.
//!
//! The rule is written once, as a [`DirectoryScope`]: the store turns the scope into its SQL
//! filter (the directory), and [`can_see_community`] applies the same scope to one community
//! (`community(id)`, `node(id)`, a practice's community). A property test in `convene-store`
//! checks that the two agree on generated worlds.

use crate::access::Viewer;
use crate::ids::PersonId;

use super::MemberRole;

/// Which communities a viewer sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryScope {
    /// The programme team: every community.
    Everything,
    /// A signed-in person: the listed ones and the ones they belong to.
    ListedAndMemberOf(PersonId),
    /// Anyone at all: the listed ones.
    Listed,
}

impl DirectoryScope {
    /// Whether a community with this listing is in the scope, given whether the scope's person
    /// belongs to it (ignored by the scopes without a person).
    pub fn admits(self, listed: bool, member: bool) -> bool {
        match self {
            DirectoryScope::Everything => true,
            DirectoryScope::ListedAndMemberOf(_) => listed || member,
            DirectoryScope::Listed => listed,
        }
    }
}

/// The scope of what the viewer sees.
pub fn directory_scope(viewer: Option<&Viewer>) -> DirectoryScope {
    match viewer {
        Some(v) if v.is_programme_team() => DirectoryScope::Everything,
        Some(v) => DirectoryScope::ListedAndMemberOf(v.person),
        None => DirectoryScope::Listed,
    }
}

/// "Is a member": any role in the community counts, whatever it is.
pub fn is_member(membership: Option<MemberRole>) -> bool {
    membership.is_some()
}

/// Whether the viewer sees a community, from its listing and the viewer's own membership of
/// it (their role there, if they belong).
pub fn can_see_community(
    viewer: Option<&Viewer>,
    listed: bool,
    membership: Option<MemberRole>,
) -> bool {
    directory_scope(viewer).admits(listed, is_member(membership))
}

/// Whether seeing a community needs the viewer's membership looked up at all (so that a listed
/// community, or the programme team, costs no statement).
pub fn needs_membership(viewer: Option<&Viewer>, listed: bool) -> bool {
    matches!(
        directory_scope(viewer),
        DirectoryScope::ListedAndMemberOf(_)
    ) && !listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Role;
    use proptest::prelude::*;

    fn viewer(roles: Vec<Role>) -> Viewer {
        Viewer {
            person: PersonId::new(),
            email: "someone@example.org".into(),
            roles,
            email_verified: true,
        }
    }

    #[test]
    fn listed_for_anyone_unlisted_for_members_and_the_team() {
        let person = viewer(vec![]);
        let team = viewer(vec![Role::ProgrammeTeam]);
        assert!(can_see_community(None, true, None));
        assert!(!can_see_community(None, false, None));
        assert!(can_see_community(Some(&person), true, None));
        assert!(!can_see_community(Some(&person), false, None));
        for r in [MemberRole::Convener, MemberRole::Core, MemberRole::Member] {
            assert!(can_see_community(Some(&person), false, Some(r)));
        }
        assert!(can_see_community(Some(&team), false, None));
    }

    fn role() -> impl Strategy<Value = Option<MemberRole>> {
        prop_oneof![
            Just(None),
            Just(Some(MemberRole::Convener)),
            Just(Some(MemberRole::Core)),
            Just(Some(MemberRole::Member)),
        ]
    }

    proptest! {
        /// Membership is looked up exactly when the answer depends on it.
        #[test]
        fn membership_is_needed_only_when_it_decides(
            signed_in in any::<bool>(),
            team in any::<bool>(),
            listed in any::<bool>(),
            r in role(),
        ) {
            let v = signed_in.then(|| viewer(if team { vec![Role::ProgrammeTeam] } else { vec![] }));
            let depends = can_see_community(v.as_ref(), listed, None)
                != can_see_community(v.as_ref(), listed, Some(MemberRole::Member));
            if depends {
                prop_assert!(needs_membership(v.as_ref(), listed));
            }
            if !needs_membership(v.as_ref(), listed) {
                prop_assert_eq!(
                    can_see_community(v.as_ref(), listed, r),
                    can_see_community(v.as_ref(), listed, None)
                );
            }
            // the team sees everything, anyone sees a listed one
            prop_assert!(!team || !signed_in || can_see_community(v.as_ref(), listed, r));
            prop_assert!(!listed || can_see_community(v.as_ref(), listed, r));
        }
    }
}
