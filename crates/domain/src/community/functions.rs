//! Roles and responsibilities (SPEC §4): functions given to members for a period, and rotated.

use chrono::{Duration, NaiveDate};

use super::{MemberRole, Stage};
use crate::text::single_line;
use crate::DomainError;

/// The functions a community shares out; OTHER carries the community's own name for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FunctionKind {
    Agenda,
    NoteTaking,
    Communication,
    Facilitation,
    IntranetPosting,
    Other,
}

impl FunctionKind {
    pub const ALL: [FunctionKind; 6] = [
        FunctionKind::Agenda,
        FunctionKind::NoteTaking,
        FunctionKind::Communication,
        FunctionKind::Facilitation,
        FunctionKind::IntranetPosting,
        FunctionKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            FunctionKind::Agenda => "AGENDA",
            FunctionKind::NoteTaking => "NOTE_TAKING",
            FunctionKind::Communication => "COMMUNICATION",
            FunctionKind::Facilitation => "FACILITATION",
            FunctionKind::IntranetPosting => "INTRANET_POSTING",
            FunctionKind::Other => "OTHER",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// How people call it.
    pub fn label(self) -> &'static str {
        match self {
            FunctionKind::Agenda => "Agenda",
            FunctionKind::NoteTaking => "Note-taking",
            FunctionKind::Communication => "Communication",
            FunctionKind::Facilitation => "Facilitation",
            FunctionKind::IntranetPosting => "Intranet posting",
            FunctionKind::Other => "Other",
        }
    }
}

/// A function: its kind and, for OTHER, the community's own name for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    pub kind: FunctionKind,
    pub custom_name: Option<String>,
}

impl Function {
    /// Two periods belong to the same function when kind and (case-insensitive) name agree.
    pub fn key(&self) -> String {
        match &self.custom_name {
            Some(n) => format!(
                "{}:{}",
                self.kind.as_str(),
                n.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            ),
            None => self.kind.as_str().to_string(),
        }
    }
    pub fn name(&self) -> String {
        self.custom_name
            .clone()
            .unwrap_or_else(|| self.kind.label().to_string())
    }
}

/// OTHER needs the community's own name for the function; the others have theirs already.
pub fn parse_function(
    kind: FunctionKind,
    custom_name: Option<&str>,
) -> Result<Function, DomainError> {
    let custom = custom_name.map(str::trim).filter(|n| !n.is_empty());
    match (kind, custom) {
        (FunctionKind::Other, None) => Err(DomainError::field(
            "customName",
            "Give this function the name your community uses for it",
        )),
        (FunctionKind::Other, Some(n)) => Ok(Function {
            kind,
            custom_name: Some(single_line("customName", "the function's name", n, 2, 80)?),
        }),
        (_, Some(_)) => Err(DomainError::field(
            "customName",
            "Only a function of your own (OTHER) takes a name",
        )),
        (_, None) => Ok(Function {
            kind,
            custom_name: None,
        }),
    }
}

/// A period someone holds a function: from a day, until a day (inclusive) or open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Period {
    pub fn parse(from: NaiveDate, until: Option<NaiveDate>) -> Result<Self, DomainError> {
        if let Some(u) = until {
            if u < from {
                return Err(DomainError::field(
                    "until",
                    "The end of the period must be the same as or after its start",
                ));
            }
        }
        Ok(Period { from, until })
    }
    pub fn overlaps(&self, other: &Period) -> bool {
        let a_ends_before = self.until.is_some_and(|u| u < other.from);
        let b_ends_before = other.until.is_some_and(|u| u < self.from);
        !(a_ends_before || b_ends_before)
    }
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }
}

/// Periods of the same function never overlap: one holder at a time.
pub fn check_no_overlap(new: &Period, others: &[Period]) -> Result<(), DomainError> {
    if others.iter().any(|o| o.overlaps(new)) {
        return Err(DomainError::conflict_on(
            "from",
            "Someone already holds this function for part of that period: rotate it or end it first",
        ));
    }
    Ok(())
}

/// The function goes to a member of the community.
pub fn check_holder(role: Option<MemberRole>) -> Result<(), DomainError> {
    match role {
        Some(_) => Ok(()),
        None => Err(DomainError::field(
            "personId",
            "Functions go to members of the community: this person is not one",
        )),
    }
}

/// Who shares out functions: the conveners and core group (the roles step is theirs while the
/// community forms; once it is active any core member does the cultivating tasks). Not once it
/// has closed.
pub fn check_can_manage_functions(
    role: Option<MemberRole>,
    stage: Stage,
) -> Result<(), DomainError> {
    if !role.is_some_and(|r| r.runs_it()) {
        return Err(DomainError::forbidden(
            "Only this community's conveners and core group can share out its functions",
        ));
    }
    if stage == Stage::Closed {
        return Err(DomainError::invalid_state("This community has closed"));
    }
    Ok(())
}

