//! Properties of selection (SPEC §2, FAQ 5, 8, 9): conflicts, assignment of reviewers,
//! weighted and normalised scores, ranking, the allocation proposal and the decision.

use std::collections::{BTreeMap, HashMap, HashSet};

use convene_domain::call::RankBy;
use convene_domain::ids::{ApplicationId, CriterionId, DomainId, OrganisationId, PersonId};
use convene_domain::selection::{
    allocate, assign, check_decision, check_review, conflict, normalise, rank, weighted,
    ApplicationParties, ConflictReason, ReviewScore, Score, DISAGREEMENT_SPREAD,
};
use proptest::prelude::*;

/// `n` fresh ids, sorted (so that the generated order is also the ids' order).
fn ids<T: From<uuid::Uuid> + Ord>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = (0..n).map(|_| T::from(uuid::Uuid::new_v4())).collect();
    v.sort();
    v
}

// ------------------------------------------------------------------ allocation

/// A ranking as `rank` makes it: scores (few distinct values, so that ties happen) sorted
/// best first, equal scores sharing the competition rank (1, 2, 2, 4).
fn ranking() -> impl Strategy<Value = (Vec<(ApplicationId, DomainId, usize)>, usize)> {
    (
        prop::collection::vec((0usize..5, 0u8..6), 0..14),
        1usize..6,
        0usize..7,
    )
        .prop_map(|(rows, n_domains, places)| {
            let domains: Vec<DomainId> = ids(n_domains);
            let apps: Vec<ApplicationId> = ids(rows.len());
            let mut scored: Vec<(ApplicationId, DomainId, u8)> = rows
                .iter()
                .enumerate()
                .map(|(i, (d, s))| (apps[i], domains[d % n_domains], *s))
                .collect();
            scored.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
            let mut out = Vec::new();
            for i in 0..scored.len() {
                let r = if i > 0 && scored[i].2 == scored[i - 1].2 {
                    out.last()
                        .map(|x: &(ApplicationId, DomainId, usize)| x.2)
                        .unwrap()
                } else {
                    i + 1
                };
                out.push((scored[i].0, scored[i].1, r));
            }
            (out, places)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn allocation_respects_places_domains_ties_and_rank_order((ranking, places) in ranking()) {
        let got = allocate(&ranking, places);
        let rank_of: HashMap<ApplicationId, usize> = ranking.iter().map(|r| (r.0, r.2)).collect();
        let domain_of: HashMap<ApplicationId, DomainId> = ranking.iter().map(|r| (r.0, r.1)).collect();

        // never more than the places
        prop_assert!(got.funded.len() <= places, "{} funded for {} places", got.funded.len(), places);
        // only applications of the ranking, each once
        let funded: HashSet<ApplicationId> = got.funded.iter().copied().collect();
        prop_assert_eq!(funded.len(), got.funded.len());
        for a in &got.funded {
            prop_assert!(rank_of.contains_key(a));
        }
        // never two in one domain
        let funded_domains: HashSet<DomainId> = got.funded.iter().map(|a| domain_of[a]).collect();
        prop_assert_eq!(funded_domains.len(), got.funded.len(), "two funded in one domain");

        // ties: groups of at least two equally ranked applications, none of them funded, and
        // never in a domain that is already funded
        let mut tied: HashSet<ApplicationId> = HashSet::new();
        for t in &got.ties {
            prop_assert!(t.len() >= 2, "a tie of one: {:?}", t);
            let r = rank_of[&t[0]];
            for a in t {
                prop_assert_eq!(rank_of[a], r, "a tie of unequal ranks");
                prop_assert!(!funded.contains(a), "a tied application is in funded");
                prop_assert!(!funded_domains.contains(&domain_of[a]), "a tie in a funded domain");
                prop_assert!(tied.insert(*a), "an application in two ties");
            }
        }
        // the ties' places and the funded ones together never exceed the places
        let single_domain_ties = got.ties.iter()
            .filter(|t| t.iter().all(|a| domain_of[a] == domain_of[&t[0]]))
            .count();
        prop_assert!(got.funded.len() + single_domain_ties <= places);

        // rank order: nobody funded below a better, unfunded, untied application whose domain
        // has nothing funded or tied
        let tied_domains: HashSet<DomainId> = tied.iter().map(|a| domain_of[a]).collect();
        for f in &got.funded {
            for (u, d, r) in &ranking {
                if !funded.contains(u) && !tied.contains(u) && !funded_domains.contains(d) && !tied_domains.contains(d) {
                    prop_assert!(*r >= rank_of[f], "{:?} (rank {}) funded before {:?} (rank {})", f, rank_of[f], u, r);
                }
            }
        }
        // while places remain and no tie stopped it, every domain gets its place
        if got.ties.is_empty() && got.funded.len() < places {
            let all_domains: HashSet<DomainId> = ranking.iter().map(|r| r.1).collect();
            prop_assert_eq!(funded_domains, all_domains, "a place left empty");
        }
    }

    #[test]
    fn without_ties_allocation_is_the_greedy_choice(
        n in 0usize..12, doms in prop::collection::vec(0usize..4, 12), places in 0usize..6
    ) {
        let apps: Vec<ApplicationId> = ids(n);
        let domains: Vec<DomainId> = ids(4);
        let ranking: Vec<(ApplicationId, DomainId, usize)> =
            (0..n).map(|i| (apps[i], domains[doms[i]], i + 1)).collect();
        let got = allocate(&ranking, places);
        let mut want = Vec::new();
        let mut taken = HashSet::new();
        for (a, d, _) in &ranking {
            if want.len() < places && taken.insert(*d) {
                want.push(*a);
            }
        }
        prop_assert_eq!(got.funded, want);
        prop_assert!(got.ties.is_empty());
    }
}

// ------------------------------------------------------------------ scores and ranking

/// Weighted scores as a rubric produces them: quarters from 1 to 5.
fn score() -> impl Strategy<Value = f64> {
    (4u32..=20).prop_map(|q| q as f64 / 4.0)
}

/// Reviews of `apps` by `reviewers`: each (application, reviewer) at most once.
fn reviews() -> impl Strategy<Value = (Vec<ApplicationId>, Vec<ReviewScore>)> {
    (1usize..7, 1usize..5)
        .prop_flat_map(|(na, nr)| {
            (
                Just((na, nr)),
                prop::collection::vec(prop::option::weighted(0.7, score()), na * nr),
            )
        })
        .prop_map(|((na, nr), cells)| {
            let apps: Vec<ApplicationId> = ids(na);
            let people: Vec<PersonId> = ids(nr);
            let mut out = Vec::new();
            for (i, c) in cells.into_iter().enumerate() {
                if let Some(w) = c {
                    out.push(ReviewScore {
                        application: apps[i / nr],
                        reviewer: people[i % nr],
                        weighted: w,
                    });
                }
            }
            (apps, out)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_weighted_score_is_sum_w_s_over_sum_w(rows in prop::collection::vec((1u32..=100, 1i32..=5), 1..8)) {
        let scores: Vec<(u32, Score)> = rows.iter().map(|(w, s)| (*w, Score::parse("s", *s).unwrap())).collect();
        let got = weighted(&scores).unwrap();
        let sw: u32 = rows.iter().map(|r| r.0).sum();
        let sws: u32 = rows.iter().map(|(w, s)| w * *s as u32).sum();
        prop_assert!((got - sws as f64 / sw as f64).abs() < 1e-12);
        let lo = rows.iter().map(|r| r.1).min().unwrap() as f64;
        let hi = rows.iter().map(|r| r.1).max().unwrap() as f64;
        prop_assert!(got >= lo - 1e-12 && got <= hi + 1e-12);
    }

    #[test]
    fn normalising_keeps_each_reviewers_own_order((_apps, rs) in reviews()) {
        let z = normalise(&rs);
        prop_assert_eq!(z.len(), rs.len());
        let mut by: BTreeMap<PersonId, Vec<&ReviewScore>> = BTreeMap::new();
        for r in &rs {
            by.entry(r.reviewer).or_default().push(r);
        }
        for (p, mine) in by {
            let zs: Vec<f64> = mine.iter().map(|r| z[&(r.application, p)]).collect();
            for i in 0..mine.len() {
                for j in 0..mine.len() {
                    let (a, b) = (mine[i].weighted, mine[j].weighted);
                    if a < b {
                        prop_assert!(zs[i] < zs[j], "order lost for one reviewer: {} < {} but z {} >= {}", a, b, zs[i], zs[j]);
                    } else if a == b {
                        prop_assert!((zs[i] - zs[j]).abs() < 1e-9);
                    }
                }
            }
            // each reviewer's standardised scores average 0
            let mean = zs.iter().sum::<f64>() / zs.len() as f64;
            prop_assert!(mean.abs() < 1e-9);
            // one who gives everything the same score tells us nothing
            if mine.iter().all(|r| r.weighted == mine[0].weighted) {
                prop_assert!(zs.iter().all(|z| *z == 0.0));
            }
        }
    }

    #[test]
    fn a_harsh_and_a_lenient_reviewer_count_alike(
        (_apps, rs) in reviews(), shift in -3i32..=3, stretch in 1u32..=3
    ) {
        // moving or stretching one reviewer's whole scale changes none of the normalised scores
        let Some(first) = rs.first().map(|r| r.reviewer) else { return Ok(()) };
        let moved: Vec<ReviewScore> = rs.iter().map(|r| {
            let mut r = *r;
            if r.reviewer == first {
                r.weighted = r.weighted * stretch as f64 + shift as f64;
            }
            r
        }).collect();
        let (a, b) = (normalise(&rs), normalise(&moved));
        for (k, v) in &a {
            prop_assert!((v - b[k]).abs() < 1e-9, "{} became {}", v, b[k]);
        }
    }

    #[test]
    fn ranking_orders_by_the_chosen_score_with_shared_ranks(
        (apps, rs) in reviews(), by_normalised in any::<bool>()
    ) {
        let by = if by_normalised { RankBy::Normalised } else { RankBy::Weighted };
        let rows = rank(&apps, &rs, by);
        // every application once
        let mut seen: Vec<ApplicationId> = rows.iter().map(|r| r.application).collect();
        seen.sort();
        prop_assert_eq!(&seen, &apps);
        let z = normalise(&rs);
        for r in &rows {
            let mine: Vec<&ReviewScore> = rs.iter().filter(|x| x.application == r.application).collect();
            prop_assert_eq!(r.reviews, mine.len());
            if mine.is_empty() {
                prop_assert_eq!(r.weighted_score, None);
                prop_assert_eq!(r.normalised_score, None);
                prop_assert!(!r.disagreement);
                continue;
            }
            let mean = mine.iter().map(|x| x.weighted).sum::<f64>() / mine.len() as f64;
            prop_assert!((r.weighted_score.unwrap() - mean).abs() < 1e-9);
            let zmean = mine.iter().map(|x| z[&(x.application, x.reviewer)]).sum::<f64>() / mine.len() as f64;
            prop_assert!((r.normalised_score.unwrap() - zmean).abs() < 1e-9);
            let lo = mine.iter().map(|x| x.weighted).fold(f64::INFINITY, f64::min);
            let hi = mine.iter().map(|x| x.weighted).fold(f64::NEG_INFINITY, f64::max);
            prop_assert_eq!(r.disagreement, hi - lo >= DISAGREEMENT_SPREAD, "spread {}", hi - lo);
        }
        let key = |r: &convene_domain::selection::Ranked| match by {
            RankBy::Weighted => r.weighted_score,
            RankBy::Normalised => r.normalised_score,
        };
        prop_assert_eq!(rows.first().map(|r| r.rank), (!rows.is_empty()).then_some(1));
        for i in 1..rows.len() {
            let (a, b) = (key(&rows[i - 1]), key(&rows[i]));
            match (a, b) {
                (Some(x), Some(y)) => {
                    prop_assert!(x >= y - 1e-9, "out of order: {} before {}", x, y);
                    if (x - y).abs() < 1e-9 {
                        prop_assert_eq!(rows[i].rank, rows[i - 1].rank, "equal scores, different ranks");
                    } else {
                        prop_assert_eq!(rows[i].rank, i + 1);
                    }
                }
                (Some(_), None) => prop_assert_eq!(rows[i].rank, i + 1),
                (None, None) => prop_assert_eq!(rows[i].rank, rows[i - 1].rank),
                (None, Some(_)) => prop_assert!(false, "an unreviewed application ranked above a reviewed one"),
            }
        }
    }
}

// ------------------------------------------------------------------ assignment

#[derive(Debug, Clone)]
struct AssignCase {
    apps: Vec<ApplicationId>,
    panel: Vec<PersonId>,
    per: usize,
    conflicted: HashSet<(ApplicationId, PersonId)>,
    existing: Vec<(ApplicationId, PersonId)>,
}

fn assign_case(with_conflicts: bool, with_existing: bool) -> impl Strategy<Value = AssignCase> {
    (0usize..8, 0usize..7, 1usize..5)
        .prop_flat_map(move |(na, np, per)| {
            let cells = na * np;
            (
                Just((na, np, per)),
                prop::collection::vec(
                    prop::bool::weighted(if with_conflicts { 0.3 } else { 0.0 }),
                    cells,
                ),
                prop::collection::vec(
                    prop::bool::weighted(if with_existing { 0.2 } else { 0.0 }),
                    cells,
                ),
            )
        })
        .prop_map(|((na, np, per), conf, exist)| {
            let apps: Vec<ApplicationId> = ids(na);
            let panel: Vec<PersonId> = ids(np);
            let mut conflicted = HashSet::new();
            let mut existing = Vec::new();
            for i in 0..na * np {
                let pair = (apps[i / np.max(1)], panel[i % np.max(1)]);
                if conf[i] {
                    conflicted.insert(pair);
                } else if exist[i] {
                    existing.push(pair);
                }
            }
            AssignCase {
                apps,
                panel,
                per,
                conflicted,
                existing,
            }
        })
}

/// What cannot be served: for each application, how many reviewers it lacks.
fn lacking(c: &AssignCase) -> Vec<(ApplicationId, usize)> {
    let mut out = Vec::new();
    for a in &c.apps {
        let have: HashSet<PersonId> = c
            .existing
            .iter()
            .filter(|(x, _)| x == a)
            .map(|(_, p)| *p)
            .collect();
        let need = c.per.saturating_sub(have.len());
        let free = c
            .panel
            .iter()
            .filter(|p| !have.contains(p) && !c.conflicted.contains(&(*a, **p)))
            .count();
        if free < need {
            out.push((*a, need - free));
        }
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn assignment_never_conflicted_and_exactly_as_many_as_asked(c in assign_case(true, true)) {
        match assign(&c.apps, &c.panel, c.per, &c.conflicted, &c.existing) {
            Ok(new) => {
                prop_assert!(lacking(&c).is_empty());
                let mut all: HashSet<(ApplicationId, PersonId)> = c.existing.iter().copied().collect();
                for (a, p) in &new {
                    prop_assert!(!c.conflicted.contains(&(*a, *p)), "a conflicted reviewer was assigned");
                    prop_assert!(c.panel.contains(p), "a reviewer from outside the panel");
                    prop_assert!(c.apps.contains(a));
                    prop_assert!(all.insert((*a, *p)), "assigned twice to one application");
                }
                for a in &c.apps {
                    let had = c.existing.iter().filter(|(x, _)| x == a).count();
                    let n = all.iter().filter(|(x, _)| x == a).count();
                    prop_assert_eq!(n, had.max(c.per), "application served {} reviewers", n);
                }
            }
            Err(l) => {
                prop_assert!(!l.is_empty());
                prop_assert_eq!(l, lacking(&c), "the applications it cannot serve");
            }
        }
    }

    #[test]
    fn without_conflicts_the_load_is_even(c in assign_case(false, false)) {
        let r = assign(&c.apps, &c.panel, c.per, &c.conflicted, &c.existing);
        if c.apps.is_empty() || c.per <= c.panel.len() {
            let new = r.expect("enough reviewers");
            prop_assert_eq!(new.len(), c.apps.len() * c.per);
            let loads: Vec<usize> = c.panel.iter().map(|p| new.iter().filter(|(_, x)| x == p).count()).collect();
            if let (Some(max), Some(min)) = (loads.iter().max(), loads.iter().min()) {
                prop_assert!(max - min <= 1, "loads {:?}", loads);
            }
        } else {
            let l = r.expect_err("a panel too small");
            let want: Vec<(ApplicationId, usize)> = c.apps.iter().map(|a| (*a, c.per - c.panel.len())).collect();
            prop_assert_eq!(l, want);
        }
    }
}

// ------------------------------------------------------------------ conflicts, reviews, decisions

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn conflicts_are_found_for_applicants_and_shared_organisations(
        is_applicant in any::<bool>(), at_lead_org in any::<bool>(), at_sponsor in any::<bool>(), has_sponsor in any::<bool>()
    ) {
        let me = PersonId::new();
        let (lead_org, colead_org, sponsor, mine) = (OrganisationId::new(), OrganisationId::new(), OrganisationId::new(), OrganisationId::new());
        let app = ApplicationParties {
            applicants: if is_applicant { vec![PersonId::new(), me] } else { vec![PersonId::new()] },
            organisations: vec![lead_org, colead_org],
            sponsor: has_sponsor.then_some(sponsor),
        };
        let my_org = if at_lead_org { colead_org } else if at_sponsor { sponsor } else { mine };
        let want = if is_applicant {
            Some(ConflictReason::Applicant)
        } else if at_lead_org || (at_sponsor && has_sponsor) {
            Some(ConflictReason::SharedOrganisation)
        } else {
            None
        };
        prop_assert_eq!(conflict(me, my_org, &app), want);
    }

    #[test]
    fn a_review_scores_every_criterion_once_from_1_to_5(
        n in 1usize..5, scores in prop::collection::vec(-1i32..=7, 5), drop_last in any::<bool>()
    ) {
        let rubric: Vec<CriterionId> = ids(n);
        let take = if drop_last { n - 1 } else { n };
        let input: Vec<(CriterionId, i32, &str)> = (0..take).map(|i| (rubric[i], scores[i], "a comment")).collect();
        let bad_scores: Vec<String> = (0..take).filter(|i| !(1..=5).contains(&scores[*i])).map(|i| format!("scores.{i}.score")).collect();
        match check_review(&rubric, &input) {
            Ok(out) => {
                prop_assert!(!drop_last && bad_scores.is_empty());
                prop_assert_eq!(out.len(), n);
                for (i, (c, s, t)) in out.iter().enumerate() {
                    prop_assert_eq!(*c, rubric[i]);
                    prop_assert_eq!(s.get() as i32, scores[i]);
                    prop_assert_eq!(t, "a comment");
                }
            }
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let mut want = bad_scores.clone();
                if drop_last {
                    want.push("scores".into());
                }
                let got: Vec<String> = e.fields.iter().map(|f| f.field.clone()).collect();
                prop_assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn decisions_reject_over_places_duplicate_domains_and_foreign_ids(
        n_sub in 0usize..7, n_dom in 1usize..4, doms in prop::collection::vec(0usize..4, 7),
        picks in prop::collection::vec(0usize..9, 0..7), places in 0usize..6, rationale_len in 0usize..20
    ) {
        let subs: Vec<ApplicationId> = ids(n_sub);
        let domains: Vec<DomainId> = ids(n_dom);
        let submitted: HashMap<ApplicationId, DomainId> =
            subs.iter().enumerate().map(|(i, a)| (*a, domains[doms[i] % n_dom])).collect();
        let strangers: Vec<ApplicationId> = ids(2);
        // picks below n_sub are submitted applications, the others strangers (drafts,
        // withdrawn ones, other calls' applications)
        let funded: Vec<ApplicationId> = picks.iter().map(|p| if *p < n_sub { subs[*p] } else { strangers[p % 2] }).collect();
        let rationale = "r".repeat(rationale_len);

        let mut want: Vec<String> = Vec::new();
        if rationale_len < 10 {
            want.push("rationale".into());
        }
        let mut seen = HashSet::new();
        let mut domains_seen = HashSet::new();
        for (i, a) in funded.iter().enumerate() {
            if !seen.insert(*a) {
                want.push(format!("fundedApplicationIds.{i}"));
            } else if let Some(d) = submitted.get(a) {
                if !domains_seen.insert(*d) {
                    want.push(format!("fundedApplicationIds.{i}"));
                }
            } else {
                want.push(format!("fundedApplicationIds.{i}"));
            }
        }
        if seen.len() > places {
            want.push("fundedApplicationIds".into());
        }
        match check_decision(&funded, &submitted, places, &rationale) {
            Ok(r) => {
                prop_assert!(want.is_empty(), "accepted although {:?}", want);
                prop_assert_eq!(r, rationale);
                prop_assert!(funded.len() <= places);
            }
            Err(e) => {
                prop_assert_eq!(e.code, convene_domain::ErrorCode::Validation);
                let got: Vec<String> = e.fields.iter().map(|f| f.field.clone()).collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
