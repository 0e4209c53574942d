//! Selection (SPEC §2, FAQ 5, 8, 9): conflicts of interest, assignment of reviewers, scoring,
//! ranking (weighted and normalised), allocation of the funded places, and the decision.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::call::RankBy;
use crate::ids::{ApplicationId, CriterionId, DomainId, OrganisationId, PersonId};
use crate::{DomainError, Fields};

// ---------------------------------------------------------------- conflicts of interest

/// What conflict rules need to know about an application.
#[derive(Debug, Clone, Default)]
pub struct ApplicationParties {
    /// Lead and co-leads (accepted), as people.
    pub applicants: Vec<PersonId>,
    /// Their organisations at the time of applying.
    pub organisations: Vec<OrganisationId>,
    pub sponsor: Option<OrganisationId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictReason {
    /// The panel member is an applicant on it.
    Applicant,
    /// The panel member works for the lead's, a co-lead's or the sponsor's organisation.
    SharedOrganisation,
}

/// A conflict found automatically; declared conflicts are added to these by the panel member.
pub fn conflict(
    member: PersonId,
    member_organisation: OrganisationId,
    app: &ApplicationParties,
) -> Option<ConflictReason> {
    if app.applicants.contains(&member) {
        Some(ConflictReason::Applicant)
    } else if app.organisations.contains(&member_organisation)
        || app.sponsor == Some(member_organisation)
    {
        Some(ConflictReason::SharedOrganisation)
    } else {
        None
    }
}

// ---------------------------------------------------------------- assignment

/// Give every application `per_application` reviewers from `panel`, never a conflicted one,
/// balancing the load (existing assignments count). The applications with the fewest possible
/// reviewers are served first. Returns the new assignments, or the applications that cannot
/// get enough reviewers (with how many they lack), and then nothing is assigned.
pub fn assign(
    applications: &[ApplicationId],
    panel: &[PersonId],
    per_application: usize,
    conflicted: &HashSet<(ApplicationId, PersonId)>,
    existing: &[(ApplicationId, PersonId)],
) -> Result<Vec<(ApplicationId, PersonId)>, Vec<(ApplicationId, usize)>> {
    let mut load: HashMap<PersonId, usize> = panel.iter().map(|p| (*p, 0)).collect();
    let mut have: HashMap<ApplicationId, HashSet<PersonId>> = HashMap::new();
    for (a, r) in existing {
        *load.entry(*r).or_default() += 1;
        have.entry(*a).or_default().insert(*r);
    }
    let eligible = |a: &ApplicationId| {
        panel
            .iter()
            .filter(|p| !conflicted.contains(&(*a, **p)))
            .count()
    };
    let mut order: Vec<ApplicationId> = applications.to_vec();
    order.sort_by_key(|a| (eligible(a), *a));
    let mut out = Vec::new();
    let mut lacking = Vec::new();
    for a in order {
        let mine = have.entry(a).or_default();
        let need = per_application.saturating_sub(mine.len());
        let mut candidates: Vec<PersonId> = panel
            .iter()
            .copied()
            .filter(|p| !conflicted.contains(&(a, *p)) && !mine.contains(p))
            .collect();
        candidates.sort_by_key(|p| (load[p], *p));
        let chosen: Vec<PersonId> = candidates.into_iter().take(need).collect();
        if chosen.len() < need {
            lacking.push((a, need - chosen.len()));
        }
        for p in chosen {
            *load.get_mut(&p).expect("panel member") += 1;
            mine.insert(p);
            out.push((a, p));
        }
    }
    if lacking.is_empty() {
        Ok(out)
    } else {
        lacking.sort();
        Err(lacking)
    }
}

// ---------------------------------------------------------------- scoring

pub const MIN_SCORE: i32 = 1;
pub const MAX_SCORE: i32 = 5;

/// A score of one criterion, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(u8);

impl Score {
    pub fn parse(field: &str, v: i32) -> Result<Score, DomainError> {
        if (MIN_SCORE..=MAX_SCORE).contains(&v) {
            Ok(Score(v as u8))
        } else {
            Err(DomainError::field(
                field,
                format!("Give a score from {MIN_SCORE} to {MAX_SCORE}"),
            ))
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

/// A review must score every criterion of the rubric exactly once, each 1–5 with a comment.
pub fn check_review(
    rubric: &[CriterionId],
    scores: &[(CriterionId, i32, &str)],
) -> Result<Vec<(CriterionId, Score, String)>, DomainError> {
    let mut f = Fields::new();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, (c, s, comment)) in scores.iter().enumerate() {
        if !rubric.contains(c) {
            f.add(
                &format!("scores.{i}.criterionId"),
                "This criterion is not part of this call's rubric",
            );
            continue;
        }
        if !seen.insert(*c) {
            f.add(
                &format!("scores.{i}.criterionId"),
                "Each criterion can be scored only once",
            );
            continue;
        }
        let score = f.take(Score::parse(&format!("scores.{i}.score"), *s));
        let comment = f.take(crate::text::bounded(
            &format!("scores.{i}.comment"),
            "a comment",
            comment,
            1,
            5000,
        ));
        if let (Some(score), Some(comment)) = (score, comment) {
            out.push((*c, score, comment));
        }
    }
    if rubric.iter().any(|c| !seen.contains(c)) {
        f.add("scores", "Score every criterion of the rubric");
    }
    f.finish()?;
    Ok(out)
}

/// A reviewer's weighted score of one application: Σ weight × score / Σ weight (1.0–5.0).
pub fn weighted(scores: &[(u32, Score)]) -> Option<f64> {
    let total_weight: u32 = scores.iter().map(|(w, _)| *w).sum();
    if total_weight == 0 {
        return None;
    }
    let sum: f64 = scores.iter().map(|(w, s)| *w as f64 * s.get() as f64).sum();
    Some(sum / total_weight as f64)
}

// ---------------------------------------------------------------- ranking

/// Reviewers whose weighted scores for one application differ by this much or more disagree.
pub const DISAGREEMENT_SPREAD: f64 = 1.5;

/// One reviewer's weighted score of one application.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewScore {
    pub application: ApplicationId,
    pub reviewer: PersonId,
    pub weighted: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub application: ApplicationId,
    /// 1 first; equal scores share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// Mean of the reviewers' weighted scores.
    pub weighted_score: Option<f64>,
    /// Mean of the reviewers' standardised scores (each reviewer's own z-scores), so harsh and
    /// lenient reviewers count alike. 0 is an average application.
    pub normalised_score: Option<f64>,
    pub disagreement: bool,
    pub reviews: usize,
}

/// Each reviewer's scores standardised against their own mean and spread. A reviewer with one
/// review, or who gave every application the same score, contributes 0 (no information).
pub fn normalise(reviews: &[ReviewScore]) -> HashMap<(ApplicationId, PersonId), f64> {
    let mut by_reviewer: BTreeMap<PersonId, Vec<&ReviewScore>> = BTreeMap::new();
    for r in reviews {
        by_reviewer.entry(r.reviewer).or_default().push(r);
    }
    let mut out = HashMap::new();
    for (reviewer, rs) in by_reviewer {
        let n = rs.len() as f64;
        let mean = rs.iter().map(|r| r.weighted).sum::<f64>() / n;
        let var = rs.iter().map(|r| (r.weighted - mean).powi(2)).sum::<f64>() / n;
        let sd = var.sqrt();
        for r in rs {
            let z = if sd > 1e-9 {
                (r.weighted - mean) / sd
            } else {
                0.0
            };
            out.insert((r.application, reviewer), z);
        }
    }
    out
}

/// Rank the applications by the call's order (`rank_by`); applications without reviews come
/// last. Ties in the chosen score share a rank.
pub fn rank(
    applications: &[ApplicationId],
    reviews: &[ReviewScore],
    rank_by: RankBy,
) -> Vec<Ranked> {
    let z = normalise(reviews);
    // each application's reviews, gathered once (not a scan of every review per application)
    let mut by_application: HashMap<ApplicationId, Vec<&ReviewScore>> = HashMap::new();
    for r in reviews {
        by_application.entry(r.application).or_default().push(r);
    }
    let mut rows: Vec<Ranked> = applications
        .iter()
        .map(|a| {
            let mine: &[&ReviewScore] = by_application.get(a).map_or(&[], Vec::as_slice);
            let n = mine.len();
            let weighted_score =
                (n > 0).then(|| mine.iter().map(|r| r.weighted).sum::<f64>() / n as f64);
            let normalised_score = (n > 0).then(|| {
                mine.iter()
                    .map(|r| z[&(r.application, r.reviewer)])
                    .sum::<f64>()
                    / n as f64
            });
            let spread = mine.iter().map(|r| r.weighted).fold(
                None,
                |acc: Option<(f64, f64)>, w| match acc {
                    None => Some((w, w)),
                    Some((lo, hi)) => Some((lo.min(w), hi.max(w))),
                },
            );
            let disagreement = spread.is_some_and(|(lo, hi)| hi - lo >= DISAGREEMENT_SPREAD - 1e-9);
            Ranked {
                application: *a,
                rank: 0,
                weighted_score,
                normalised_score,
                disagreement,
                reviews: n,
            }
        })
        .collect();
    let key = |r: &Ranked| match rank_by {
        RankBy::Weighted => r.weighted_score,
        RankBy::Normalised => r.normalised_score,
    };
    rows.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        match (ka, kb) {
            (Some(x), Some(y)) => y
                .partial_cmp(&x)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.application.cmp(&b.application)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.application.cmp(&b.application),
        }
    });
    let mut prev: Option<Option<f64>> = None;
    for i in 0..rows.len() {
        let k = key(&rows[i]);
        let same = prev.is_some_and(|p| same_score(p, k));
        rows[i].rank = if same { rows[i - 1].rank } else { i + 1 };
        prev = Some(k);
    }
    rows
}

