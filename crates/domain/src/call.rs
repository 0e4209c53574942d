//! Calls (SPEC §1, FAQ 3–9): a funding round with its places, honorarium, rubric and status.

use chrono::{DateTime, NaiveDate, Utc};

use crate::money::Pence;
pub use crate::question::{
    check_questions, default_questions, Question, QuestionDraft, QuestionKind,
};
use crate::text::{bounded, single_line};
use crate::{DomainError, Fields};

/// draft → open → closed → in review → decided → archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CallStatus {
    Draft,
    Open,
    Closed,
    InReview,
    Decided,
    Archived,
}

impl CallStatus {
    pub const ALL: [CallStatus; 6] = [
        CallStatus::Draft,
        CallStatus::Open,
        CallStatus::Closed,
        CallStatus::InReview,
        CallStatus::Decided,
        CallStatus::Archived,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Draft => "DRAFT",
            CallStatus::Open => "OPEN",
            CallStatus::Closed => "CLOSED",
            CallStatus::InReview => "IN_REVIEW",
            CallStatus::Decided => "DECIDED",
            CallStatus::Archived => "ARCHIVED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HonorariumPolicy {
    /// The eligible co-leads share the whole amount (the default).
    Redistribute,
    /// Ineligible partners' shares are not paid.
    Forfeit,
}

impl HonorariumPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            HonorariumPolicy::Redistribute => "REDISTRIBUTE",
            HonorariumPolicy::Forfeit => "FORFEIT",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [HonorariumPolicy::Redistribute, HonorariumPolicy::Forfeit]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankBy {
    Weighted,
    Normalised,
}

impl RankBy {
    pub fn as_str(self) -> &'static str {
        match self {
            RankBy::Weighted => "WEIGHTED",
            RankBy::Normalised => "NORMALISED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [RankBy::Weighted, RankBy::Normalised]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// The times that decide whether a call takes applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallWindow {
    pub status: CallStatus,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl CallWindow {
    /// The status people see: an open call whose closing instant has passed is closed.
    pub fn status_at(&self, now: DateTime<Utc>) -> CallStatus {
        if self.status == CallStatus::Open && now >= self.closes_at {
            CallStatus::Closed
        } else {
            self.status
        }
    }

    /// Applications can be started and submitted only while the call is open (SPEC §1).
    pub fn accepting_applications(&self, now: DateTime<Utc>) -> bool {
        self.status == CallStatus::Open && self.opens_at <= now && now < self.closes_at
    }

    /// The error for starting or submitting outside the window, on the `callId` field.
    pub fn check_accepting(&self, now: DateTime<Utc>) -> Result<(), DomainError> {
        if self.accepting_applications(now) {
            return Ok(());
        }
        let why = match self.status_at(now) {
            CallStatus::Draft => "This call has not been published yet".to_string(),
            CallStatus::Open => format!(
                "This call opens on {}",
                long_date(self.opens_at.date_naive())
            ),
            CallStatus::Closed
            | CallStatus::InReview
            | CallStatus::Decided
            | CallStatus::Archived => {
                "This call is closed: applications can no longer be submitted".to_string()
            }
        };
        Err(DomainError::field("callId", why))
    }

    /// Publishing a draft call; it must still have time to run.
    pub fn check_openable(&self, now: DateTime<Utc>) -> Result<(), DomainError> {
        if self.status != CallStatus::Draft {
            return Err(DomainError::invalid_state(format!(
                "Only a draft call can be opened; this one is {}",
                self.status_at(now)
                    .as_str()
                    .to_lowercase()
                    .replace('_', " ")
            )));
        }
        if self.closes_at <= now {
            return Err(DomainError::field(
                "callId",
                "This call's closing time has passed; change it before opening",
            ));
        }
        Ok(())
    }

    /// `closeCall`: an open call can be closed, early if need be. A draft was never published,
    /// so there is nothing to close (closing it would publish it).
    pub fn check_closable(&self, now: DateTime<Utc>) -> Result<(), DomainError> {
        match self.status {
            CallStatus::Open => Ok(()),
            CallStatus::Draft => Err(DomainError::invalid_state(
                "This call is a draft: it has not been published, so there is nothing to close",
            )),
            _ => Err(DomainError::invalid_state(format!(
                "This call is already {}",
                self.status_at(now)
                    .as_str()
                    .to_lowercase()
                    .replace('_', " ")
            ))),
        }
    }
}

/// Starting an application: an applicant sees a call only once it is published (a draft is
/// "no such call" to them), and it must be taking applications now.
pub fn check_open_to_applicants(
    window: Option<&CallWindow>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    match window {
        Some(w) if w.status != CallStatus::Draft => w.check_accepting(now),
        _ => Err(DomainError::field("callId", "There is no such call")),
    }
}

/// "8 September 2015".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A criterion of the scoring rubric (SPEC §2), with an integer weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCriterion {
    pub name: String,
    pub weight: u32,
}

/// What the programme team types to create a call, unparsed.
#[derive(Debug, Clone)]
pub struct CallDraft<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decision_due_on: NaiveDate,
    pub funded_places: i32,
    pub honorarium_pence: i64,
    pub reviewers_per_application: i32,
    pub criteria: Vec<(&'a str, i32)>,
}

/// A call that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCall {
    pub title: String,
    pub description: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decision_due_on: NaiveDate,
    pub funded_places: u32,
    pub honorarium: Pence,
    pub budget: Pence,
    pub reviewers_per_application: u32,
    pub criteria: Vec<NewCriterion>,
    /// The questions applicants answer: the default set unless the programme team sets others
    /// (checked by [`check_questions`]).
    pub questions: Vec<Question>,
}

pub const MAX_PLACES: i32 = 100;
pub const MAX_REVIEWERS: i32 = 20;
pub const MAX_CRITERIA: usize = 20;

impl NewCall {
    pub fn parse(d: CallDraft<'_>) -> Result<NewCall, DomainError> {
        let mut f = Fields::new();
        let title = f.take(single_line("title", "a title", d.title, 3, 200));
        let description = f.take(bounded(
            "description",
            "a description",
            d.description,
            0,
            20_000,
        ));
        if d.closes_at <= d.opens_at {
            f.add(
                "closesAt",
                "The closing time must be after the opening time",
            );
        }
        if d.decision_due_on < d.closes_at.date_naive() {
            f.add(
                "decisionDueOn",
                "The decision-due date must be on or after the closing date",
            );
        }
        if !(1..=MAX_PLACES).contains(&d.funded_places) {
            f.add(
                "fundedPlaces",
                format!("Funded places must be between 1 and {MAX_PLACES}"),
            );
        }
        let honorarium = f.take(Pence::parse("honorariumPence", d.honorarium_pence));
        if !(1..=MAX_REVIEWERS).contains(&d.reviewers_per_application) {
            f.add(
                "reviewersPerApplication",
                format!("Reviewers per application must be between 1 and {MAX_REVIEWERS}"),
            );
        }
        let mut criteria = Vec::new();
        if d.criteria.is_empty() {
            f.add("criteria", "Add at least one scoring criterion");
        }
        if d.criteria.len() > MAX_CRITERIA {
            f.add(
                "criteria",
                format!("A rubric can have at most {MAX_CRITERIA} criteria"),
            );
        }
        for (i, (name, weight)) in d.criteria.iter().enumerate() {
            let name = f.take(single_line(
                &format!("criteria.{i}.name"),
                "the criterion's name",
                name,
                2,
                200,
            ));
            if !(1..=100).contains(weight) {
                f.add(
                    &format!("criteria.{i}.weight"),
                    "Weight must be a whole number from 1 to 100",
                );
            }
            if let Some(name) = name {
                if criteria
                    .iter()
                    .any(|c: &NewCriterion| c.name.eq_ignore_ascii_case(&name))
                {
                    f.add(
                        &format!("criteria.{i}.name"),
                        "Each criterion needs a different name",
                    );
                }
                criteria.push(NewCriterion {
                    name,
                    weight: (*weight).clamp(1, 100) as u32,
                });
            }
        }
        f.finish()?;
        let honorarium = honorarium.expect("checked by finish");
        let places = d.funded_places as u32;
        let budget = honorarium
            .times(places)
            .and_then(|b| Pence::parse("honorariumPence", b.get()).ok())
            .ok_or_else(|| {
                DomainError::field(
                    "honorariumPence",
                    "Places × honorarium is larger than any budget we can hold",
                )
            })?;
        Ok(NewCall {
            title: title.expect("checked"),
            description: description.expect("checked"),
            opens_at: d.opens_at,
            closes_at: d.closes_at,
            decision_due_on: d.decision_due_on,
            funded_places: places,
            honorarium,
            budget,
            reviewers_per_application: d.reviewers_per_application as u32,
            criteria,
            questions: default_questions(),
        })
    }
}

/// The review due date, when a call sets one: from the closing date to the decision-due date.
pub fn check_reviews_due_on(
    reviews_due_on: Option<NaiveDate>,
    closes_at: DateTime<Utc>,
    decision_due_on: NaiveDate,
) -> Result<(), DomainError> {
    match reviews_due_on {
        Some(d) if d < closes_at.date_naive() => Err(DomainError::field(
            "reviewsDueOn",
            "The review due date must be on or after the closing date",
        )),
        Some(d) if d > decision_due_on => Err(DomainError::field(
            "reviewsDueOn",
            "The review due date must be on or before the decision-due date",
        )),
        _ => Ok(()),
    }
}

/// What `updateCall` changes; a part left `None` stays as it is.
#[derive(Debug, Clone, Default)]
pub struct CallChanges<'a> {
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub decision_due_on: Option<NaiveDate>,
    pub reviews_due_on: Option<NaiveDate>,
    pub funded_places: Option<i32>,
    pub honorarium_pence: Option<i64>,
    pub criteria: Option<Vec<(&'a str, i32)>>,
    /// A new question set, already checked (`check_questions`); refused once an application
    /// exists, since answers are kept by the questions' keys.
    pub questions: Option<Vec<crate::question::Question>>,
}

/// What editing a call depends on besides the changes: where the call stands now.
#[derive(Debug, Clone, Copy)]
pub struct EditFacts {
    pub window: CallWindow,
    /// A review of one of its applications has been submitted.
    pub reviews_submitted: bool,
    /// Someone has started an application to it (withdrawn ones count: their answers stay).
    pub applications_exist: bool,
    pub now: DateTime<Utc>,
    /// Today in the UK, for the due dates.
    pub today: NaiveDate,
}

impl<'a> CallChanges<'a> {
    /// The call as it would be with these changes.
    pub fn apply(&self, current: CallDraft<'a>) -> CallDraft<'a> {
        CallDraft {
            title: self.title.unwrap_or(current.title),
            description: self.description.unwrap_or(current.description),
            opens_at: self.opens_at.unwrap_or(current.opens_at),
            closes_at: self.closes_at.unwrap_or(current.closes_at),
            decision_due_on: self.decision_due_on.unwrap_or(current.decision_due_on),
            funded_places: self.funded_places.unwrap_or(current.funded_places),
            honorarium_pence: self.honorarium_pence.unwrap_or(current.honorarium_pence),
            reviewers_per_application: current.reviewers_per_application,
            criteria: self.criteria.clone().unwrap_or(current.criteria),
        }
    }

    /// Which parts may change where the call stands (SPEC §1): a draft changes freely; once
    /// published its texts can be fixed, an open call may close later (never earlier than
    /// now), the due dates move until the decision but never into the past, the rubric only
    /// before the first review, and the opening, places and honorarium never.
    pub fn check_allowed(&self, f: &EditFacts) -> Result<(), DomainError> {
        let mut e = Fields::new();
        if self.criteria.is_some() && f.reviews_submitted {
            e.add(
                "criteria",
                "The scoring criteria cannot change once a review has been submitted",
            );
        }
        if self.questions.is_some() && f.applications_exist {
            e.add(
                "questions",
                "The questions cannot change once someone has started an application",
            );
        }
        if f.window.status == CallStatus::Draft {
            return e.finish();
        }
        let published = "can change only while the call is a draft";
        if self.opens_at.is_some() {
            e.add("opensAt", format!("The opening time {published}"));
        }
        if self.funded_places.is_some() {
            e.add("fundedPlaces", format!("The funded places {published}"));
        }
        if self.honorarium_pence.is_some() {
            e.add("honorariumPence", format!("The honorarium {published}"));
        }
        if let Some(closes) = self.closes_at {
            if f.window.status_at(f.now) != CallStatus::Open {
                e.add(
                    "closesAt",
                    "This call has closed: its closing time can no longer change",
                );
            } else if closes <= f.now {
                e.add("closesAt", "The closing time cannot be earlier than now");
            } else if closes < f.window.closes_at {
                e.add(
                    "closesAt",
                    "An open call can only close later than it was going to",
                );
            }
        }
        let decided = matches!(f.window.status, CallStatus::Decided | CallStatus::Archived);
        for (field, date) in [
            ("decisionDueOn", self.decision_due_on),
            ("reviewsDueOn", self.reviews_due_on),
        ] {
            match date {
                Some(_) if decided => e.add(field, "The decision on this call has been made"),
                Some(d) if d < f.today => e.add(field, "This date cannot be in the past"),
                _ => {}
            }
        }
        e.finish()
    }
}

/// The reminders the clock sends about a call, each at most once per person and due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// To a reviewer with reviews outstanding, in the three days before the review due date.
    ReviewsDueSoon,
    /// To a reviewer with reviews outstanding, on the review due date.
    ReviewsDueToday,
    /// To the programme team, in the three days up to the decision-due date, while outcomes
    /// are unsent.
    DecisionDueSoon,
}

impl Reminder {
    pub fn as_str(self) -> &'static str {
        match self {
            Reminder::ReviewsDueSoon => "REVIEWS_DUE_SOON",
            Reminder::ReviewsDueToday => "REVIEWS_DUE_TODAY",
            Reminder::DecisionDueSoon => "DECISION_DUE_SOON",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            Reminder::ReviewsDueSoon,
            Reminder::ReviewsDueToday,
            Reminder::DecisionDueSoon,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// How many days before a due date the first reminder goes.
pub const REMIND_DAYS_BEFORE: i64 = 3;

/// The review reminder due `today`: three days before (or, if the clock first sees it later,
/// any day until the day before) and on the day itself; none before or after.
pub fn reviews_reminder(due: NaiveDate, today: NaiveDate) -> Option<Reminder> {
    match (due - today).num_days() {
        0 => Some(Reminder::ReviewsDueToday),
        1..=REMIND_DAYS_BEFORE => Some(Reminder::ReviewsDueSoon),
        _ => None,
    }
}

/// The programme team's reminder, from three days before the decision-due date until that
/// day, while anybody is still owed an outcome.
pub fn decision_reminder(due: NaiveDate, today: NaiveDate, owed: usize) -> Option<Reminder> {
    let days = (due - today).num_days();
    (owed > 0 && (0..=REMIND_DAYS_BEFORE).contains(&days)).then_some(Reminder::DecisionDueSoon)
}

/// Reviews overdue: those still outstanding once the review due date has passed.
pub fn reviews_overdue(outstanding: i64, due: Option<NaiveDate>, today: NaiveDate) -> i64 {
    match due {
        Some(d) if today > d => outstanding,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, d, 12, 0, 0).unwrap()
    }

    fn draft() -> CallDraft<'static> {
        CallDraft {
            title: "Call for Conveners 2026",
            description: "Five places",
            opens_at: t(1),
            closes_at: t(20),
            decision_due_on: NaiveDate::from_ymd_opt(2026, 9, 8).unwrap(),
            funded_places: 5,
            honorarium_pence: 500_000,
            reviewers_per_application: 3,
            criteria: vec![("Passion and energy", 2), ("Clarity of the domain", 1)],
        }
    }

