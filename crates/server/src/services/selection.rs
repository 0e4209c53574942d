//! Everything about one call's selection, loaded once: the panel, the applications that went
//! forward, conflicts (found and declared), assignments and reviews; and what the domain's
//! selection rules make of them (ranking, allocation).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use convene_domain::access::Viewer;
use convene_domain::application::CoLeadState;
use convene_domain::call::RankBy;
use convene_domain::ids::{ApplicationId, DomainId, OrganisationId, PersonId};
use convene_domain::selection::{
    self, ApplicationParties, ConflictReason, Ranked, ReviewScore, Score, SelectionViewer,
};
use convene_store::by_ids;
use convene_store::entities::{
    application, call, criterion, declared_conflict, panel_member, participant, person, review,
    review_assignment, review_score,
};
use convene_store::repo::{applications as apps, calls, selection as repo};
use convene_store::sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::usecases::{AppError, AppResult};

pub struct CallSelection {
    pub call: call::Model,
    pub criteria: Vec<criterion::Model>,
    pub panel: Vec<panel_member::Model>,
    pub apps: Vec<Arc<application::Model>>,
    pub parts: HashMap<Uuid, Vec<participant::Model>>,
    /// Each panel member's organisation now.
    pub member_orgs: HashMap<Uuid, Uuid>,
    pub declared: Vec<declared_conflict::Model>,
    pub assignments: Vec<review_assignment::Model>,
    pub reviews: Vec<(review::Model, Vec<review_score::Model>)>,
    /// Where each application is in `apps`, and each (application, reviewer)'s review in
    /// `reviews`: a kept selection answers many requests, each asking these hundreds of times.
    app_index: HashMap<Uuid, usize>,
    review_index: HashMap<(Uuid, Uuid), usize>,
    /// The ranking, computed on first use: the data does not change under a selection (a
    /// write loads a new one), so every request served from the cache shares it.
    ranked: OnceLock<Vec<Ranked>>,
}

/// Selections computed on this replica, each kept with the data version read before it was
/// computed, and served only while that is still the version (`repo::versions`): any write
/// anywhere raises it in its own transaction, so a new review shows in the very next read,
/// here or on another replica.
#[derive(Default)]
pub struct SelectionCache {
    kept: Mutex<HashMap<Uuid, (i64, Arc<CallSelection>)>>,
}

/// How many calls' selections a replica keeps (a round has a handful of calls).
const KEPT_CALLS: usize = 64;

impl SelectionCache {
    pub fn get(&self, call: Uuid, version: i64) -> Option<Arc<CallSelection>> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(&call)
            .filter(|(v, _)| *v == version)
            .map(|(_, s)| s.clone())
    }

    pub fn put(&self, call: Uuid, version: i64, selection: Arc<CallSelection>) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= KEPT_CALLS && !kept.contains_key(&call) {
            kept.retain(|_, (v, _)| *v >= version);
            if kept.len() >= KEPT_CALLS {
                kept.clear();
            }
        }
        kept.insert(call, (version, selection));
    }
}

/// A conflict between a panel member and an application.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub application: Uuid,
    pub person: Uuid,
    pub reason: String,
    pub declared: bool,
}

impl CallSelection {
    pub async fn load(db: &impl ConnectionTrait, call_id: Uuid) -> AppResult<CallSelection> {
        Self::load_if_any(db, call_id)
            .await?
            .ok_or_else(|| AppError::field("callId", "There is no such call"))
    }

