//! `GET /exports/dashboard/{table}.csv?callId=&from=&to=` (programme team): each table of the
//! programme dashboard, read from the same figures as `programmeDashboard`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use convene_store::entities::{call, community, person};
use convene_store::repo::reporting::Scope;

use super::{csv, failed, lookup, refuse, table, team_member};
use crate::http::Http;
use crate::ids;
use crate::services::reporting::{self as s, Dashboard, Labelled};
use crate::usecases::AppError;
use convene_domain::ids::CallId;
use convene_domain::ErrorCode;

/// The tables, by the name in their URL.
pub const TABLES: [&str; 12] = [
    "applications-by-domain",
    "applications-by-sector",
    "applications-by-status",
    "review-progress",
    "decisions",
    "outcomes-pending",
    "communities-by-stage",
    "startup-progress",
    "community-reach",
    "meetings",
    "exchanges-by-visibility",
    "honoraria",
];

fn bad_request(e: AppError) -> Response {
    let msg = if e.fields.is_empty() {
        e.message
    } else {
        e.fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; ")
    };
    refuse(StatusCode::BAD_REQUEST, &msg)
}

/// A date parameter, or the message naming it.
fn date(params: &HashMap<String, String>, name: &str) -> Result<Option<NaiveDate>, String> {
    match params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("{name}: enter a date as YYYY-MM-DD")),
    }
}

/// `?callId=&from=&to=`, checked as the GraphQL filter is; a bad one is a 400 naming it.
pub async fn scope_of(http: &Http, params: &HashMap<String, String>) -> Result<Scope, Response> {
    let call = match params
        .get("callId")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
    {
        None => None,
        Some(v) => Some(
            ids::decode::<CallId>("callId", v)
                .map(|c| c.0)
                .map_err(|e| bad_request(e.into()))?,
        ),
    };
    let dates = date(params, "from").and_then(|f| Ok((f, date(params, "to")?)));
    let (from, to) = dates.map_err(|m| refuse(StatusCode::BAD_REQUEST, &m))?;
    s::scope(&http.state.db, call, from, to)
        .await
        .map_err(|e| match e.code {
            ErrorCode::Validation => bad_request(e),
            _ => failed(&e.message),
        })
}

