//! Marking a practice promising, for the library.

use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;
use convene_domain::ids::{CommunityId, OrganisationId, PracticeId};
use convene_domain::practice::{self as rules, PromisingText, PromisingVisibility};
use convene_domain::{DomainError, Fields};
use convene_store::entities::{organisation, practice};
use convene_store::repo::practices as repo;
use serde::Serialize;
use uuid::Uuid;

use super::role;
use crate::ids;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// A marking as entered: each part parsed, a bad one holding its field errors, so that they
/// are reported together with organisations that are not on the list.
pub struct MarkPromising {
    pub practice: Result<PracticeId, DomainError>,
    pub text: Result<PromisingText, DomainError>,
    /// Organisations where the practice is used, in the order given (repeats are dropped).
    pub organisations: Vec<Result<OrganisationId, DomainError>>,
    pub visibility: PromisingVisibility,
}

/// What the audit log keeps of a marking: the practice and where it is used.
#[derive(Serialize)]
struct Snapshot<'a> {
    practice: &'a practice::Model,
    organisation_ids: &'a [Uuid],
}

/// Mark a practice promising, or update its evidence, outcomes, organisations and visibility
/// (one of the community's conveners, or the programme team). Subscribers hear
/// `practice.published`.
pub async fn mark_promising(
    st: &AppState,
    v: &Viewer,
    cmd: MarkPromising,
) -> AppResult<practice::Model> {
    let mut w = Write::by(st, v).await?;
    let mut f = Fields::new();
    let pid = f.take(cmd.practice);
    let text = f.take(cmd.text);
    let orgs = listed_organisations(&w, &mut f, cmd.organisations).await?;
    f.finish()?;
    let (Some(pid), Some(text)) = (pid, text) else {
        return Err(AppError::internal(
            "a marking passed its checks with a part missing",
        ));
    };
    let p = repo::lock(w.tx(), pid.0)
        .await?
        .ok_or_else(|| AppError::field("practiceId", "There is no such practice"))?;
    let my_role = role(&w, p.community_id, v.person).await?;
    rules::check_can_mark_promising(v.is_programme_team(), my_role)?;
    let before_orgs = repo::organisations_of(w.tx(), &[p.id])
        .await?
        .remove(&p.id)
        .unwrap_or_default();
    let marking = repo::Promising {
        visibility: cmd.visibility.as_str(),
        evidence: &text.evidence,
        outcomes: &text.outcomes,
        organisations: &orgs,
        by: v.person.0,
    };
    let after = repo::mark_promising(w.tx(), p.clone(), marking, w.now()).await?;
    let before = Snapshot {
        practice: &p,
        organisation_ids: &before_orgs,
    };
    let now = Snapshot {
        practice: &after,
        organisation_ids: &orgs,
    };
    w.audit_changed("Practice", p.id, "mark_promising", &before, &now);
    let data = published(&after, cmd.visibility, w.now());
    w.webhook("practice.published", data).await?;
    w.commit().await?;
    Ok(after)
}

/// The organisations given, each once; what is not an organisation on the list goes into `f`.
async fn listed_organisations(
    w: &Write<'_>,
    f: &mut Fields,
    given: Vec<Result<OrganisationId, DomainError>>,
) -> AppResult<Vec<Uuid>> {
    let mut orgs: Vec<Uuid> = Vec::new();
    for o in given {
        match f.take(o) {
            Some(id) if !orgs.contains(&id.0) => orgs.push(id.0),
            _ => {}
        }
    }
    let found = convene_store::by_ids::<organisation::Entity>(w.tx(), &orgs).await?;
    if found.len() != orgs.len() {
        f.add("organisationIds", "Choose organisations from the list");
    }
    Ok(orgs)
}

/// The `practice.published` webhook's data.
fn published(
    p: &practice::Model,
    visibility: PromisingVisibility,
    at: DateTime<Utc>,
) -> serde_json::Value {
    serde_json::json!({
        "practiceId": ids::encode(PracticeId(p.id)),
        "name": p.name,
        "communityId": ids::encode(CommunityId(p.community_id)),
        "visibility": visibility.as_str(),
        "publishedAt": at,
    })
}
