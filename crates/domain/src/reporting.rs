//! Reporting (SPEC §8): the programme dashboard's period, and the definitions that turn the
//! store's counts into its figures. Everything is counted in the store; what a figure *means*
//! (which day a period ends, when outcomes are overdue, how an average is rounded, which keys
//! a chart shows even at zero) is decided here.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::London;

use crate::application::ApplicationStatus;
use crate::community::{Stage, StartupStep};
use crate::organisation::Sector;
use crate::practice::ExchangeVisibility;
use crate::DomainError;

/// A period of inclusive UK dates; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// `from` after `to` is an error on `to` (the end is what people fix).
    pub fn parse(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Period, DomainError> {
        match (from, to) {
            (Some(f), Some(t)) if f > t => Err(DomainError::field(
                "to",
                "The end of the period must be on or after its start",
            )),
            _ => Ok(Period { from, to }),
        }
    }

    /// The first instant of the period: midnight in London at the start of `from`.
    pub fn starts_at(&self) -> Option<DateTime<Utc>> {
        self.from.map(london_midnight)
    }

    /// The first instant after the period: midnight in London at the end of `to`.
    pub fn ends_before(&self) -> Option<DateTime<Utc>> {
        self.to.and_then(|t| t.succ_opt()).map(london_midnight)
    }

    /// Whether an instant falls in the period.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.starts_at().is_none_or(|s| t >= s) && self.ends_before().is_none_or(|e| t < e)
    }

    /// Whether a UK date falls in the period.
    pub fn contains_day(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// Midnight at the start of a UK date (the clocks never change at midnight in London).
pub fn london_midnight(d: NaiveDate) -> DateTime<Utc> {
    let local = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    London
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// Every key of `all`, in that order, with its count (zero when it has none). Keys the store
/// returned that are not in `all` are dropped: a chart shows the domain's values only.
pub fn zero_filled<K: Copy + PartialEq>(all: &[K], counts: &[(K, i64)]) -> Vec<(K, i64)> {
    all.iter()
        .map(|k| {
            let n = counts.iter().filter(|(c, _)| c == k).map(|(_, n)| n).sum();
            (*k, n)
        })
        .collect()
}

/// Days from `today` to the decision-due date; negative once it has passed.
pub fn days_until(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// Outcomes are overdue when someone is still owed one after the decision-due date ("all
/// applicants told by 8 September": on the 8th they are still in time).
pub fn outcomes_overdue(pending: i64, due: NaiveDate, today: NaiveDate) -> bool {
    pending > 0 && today > due
}

/// Attendances per meeting held, to one decimal place (halves away from zero); 0 when no
/// meeting was held.
pub fn average_attendance(attendances: i64, held: i64) -> f64 {
    if held <= 0 {
        return 0.0;
    }
    (attendances as f64 * 10.0 / held as f64).round() / 10.0
}

/// One start-up step across the communities that are not closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepFigure {
    pub step: StartupStep,
    pub done: i64,
    pub not_done: i64,
}

/// For each of the six steps in order: how many of the `open` communities (those not closed)
/// have done it, and how many have not. A step nobody has touched counts as not done.
pub fn startup_progress(open: i64, done: &[(StartupStep, i64)]) -> Vec<StepFigure> {
    zero_filled(&StartupStep::ALL, done)
        .into_iter()
        .map(|(step, d)| {
            let d = d.clamp(0, open.max(0));
            StepFigure {
                step,
                done: d,
                not_done: open.max(0) - d,
            }
        })
        .collect()
}

/// The communities that are not closed, from the counts per stage.
pub fn open_communities(by_stage: &[(Stage, i64)]) -> i64 {
    by_stage
        .iter()
        .filter(|(s, _)| *s != Stage::Closed)
        .map(|(_, n)| n)
        .sum()
}

pub const STAGES: [Stage; 4] = [Stage::Forming, Stage::Active, Stage::Dormant, Stage::Closed];

// ---------------------------------------------------------------- labels for people

pub fn sector_label(s: Sector) -> &'static str {
    match s {
        Sector::NhsTrust => "NHS trust",
        Sector::PrimaryCare => "Primary care",
        Sector::Commissioner => "Commissioner",
        Sector::LocalAuthority => "Local authority",
        Sector::Academic => "Academic",
        Sector::Industry => "Industry",
        Sector::ThirdSector => "Third sector",
        Sector::Network => "Network",
    }
}

pub fn status_label(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::Draft => "Draft",
        ApplicationStatus::Submitted => "Submitted",
        ApplicationStatus::Withdrawn => "Withdrawn",
        ApplicationStatus::Funded => "Funded",
        ApplicationStatus::NotFunded => "Not funded",
    }
}

pub fn stage_label(s: Stage) -> &'static str {
    match s {
        Stage::Forming => "Forming",
        Stage::Active => "Active",
        Stage::Dormant => "Dormant",
        Stage::Closed => "Closed",
    }
}

pub fn visibility_label(v: ExchangeVisibility) -> &'static str {
    match v {
        ExchangeVisibility::Community => "Community only",
        ExchangeVisibility::Network => "Whole network",
        ExchangeVisibility::Public => "Public",
    }
}