    #[test]
    fn a_good_call_parses_with_its_budget() {
        let c = NewCall::parse(draft()).unwrap();
        assert_eq!(c.budget.get(), 2_500_000);
        assert_eq!(c.criteria.len(), 2);
        assert_eq!(c.criteria[0].weight, 2);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut d = draft();
        d.title = "";
        d.closes_at = t(1);
        d.decision_due_on = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        d.funded_places = 0;
        d.honorarium_pence = -5;
        d.reviewers_per_application = 0;
        d.criteria = vec![("Passion", 0), ("passion", 1)];
        let e = NewCall::parse(d).unwrap_err();
        let mut names: Vec<_> = e.fields.iter().map(|f| f.field.clone()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "closesAt",
                "criteria.0.weight",
                "criteria.1.name",
                "decisionDueOn",
                "fundedPlaces",
                "honorariumPence",
                "reviewersPerApplication",
                "title"
            ]
        );
    }

    #[test]
    fn a_call_needs_criteria() {
        let mut d = draft();
        d.criteria.clear();
        assert_eq!(NewCall::parse(d).unwrap_err().fields[0].field, "criteria");
    }

    #[test]
    fn window_decides_acceptance() {
        let w = CallWindow {
            status: CallStatus::Open,
            opens_at: t(1),
            closes_at: t(20),
        };
        assert!(!w.accepting_applications(t(1) - chrono::Duration::seconds(1)));
        assert!(w.accepting_applications(t(1)));
        assert!(w.accepting_applications(t(19)));
        assert!(!w.accepting_applications(t(20)));
        assert_eq!(w.status_at(t(20)), CallStatus::Closed);
        assert_eq!(w.status_at(t(19)), CallStatus::Open);
        assert_eq!(
            w.check_accepting(t(25)).unwrap_err().fields[0].field,
            "callId"
        );
        let draft = CallWindow {
            status: CallStatus::Draft,
            ..w
        };
        assert!(!draft.accepting_applications(t(5)));
        let closed = CallWindow {
            status: CallStatus::Closed,
            ..w
        };
        assert!(!closed.accepting_applications(t(5)));
    }