fn same_score(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------- allocation

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allocation {
    pub funded: Vec<ApplicationId>,
    /// Groups of equally ranked applications between which the proposal cannot choose: the
    /// chair decides. None of them is in `funded`.
    pub ties: Vec<Vec<ApplicationId>>,
}

/// Propose the funded set: highest ranked first, at most `places`, at most one per domain
/// ("five domains / conveners"). Equal ranks at a boundary are returned as ties, not broken.
/// `ranking` is in rank order; only ranked (reviewed) applications take part.
pub fn allocate(ranking: &[(ApplicationId, DomainId, usize)], places: usize) -> Allocation {
    let mut out = Allocation::default();
    let mut taken: HashSet<DomainId> = HashSet::new();
    let mut remaining = places;
    let mut i = 0;
    while i < ranking.len() && remaining > 0 {
        let rank = ranking[i].2;
        let group: Vec<(ApplicationId, DomainId)> = ranking[i..]
            .iter()
            .take_while(|r| r.2 == rank)
            .map(|r| (r.0, r.1))
            .collect();
        i += group.len();
        let mut by_domain: BTreeMap<DomainId, Vec<ApplicationId>> = BTreeMap::new();
        for (a, d) in group.iter().filter(|(_, d)| !taken.contains(d)) {
            by_domain.entry(*d).or_default().push(*a);
        }
        if by_domain.is_empty() {
            continue;
        }
        if by_domain.len() > remaining {
            // More domains than places at this rank: the chair chooses among all of them.
            out.ties.push(by_domain.into_values().flatten().collect());
            break;
        }
        for (d, apps) in by_domain {
            taken.insert(d);
            remaining -= 1;
            if apps.len() == 1 {
                out.funded.push(apps[0]);
            } else {
                // Two equally ranked applications for one domain's single place.
                out.ties.push(apps);
            }
        }
    }
    out
}

// ---------------------------------------------------------------- decision

/// The chair's decision: at most the call's places, at most one per domain, only submitted
/// applications of this call, and a rationale.
pub fn check_decision(
    funded: &[ApplicationId],
    submitted: &HashMap<ApplicationId, DomainId>,
    places: usize,
    rationale: &str,
) -> Result<String, DomainError> {
    let mut f = Fields::new();
    let rationale = f.take(crate::text::bounded(
        "rationale",
        "the rationale for the decision",
        rationale,
        10,
        20_000,
    ));
    let mut seen = HashSet::new();
    let mut domains = HashSet::new();
    for (i, a) in funded.iter().enumerate() {
        let field = format!("fundedApplicationIds.{i}");
        if !seen.insert(*a) {
            f.add(&field, "This application is listed twice");
            continue;
        }
        match submitted.get(a) {
            None => f.add(
                &field,
                "Only submitted applications of this call can be funded",
            ),
            Some(d) => {
                if !domains.insert(*d) {
                    f.add(&field, "Only one application per domain can be funded");
                }
            }
        }
    }
    if seen.len() > places {
        f.add(
            "fundedApplicationIds",
            format!(
                "This call has {places} funded places; you chose {}",
                seen.len()
            ),
        );
    }
    f.finish()?;
    Ok(rationale.expect("checked"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<T: From<uuid::Uuid> + Ord>(n: usize) -> Vec<T> {
        let mut v: Vec<T> = (0..n).map(|_| T::from(uuid::Uuid::new_v4())).collect();
        v.sort();
        v
    }

    #[test]
    fn conflicts_are_found() {
        let (me, other) = (PersonId::new(), PersonId::new());
        let (org, sponsor, elsewhere) = (
            OrganisationId::new(),
            OrganisationId::new(),
            OrganisationId::new(),
        );
        let app = ApplicationParties {
            applicants: vec![other],
            organisations: vec![org],
            sponsor: Some(sponsor),
        };
        assert_eq!(
            conflict(me, org, &app),
            Some(ConflictReason::SharedOrganisation)
        );
        assert_eq!(
            conflict(me, sponsor, &app),
            Some(ConflictReason::SharedOrganisation)
        );
        assert_eq!(
            conflict(other, elsewhere, &app),
            Some(ConflictReason::Applicant)
        );
        assert_eq!(conflict(me, elsewhere, &app), None);
    }

    #[test]
    fn assignment_balances_and_avoids_conflicts() {
        let apps: Vec<ApplicationId> = ids(4);
        let panel: Vec<PersonId> = ids(4);
        let conflicted: HashSet<_> = [(apps[0], panel[0]), (apps[1], panel[0])]
            .into_iter()
            .collect();
        let got = assign(&apps, &panel, 3, &conflicted, &[]).unwrap();
        assert_eq!(got.len(), 12);
        for (a, p) in &got {
            assert!(!conflicted.contains(&(*a, *p)));
        }
        let mut load: HashMap<PersonId, usize> = HashMap::new();
        for (_, p) in &got {
            *load.entry(*p).or_default() += 1;
        }
        // panel[0] can take only two; the other nine places spread evenly over the rest
        assert_eq!(load[&panel[0]], 2);
        let others: Vec<usize> = panel[1..].iter().map(|p| load[p]).collect();
        assert!(
            others.iter().max().unwrap() - others.iter().min().unwrap() <= 1,
            "{load:?}"
        );
        // without conflicts the load is even
        let free = assign(&apps, &panel, 3, &HashSet::new(), &[]).unwrap();
        for p in &panel {
            assert_eq!(free.iter().filter(|(_, x)| x == p).count(), 3);
        }
        for a in &apps {
            assert_eq!(got.iter().filter(|(x, _)| x == a).count(), 3);
        }
    }

    #[test]
    fn assignment_names_what_it_cannot_do() {
        let apps: Vec<ApplicationId> = ids(2);
        let panel: Vec<PersonId> = ids(3);
        let conflicted: HashSet<_> = [(apps[1], panel[0]), (apps[1], panel[1])]
            .into_iter()
            .collect();
        assert_eq!(
            assign(&apps, &panel, 3, &conflicted, &[]).unwrap_err(),
            vec![(apps[1], 2)]
        );
        // existing assignments count towards the number and the load
        let existing = vec![(apps[0], panel[0])];
        let got = assign(&apps[..1], &panel, 3, &HashSet::new(), &existing).unwrap();
        assert_eq!(got.len(), 2);
        assert!(!got.contains(&(apps[0], panel[0])));
    }

    #[test]
    fn reviews_score_every_criterion_once() {
        let rubric: Vec<CriterionId> = ids(2);
        assert_eq!(
            check_review(&rubric, &[(rubric[0], 5, "great"), (rubric[1], 1, "weak")])
                .unwrap()
                .len(),
            2
        );
        let e = check_review(&rubric, &[(rubric[0], 6, "x"), (rubric[0], 3, "y")]).unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["scores.0.score", "scores.1.criterionId", "scores"]);
        let e = check_review(
            &rubric,
            &[(rubric[0], 3, " "), (CriterionId::new(), 3, "x")],
        )
        .unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["scores.0.comment", "scores.1.criterionId", "scores"]);
    }

    #[test]
    fn weighted_means() {
        let s = |v| Score::parse("s", v).unwrap();
        assert_eq!(weighted(&[(3, s(5)), (1, s(1))]), Some(4.0));
        assert_eq!(weighted(&[]), None);
    }

    #[test]
    fn harsh_and_lenient_reviewers_count_alike() {
        let apps: Vec<ApplicationId> = ids(2);
        let (harsh, lenient) = (PersonId::new(), PersonId::new());
        let reviews = [
            ReviewScore {
                application: apps[0],
                reviewer: harsh,
                weighted: 2.0,
            },
            ReviewScore {
                application: apps[1],
                reviewer: harsh,
                weighted: 1.0,
            },
            ReviewScore {
                application: apps[0],
                reviewer: lenient,
                weighted: 5.0,
            },
            ReviewScore {
                application: apps[1],
                reviewer: lenient,
                weighted: 4.0,
            },
        ];
        let r = rank(&apps, &reviews, RankBy::Normalised);
        assert_eq!(r[0].application, apps[0]);
        assert!((r[0].normalised_score.unwrap() - 1.0).abs() < 1e-9);
        assert!((r[1].normalised_score.unwrap() + 1.0).abs() < 1e-9);
        assert_eq!(r[0].weighted_score, Some(3.5));
        assert!(r[0].disagreement, "2.0 against 5.0 is a wide spread");
    }

    #[test]
    fn equal_scores_share_a_rank_and_unreviewed_come_last() {
        let apps: Vec<ApplicationId> = ids(4);
        let who = PersonId::new();
        let reviews: Vec<ReviewScore> = [4.0, 4.0, 3.0]
            .iter()
            .enumerate()
            .map(|(i, w)| ReviewScore {
                application: apps[i],
                reviewer: who,
                weighted: *w,
            })
            .collect();
        let r = rank(&apps, &reviews, RankBy::Weighted);
        let ranks: Vec<usize> = r.iter().map(|x| x.rank).collect();
        assert_eq!(ranks, [1, 1, 3, 4]);
        assert_eq!(r[3].application, apps[3]);
        assert_eq!(r[3].reviews, 0);
    }

    #[test]
    fn allocation_is_one_per_domain_within_places() {
        let a: Vec<ApplicationId> = ids(5);
        let d: Vec<DomainId> = ids(3);
        let ranking = [
            (a[0], d[0], 1),
            (a[1], d[0], 2),
            (a[2], d[1], 3),
            (a[3], d[2], 4),
            (a[4], d[1], 5),
        ];
        let got = allocate(&ranking, 5);
        assert_eq!(got.funded, vec![a[0], a[2], a[3]]);
        assert!(got.ties.is_empty());
        assert_eq!(allocate(&ranking, 2).funded, vec![a[0], a[2]]);
    }

    #[test]
    fn ties_at_the_boundary_are_shown_not_broken() {
        let a: Vec<ApplicationId> = ids(4);
        let d: Vec<DomainId> = ids(4);
        // two domains tied for the last place
        let ranking = [(a[0], d[0], 1), (a[1], d[1], 2), (a[2], d[2], 2)];
        let got = allocate(&ranking, 2);
        assert_eq!(got.funded, vec![a[0]]);
        assert_eq!(got.ties.len(), 1);
        let mut t = got.ties[0].clone();
        t.sort();
        let mut want = vec![a[1], a[2]];
        want.sort();
        assert_eq!(t, want);
        // two equally ranked applications in one domain: that domain's place is the chair's call
        let ranking = [(a[0], d[0], 1), (a[1], d[0], 1), (a[2], d[1], 3)];
        let got = allocate(&ranking, 5);
        assert_eq!(got.funded, vec![a[2]]);
        assert_eq!(got.ties.len(), 1);
        // a tie well inside the places is no tie at all
        let ranking = [(a[0], d[0], 1), (a[1], d[1], 1), (a[2], d[2], 3)];
        let got = allocate(&ranking, 5);
        assert_eq!(got.funded.len(), 3);
        assert!(got.ties.is_empty());
    }

    #[test]
    fn decisions_are_checked() {
        let a: Vec<ApplicationId> = ids(3);
        let d: Vec<DomainId> = ids(2);
        let submitted: HashMap<_, _> = [(a[0], d[0]), (a[1], d[0]), (a[2], d[1])]
            .into_iter()
            .collect();
        assert!(check_decision(&[a[0], a[2]], &submitted, 5, "Strongest two").is_ok());
        let e = check_decision(&[a[0], a[1]], &submitted, 5, "Strongest two").unwrap_err();
        assert_eq!(e.fields[0].field, "fundedApplicationIds.1");
        let e = check_decision(&[a[0], a[2]], &submitted, 1, "short").unwrap_err();
        let f: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["rationale", "fundedApplicationIds"]);
        let e =
            check_decision(&[ApplicationId::new()], &submitted, 5, "A good reason").unwrap_err();
        assert_eq!(e.fields[0].field, "fundedApplicationIds.0");
    }
}