    /// The selection of a call, or `None` when there is no such call.
    pub async fn load_if_any(
        db: &impl ConnectionTrait,
        call_id: Uuid,
    ) -> AppResult<Option<CallSelection>> {
        let Some(call) = calls::get(db, call_id).await? else {
            return Ok(None);
        };
        let criteria = calls::criteria_of(db, &[call_id])
            .await?
            .remove(&call_id)
            .unwrap_or_default();
        let panel = repo::panel(db, call_id).await?;
        let people: Vec<Uuid> = panel.iter().map(|p| p.person_id).collect();
        let member_orgs = by_ids::<person::Entity>(db, &people)
            .await?
            .into_iter()
            .map(|p| (p.id, p.organisation_id))
            .collect();
        let apps: Vec<Arc<application::Model>> = apps::considered_of_call(db, call_id)
            .await?
            .into_iter()
            .map(Arc::new)
            .collect();
        let ids: Vec<Uuid> = apps.iter().map(|a| a.id).collect();
        let parts = apps::participants_of(db, &ids).await?;
        let reviews = repo::reviews_of_call(db, call_id).await?;
        Ok(Some(CallSelection {
            declared: repo::declared_conflicts(db, call_id).await?,
            assignments: repo::assignments(db, call_id).await?,
            app_index: apps.iter().enumerate().map(|(i, a)| (a.id, i)).collect(),
            review_index: reviews.iter().enumerate().rev().fold(
                HashMap::new(),
                |mut m, (i, (r, _))| {
                    m.insert((r.application_id, r.reviewer_id), i);
                    m
                },
            ),
            ranked: OnceLock::new(),
            reviews,
            call,
            criteria,
            panel,
            apps,
            parts,
            member_orgs,
        }))
    }

    /// Load for a change: lock the call's row first so that changes to one call's selection
    /// (assignments, reviews, the decision, outcomes) happen one after another.
    pub async fn load_for_change(
        db: &impl ConnectionTrait,
        call_id: Uuid,
    ) -> AppResult<CallSelection> {
        calls::lock(db, call_id)
            .await?
            .ok_or_else(|| AppError::field("callId", "There is no such call"))?;
        Self::load(db, call_id).await
    }

    pub fn member(&self, person: Uuid) -> Option<&panel_member::Model> {
        self.panel.iter().find(|m| m.person_id == person)
    }

    pub fn is_chair(&self, person: Uuid) -> bool {
        self.member(person).is_some_and(|m| m.chair)
    }

    pub fn application(&self, id: Uuid) -> Option<&Arc<application::Model>> {
        self.app_index.get(&id).map(|&i| &self.apps[i])
    }

    fn parties(&self, app: &application::Model) -> ApplicationParties {
        let accepted: Vec<&participant::Model> = self
            .parts
            .get(&app.id)
            .map(|v| {
                v.iter()
                    .filter(|p| apps::co_lead_state(p) == CoLeadState::Accepted)
                    .collect()
            })
            .unwrap_or_default();
        ApplicationParties {
            applicants: accepted
                .iter()
                .filter_map(|p| p.person_id.map(PersonId))
                .collect(),
            organisations: accepted
                .iter()
                .filter_map(|p| p.organisation_id.map(OrganisationId))
                .collect(),
            sponsor: app.sponsor_organisation_id.map(OrganisationId),
        }
    }

    /// The conflict of `person` (a panel member, or anyone) on `app`, if any.
    pub fn conflict(&self, app: Uuid, person: Uuid) -> Option<Conflict> {
        if let Some(d) = self
            .declared
            .iter()
            .find(|d| d.application_id == app && d.person_id == person)
        {
            return Some(Conflict {
                application: app,
                person,
                reason: d.reason.clone(),
                declared: true,
            });
        }
        let a = self.application(app)?;
        let org = self.member_orgs.get(&person).copied()?;
        selection::conflict(PersonId(person), OrganisationId(org), &self.parties(a)).map(|r| {
            Conflict {
                application: app,
                person,
                reason: match r {
                    ConflictReason::Applicant => "An applicant on this application".into(),
                    ConflictReason::SharedOrganisation => {
                        "Works for the lead's, a co-lead's or the sponsor's organisation".into()
                    }
                },
                declared: false,
            }
        })
    }

