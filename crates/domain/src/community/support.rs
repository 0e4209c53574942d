//! Support requests to the network (SPEC §4): meeting-process design with a coach, intranet
//! presence, admin help; made by a community's conveners or core group, assigned by the
//! programme team to a coach or one of themselves, tracked with notes, closed with a note.

use super::{MemberRole, Stage};
use crate::access::Viewer;
use crate::account::Role;
use crate::ids::PersonId;
use crate::text::bounded;
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportKind {
    MeetingDesign,
    IntranetPresence,
    Admin,
    Other,
}

impl SupportKind {
    pub const ALL: [SupportKind; 4] = [
        SupportKind::MeetingDesign,
        SupportKind::IntranetPresence,
        SupportKind::Admin,
        SupportKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SupportKind::MeetingDesign => "MEETING_DESIGN",
            SupportKind::IntranetPresence => "INTRANET_PRESENCE",
            SupportKind::Admin => "ADMIN",
            SupportKind::Other => "OTHER",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            SupportKind::MeetingDesign => "meeting-process design",
            SupportKind::IntranetPresence => "intranet presence",
            SupportKind::Admin => "admin help",
            SupportKind::Other => "support",
        }
    }
}

/// OPEN → ASSIGNED → IN_PROGRESS → CLOSED.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportStatus {
    Open,
    Assigned,
    InProgress,
    Closed,
}

impl SupportStatus {
    pub const ALL: [SupportStatus; 4] = [
        SupportStatus::Open,
        SupportStatus::Assigned,
        SupportStatus::InProgress,
        SupportStatus::Closed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SupportStatus::Open => "OPEN",
            SupportStatus::Assigned => "ASSIGNED",
            SupportStatus::InProgress => "IN_PROGRESS",
            SupportStatus::Closed => "CLOSED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

pub fn parse_details(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "what help you would like", raw, 10, 5_000)
}

/// A community asks through its conveners or core group, while it has not closed.
pub fn check_can_request_support(
    role: Option<MemberRole>,
    stage: Stage,
) -> Result<(), DomainError> {
    if !role.is_some_and(|r| r.runs_it()) {
        return Err(DomainError::forbidden(
            "Only this community's conveners and core group can ask the network for support",
        ));
    }
    if stage == Stage::Closed {
        return Err(DomainError::invalid_state("This community has closed"));
    }
    Ok(())
}

/// Requests are given to someone who holds the COACH or PROGRAMME_TEAM role.
pub fn check_assignee(field: &str, roles: &[Role]) -> Result<(), DomainError> {
    if roles.contains(&Role::Coach) || roles.contains(&Role::ProgrammeTeam) {
        Ok(())
    } else {
        Err(DomainError::field(
            field,
            "Support requests go to a coach or a member of the programme team",
        ))
    }
}

/// Assigning (or re-assigning) an open or running request; a closed one stays closed.
pub fn assign(status: SupportStatus) -> Result<SupportStatus, DomainError> {
    if status == SupportStatus::Closed {
        return Err(DomainError::invalid_state("This request has been closed"));
    }
    Ok(SupportStatus::Assigned)
}

/// Moving a request on, or adding a note to it (`to` = `None`). Closing needs a note; a
/// request can be closed while open (a duplicate, say), but only worked on once assigned.
/// Returns the status after and the note, trimmed.
pub fn update(
    from: SupportStatus,
    to: Option<SupportStatus>,
    note: Option<&str>,
) -> Result<(SupportStatus, Option<String>), DomainError> {
    use SupportStatus::*;
    let note = match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Some(bounded("note", "a note", n, 1, 5_000)?),
        None => None,
    };
    if from == Closed {
        return Err(DomainError::invalid_state("This request has been closed"));
    }
    let to_status = to.unwrap_or(from);
    let ok = match (from, to_status) {
        (a, b) if a == b => true,
        (Assigned, InProgress) | (_, Closed) => true,
        _ => false,
    };
    if !ok {
        return Err(DomainError::field(
            "status",
            format!(
                "A request that is {} cannot become {}",
                from.as_str().to_lowercase().replace('_', " "),
                to_status.as_str().to_lowercase().replace('_', " ")
            ),
        ));
    }
    if to_status == Closed && note.is_none() {
        return Err(DomainError::field(
            "note",
            "Say how the request was resolved",
        ));
    }
    if to_status == from && note.is_none() {
        return Err(DomainError::field("note", "Enter a note"));
    }
    Ok((to_status, note))
}