// ---------------------------------------------------------------- phases and who may

use crate::call::CallStatus;

/// Reviewers are assigned once submissions have closed, until the decision.
pub fn check_assignable(status: CallStatus) -> Result<(), DomainError> {
    match status {
        CallStatus::Closed | CallStatus::InReview => Ok(()),
        CallStatus::Draft | CallStatus::Open => Err(DomainError::invalid_state(
            "Close the call before assigning reviewers",
        )),
        _ => Err(DomainError::invalid_state(
            "The decision has been made: assignments can no longer change",
        )),
    }
}

/// A review can be written by an assigned, unconflicted reviewer, and changed until the decision.
pub fn check_can_review(
    status: CallStatus,
    assigned: bool,
    conflicted: bool,
) -> Result<(), DomainError> {
    if conflicted {
        return Err(DomainError::forbidden(
            "You have a conflict of interest on this application, so you cannot review it",
        ));
    }
    if !assigned {
        return Err(DomainError::forbidden(
            "You are not assigned to review this application",
        ));
    }
    match status {
        CallStatus::InReview => Ok(()),
        CallStatus::Decided | CallStatus::Archived => Err(DomainError::invalid_state(
            "The decision has been made: reviews can no longer change",
        )),
        _ => Err(DomainError::invalid_state(
            "Reviewing has not started for this call",
        )),
    }
}

