//! A call's exports: honoraria for finance, and applications with scores and decisions for
//! the panel.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use convene_domain::access::{can_see_email, Address};
use convene_store::entities::{domain, organisation, person};
use convene_store::repo::{applications as apps, honoraria, questions};
use uuid::Uuid;

use super::{csv, failed, names, refuse, refused, signed_in, team_member, Sheet};
use crate::http::Http;
use crate::ids;
use crate::services::selection::CallSelection;
use convene_domain::ids::{ApplicationId, CallId, PersonId};

fn call_uuid(id: &str) -> Option<Uuid> {
    ids::decode::<CallId>("callId", id.trim_end_matches(".csv"))
        .ok()
        .map(|c| c.0)
}

fn no_such_call() -> Response {
    refuse(StatusCode::NOT_FOUND, "No such call")
}

/// `GET /exports/calls/{callId}/honoraria.csv` (programme team).
pub async fn honoraria_csv(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(call): Path<String>,
) -> Result<Response, Response> {
    let viewer = team_member(&http, &headers).await?;
    let cid = call_uuid(&call).ok_or_else(no_such_call)?;
    let db = &http.state.db;
    let shares = (honoraria::of_call(db, cid).await)
        .map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, "Try again"))?;
    let people = names::<person::Entity>(db, shares.iter().map(|s| s.person_id).collect()).await;
    let apps_ = names::<convene_store::entities::application::Entity>(
        db,
        shares.iter().map(|s| s.application_id).collect(),
    )
    .await;
    let doms = names::<domain::Entity>(db, apps_.values().map(|a| a.domain_id).collect()).await;
    let orgs =
        names::<organisation::Entity>(db, people.values().map(|p| p.organisation_id).collect())
            .await;
    let mut out = Sheet::new([
        "application_id",
        "domain",
        "payee",
        "payee_email",
        "organisation",
        "eligible",
        "amount_pence",
        "amount_gbp",
        "route",
        "status",
        "reference",
        "paid_on",
    ]);
    for s in &shares {
        let p = people.get(&s.person_id);
        let a = apps_.get(&s.application_id);
        out.push([
            ids::encode(ApplicationId(s.application_id)),
            a.and_then(|a| doms.get(&a.domain_id))
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            p.map(|p| p.name.clone()).unwrap_or_default(),
            p.filter(|p| can_see_email(Some(&viewer), Address::Person(PersonId(p.id))))
                .map(|p| p.email.clone())
                .unwrap_or_default(),
            p.and_then(|p| orgs.get(&p.organisation_id))
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            s.eligible.to_string(),
            s.amount_pence.to_string(),
            super::pounds(s.amount_pence),
            s.route.clone(),
            s.status.clone(),
            s.reference.clone().unwrap_or_default(),
            s.paid_on.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    Ok(csv("honoraria.csv", out.finish()))
}

/// `GET /exports/calls/{callId}/applications.csv`: applications, scores and decisions, for
/// whoever `Call.ranking` shows them to and decided by the same rule
/// (`CallSelection::ranking_seen_by`): the programme team, and the call's panel once their own
/// reviews are in, without the applications they are conflicted on.
pub async fn applications_csv(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(call): Path<String>,
) -> Result<Response, Response> {
    let viewer = signed_in(&http, &headers).await?;
    let cid = call_uuid(&call).ok_or_else(no_such_call)?;
    let db = &http.state.db;
    let sel = (CallSelection::load_if_any(db, cid).await)
        .map_err(|e| failed(&e.message))?
        .ok_or_else(no_such_call)?;
    let ranking = sel.ranking_seen_by(&viewer).map_err(refused)?;
    let leads = names::<person::Entity>(db, sel.apps.iter().map(|a| a.lead_id).collect()).await;
    let doms = names::<domain::Entity>(db, sel.apps.iter().map(|a| a.domain_id).collect()).await;
    let questions = (questions::of_call(db, cid).await).map_err(|e| failed(&e))?;
    let header = [
        "application_id",
        "domain",
        "lead",
        "status",
        "rank",
        "weighted_score",
        "normalised_score",
        "disagreement",
        "reviews",
    ]
    .map(String::from);
    // then one column per question, `answer_` and its key, in the call's order
    let answer_columns = questions.iter().map(|q| format!("answer_{}", q.key));
    let mut out = Sheet::new(header.into_iter().chain(answer_columns));
    let f = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_default();
    for r in &ranking {
        let Some(a) = sel.application(r.application.0) else {
            continue;
        };
        let cells = [
            ids::encode(ApplicationId(a.id)),
            doms.get(&a.domain_id)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            leads
                .get(&a.lead_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            apps::status(a).as_str().to_string(),
            r.rank.to_string(),
            f(r.weighted_score),
            f(r.normalised_score),
            r.disagreement.to_string(),
            r.reviews.to_string(),
        ];
        let answers = apps::answers(a).map_err(|e| failed(&e))?;
        let answers = questions.iter().map(|q| answers.get(&q.key).to_string());
        out.push(cells.into_iter().chain(answers));
    }
    Ok(csv("applications.csv", out.finish()))
}