    #[test]
    fn open_and_close_transitions() {
        let w = CallWindow {
            status: CallStatus::Draft,
            opens_at: t(1),
            closes_at: t(20),
        };
        assert!(w.check_openable(t(5)).is_ok());
        assert!(w.check_openable(t(21)).is_err());
        assert_eq!(
            w.check_closable(t(5)).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        let open = CallWindow {
            status: CallStatus::Open,
            ..w
        };
        assert_eq!(
            open.check_openable(t(5)).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        assert!(open.check_closable(t(5)).is_ok());
        let closed = CallWindow {
            status: CallStatus::Closed,
            ..w
        };
        assert_eq!(
            closed.check_closable(t(5)).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
    }

    #[test]
    fn long_dates_read_like_the_faq() {
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2015, 9, 8).unwrap()),
            "8 September 2015"
        );
    }
    #[test]
    fn applicants_see_published_calls_only() {
        let open = CallWindow {
            status: CallStatus::Open,
            opens_at: t(1),
            closes_at: t(20),
        };
        assert!(check_open_to_applicants(Some(&open), t(5)).is_ok());
        let draft = CallWindow {
            status: CallStatus::Draft,
            ..open
        };
        for w in [None, Some(&draft)] {
            let e = check_open_to_applicants(w, t(5)).unwrap_err();
            assert_eq!(e.fields[0].field, "callId");
            assert_eq!(e.message, "There is no such call");
        }
        let late = check_open_to_applicants(Some(&open), t(25)).unwrap_err();
        assert_eq!(late.fields[0].field, "callId");
        assert_ne!(late.message, "There is no such call");
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap()
    }