/// Only an application that is still in the running is reviewed: not one withdrawn meanwhile.
pub fn check_reviewable_application(
    status: crate::application::ApplicationStatus,
) -> Result<(), DomainError> {
    use crate::application::ApplicationStatus as S;
    match status {
        S::Submitted => Ok(()),
        S::Withdrawn => Err(DomainError::invalid_state(
            "This application has been withdrawn: it is no longer reviewed",
        )),
        S::Funded | S::NotFunded => Err(DomainError::invalid_state(
            "The decision has been made: reviews can no longer change",
        )),
        S::Draft => Err(DomainError::invalid_state(
            "This application has not been submitted",
        )),
    }
}

/// Where someone stands towards one call's selection, for the rules below.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SelectionViewer {
    pub programme_team: bool,
    /// On this call's panel (member or chair).
    pub on_panel: bool,
    /// Their assigned reviews of applications still in the running that are not in yet.
    pub outstanding_reviews: usize,
}

/// A call's selection (its panel, conflicts and decision) is for the programme team and the
/// call's panel, by whatever path it is asked for (GraphQL or an export).
pub fn check_can_see_selection(v: SelectionViewer) -> Result<(), DomainError> {
    if v.programme_team || v.on_panel {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the programme team and this call's panel can see its selection",
        ))
    }
}

