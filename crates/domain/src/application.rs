//! Applications (SPEC §1, FAQ 3–9): one call, one domain, one lead, any co-leads, and the text.

use crate::account::Email;
use crate::call::CallStatus;
use crate::call::CallWindow;
use crate::ids::PersonId;
use crate::organisation::OrganisationFacts;
use crate::question::Question;
use crate::{DomainError, Fields};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationStatus {
    Draft,
    Submitted,
    Withdrawn,
    Funded,
    NotFunded,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 5] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::Withdrawn,
        ApplicationStatus::Funded,
        ApplicationStatus::NotFunded,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "DRAFT",
            ApplicationStatus::Submitted => "SUBMITTED",
            ApplicationStatus::Withdrawn => "WITHDRAWN",
            ApplicationStatus::Funded => "FUNDED",
            ApplicationStatus::NotFunded => "NOT_FUNDED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
    /// Whether the application still "holds" its call and domain for its people (FAQ 3):
    /// a withdrawn one frees them to apply again.
    pub fn holds_place(self) -> bool {
        self != ApplicationStatus::Withdrawn
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoLeadState {
    Invited,
    Accepted,
    Declined,
}

impl CoLeadState {
    pub fn as_str(self) -> &'static str {
        match self {
            CoLeadState::Invited => "INVITED",
            CoLeadState::Accepted => "ACCEPTED",
            CoLeadState::Declined => "DECLINED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            CoLeadState::Invited,
            CoLeadState::Accepted,
            CoLeadState::Declined,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

pub use crate::question::{Answers, MAX_ANSWER_CHARS};
pub const MAX_CO_LEADS: usize = 6;

/// A lead or co-lead as the rules see them. A co-lead invited by e-mail has no person until
/// they accept; their organisation is the one they work for when they accept (or apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub person: Option<PersonId>,
    pub email: String,
    pub is_lead: bool,
    pub state: CoLeadState,
    pub organisation: Option<OrganisationFacts>,
}

impl Participant {
    pub fn active(&self) -> bool {
        self.state == CoLeadState::Accepted
    }
}

/// Only a draft can change: "after submission the text is frozen".
pub fn check_editable(status: ApplicationStatus) -> Result<(), DomainError> {
    match status {
        ApplicationStatus::Draft => Ok(()),
        ApplicationStatus::Submitted => Err(DomainError::invalid_state(
            "This application has been submitted: its text is frozen. Withdraw it if you need to stop it going forward.",
        )),
        s => Err(DomainError::invalid_state(format!("This application is {} and can no longer change", s.as_str().to_lowercase().replace('_', " ")))),
    }
}

/// FAQ 7: if any lead or co-lead works for industry or the third sector, somebody else on the
/// application (an accepted co-lead, or the lead) must work for a current NHS member organisation.
pub fn check_nhs_partner(participants: &[Participant]) -> Result<(), DomainError> {
    let active: Vec<&Participant> = participants.iter().filter(|p| p.active()).collect();
    let needs_partner = active.iter().any(|p| {
        p.organisation
            .is_some_and(|o| o.sector.is_industry_or_third_sector())
    });
    if !needs_partner {
        return Ok(());
    }
    let has_nhs = active.iter().any(|p| {
        p.organisation
            .is_some_and(|o| o.nhs_member && !o.sector.is_industry_or_third_sector())
    });
    if has_nhs {
        Ok(())
    } else {
        Err(DomainError::field(
            "coLeads",
            "Someone on this application works for industry or the third sector, so a co-lead who works for a current NHS member organisation of the network must accept before you submit",
        ))
    }
}

/// Everything that must hold to submit (SPEC §1).
pub fn check_submittable(
    status: ApplicationStatus,
    questions: &[Question],
    text: &Answers,
    participants: &[Participant],
    window: &CallWindow,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if status != ApplicationStatus::Draft {
        return Err(DomainError::invalid_state(format!(
            "This application is already {}",
            status.as_str().to_lowercase().replace('_', " ")
        )));
    }
    let mut f = Fields::new();
    f.take(window.check_accepting(now));
    text.check_complete(questions, &mut f);
    let waiting: Vec<&str> = participants
        .iter()
        .filter(|p| !p.is_lead && p.state == CoLeadState::Invited)
        .map(|p| p.email.as_str())
        .collect();
    if !waiting.is_empty() {
        f.add(
            "coLeads",
            format!("Every co-lead must accept before you submit; still waiting for {}. You can remove an invitation instead.", waiting.join(", ")),
        );
    } else {
        f.take(check_nhs_partner(participants));
    }
    f.finish()
}

/// "Withdrawal is allowed until the decision."
pub fn check_withdrawable(
    status: ApplicationStatus,
    call_status: CallStatus,
) -> Result<(), DomainError> {
    match status {
        ApplicationStatus::Draft | ApplicationStatus::Submitted
            if !matches!(call_status, CallStatus::Decided | CallStatus::Archived) =>
        {
            Ok(())
        }
        ApplicationStatus::Draft | ApplicationStatus::Submitted => Err(DomainError::invalid_state(
            "The decision on this call has been made: the application can no longer be withdrawn",
        )),
        ApplicationStatus::Withdrawn => Err(DomainError::invalid_state(
            "This application has already been withdrawn",
        )),
        _ => Err(DomainError::invalid_state(
            "The decision on this application has been made: it can no longer be withdrawn",
        )),
    }
}

/// FAQ 3: one person may apply in several domains, but holds at most one application per call
/// and domain, as lead or co-lead. `already_holds` says whether they hold one now.
pub fn check_one_per_call_and_domain(
    already_holds: bool,
    field: &str,
    who: &str,
) -> Result<(), DomainError> {
    if already_holds {
        Err(DomainError::conflict_on(
            field,
            format!("{who} already on an application in this call for this domain: you can apply in other domains, but only once in each"),
        ))
    } else {
        Ok(())
    }
}

/// Inviting a co-lead (FAQ 4) by e-mail, who may not have an account yet.
pub fn check_invitable(
    status: ApplicationStatus,
    participants: &[Participant],
    invitee: &Email,
) -> Result<(), DomainError> {
    check_editable(status)?;
    if let Some(p) = participants.iter().find(|p| p.email == invitee.as_str()) {
        return Err(if p.is_lead {
            DomainError::field("email", "You are the lead: invite somebody else as co-lead")
        } else if p.state == CoLeadState::Declined {
            DomainError::conflict_on("email", "This person declined to co-lead this application")
        } else {
            DomainError::conflict_on(
                "email",
                "This person has already been invited to co-lead this application",
            )
        });
    }
    let co_leads = participants
        .iter()
        .filter(|p| !p.is_lead && p.state != CoLeadState::Declined)
        .count();
    if co_leads >= MAX_CO_LEADS {
        return Err(DomainError::field(
            "email",
            format!("An application can have at most {MAX_CO_LEADS} co-leads"),
        ));
    }
    Ok(())
}

/// Accepting or declining an invitation to co-lead: only a pending one, on a draft.
pub fn check_answerable(
    status: ApplicationStatus,
    me: Option<&Participant>,
) -> Result<(), DomainError> {
    let me = me.ok_or_else(|| {
        DomainError::forbidden("You have not been invited to co-lead this application")
    })?;
    if me.is_lead {
        return Err(DomainError::invalid_state(
            "You are the lead of this application",
        ));
    }
    if me.state != CoLeadState::Invited {
        return Err(DomainError::invalid_state(format!(
            "You have already {} this invitation",
            me.state.as_str().to_lowercase()
        )));
    }
    check_editable(status)
}

/// Saving a draft: a sponsoring organisation is either chosen or cleared, not both at once.
pub fn check_sponsor_choice(clear: bool, chosen: bool) -> Result<(), DomainError> {
    if clear && chosen {
        Err(DomainError::field(
            "clearSponsor",
            "Either choose a sponsoring organisation or clear it, not both",
        ))
    } else {
        Ok(())
    }
}

/// The place among `participants` of the co-lead (invited, accepted or declined) with this
/// e-mail address; the lead is never one.
pub fn co_lead_at(participants: &[Participant], email: &Email) -> Result<usize, DomainError> {
    participants
        .iter()
        .position(|p| !p.is_lead && p.email == email.as_str())
        .ok_or_else(|| {
            DomainError::field(
                "email",
                "Nobody with this email address is a co-lead of this application",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::CallStatus;
    use crate::organisation::Sector;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 10, 9, 0, 0).unwrap()
    }
    fn window() -> CallWindow {
        CallWindow {
            status: CallStatus::Open,
            opens_at: Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap(),
            closes_at: Utc.with_ymd_and_hms(2026, 6, 30, 17, 0, 0).unwrap(),
        }
    }
    fn org(sector: Sector, nhs_member: bool) -> Option<OrganisationFacts> {
        Some(OrganisationFacts { sector, nhs_member })
    }
    fn lead(o: Option<OrganisationFacts>) -> Participant {
        Participant {
            person: Some(PersonId::new()),
            email: "lead@x.nhs.uk".into(),
            is_lead: true,
            state: CoLeadState::Accepted,
            organisation: o,
        }
    }
    fn co(email: &str, state: CoLeadState, o: Option<OrganisationFacts>) -> Participant {
        Participant {
            person: None,
            email: email.into(),
            is_lead: false,
            state,
            organisation: o,
        }
    }
    fn qs() -> Vec<Question> {
        crate::question::default_questions()
    }
    fn full_text() -> Answers {
        Answers(
            qs().iter()
                .enumerate()
                .map(|(i, q)| (q.key.clone(), format!("answer {i}")))
                .collect(),
        )
    }

    #[test]
    fn a_complete_nhs_application_submits() {
        let ps = [lead(org(Sector::NhsTrust, true))];
        assert!(check_submittable(
            ApplicationStatus::Draft,
            &qs(),
            &full_text(),
            &ps,
            &window(),
            now()
        )
        .is_ok());
    }

    #[test]
    fn empty_answers_are_named() {
        let ps = [lead(org(Sector::NhsTrust, true))];
        let mut t = full_text();
        t.0.insert("domainSketch".into(), " ".into());
        t.0.remove("supportWanted");
        let e = check_submittable(ApplicationStatus::Draft, &qs(), &t, &ps, &window(), now())
            .unwrap_err();
        let names: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["domainSketch", "supportWanted"]);
    }

    #[test]
    fn submission_only_while_the_call_is_open() {
        let ps = [lead(org(Sector::NhsTrust, true))];
        let late = window().closes_at;
        let e = check_submittable(
            ApplicationStatus::Draft,
            &qs(),
            &full_text(),
            &ps,
            &window(),
            late,
        )
        .unwrap_err();
        assert_eq!(e.fields[0].field, "callId");
    }

    #[test]
    fn every_co_lead_must_accept_first() {
        let mut ps = vec![
            lead(org(Sector::NhsTrust, true)),
            co("b@x.nhs.uk", CoLeadState::Invited, None),
        ];
        let e = check_submittable(
            ApplicationStatus::Draft,
            &qs(),
            &full_text(),
            &ps,
            &window(),
            now(),
        )
        .unwrap_err();
        assert_eq!(e.fields[0].field, "coLeads");
        assert!(e.message.contains("b@x.nhs.uk"));
        ps[1].state = CoLeadState::Accepted;
        ps[1].organisation = org(Sector::PrimaryCare, true);
        assert!(check_submittable(
            ApplicationStatus::Draft,
            &qs(),
            &full_text(),
            &ps,
            &window(),
            now()
        )
        .is_ok());
        // a declined invitation does not hold the application up
        ps[1].state = CoLeadState::Declined;
        assert!(check_submittable(
            ApplicationStatus::Draft,
            &qs(),
            &full_text(),
            &ps,
            &window(),
            now()
        )
        .is_ok());
    }

    #[test]
    fn industry_needs_an_nhs_member_co_lead() {
        let industry_lead = lead(org(Sector::Industry, false));
        assert_eq!(
            check_nhs_partner(&[industry_lead.clone()])
                .unwrap_err()
                .fields[0]
                .field,
            "coLeads"
        );
        // an NHS organisation that is not a current member does not count
        let non_member = co(
            "c@x.nhs.uk",
            CoLeadState::Accepted,
            org(Sector::NhsTrust, false),
        );
        assert!(check_nhs_partner(&[industry_lead.clone(), non_member]).is_err());
        // nor does a co-lead who has not accepted
        let pending = co(
            "c@x.nhs.uk",
            CoLeadState::Invited,
            org(Sector::NhsTrust, true),
        );
        assert!(check_nhs_partner(&[industry_lead.clone(), pending]).is_err());
        let member = co(
            "c@x.nhs.uk",
            CoLeadState::Accepted,
            org(Sector::NhsTrust, true),
        );
        assert!(check_nhs_partner(&[industry_lead, member]).is_ok());
        // third sector co-lead with an NHS member lead: the lead is the NHS partner
        let ts = co(
            "d@charity.org",
            CoLeadState::Accepted,
            org(Sector::ThirdSector, false),
        );
        assert!(check_nhs_partner(&[lead(org(Sector::NhsTrust, true)), ts.clone()]).is_ok());
        assert!(check_nhs_partner(&[lead(org(Sector::Academic, false)), ts]).is_err());
        // nobody from industry: no requirement at all
        assert!(check_nhs_partner(&[lead(org(Sector::Academic, false))]).is_ok());
    }

    #[test]
    fn text_is_frozen_after_submission() {
        assert!(check_editable(ApplicationStatus::Draft).is_ok());
        for s in [
            ApplicationStatus::Submitted,
            ApplicationStatus::Withdrawn,
            ApplicationStatus::Funded,
            ApplicationStatus::NotFunded,
        ] {
            assert_eq!(
                check_editable(s).unwrap_err().code,
                crate::ErrorCode::InvalidState,
                "{s:?}"
            );
        }
        assert_eq!(
            check_submittable(
                ApplicationStatus::Submitted,
                &qs(),
                &full_text(),
                &[],
                &window(),
                now()
            )
            .unwrap_err()
            .code,
            crate::ErrorCode::InvalidState
        );
    }

    #[test]
    fn withdrawal_until_the_decision() {
        use ApplicationStatus::*;
        assert!(check_withdrawable(Draft, CallStatus::Open).is_ok());
        assert!(check_withdrawable(Submitted, CallStatus::InReview).is_ok());
        assert!(check_withdrawable(Submitted, CallStatus::Decided).is_err());
        assert!(check_withdrawable(Withdrawn, CallStatus::Open).is_err());
        assert!(check_withdrawable(Funded, CallStatus::Decided).is_err());
    }

    #[test]
    fn one_application_per_call_and_domain() {
        assert!(check_one_per_call_and_domain(false, "domainId", "You are").is_ok());
        let e = check_one_per_call_and_domain(true, "domainId", "You are").unwrap_err();
        assert_eq!(
            (e.code, e.fields[0].field.as_str()),
            (crate::ErrorCode::Conflict, "domainId")
        );
        assert!(!ApplicationStatus::Withdrawn.holds_place());
        assert!(ApplicationStatus::Submitted.holds_place());
    }

    #[test]
    fn invitations() {
        let ps = vec![
            lead(org(Sector::NhsTrust, true)),
            co("b@x.nhs.uk", CoLeadState::Invited, None),
        ];
        let b = Email::parse("email", "B@x.nhs.uk").unwrap();
        assert_eq!(
            check_invitable(ApplicationStatus::Draft, &ps, &b)
                .unwrap_err()
                .code,
            crate::ErrorCode::Conflict
        );
        let me = Email::parse("email", "lead@x.nhs.uk").unwrap();
        assert_eq!(
            check_invitable(ApplicationStatus::Draft, &ps, &me)
                .unwrap_err()
                .fields[0]
                .field,
            "email"
        );
        let c = Email::parse("email", "c@x.nhs.uk").unwrap();
        assert!(check_invitable(ApplicationStatus::Draft, &ps, &c).is_ok());
        assert!(check_invitable(ApplicationStatus::Submitted, &ps, &c).is_err());
        let many: Vec<_> = std::iter::once(lead(None))
            .chain(
                (0..MAX_CO_LEADS)
                    .map(|i| co(&format!("p{i}@x.nhs.uk"), CoLeadState::Accepted, None)),
            )
            .collect();
        assert!(check_invitable(ApplicationStatus::Draft, &many, &c).is_err());
    }

    #[test]
    fn answering_an_invitation() {
        let pending = co("b@x.nhs.uk", CoLeadState::Invited, None);
        assert!(check_answerable(ApplicationStatus::Draft, Some(&pending)).is_ok());
        assert_eq!(
            check_answerable(ApplicationStatus::Draft, None)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert!(check_answerable(ApplicationStatus::Submitted, Some(&pending)).is_err());
        let done = co("b@x.nhs.uk", CoLeadState::Accepted, None);
        assert_eq!(
            check_answerable(ApplicationStatus::Draft, Some(&done))
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
    }

    #[test]
    fn a_sponsor_is_chosen_or_cleared_not_both() {
        assert!(check_sponsor_choice(false, true).is_ok());
        assert!(check_sponsor_choice(true, false).is_ok());
        assert!(check_sponsor_choice(false, false).is_ok());
        let e = check_sponsor_choice(true, true).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "clearSponsor");
    }

    #[test]
    fn only_a_co_lead_can_be_found_by_email() {
        let ps = [
            lead(None),
            co("b@x.nhs.uk", CoLeadState::Invited, None),
            co("c@x.nhs.uk", CoLeadState::Declined, None),
        ];
        let email = |s: &str| Email::parse("email", s).unwrap();
        assert_eq!(co_lead_at(&ps, &email("b@x.nhs.uk")).unwrap(), 1);
        assert_eq!(co_lead_at(&ps, &email("c@x.nhs.uk")).unwrap(), 2);
        for nobody in ["lead@x.nhs.uk", "d@x.nhs.uk"] {
            let e = co_lead_at(&ps, &email(nobody)).unwrap_err();
            assert_eq!(e.code, crate::ErrorCode::Validation);
            assert_eq!(e.fields[0].field, "email");
        }
    }
}