    fn facts(status: CallStatus, now: u32) -> EditFacts {
        EditFacts {
            window: CallWindow {
                status,
                opens_at: t(1),
                closes_at: t(20),
            },
            reviews_submitted: false,
            applications_exist: false,
            now: t(now),
            today: t(now).date_naive(),
        }
    }

    fn refused(c: &CallChanges<'_>, f: &EditFacts) -> Vec<String> {
        c.check_allowed(f)
            .err()
            .map(|e| e.fields.into_iter().map(|f| f.field).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_draft_changes_freely() {
        let c = CallChanges {
            title: Some("New title"),
            opens_at: Some(t(2)),
            closes_at: Some(t(3)),
            funded_places: Some(2),
            honorarium_pence: Some(100),
            decision_due_on: Some(day(25)),
            criteria: Some(vec![("Reach", 1)]),
            ..Default::default()
        };
        assert!(refused(&c, &facts(CallStatus::Draft, 10)).is_empty());
        let merged = c.apply(draft());
        assert_eq!(merged.title, "New title");
        assert_eq!(merged.funded_places, 2);
        assert_eq!(merged.criteria, vec![("Reach", 1)]);
        assert_eq!(merged.description, "Five places", "left alone");
    }

    #[test]
    fn an_open_call_may_only_close_later_and_never_before_now() {
        let f = facts(CallStatus::Open, 10);
        let later = CallChanges {
            closes_at: Some(t(25)),
            title: Some("Fixed typo"),
            ..Default::default()
        };
        assert!(refused(&later, &f).is_empty());
        for closes in [t(15), t(9)] {
            let earlier = CallChanges {
                closes_at: Some(closes),
                ..Default::default()
            };
            assert_eq!(refused(&earlier, &f), ["closesAt"]);
        }
        // once its closing time has passed it cannot be reopened this way
        assert_eq!(refused(&later, &facts(CallStatus::Open, 21)), ["closesAt"]);
        let fixed = CallChanges {
            opens_at: Some(t(2)),
            funded_places: Some(6),
            honorarium_pence: Some(1),
            ..Default::default()
        };
        assert_eq!(
            refused(&fixed, &f),
            ["opensAt", "fundedPlaces", "honorariumPence"]
        );
    }

    #[test]
    fn the_rubric_changes_only_before_the_first_review() {
        let c = CallChanges {
            criteria: Some(vec![("Reach", 1)]),
            ..Default::default()
        };
        let mut f = facts(CallStatus::Closed, 22);
        assert!(refused(&c, &f).is_empty());
        f.reviews_submitted = true;
        assert_eq!(refused(&c, &f), ["criteria"]);
    }

    #[test]
    fn due_dates_move_until_the_decision_and_never_into_the_past() {
        let c = CallChanges {
            reviews_due_on: Some(day(25)),
            decision_due_on: Some(day(9)),
            ..Default::default()
        };
        assert_eq!(
            refused(&c, &facts(CallStatus::InReview, 10)),
            ["decisionDueOn"]
        );
        assert_eq!(
            refused(&c, &facts(CallStatus::Decided, 5)),
            ["decisionDueOn", "reviewsDueOn"]
        );
        assert!(check_reviews_due_on(Some(day(19)), t(20), day(30)).is_err());
        assert!(check_reviews_due_on(Some(day(30)), t(20), day(29)).is_err());
        assert!(check_reviews_due_on(Some(day(20)), t(20), day(30)).is_ok());
        assert!(check_reviews_due_on(None, t(20), day(30)).is_ok());
    }

    #[test]
    fn reminders_three_days_before_and_on_the_day() {
        let due = day(20);
        assert_eq!(reviews_reminder(due, day(16)), None);
        assert_eq!(
            reviews_reminder(due, day(17)),
            Some(Reminder::ReviewsDueSoon)
        );
        assert_eq!(
            reviews_reminder(due, day(19)),
            Some(Reminder::ReviewsDueSoon)
        );
        assert_eq!(
            reviews_reminder(due, day(20)),
            Some(Reminder::ReviewsDueToday)
        );
        assert_eq!(reviews_reminder(due, day(21)), None);
        assert_eq!(decision_reminder(due, day(16), 3), None);
        assert_eq!(
            decision_reminder(due, day(17), 3),
            Some(Reminder::DecisionDueSoon)
        );
        assert_eq!(decision_reminder(due, day(17), 0), None, "all told");
        assert_eq!(decision_reminder(due, day(21), 3), None);
        assert_eq!(reviews_overdue(2, Some(due), day(20)), 0);
        assert_eq!(reviews_overdue(2, Some(due), day(21)), 2);
        assert_eq!(reviews_overdue(2, None, day(21)), 0);
    }

    #[test]
    fn questions_change_only_while_no_application_exists() {
        let set = crate::question::check_questions(&[crate::question::QuestionDraft {
            key: "why",
            title: "Why?",
            hint: "",
            kind: crate::question::QuestionKind::YesNo,
            word_limit: None,
            choices: vec![],
            required: true,
        }])
        .unwrap();
        let c = CallChanges {
            questions: Some(set),
            ..Default::default()
        };
        for status in [CallStatus::Draft, CallStatus::Open] {
            assert!(refused(&c, &facts(status, 5)).is_empty(), "{status:?}");
            let started = EditFacts {
                applications_exist: true,
                ..facts(status, 5)
            };
            assert_eq!(refused(&c, &started), vec!["questions".to_string()]);
        }
    }
}