/// The ranking, the allocation proposal and the applications export are built from everyone's
/// reviews, so a panel member sees them only once none of their own assigned reviews is
/// outstanding (SPEC §2): `Call.ranking`, `Call.allocationProposal` and
/// `applications.csv` all ask this.
pub fn check_can_see_ranking(v: SelectionViewer) -> Result<(), DomainError> {
    check_can_see_selection(v)?;
    if v.programme_team || v.outstanding_reviews == 0 {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Submit your own reviews first: the ranking is built from everyone's",
        ))
    }
}

/// Whether one application's place in the selection (its rank, scores, disagreement, place in
/// the proposal) is shown: to the programme team always, to a panel member only where they
/// are not conflicted on it.
pub fn shows_application(programme_team: bool, conflicted: bool) -> bool {
    programme_team || !conflicted
}

/// Applicants learn their outcome when they are told it (`sendOutcomes`): until then the
/// product shows them their application as submitted. The programme team and the call's
/// panel see the decision at once.
pub fn outcome_visible(programme_team: bool, on_panel: bool, told: bool) -> bool {
    programme_team || on_panel || told
}

/// What a person may see of an application's reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewVisibility {
    All,
    /// A panel member who has not yet submitted their own: nothing of others' yet.
    OwnOnly,
    None,
}