/// The assignee and the programme team work on a request.
pub fn check_can_update(viewer: &Viewer, assignee: Option<PersonId>) -> Result<(), DomainError> {
    if viewer.is_programme_team() || assignee == Some(viewer.person) {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the person this request is assigned to and the programme team can update it",
        ))
    }
}

/// Who sees a request: the community's conveners and core group, its assignee, the programme team.
pub fn can_see_request(
    viewer: Option<&Viewer>,
    role: Option<MemberRole>,
    assignee: Option<PersonId>,
) -> bool {
    let Some(v) = viewer else { return false };
    v.is_programme_team() || assignee == Some(v.person) || role.is_some_and(|r| r.runs_it())
}

/// The queue: the programme team sees every request, a coach those assigned to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueScope {
    All,
    AssignedTo(PersonId),
}

pub fn queue_scope(viewer: &Viewer) -> Result<QueueScope, DomainError> {
    if viewer.is_programme_team() {
        Ok(QueueScope::All)
    } else if viewer.has(Role::Coach) {
        Ok(QueueScope::AssignedTo(viewer.person))
    } else {
        Err(DomainError::forbidden(
            "The support queue is for coaches and the programme team",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SupportStatus::*;

    fn viewer(roles: Vec<Role>) -> Viewer {
        Viewer {
            person: PersonId::new(),
            email: "v@x.nhs.uk".into(),
            roles,
            email_verified: true,
        }
    }

    #[test]
    fn the_lifecycle_runs_forward_and_closing_needs_a_note() {
        assert_eq!(assign(Open).unwrap(), Assigned);
        assert_eq!(assign(InProgress).unwrap(), Assigned, "re-assigning");
        assert_eq!(
            assign(Closed).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        assert_eq!(
            update(Assigned, Some(InProgress), None).unwrap(),
            (InProgress, None)
        );
        assert_eq!(
            update(InProgress, Some(Closed), None).unwrap_err().fields[0].field,
            "note"
        );
        assert_eq!(
            update(
                InProgress,
                Some(Closed),
                Some(" Done: agenda template shared ")
            )
            .unwrap(),
            (Closed, Some("Done: agenda template shared".into()))
        );
        assert!(update(Open, Some(Closed), Some("Duplicate")).is_ok());
        assert_eq!(
            update(Open, Some(InProgress), None).unwrap_err().fields[0].field,
            "status"
        );
        assert_eq!(
            update(InProgress, Some(Assigned), None).unwrap_err().fields[0].field,
            "status"
        );
        assert_eq!(
            update(InProgress, Some(Open), None).unwrap_err().fields[0].field,
            "status"
        );
        assert_eq!(
            update(Closed, Some(InProgress), Some("x"))
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert_eq!(
            update(Assigned, None, None).unwrap_err().fields[0].field,
            "note"
        );
        assert_eq!(
            update(Assigned, None, Some("Called them")).unwrap().0,
            Assigned
        );
    }

    #[test]
    fn who_asks_who_answers_who_sees() {
        assert!(check_can_request_support(Some(MemberRole::Core), Stage::Forming).is_ok());
        assert_eq!(
            check_can_request_support(Some(MemberRole::Member), Stage::Active)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert!(check_can_request_support(Some(MemberRole::Convener), Stage::Closed).is_err());
        assert!(check_assignee("personId", &[Role::Coach]).is_ok());
        assert!(check_assignee("personId", &[Role::ProgrammeTeam]).is_ok());
        assert_eq!(
            check_assignee("personId", &[Role::Panel])
                .unwrap_err()
                .fields[0]
                .field,
            "personId"
        );

        let coach = viewer(vec![Role::Coach]);
        let other = viewer(vec![Role::Coach]);
        let team = viewer(vec![Role::ProgrammeTeam]);
        assert!(check_can_update(&coach, Some(coach.person)).is_ok());
        assert!(check_can_update(&other, Some(coach.person)).is_err());
        assert!(check_can_update(&team, None).is_ok());
        assert!(can_see_request(Some(&coach), None, Some(coach.person)));
        assert!(!can_see_request(
            Some(&other),
            Some(MemberRole::Member),
            Some(coach.person)
        ));
        assert!(can_see_request(Some(&other), Some(MemberRole::Core), None));
        assert!(!can_see_request(None, None, None));
        assert_eq!(
            queue_scope(&coach).unwrap(),
            QueueScope::AssignedTo(coach.person)
        );
        assert_eq!(queue_scope(&team).unwrap(), QueueScope::All);
        assert_eq!(
            queue_scope(&viewer(vec![])).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
    }
}
