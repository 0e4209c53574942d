//! The programme dashboard (SPEC §8), figure by figure: the store counts, the domain says what
//! the counts mean. GraphQL (`programmeDashboard`) and the CSV exports both read these, so a
//! figure is defined once. Each figure is computed when asked for; inputs that two figures
//! share are computed once per dashboard.

use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::application::ApplicationStatus;
use convene_domain::community::{distinct_professions, Reach, Stage, StartupStep};
use convene_domain::organisation::Sector;
use convene_domain::practice::ExchangeVisibility;
use convene_domain::reporting::{self as r, Period, StepFigure};
use convene_store::repo::reporting::{self as repo, ProfessionRow, Scope};
use convene_store::sea_orm::DatabaseConnection;
use tokio::sync::OnceCell;
use uuid::Uuid;

use crate::ids;
use crate::usecases::{AppError, AppResult};

/// A count with a stable key and a label for people.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub key: String,
    pub label: String,
    pub count: i64,
}

pub use repo::DecisionRow as Decision;

/// One panel member's reviews for one call, with those overdue today.
#[derive(Debug, Clone)]
pub struct ReviewProgress {
    pub row: repo::ReviewRow,
    /// Reviews still outstanding after the call's review due date (0 before it, or with none).
    pub overdue: i64,
}

impl std::ops::Deref for ReviewProgress {
    type Target = repo::ReviewRow;
    fn deref(&self) -> &repo::ReviewRow {
        &self.row
    }
}

#[derive(Debug, Clone)]
pub struct OutcomesPending {
    pub call: Uuid,
    pub decision_due_on: NaiveDate,
    pub days_until_decision_due: i64,
    pub pending: i64,
    pub overdue: bool,
}

#[derive(Debug, Clone)]
pub struct CommunityReach {
    pub community: Uuid,
    pub stage: Stage,
    pub reach: Reach,
}