/// The programme team sees every review; a panel member sees others' only after submitting
/// their own, and never when conflicted; nobody else sees any.
pub fn review_visibility(
    programme_team: bool,
    on_panel: bool,
    conflicted: bool,
    submitted_own: bool,
) -> ReviewVisibility {
    if programme_team {
        ReviewVisibility::All
    } else if !on_panel || conflicted {
        ReviewVisibility::None
    } else if submitted_own {
        ReviewVisibility::All
    } else {
        ReviewVisibility::OwnOnly
    }
}

/// The decision: the chair only, once, after submissions close; never funding an application
/// the chair is conflicted on (a conflicted member is left out of its decision).
pub fn check_can_decide(
    status: CallStatus,
    is_chair: bool,
    already_decided: bool,
) -> Result<(), DomainError> {
    if !is_chair {
        return Err(DomainError::forbidden(
            "Only the chair of this call's panel can record the decision",
        ));
    }
    if already_decided || matches!(status, CallStatus::Decided | CallStatus::Archived) {
        return Err(DomainError::invalid_state(
            "The decision on this call has already been recorded; it cannot be edited",
        ));
    }
    match status {
        CallStatus::Closed | CallStatus::InReview => Ok(()),
        _ => Err(DomainError::invalid_state(
            "Close the call before recording the decision",
        )),
    }
}

/// A conflicted member is left out of an application's decision: a chair conflicted on an
/// application cannot fund it (another chair must).
pub fn check_chair_unconflicted(
    funded: &[ApplicationId],
    conflicted: &HashSet<ApplicationId>,
) -> Result<(), DomainError> {
    match funded.iter().position(|a| conflicted.contains(a)) {
        Some(i) => Err(DomainError::field(
            &format!("fundedApplicationIds.{i}"),
            "You have a conflict of interest on this application, so you are left out of its decision: ask the programme team to appoint another chair",
        )),
        None => Ok(()),
    }
}

/// Outcomes are sent once the decision is recorded.
pub fn check_outcomes_sendable(status: CallStatus) -> Result<(), DomainError> {
    match status {
        CallStatus::Decided | CallStatus::Archived => Ok(()),
        _ => Err(DomainError::invalid_state(
            "Record the decision before sending outcomes",
        )),
    }
}

pub fn parse_conflict_reason(raw: &str) -> Result<String, DomainError> {
    crate::text::bounded("reason", "the reason for the conflict", raw, 3, 2000)
}

// ---------------------------------------------------------------- the panel and assignments

/// The panel can change until the decision.
pub fn check_panel_changeable(status: CallStatus) -> Result<(), DomainError> {
    match status {
        CallStatus::Decided | CallStatus::Archived => Err(DomainError::invalid_state(
            "The decision has been made: the panel can no longer change",
        )),
        _ => Ok(()),
    }
}

/// A member leaves the panel unless they chair it or have reviewed (their reviews stay theirs).
pub fn check_member_removable(
    on_panel: bool,
    is_chair: bool,
    has_reviewed: bool,
) -> Result<(), DomainError> {
    if !on_panel {
        return Err(DomainError::field(
            "personId",
            "This person is not on the panel",
        ));
    }
    if is_chair {
        return Err(DomainError::invalid_state(
            "This is the panel's chair: appoint another chair first",
        ));
    }
    if has_reviewed {
        return Err(DomainError::invalid_state(
            "This panel member has submitted reviews, so they stay on the panel",
        ));
    }
    Ok(())
}