    /// Every conflict between this call's panel and its applications.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for a in &self.apps {
            for m in &self.panel {
                if let Some(c) = self.conflict(a.id, m.person_id) {
                    out.push(c);
                }
            }
        }
        out
    }

    pub fn conflicted_pairs(&self) -> HashSet<(ApplicationId, PersonId)> {
        self.conflicts()
            .into_iter()
            .map(|c| (ApplicationId(c.application), PersonId(c.person)))
            .collect()
    }

    pub fn is_assigned(&self, app: Uuid, person: Uuid) -> bool {
        self.assignments
            .iter()
            .any(|a| a.application_id == app && a.reviewer_id == person)
    }

    /// How many of `person`'s assigned reviews of applications still in the running are missing.
    pub fn outstanding_reviews(&self, person: Uuid) -> usize {
        self.assignments
            .iter()
            .filter(|a| {
                a.reviewer_id == person && self.review_of(a.application_id, person).is_none()
            })
            .filter(|a| {
                self.application(a.application_id).is_some_and(|x| {
                    apps::status(x) == convene_domain::application::ApplicationStatus::Submitted
                })
            })
            .count()
    }

    pub fn review_of(
        &self,
        app: Uuid,
        person: Uuid,
    ) -> Option<&(review::Model, Vec<review_score::Model>)> {
        self.review_index
            .get(&(app, person))
            .map(|&i| &self.reviews[i])
    }

    /// Each unconflicted review's weighted score.
    pub fn review_scores(&self) -> Vec<ReviewScore> {
        let weights: HashMap<Uuid, u32> = self
            .criteria
            .iter()
            .map(|c| (c.id, c.weight.max(0) as u32))
            .collect();
        self.reviews
            .iter()
            .filter(|(r, _)| self.conflict(r.application_id, r.reviewer_id).is_none())
            .filter_map(|(r, scores)| {
                let ws: Vec<(u32, Score)> = scores
                    .iter()
                    .filter_map(|s| {
                        Some((
                            *weights.get(&s.criterion_id)?,
                            Score::parse("score", s.score).ok()?,
                        ))
                    })
                    .collect();
                selection::weighted(&ws).map(|w| ReviewScore {
                    application: ApplicationId(r.application_id),
                    reviewer: PersonId(r.reviewer_id),
                    weighted: w,
                })
            })
            .collect()
    }

    pub fn rank_by(&self) -> RankBy {
        RankBy::from_str(&self.call.rank_by).unwrap_or(RankBy::Weighted)
    }

    pub fn ranking(&self) -> &[Ranked] {
        self.ranked.get_or_init(|| {
            let ids: Vec<ApplicationId> = self.apps.iter().map(|a| ApplicationId(a.id)).collect();
            selection::rank(&ids, &self.review_scores(), self.rank_by())
        })
    }

    /// Where `viewer` stands towards this call's selection.
    pub fn standing(&self, viewer: &Viewer) -> SelectionViewer {
        SelectionViewer {
            programme_team: viewer.is_programme_team(),
            on_panel: self.member(viewer.person.0).is_some(),
            outstanding_reviews: self.outstanding_reviews(viewer.person.0),
        }
    }

    /// Whether `viewer` is shown this application's place in the selection.
    pub fn shows(&self, viewer: &Viewer, app: Uuid) -> bool {
        selection::shows_application(
            viewer.is_programme_team(),
            self.conflict(app, viewer.person.0).is_some(),
        )
    }

    /// The ranking as `viewer` may see it, for `Call.ranking` and the applications export
    /// alike: refused until their own reviews are in, without the applications they are
    /// conflicted on.
    pub fn ranking_seen_by(&self, viewer: &Viewer) -> AppResult<Vec<Ranked>> {
        selection::check_can_see_ranking(self.standing(viewer))?;
        Ok(self
            .ranking()
            .iter()
            .filter(|r| self.shows(viewer, r.application.0))
            .cloned()
            .collect())
    }

    pub fn allocation(&self) -> selection::Allocation {
        let domains: HashMap<Uuid, Uuid> = self.apps.iter().map(|a| (a.id, a.domain_id)).collect();
        let ranked: Vec<(ApplicationId, DomainId, usize)> = self
            .ranking()
            .iter()
            .filter(|r| r.reviews > 0)
            .map(|r| (r.application, DomainId(domains[&r.application.0]), r.rank))
            .collect();
        selection::allocate(&ranked, self.call.funded_places.max(0) as usize)
    }
}
