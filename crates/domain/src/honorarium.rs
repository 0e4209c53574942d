//! Honoraria (SPEC §3, FAQ 4, 7, 8): each funded application's honorarium split among its
//! co-leads, to the penny; industry and third-sector partners are never paid.

use crate::call::HonorariumPolicy;
use crate::ids::PersonId;
use crate::money::Pence;
use crate::DomainError;

/// One person on a funded application, in order: the lead first, then co-leads as invited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payee {
    pub person: PersonId,
    pub eligible: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub person: PersonId,
    pub amount: Pence,
    pub eligible: bool,
}

/// Split `total` among `payees` (lead first).
///
/// - `Redistribute`: the eligible payees share the whole amount.
/// - `Forfeit`: everyone's equal share is worked out, and the ineligible ones' are not paid.
///
/// Odd pennies go one each to the first shares in order, lead first: £5,000 among three is
/// 166,667 + 166,667 + 166,666 pence. Under `Redistribute` only eligible payees have shares;
/// under `Forfeit` everyone does, and an ineligible payee's share (odd penny included) is
/// simply not paid. Ineligible payees always get zero.
pub fn split(total: Pence, payees: &[Payee], policy: HonorariumPolicy) -> Vec<Share> {
    let paid_count = match policy {
        HonorariumPolicy::Redistribute => payees.iter().filter(|p| p.eligible).count(),
        HonorariumPolicy::Forfeit => payees.len(),
    };
    if paid_count == 0 {
        return payees
            .iter()
            .map(|p| Share {
                person: p.person,
                amount: Pence::zero(),
                eligible: p.eligible,
            })
            .collect();
    }
    let t = total.get();
    let base = t / paid_count as i64;
    let mut odd = t % paid_count as i64;
    let mut out = Vec::with_capacity(payees.len());
    for p in payees {
        let counts = match policy {
            HonorariumPolicy::Redistribute => p.eligible,
            HonorariumPolicy::Forfeit => true,
        };
        let mut amount = 0;
        if counts {
            amount = base;
            if odd > 0 {
                amount += 1;
                odd -= 1;
            }
        }
        if !p.eligible {
            amount = 0;
        }
        out.push(Share {
            person: p.person,
            amount: Pence::parse("amount", amount).expect("a part of a valid total"),
            eligible: p.eligible,
        });
    }
    out
}

/// proposed → approved → paid, or cancelled before it is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    Proposed,
    Approved,
    Paid,
    Cancelled,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Proposed => "PROPOSED",
            PaymentStatus::Approved => "APPROVED",
            PaymentStatus::Paid => "PAID",
            PaymentStatus::Cancelled => "CANCELLED",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [
            PaymentStatus::Proposed,
            PaymentStatus::Approved,
            PaymentStatus::Paid,
            PaymentStatus::Cancelled,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// How a payment reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRoute {
    /// Through the employing organisation.
    Employer,
    /// To the person directly.
    Person,
}