#[derive(Debug, Clone, Copy)]
pub struct Meetings {
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
    pub attendances: i64,
    pub average_attendance: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Honoraria {
    pub call: Uuid,
    pub budget_pence: i64,
    pub committed_pence: i64,
    pub paid_pence: i64,
}

pub struct Dashboard {
    db: DatabaseConnection,
    scope: Scope,
    now: DateTime<Utc>,
    today: NaiveDate,
    by_stage: OnceCell<Vec<(Stage, i64)>>,
    professions: OnceCell<Vec<ProfessionRow>>,
}

/// Parse the filter: `callId` must name a call; `from` after `to` is an error on `to`.
pub async fn scope(
    db: &DatabaseConnection,
    call: Option<Uuid>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> AppResult<Scope> {
    let period = Period::parse(from, to)?;
    if let Some(c) = call {
        if convene_store::repo::calls::get(db, c).await?.is_none() {
            return Err(AppError::field("callId", "There is no such call"));
        }
    }
    Ok(Scope { call, period })
}

fn labelled<K: Copy + PartialEq>(
    all: &[K],
    rows: &[repo::KeyCount],
    parse: impl Fn(&str) -> Option<K>,
    key: impl Fn(K) -> &'static str,
    label: impl Fn(K) -> &'static str,
) -> Vec<Labelled> {
    let counts: Vec<(K, i64)> = rows
        .iter()
        .filter_map(|row| Some((parse(&row.k)?, row.n)))
        .collect();
    r::zero_filled(all, &counts)
        .into_iter()
        .map(|(k, n)| Labelled {
            key: key(k).to_string(),
            label: label(k).to_string(),
            count: n,
        })
        .collect()
}

fn reach(members: i64, organisations: i64, professions: usize, sectors: i64) -> Reach {
    Reach {
        members: members.max(0) as usize,
        organisations: organisations.max(0) as usize,
        professions,
        sectors: sectors.max(0) as usize,
    }
}

impl Dashboard {
    pub fn new(db: DatabaseConnection, scope: Scope, now: DateTime<Utc>) -> Dashboard {
        Dashboard {
            db,
            scope,
            now,
            today: now.with_timezone(&chrono_tz::Europe::London).date_naive(),
            by_stage: OnceCell::new(),
            professions: OnceCell::new(),
        }
    }

    /// Applications submitted (in the period), per domain, most first; key: the Domain's ID.
    pub async fn applications_by_domain(&self) -> AppResult<Vec<Labelled>> {
        Ok(repo::applications_by_domain(&self.db, &self.scope)
            .await?
            .into_iter()
            .map(|row| Labelled {
                key: ids::encode_raw("Domain", row.id),
                label: row.label,
                count: row.n,
            })
            .collect())
    }

    /// Applications submitted (in the period), per sector of the lead's organisation when they
    /// applied; every sector, zeros included.
    pub async fn applications_by_sector(&self) -> AppResult<Vec<Labelled>> {
        let rows = repo::applications_by_sector(&self.db, &self.scope).await?;
        Ok(labelled(
            &Sector::ALL,
            &rows,
            Sector::from_str,
            Sector::as_str,
            r::sector_label,
        ))
    }

    /// Applications per status now, every status; with a period, those submitted in it.
    pub async fn applications_by_status(&self) -> AppResult<Vec<Labelled>> {
        let rows = repo::applications_by_status(&self.db, &self.scope).await?;
        Ok(labelled(
            &ApplicationStatus::ALL,
            &rows,
            ApplicationStatus::from_str,
            ApplicationStatus::as_str,
            r::status_label,
        ))
    }

    pub async fn review_progress(&self) -> AppResult<Vec<ReviewProgress>> {
        Ok(repo::review_progress(&self.db, &self.scope)
            .await?
            .into_iter()
            .map(|row| ReviewProgress {
                overdue: convene_domain::call::reviews_overdue(
                    row.outstanding,
                    row.reviews_due_on,
                    self.today,
                ),
                row,
            })
            .collect())
    }

    pub async fn decisions(&self) -> AppResult<Vec<Decision>> {
        Ok(repo::decisions(&self.db, &self.scope).await?)
    }

    pub async fn outcomes_pending(&self) -> AppResult<Vec<OutcomesPending>> {
        Ok(repo::outcomes_pending(&self.db, &self.scope)
            .await?
            .into_iter()
            .map(|row| OutcomesPending {
                call: row.call_id,
                decision_due_on: row.decision_due_on,
                days_until_decision_due: r::days_until(row.decision_due_on, self.today),
                pending: row.pending,
                overdue: r::outcomes_overdue(row.pending, row.decision_due_on, self.today),
            })
            .collect())
    }

    async fn stages(&self) -> AppResult<&Vec<(Stage, i64)>> {
        self.by_stage
            .get_or_try_init(|| async {
                let rows = repo::communities_by_stage(&self.db, &self.scope.period).await?;
                let counts: Vec<(Stage, i64)> = rows
                    .iter()
                    .filter_map(|row| Some((Stage::from_str(&row.k)?, row.n)))
                    .collect();
                Ok::<_, AppError>(r::zero_filled(&r::STAGES, &counts))
            })
            .await
    }

    /// Communities created by the end of the period, per stage now, every stage.
    pub async fn communities_by_stage(&self) -> AppResult<Vec<Labelled>> {
        Ok(self
            .stages()
            .await?
            .iter()
            .map(|(s, n)| Labelled {
                key: s.as_str().to_string(),
                label: r::stage_label(*s).to_string(),
                count: *n,
            })
            .collect())
    }

    pub async fn startup_progress(&self) -> AppResult<Vec<StepFigure>> {
        let open = r::open_communities(self.stages().await?);
        let done: Vec<(StartupStep, i64)> = repo::startup_steps_done(&self.db, &self.scope.period)
            .await?
            .iter()
            .filter_map(|row| Some((StartupStep::from_str(&row.k)?, row.n)))
            .collect();
        Ok(r::startup_progress(open, &done))
    }

    async fn professions(&self) -> AppResult<&Vec<ProfessionRow>> {
        self.professions
            .get_or_try_init(|| async {
                Ok::<_, AppError>(repo::member_professions(&self.db, &self.scope.period).await?)
            })
            .await
    }

    pub async fn community_reach(&self) -> AppResult<Vec<CommunityReach>> {
        let rows = repo::community_reach(&self.db, &self.scope.period).await?;
        let professions = self.professions().await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let p = distinct_professions(
                    professions
                        .iter()
                        .filter(|x| x.community_id == row.community_id)
                        .map(|x| x.profession.as_str()),
                );
                CommunityReach {
                    community: row.community_id,
                    stage: Stage::from_str(&row.stage).unwrap_or(Stage::Forming),
                    reach: reach(row.members, row.organisations, p, row.sectors),
                }
            })
            .collect())
    }

    pub async fn network_reach(&self) -> AppResult<Reach> {
        let row = repo::network_reach(&self.db, &self.scope.period).await?;
        let p = distinct_professions(
            self.professions()
                .await?
                .iter()
                .map(|x| x.profession.as_str()),
        );
        Ok(reach(row.members, row.organisations, p, row.sectors))
    }

    pub async fn meetings(&self) -> AppResult<Meetings> {
        let row = repo::meetings(&self.db, &self.scope.period, self.now).await?;
        Ok(Meetings {
            held: row.held,
            scheduled: row.scheduled,
            cancelled: row.cancelled,
            attendances: row.attendances,
            average_attendance: r::average_attendance(row.attendances, row.held),
        })
    }

    pub async fn exchanges_by_visibility(&self) -> AppResult<Vec<Labelled>> {
        let rows = repo::exchanges_by_visibility(&self.db, &self.scope.period).await?;
        Ok(labelled(
            &ExchangeVisibility::ALL,
            &rows,
            ExchangeVisibility::from_str,
            ExchangeVisibility::as_str,
            r::visibility_label,
        ))
    }

    pub async fn promising_practices(&self) -> AppResult<i64> {
        Ok(repo::promising_practices(&self.db, &self.scope.period).await?)
    }

    pub async fn honoraria(&self) -> AppResult<Vec<Honoraria>> {
        Ok(repo::honoraria(&self.db, &self.scope)
            .await?
            .into_iter()
            .map(|row| Honoraria {
                call: row.call_id,
                budget_pence: convene_domain::honorarium::budget_pence(
                    row.honorarium_pence,
                    row.funded_places,
                ),
                committed_pence: row.committed_pence,
                paid_pence: row.paid_pence,
            })
            .collect())
    }
}
