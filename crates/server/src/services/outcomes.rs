//! Outcomes: who has been told the decision, and who has not yet.

use std::collections::HashSet;

use convene_domain::application::{ApplicationStatus, CoLeadState};
use convene_store::entities::{application, participant};
use convene_store::repo::{applications as apps, selection};
use convene_store::sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::usecases::AppResult;

/// Someone owed an outcome.
pub struct Pending {
    pub application: application::Model,
    pub participant: participant::Model,
    pub outcome: ApplicationStatus,
}

/// Every lead and accepted co-lead of a decided application who has not been told.
pub async fn pending(db: &impl ConnectionTrait, call_id: Uuid) -> AppResult<Vec<Pending>> {
    owed_of(db, call_id, true).await
}

/// How many people are still owed an outcome: the leads and accepted co-leads of every
/// application that went forward, not yet told (before the decision, all of them).
pub async fn owed(db: &impl ConnectionTrait, call_id: Uuid) -> AppResult<usize> {
    Ok(owed_of(db, call_id, false).await?.len())
}

async fn owed_of(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    decided_only: bool,
) -> AppResult<Vec<Pending>> {
    let decided: Vec<application::Model> = apps::considered_of_call(db, call_id)
        .await?
        .into_iter()
        .filter(|a| {
            !decided_only
                || matches!(
                    apps::status(a),
                    ApplicationStatus::Funded | ApplicationStatus::NotFunded
                )
        })
        .collect();
    let ids: Vec<Uuid> = decided.iter().map(|a| a.id).collect();
    let mut parts = apps::participants_of(db, &ids).await?;
    let told: HashSet<(Uuid, String)> = selection::notices(db, call_id)
        .await?
        .into_iter()
        .map(|n| (n.application_id, n.email))
        .collect();
    let mut out = Vec::new();
    for a in decided {
        for p in parts.remove(&a.id).unwrap_or_default() {
            if apps::co_lead_state(&p) == CoLeadState::Accepted
                && !told.contains(&(a.id, p.email.clone()))
            {
                out.push(Pending {
                    outcome: apps::status(&a),
                    application: a.clone(),
                    participant: p,
                });
            }
        }
    }
    Ok(out)
}