pub async fn dashboard_csv(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, Response> {
    team_member(&http, &headers).await?;
    let Some(name) = file.strip_suffix(".csv").filter(|n| TABLES.contains(n)) else {
        let message = format!("No such table: the tables are {}", TABLES.join(", "));
        return Err(refuse(StatusCode::NOT_FOUND, &message));
    };
    let scope = scope_of(&http, &params).await?;
    let d = Dashboard::new(http.state.db.clone(), scope, chrono::Utc::now());
    let body = render(&http, &d, name).await?;
    Ok(csv(&format!("{name}.csv"), body))
}

fn labelled(rows: Vec<Labelled>) -> String {
    table(
        &["key", "label", "count"],
        rows.into_iter()
            .map(|l| vec![l.key, l.label, l.count.to_string()]),
    )
}

fn id(kind: &str, u: uuid::Uuid) -> String {
    ids::encode_raw(kind, u)
}

async fn render(http: &Http, d: &Dashboard, name: &str) -> Result<String, Response> {
    let db = &http.state.db;
    let fail = |e: AppError| failed(&e.message);
    let calls = |ids: Vec<uuid::Uuid>| lookup::<call::Entity>(db, ids);
    let title = |m: &HashMap<uuid::Uuid, call::Model>, c: uuid::Uuid| {
        m.get(&c).map(|c| c.title.clone()).unwrap_or_default()
    };
    Ok(match name {
        "applications-by-domain" => labelled(d.applications_by_domain().await.map_err(fail)?),
        "applications-by-sector" => labelled(d.applications_by_sector().await.map_err(fail)?),
        "applications-by-status" => labelled(d.applications_by_status().await.map_err(fail)?),
        "communities-by-stage" => labelled(d.communities_by_stage().await.map_err(fail)?),
        "exchanges-by-visibility" => labelled(d.exchanges_by_visibility().await.map_err(fail)?),
        "review-progress" => {
            let rows = d.review_progress().await.map_err(fail)?;
            let cs = calls(rows.iter().map(|r| r.call_id).collect()).await?;
            let people =
                lookup::<person::Entity>(db, rows.iter().map(|r| r.person_id).collect()).await?;
            table(
                &[
                    "call_id",
                    "call",
                    "panel_member_id",
                    "panel_member",
                    "assigned",
                    "submitted",
                    "conflicts",
                    "overdue",
                ],
                rows.iter().map(|r| {
                    vec![
                        id("Call", r.call_id),
                        title(&cs, r.call_id),
                        id("Person", r.person_id),
                        people
                            .get(&r.person_id)
                            .map(|p| p.name.clone())
                            .unwrap_or_default(),
                        r.assigned.to_string(),
                        r.submitted.to_string(),
                        r.conflicts.to_string(),
                        r.overdue.to_string(),
                    ]
                }),
            )
        }
        "decisions" => {
            let rows = d.decisions().await.map_err(fail)?;
            let cs = calls(rows.iter().map(|r| r.call_id).collect()).await?;
            table(
                &["call_id", "call", "decided_at", "funded", "not_funded"],
                rows.iter().map(|r| {
                    vec![
                        id("Call", r.call_id),
                        title(&cs, r.call_id),
                        r.decided_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                        r.funded.to_string(),
                        r.not_funded.to_string(),
                    ]
                }),
            )
        }
        "outcomes-pending" => {
            let rows = d.outcomes_pending().await.map_err(fail)?;
            let cs = calls(rows.iter().map(|r| r.call).collect()).await?;
            table(
                &[
                    "call_id",
                    "call",
                    "decision_due_on",
                    "days_until_decision_due",
                    "pending",
                    "overdue",
                ],
                rows.iter().map(|r| {
                    vec![
                        id("Call", r.call),
                        title(&cs, r.call),
                        r.decision_due_on.to_string(),
                        r.days_until_decision_due.to_string(),
                        r.pending.to_string(),
                        r.overdue.to_string(),
                    ]
                }),
            )
        }
        "startup-progress" => table(
            &["step", "label", "done", "not_done"],
            d.startup_progress().await.map_err(fail)?.iter().map(|f| {
                vec![
                    f.step.as_str().to_string(),
                    convene_domain::reporting::step_label(f.step).to_string(),
                    f.done.to_string(),
                    f.not_done.to_string(),
                ]
            }),
        ),
        "community-reach" => {
            let rows = d.community_reach().await.map_err(fail)?;
            let cs =
                lookup::<community::Entity>(db, rows.iter().map(|r| r.community).collect()).await?;
            table(
                &[
                    "community_id",
                    "community",
                    "stage",
                    "members",
                    "organisations",
                    "professions",
                    "sectors",
                ],
                rows.iter().map(|r| {
                    vec![
                        id("Community", r.community),
                        cs.get(&r.community)
                            .map(|c| c.name.clone())
                            .unwrap_or_default(),
                        r.stage.as_str().to_string(),
                        r.reach.members.to_string(),
                        r.reach.organisations.to_string(),
                        r.reach.professions.to_string(),
                        r.reach.sectors.to_string(),
                    ]
                }),
            )
        }
        "meetings" => {
            let m = d.meetings().await.map_err(fail)?;
            table(
                &[
                    "held",
                    "scheduled",
                    "cancelled",
                    "attendances",
                    "average_attendance",
                ],
                [vec![
                    m.held.to_string(),
                    m.scheduled.to_string(),
                    m.cancelled.to_string(),
                    m.attendances.to_string(),
                    format!("{:.1}", m.average_attendance),
                ]],
            )
        }
        "honoraria" => {
            let rows = d.honoraria().await.map_err(fail)?;
            let cs = calls(rows.iter().map(|r| r.call).collect()).await?;
            table(
                &[
                    "call_id",
                    "call",
                    "budget_pence",
                    "committed_pence",
                    "paid_pence",
                ],
                rows.iter().map(|r| {
                    vec![
                        id("Call", r.call),
                        title(&cs, r.call),
                        r.budget_pence.to_string(),
                        r.committed_pence.to_string(),
                        r.paid_pence.to_string(),
                    ]
                }),
            )
        }
        _ => return Err(refuse(StatusCode::NOT_FOUND, "No such table")),
    })
}
