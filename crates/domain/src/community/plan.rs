//! The working plan (SPEC §4): the information, research or expertise the community needs,
//! from whom, by when. (Its next meeting and who holds which function come from elsewhere.)

use chrono::NaiveDate;

use super::{MemberRole, Stage};
use crate::text::bounded;
use crate::{DomainError, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedKind {
    Information,
    Research,
    Expertise,
}

impl NeedKind {
    pub const ALL: [NeedKind; 3] = [
        NeedKind::Information,
        NeedKind::Research,
        NeedKind::Expertise,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            NeedKind::Information => "INFORMATION",
            NeedKind::Research => "RESEARCH",
            NeedKind::Expertise => "EXPERTISE",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanNeed {
    pub kind: NeedKind,
    pub what: String,
    pub from_whom: String,
    pub by_when: Option<NaiveDate>,
}

/// What is needed and from whom are required; "by when", if given, is not in the past.
pub fn parse_need(
    kind: NeedKind,
    what: &str,
    from_whom: &str,
    by_when: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<PlanNeed, DomainError> {
    let mut f = Fields::new();
    let what = f.take(bounded("what", "what the community needs", what, 3, 2_000));
    let from_whom = f.take(bounded(
        "fromWhom",
        "who it is needed from",
        from_whom,
        2,
        200,
    ));
    if by_when.is_some_and(|d| d < today) {
        f.add(
            "byWhen",
            "The date it is needed by must be today or in the future",
        );
    }
    f.finish()?;
    Ok(PlanNeed {
        kind,
        what: what.expect("checked"),
        from_whom: from_whom.expect("checked"),
        by_when,
    })
}

/// The plan is the conveners' and core group's (the initial conversation is theirs); members read it.
pub fn check_can_plan(role: Option<MemberRole>, stage: Stage) -> Result<(), DomainError> {
    if !role.is_some_and(|r| r.runs_it()) {
        return Err(DomainError::forbidden(
            "Only this community's conveners and core group can change its working plan",
        ));
    }
    if stage == Stage::Closed {
        return Err(DomainError::invalid_state("This community has closed"));
    }
    Ok(())
}

/// A need is met once.
pub fn check_completable(completed: bool) -> Result<(), DomainError> {
    if completed {
        Err(DomainError::invalid_state("This need has already been met"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_need_says_what_and_from_whom_and_not_a_past_date() {
        let e = parse_need(NeedKind::Research, "", " ", Some(d(1, 1)), d(2, 1)).unwrap_err();
        let mut f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        f.sort();
        assert_eq!(f, ["byWhen", "fromWhom", "what"]);
        let n = parse_need(
            NeedKind::Expertise,
            " Audit design ",
            "The CCG analyst",
            Some(d(2, 1)),
            d(2, 1),
        )
        .unwrap();
        assert_eq!(n.what, "Audit design");
        assert!(parse_need(NeedKind::Information, "Ward data", "BI team", None, d(2, 1)).is_ok());
    }

    #[test]
    fn only_those_who_run_it_plan_and_a_need_is_met_once() {
        assert!(check_can_plan(Some(MemberRole::Core), Stage::Forming).is_ok());
        assert_eq!(
            check_can_plan(Some(MemberRole::Member), Stage::Active)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_plan(None, Stage::Active).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_plan(Some(MemberRole::Convener), Stage::Closed)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_completable(false).is_ok());
        assert_eq!(
            check_completable(true).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
    }
}