/// Rotation: the current holder's period ends the day before `from`, the next one starts on
/// `from`, open-ended. Returns (the current period ended, the next period).
pub fn rotate(current: &Period, from: NaiveDate) -> Result<(Period, Period), DomainError> {
    if from <= current.from {
        return Err(DomainError::field(
            "from",
            "The next holder starts after the current holder's period began",
        ));
    }
    if current.until.is_some_and(|u| u < from - Duration::days(1)) {
        return Err(DomainError::invalid_state(
            "This period has already ended: assign the function afresh",
        ));
    }
    Ok((
        Period {
            from: current.from,
            until: Some(from - Duration::days(1)),
        },
        Period { from, until: None },
    ))
}

/// Ending a period on `until` (today by default): not before it began, not after it ended.
pub fn end_period(current: &Period, until: NaiveDate) -> Result<Period, DomainError> {
    if until < current.from {
        return Err(DomainError::field(
            "until",
            "The end of the period must be the same as or after its start",
        ));
    }
    if current.until.is_some_and(|u| u < until) {
        return Err(DomainError::invalid_state("This period has already ended"));
    }
    Ok(Period {
        from: current.from,
        until: Some(until),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn other_needs_its_own_name_and_only_other_has_one() {
        assert_eq!(
            parse_function(FunctionKind::Other, Some("  "))
                .unwrap_err()
                .fields[0]
                .field,
            "customName"
        );
        assert_eq!(
            parse_function(FunctionKind::Agenda, Some("Chair"))
                .unwrap_err()
                .fields[0]
                .field,
            "customName"
        );
        let f = parse_function(FunctionKind::Other, Some("Tea and biscuits")).unwrap();
        assert_eq!(f.name(), "Tea and biscuits");
        assert_eq!(
            f.key(),
            parse_function(FunctionKind::Other, Some("tea  and Biscuits"))
                .unwrap()
                .key()
        );
        assert_eq!(
            parse_function(FunctionKind::NoteTaking, None)
                .unwrap()
                .name(),
            "Note-taking"
        );
    }

    #[test]
    fn periods_of_one_function_do_not_overlap() {
        let jan = Period::parse(d(1, 1), Some(d(1, 31))).unwrap();
        let open = Period::parse(d(3, 1), None).unwrap();
        assert!(check_no_overlap(
            &Period::parse(d(2, 1), Some(d(2, 28))).unwrap(),
            &[jan, open]
        )
        .is_ok());
        let e =
            check_no_overlap(&Period::parse(d(1, 31), Some(d(2, 5))).unwrap(), &[jan]).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Conflict);
        assert!(check_no_overlap(&Period::parse(d(9, 1), None).unwrap(), &[open]).is_err());
        assert!(check_no_overlap(&Period::parse(d(1, 1), None).unwrap(), &[open]).is_err());
        assert_eq!(
            Period::parse(d(2, 1), Some(d(1, 1))).unwrap_err().fields[0].field,
            "until"
        );
    }

    #[test]
    fn rotating_ends_the_day_before_and_starts_the_next() {
        let cur = Period::parse(d(1, 1), None).unwrap();
        let (ended, next) = rotate(&cur, d(4, 1)).unwrap();
        assert_eq!(ended.until, Some(d(3, 31)));
        assert_eq!(
            next,
            Period {
                from: d(4, 1),
                until: None
            }
        );
        assert!(!ended.overlaps(&next));
        assert_eq!(rotate(&cur, d(1, 1)).unwrap_err().fields[0].field, "from");
        let short = Period::parse(d(1, 1), Some(d(1, 10))).unwrap();
        assert_eq!(
            rotate(&short, d(3, 1)).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        // rotating from the day after a fixed end is fine
        assert!(rotate(&short, d(1, 11)).is_ok());
    }

    #[test]
    fn ending_a_period() {
        let cur = Period::parse(d(1, 10), None).unwrap();
        assert_eq!(end_period(&cur, d(2, 1)).unwrap().until, Some(d(2, 1)));
        assert_eq!(
            end_period(&cur, d(1, 1)).unwrap_err().fields[0].field,
            "until"
        );
    }

    #[test]
    fn holders_are_members_and_the_core_shares_functions_out() {
        assert_eq!(check_holder(None).unwrap_err().fields[0].field, "personId");
        assert!(check_holder(Some(MemberRole::Member)).is_ok());
        for stage in [Stage::Forming, Stage::Active, Stage::Dormant] {
            assert!(check_can_manage_functions(Some(MemberRole::Convener), stage).is_ok());
            assert!(check_can_manage_functions(Some(MemberRole::Core), stage).is_ok());
            assert_eq!(
                check_can_manage_functions(Some(MemberRole::Member), stage)
                    .unwrap_err()
                    .code,
                crate::ErrorCode::Forbidden
            );
            assert!(check_can_manage_functions(None, stage).is_err());
        }
        assert_eq!(
            check_can_manage_functions(Some(MemberRole::Convener), Stage::Closed)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
    }
}