pub fn step_label(s: StartupStep) -> &'static str {
    match s {
        StartupStep::DevelopDomain => "Develop the domain",
        StartupStep::MapMembers => "Map community members",
        StartupStep::Invitation => "Invitation",
        StartupStep::InitialConversation => "Initial conversation",
        StartupStep::Roles => "Roles and responsibilities",
        StartupStep::DefineCommunity => "Define the community",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_ending_before_it_starts_is_refused_on_to() {
        let e = Period::parse(Some(d("2026-03-02")), Some(d("2026-03-01"))).unwrap_err();
        assert_eq!(e.fields[0].field, "to");
        assert!(Period::parse(Some(d("2026-03-01")), Some(d("2026-03-01"))).is_ok());
        assert!(Period::parse(None, Some(d("2026-03-01"))).is_ok());
        assert!(Period::parse(Some(d("2026-03-01")), None).is_ok());
    }

    #[test]
    fn periods_run_from_london_midnight_to_london_midnight() {
        // winter: London is UTC
        let p = Period::parse(Some(d("2026-01-10")), Some(d("2026-01-10"))).unwrap();
        assert_eq!(
            p.starts_at().unwrap().to_rfc3339(),
            "2026-01-10T00:00:00+00:00"
        );
        assert_eq!(
            p.ends_before().unwrap().to_rfc3339(),
            "2026-01-11T00:00:00+00:00"
        );
        // summer: London is UTC+1, so the UK day starts at 23:00 UTC the evening before
        let p = Period::parse(Some(d("2026-07-10")), Some(d("2026-07-10"))).unwrap();
        assert_eq!(
            p.starts_at().unwrap().to_rfc3339(),
            "2026-07-09T23:00:00+00:00"
        );
        assert_eq!(
            p.ends_before().unwrap().to_rfc3339(),
            "2026-07-10T23:00:00+00:00"
        );
        let late = "2026-07-10T22:59:59Z".parse().unwrap();
        let next = "2026-07-10T23:00:00Z".parse().unwrap();
        assert!(p.contains(late));
        assert!(!p.contains(next));
        assert!(p.contains_day(d("2026-07-10")));
        assert!(!p.contains_day(d("2026-07-11")));
        // the day the clocks go forward is 23 hours long
        let p = Period::parse(Some(d("2026-03-29")), Some(d("2026-03-29"))).unwrap();
        assert_eq!(
            (p.ends_before().unwrap() - p.starts_at().unwrap()).num_hours(),
            23
        );
        let open = Period::default();
        assert!(open.contains(next) && open.contains_day(d("1999-01-01")));
    }

    #[test]
    fn zero_filling_keeps_the_domain_order_and_drops_strangers() {
        let got = zero_filled(&STAGES, &[(Stage::Closed, 2), (Stage::Forming, 3)]);
        assert_eq!(
            got,
            vec![
                (Stage::Forming, 3),
                (Stage::Active, 0),
                (Stage::Dormant, 0),
                (Stage::Closed, 2)
            ]
        );
        let got = zero_filled(&[Sector::Industry], &[(Sector::NhsTrust, 4)]);
        assert_eq!(got, vec![(Sector::Industry, 0)]);
    }

    #[test]
    fn outcomes_are_overdue_only_after_the_due_date_and_while_owed() {
        let due = d("2015-09-08");
        assert_eq!(days_until(due, d("2015-09-01")), 7);
        assert_eq!(days_until(due, d("2015-09-09")), -1);
        assert!(!outcomes_overdue(3, due, d("2015-09-08")));
        assert!(outcomes_overdue(3, due, d("2015-09-09")));
        assert!(!outcomes_overdue(0, due, d("2015-09-09")));
    }

    #[test]
    fn average_attendance_has_one_decimal_and_is_zero_without_meetings() {
        assert_eq!(average_attendance(0, 0), 0.0);
        assert_eq!(average_attendance(5, 0), 0.0);
        assert_eq!(average_attendance(7, 3), 2.3);
        assert_eq!(average_attendance(5, 3), 1.7);
        assert_eq!(average_attendance(1, 4), 0.3); // 0.25 rounds up
        assert_eq!(average_attendance(6, 2), 3.0);
    }

    #[test]
    fn startup_progress_lists_all_six_steps_against_open_communities() {
        let by_stage = [
            (Stage::Forming, 2),
            (Stage::Active, 1),
            (Stage::Dormant, 0),
            (Stage::Closed, 5),
        ];
        let open = open_communities(&by_stage);
        assert_eq!(open, 3);
        let got = startup_progress(
            open,
            &[
                (StartupStep::Invitation, 2),
                (StartupStep::DevelopDomain, 3),
            ],
        );
        assert_eq!(got.len(), 6);
        assert_eq!(
            got.iter().map(|f| f.step).collect::<Vec<_>>(),
            StartupStep::ALL.to_vec()
        );
        assert_eq!((got[0].done, got[0].not_done), (3, 0));
        assert_eq!((got[1].done, got[1].not_done), (0, 3));
        assert_eq!((got[2].done, got[2].not_done), (2, 1));
        assert!(got.iter().all(|f| f.done + f.not_done == 3));
    }

    #[test]
    fn every_value_has_a_label() {
        assert_eq!(sector_label(Sector::ThirdSector), "Third sector");
        assert_eq!(status_label(ApplicationStatus::NotFunded), "Not funded");
        assert_eq!(stage_label(Stage::Dormant), "Dormant");
        assert_eq!(
            visibility_label(ExchangeVisibility::Community),
            "Community only"
        );
        assert_eq!(step_label(StartupStep::Roles), "Roles and responsibilities");
    }
}