/// Conflicts on an application are declared by members of its call's panel.
pub fn check_can_declare_conflict(on_panel: bool) -> Result<(), DomainError> {
    if on_panel {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only members of this call's panel declare conflicts on its applications",
        ))
    }
}

/// A reviewer assigned by hand: to a submitted application, a member of the call's panel,
/// never a conflicted one.
pub fn check_assignment(
    application: crate::application::ApplicationStatus,
    on_panel: bool,
    conflicted: bool,
) -> Result<(), DomainError> {
    if application != crate::application::ApplicationStatus::Submitted {
        return Err(DomainError::field(
            "applicationId",
            "Only submitted applications are reviewed",
        ));
    }
    if !on_panel {
        return Err(DomainError::field(
            "reviewerId",
            "This person is not on the call's panel",
        ));
    }
    if conflicted {
        return Err(DomainError::field(
            "reviewerId",
            "This panel member has a conflict of interest on this application",
        ));
    }
    Ok(())
}

/// An assignment can be removed while its review is not in.
pub fn check_unassignable(assigned: bool, reviewed: bool) -> Result<(), DomainError> {
    if reviewed {
        return Err(DomainError::invalid_state(
            "This reviewer has submitted their review; the assignment stays",
        ));
    }
    if !assigned {
        return Err(DomainError::field(
            "reviewerId",
            "This reviewer is not assigned to this application",
        ));
    }
    Ok(())
}

/// An application that cannot get enough unconflicted reviewers, as `assign` reports it and
/// as the programme team reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lacking {
    pub domain: String,
    pub lead: String,
    pub more_needed: usize,
}

/// Why `assign` could not give every application `per_application` reviewers: nothing was
/// assigned, and each application lacking reviewers is named.
pub fn lacking_reviewers(per_application: usize, lacking: &[Lacking]) -> DomainError {
    let names: Vec<String> = lacking
        .iter()
        .map(|l| {
            format!(
                "{}, led by {} ({} more needed)",
                l.domain, l.lead, l.more_needed
            )
        })
        .collect();
    DomainError::field(
        "callId",
        format!(
            "{} application{} cannot get {per_application} reviewers without a conflict of interest: {}. Add panel members and try again.",
            lacking.len(),
            if lacking.len() == 1 { "" } else { "s" },
            names.join("; ")
        ),
    )
}

#[cfg(test)]
mod phase_tests {
    use super::*;

    #[test]
    fn the_panel_is_fixed_by_the_decision() {
        assert!(check_panel_changeable(CallStatus::InReview).is_ok());
        assert!(check_panel_changeable(CallStatus::Open).is_ok());
        for s in [CallStatus::Decided, CallStatus::Archived] {
            assert_eq!(
                check_panel_changeable(s).unwrap_err().code,
                crate::ErrorCode::InvalidState
            );
        }
    }

    #[test]
    fn the_chair_and_reviewers_stay_on_the_panel() {
        assert!(check_member_removable(true, false, false).is_ok());
        let off = check_member_removable(false, false, false).unwrap_err();
        assert_eq!(off.fields[0].field, "personId");
        for (chair, reviewed) in [(true, false), (false, true)] {
            assert_eq!(
                check_member_removable(true, chair, reviewed)
                    .unwrap_err()
                    .code,
                crate::ErrorCode::InvalidState
            );
        }
    }

    #[test]
    fn only_panel_members_declare_conflicts() {
        assert!(check_can_declare_conflict(true).is_ok());
        assert_eq!(
            check_can_declare_conflict(false).unwrap_err().code,
            crate::ErrorCode::Forbidden
        );
    }

    #[test]
    fn a_reviewer_by_hand_is_an_unconflicted_member_on_a_submitted_application() {
        use crate::application::ApplicationStatus as S;
        assert!(check_assignment(S::Submitted, true, false).is_ok());
        let field = |r: Result<(), DomainError>| r.unwrap_err().fields[0].field.clone();
        assert_eq!(
            field(check_assignment(S::Draft, true, false)),
            "applicationId"
        );
        assert_eq!(
            field(check_assignment(S::Withdrawn, true, false)),
            "applicationId"
        );
        assert_eq!(
            field(check_assignment(S::Submitted, false, false)),
            "reviewerId"
        );
        let conflicted = check_assignment(S::Submitted, true, true).unwrap_err();
        assert_eq!(conflicted.fields[0].field, "reviewerId");
        assert!(conflicted.message.contains("conflict of interest"));
    }