impl PaymentRoute {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentRoute::Employer => "EMPLOYER",
            PaymentRoute::Person => "PERSON",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        [PaymentRoute::Employer, PaymentRoute::Person]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Approving a share: only a proposed one with something to pay, and never by its payee.
pub fn check_approvable(
    status: PaymentStatus,
    amount: Pence,
    payee: PersonId,
    approver: PersonId,
) -> Result<(), DomainError> {
    if payee == approver {
        return Err(DomainError::forbidden(
            "Nobody can approve a payment to themselves",
        ));
    }
    if amount.get() == 0 {
        return Err(DomainError::invalid_state(
            "There is nothing to pay on this share",
        ));
    }
    match status {
        PaymentStatus::Proposed => Ok(()),
        s => Err(DomainError::invalid_state(format!(
            "Only a proposed payment can be approved; this one is {}",
            s.as_str().to_lowercase()
        ))),
    }
}

/// Marking a share paid: only an approved one, with a reference.
pub fn check_payable(status: PaymentStatus, reference: &str) -> Result<String, DomainError> {
    if status != PaymentStatus::Approved {
        return Err(DomainError::invalid_state(format!(
            "Only an approved payment can be marked paid; this one is {}",
            status.as_str().to_lowercase()
        )));
    }
    crate::text::single_line("reference", "the payment reference", reference, 1, 100)
}

/// A payment date cannot be in the future.
pub fn check_paid_on(
    paid_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Result<(), DomainError> {
    if paid_on > today {
        Err(DomainError::field(
            "paidOn",
            "The payment date cannot be in the future",
        ))
    } else {
        Ok(())
    }
}

/// Marking a share paid, all at once: the state first (an approved payment); then every bad
/// field together (the reference, a date not in the future). Answers the reference to keep.
pub fn check_mark_paid(
    status: PaymentStatus,
    reference: &str,
    paid_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Result<String, DomainError> {
    let mut f = crate::Fields::new();
    let reference = match check_payable(status, reference) {
        Err(e) if e.code != crate::ErrorCode::Validation => return Err(e),
        r => f.take(r),
    };
    f.take(check_paid_on(paid_on, today));
    f.finish()?;
    Ok(reference.unwrap_or_default())
}

/// Cancelling: anything not yet paid.
pub fn check_cancellable(status: PaymentStatus) -> Result<(), DomainError> {
    match status {
        PaymentStatus::Proposed | PaymentStatus::Approved => Ok(()),
        s => Err(DomainError::invalid_state(format!(
            "A {} payment cannot be cancelled",
            s.as_str().to_lowercase()
        ))),
    }
}

/// A call's budget in pence: its places × its honorarium per funded domain.
pub fn budget_pence(honorarium_pence: i64, funded_places: i32) -> i64 {
    honorarium_pence.saturating_mul(i64::from(funded_places.max(0)))
}

/// The call's budget (places × honorarium) is never exceeded.
pub fn check_within_budget(
    committed: Pence,
    adding: Pence,
    budget: Pence,
) -> Result<(), DomainError> {
    match committed.get().checked_add(adding.get()) {
        Some(total) if total <= budget.get() => Ok(()),
        _ => Err(DomainError::invalid_state(format!(
            "This would commit more than the call's budget of {budget} ({committed} is already committed)"
        ))),
    }
}

/// What a call has committed (shares proposed, approved or paid) and paid.
pub fn totals(shares: &[(PaymentStatus, Pence)]) -> (Pence, Pence) {
    let sum = |keep: &dyn Fn(PaymentStatus) -> bool| {
        Pence::parse(
            "total",
            shares
                .iter()
                .filter(|(s, _)| keep(*s))
                .map(|(_, a)| a.get())
                .sum(),
        )
        .unwrap_or(Pence::zero())
    };
    (
        sum(&|s| s != PaymentStatus::Cancelled),
        sum(&|s| s == PaymentStatus::Paid),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_paid_checks_the_state_first_then_every_field() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let tomorrow = today.succ_opt().unwrap();
        assert_eq!(
            check_mark_paid(PaymentStatus::Approved, " BACS-1 ", today, today).unwrap(),
            "BACS-1"
        );
        let state = check_mark_paid(PaymentStatus::Proposed, "", tomorrow, today).unwrap_err();
        assert_eq!(state.code, crate::ErrorCode::InvalidState);
        let both = check_mark_paid(PaymentStatus::Approved, "", tomorrow, today).unwrap_err();
        let fields: Vec<&str> = both.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["reference", "paidOn"]);
    }

    fn p(eligible: bool) -> Payee {
        Payee {
            person: PersonId::new(),
            eligible,
        }
    }
    fn amounts(s: &[Share]) -> Vec<i64> {
        s.iter().map(|x| x.amount.get()).collect()
    }
    #[test]
    fn the_budget_is_places_times_the_honorarium() {
        assert_eq!(budget_pence(500_000, 5), 2_500_000);
        assert_eq!(budget_pence(500_000, 0), 0);
    }

    fn five_thousand() -> Pence {
        Pence::parse("x", 500_000).unwrap()
    }

    #[test]
    fn three_ways_to_the_penny_lead_first() {
        let s = split(
            five_thousand(),
            &[p(true), p(true), p(true)],
            HonorariumPolicy::Redistribute,
        );
        assert_eq!(amounts(&s), [166_667, 166_667, 166_666]);
    }

    #[test]
    fn industry_partners_are_never_paid() {
        let payees = [p(false), p(true), p(true)];
        let r = split(five_thousand(), &payees, HonorariumPolicy::Redistribute);
        assert_eq!(amounts(&r), [0, 250_000, 250_000]);
        let f = split(five_thousand(), &payees, HonorariumPolicy::Forfeit);
        assert_eq!(amounts(&f), [0, 166_667, 166_666]);
    }

    #[test]
    fn nobody_eligible_means_nothing_paid() {
        let r = split(five_thousand(), &[p(false)], HonorariumPolicy::Redistribute);
        assert_eq!(amounts(&r), [0]);
        assert!(split(five_thousand(), &[], HonorariumPolicy::Redistribute).is_empty());
    }

    #[test]
    fn a_sole_lead_gets_it_all() {
        assert_eq!(
            amounts(&split(
                five_thousand(),
                &[p(true)],
                HonorariumPolicy::Forfeit
            )),
            [500_000]
        );
    }

    #[test]
    fn payments_move_forward_only() {
        let (a, b) = (PersonId::new(), PersonId::new());
        let one = Pence::parse("x", 1).unwrap();
        assert!(check_approvable(PaymentStatus::Proposed, one, a, b).is_ok());
        assert_eq!(
            check_approvable(PaymentStatus::Proposed, one, a, a)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_approvable(PaymentStatus::Approved, one, a, b)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_approvable(PaymentStatus::Proposed, Pence::zero(), a, b).is_err());
        assert_eq!(
            check_payable(PaymentStatus::Approved, " BACS-1 ").unwrap(),
            "BACS-1"
        );
        assert_eq!(
            check_payable(PaymentStatus::Approved, " ")
                .unwrap_err()
                .fields[0]
                .field,
            "reference"
        );
        assert!(check_payable(PaymentStatus::Proposed, "x").is_err());
        assert!(check_cancellable(PaymentStatus::Approved).is_ok());
        assert!(check_cancellable(PaymentStatus::Paid).is_err());
    }

    #[test]
    fn totals_count_what_is_committed_and_paid() {
        let a = |v| Pence::parse("x", v).unwrap();
        let shares = [
            (PaymentStatus::Proposed, a(100)),
            (PaymentStatus::Approved, a(200)),
            (PaymentStatus::Paid, a(400)),
            (PaymentStatus::Cancelled, a(800)),
        ];
        let (committed, paid) = totals(&shares);
        assert_eq!((committed.get(), paid.get()), (700, 400));
    }

    #[test]
    fn the_budget_is_never_exceeded() {
        let budget = Pence::parse("x", 2_500_000).unwrap();
        assert!(check_within_budget(
            Pence::parse("x", 2_000_000).unwrap(),
            five_thousand(),
            budget
        )
        .is_ok());
        assert!(check_within_budget(
            Pence::parse("x", 2_000_001).unwrap(),
            five_thousand(),
            budget
        )
        .is_err());
    }
}