    #[test]
    fn a_reviewed_assignment_stays() {
        assert!(check_unassignable(true, false).is_ok());
        assert_eq!(
            check_unassignable(true, true).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
        assert_eq!(
            check_unassignable(false, false).unwrap_err().fields[0].field,
            "reviewerId"
        );
    }

    #[test]
    fn applications_lacking_reviewers_are_named() {
        let one = Lacking {
            domain: "Falls".into(),
            lead: "Ann".into(),
            more_needed: 2,
        };
        let e = lacking_reviewers(3, std::slice::from_ref(&one));
        assert_eq!(e.fields[0].field, "callId");
        assert_eq!(
            e.message,
            "1 application cannot get 3 reviewers without a conflict of interest: Falls, led by Ann (2 more needed). Add panel members and try again."
        );
        let two = lacking_reviewers(2, &[one.clone(), one]);
        assert!(two
            .message
            .starts_with("2 applications cannot get 2 reviewers"));
        assert!(two.message.contains("needed); Falls"));
    }

    #[test]
    fn reviews_are_hidden_until_your_own_is_in_and_always_when_conflicted() {
        assert_eq!(
            review_visibility(true, false, false, false),
            ReviewVisibility::All
        );
        assert_eq!(
            review_visibility(false, true, false, false),
            ReviewVisibility::OwnOnly
        );
        assert_eq!(
            review_visibility(false, true, false, true),
            ReviewVisibility::All
        );
        assert_eq!(
            review_visibility(false, true, true, true),
            ReviewVisibility::None
        );
        assert_eq!(
            review_visibility(false, false, false, false),
            ReviewVisibility::None
        );
    }

    #[test]
    fn who_reviews_when() {
        assert!(check_can_review(CallStatus::InReview, true, false).is_ok());
        assert_eq!(
            check_can_review(CallStatus::InReview, true, true)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_review(CallStatus::InReview, false, false)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_review(CallStatus::Decided, true, false)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_assignable(CallStatus::Closed).is_ok());
        assert!(check_assignable(CallStatus::Open).is_err());
        assert!(check_assignable(CallStatus::Decided).is_err());
    }

    #[test]
    fn only_submitted_applications_are_reviewed() {
        use crate::application::ApplicationStatus as S;
        assert!(check_reviewable_application(S::Submitted).is_ok());
        for s in [S::Withdrawn, S::Funded, S::NotFunded, S::Draft] {
            assert_eq!(
                check_reviewable_application(s).unwrap_err().code,
                crate::ErrorCode::InvalidState,
                "{s:?}"
            );
        }
    }

    #[test]
    fn the_ranking_waits_for_your_own_reviews() {
        let v = |programme_team, on_panel, outstanding_reviews| SelectionViewer {
            programme_team,
            on_panel,
            outstanding_reviews,
        };
        assert!(check_can_see_ranking(v(true, false, 3)).is_ok());
        assert!(check_can_see_ranking(v(false, true, 0)).is_ok());
        let waiting = check_can_see_ranking(v(false, true, 1)).unwrap_err();
        assert_eq!(waiting.code, crate::ErrorCode::Forbidden);
        assert!(waiting.message.contains("your own reviews"));
        // off the panel: no selection at all, reviews or not
        for outstanding in [0, 2] {
            let e = check_can_see_ranking(v(false, false, outstanding)).unwrap_err();
            assert_eq!(e.code, crate::ErrorCode::Forbidden);
            assert!(e.message.contains("panel"), "{}", e.message);
        }
        assert!(check_can_see_selection(v(false, true, 5)).is_ok());
        assert!(check_can_see_selection(v(true, false, 0)).is_ok());
        assert!(check_can_see_selection(v(false, false, 0)).is_err());
    }

    #[test]
    fn a_conflicted_member_is_shown_no_place_of_that_application() {
        assert!(shows_application(true, true));
        assert!(shows_application(true, false));
        assert!(shows_application(false, false));
        assert!(!shows_application(false, true));
    }

    #[test]
    fn applicants_learn_the_outcome_when_told() {
        assert!(!outcome_visible(false, false, false));
        assert!(outcome_visible(false, false, true));
        assert!(outcome_visible(true, false, false));
        assert!(outcome_visible(false, true, false));
    }

    #[test]
    fn a_conflicted_chair_cannot_fund_the_application() {
        let a = ApplicationId::new();
        let b = ApplicationId::new();
        let conflicted: HashSet<ApplicationId> = [b].into_iter().collect();
        assert!(check_chair_unconflicted(&[a], &conflicted).is_ok());
        assert_eq!(
            check_chair_unconflicted(&[a, b], &conflicted)
                .unwrap_err()
                .fields[0]
                .field,
            "fundedApplicationIds.1"
        );
    }

    #[test]
    fn the_chair_decides_once() {
        assert!(check_can_decide(CallStatus::InReview, true, false).is_ok());
        assert_eq!(
            check_can_decide(CallStatus::InReview, false, false)
                .unwrap_err()
                .code,
            crate::ErrorCode::Forbidden
        );
        assert_eq!(
            check_can_decide(CallStatus::InReview, true, true)
                .unwrap_err()
                .code,
            crate::ErrorCode::InvalidState
        );
        assert!(check_can_decide(CallStatus::Open, true, false).is_err());
        assert!(check_outcomes_sendable(CallStatus::Decided).is_ok());
        assert!(check_outcomes_sendable(CallStatus::InReview).is_err());
    }
}
