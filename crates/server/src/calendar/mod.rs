//! Calendars: each meeting as an iCalendar file and each community as a feed that Outlook can
//! subscribe to, for members only (`Authorization: Bearer`, or `?token=` with the person's
//! calendar-feed token, since calendar clients cannot send headers).

pub mod ics;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Utc};
use convene_domain::account::Role;
use convene_store::entities::{community, meeting};
use convene_store::repo::{communities, meetings, people};
use serde::Deserialize;
use uuid::Uuid;

use crate::http::{viewer_of, Http};
use crate::ids;
use ics::{MeetingEvent, Method};

#[derive(Deserialize)]
pub struct FeedQuery {
    token: Option<String>,
}

fn refuse(status: StatusCode, msg: &str) -> Response {
    let mut r = (status, msg.to_string()).into_response();
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
    }
    r
}

/// A failure to read the database: the client may try again.
fn unavailable<E>(_: E) -> Response {
    refuse(StatusCode::SERVICE_UNAVAILABLE, "Try again shortly")
}

fn ics_response(file: &str, body: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}\""),
            ),
            // personal (members only), and calendar programs poll: always revalidate
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        body,
    )
        .into_response()
}

/// Who is reading: a Bearer access token, or the person's calendar-feed token in `?token=`.
/// Returns the person and whether they are the programme team.
async fn reader(http: &Http, headers: &HeaderMap, q: &FeedQuery) -> Result<(Uuid, bool), Response> {
    match viewer_of(&http.state, headers).await {
        Ok(Some(v)) => return Ok((v.person.0, v.has(Role::ProgrammeTeam))),
        Ok(None) => {}
        Err(_) => {
            return Err(refuse(
                StatusCode::UNAUTHORIZED,
                "The access token is not valid: sign in again",
            ))
        }
    }
    let Some(token) = q.token.as_deref().filter(|t| !t.is_empty()) else {
        return Err(refuse(
            StatusCode::UNAUTHORIZED,
            "Calendars are for the community's members: add ?token= with your calendar-feed token, or send Authorization: Bearer <accessToken>",
        ));
    };
    let bad = || {
        refuse(
            StatusCode::UNAUTHORIZED,
            "This calendar link is not valid (it may have been reset): copy the address again from Convene",
        )
    };
    let person = crate::auth::calendar::claimed_person(token).ok_or_else(bad)?;
    let p = people::get(&http.state.db, person)
        .await
        .map_err(unavailable)?
        .ok_or_else(bad)?;
    if !crate::auth::calendar::verify(
        &http.state.config.jwt_secret,
        token,
        p.id,
        p.calendar_feed_version,
    ) {
        return Err(bad());
    }
    let team = people::roles_of(&http.state.db, &[p.id])
        .await
        .map_err(unavailable)?
        .remove(&p.id)
        .unwrap_or_default()
        .contains(&Role::ProgrammeTeam);
    Ok((p.id, team))
}

/// The community, if the reader may see its calendar (members; the programme team).
async fn readable_community(
    http: &Http,
    id: Uuid,
    reader: (Uuid, bool),
) -> Result<community::Model, Response> {
    let db = &http.state.db;
    let c = communities::get(db, id)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, "No such calendar"))?;
    let member = communities::member(db, c.id, reader.0)
        .await
        .map_err(unavailable)?
        .is_some();
    if !member && !reader.1 {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            "This calendar is for the community's members",
        ));
    }
    Ok(c)
}

/// The id a file's name carries (`<global id>.ics`).
fn id_of(file: &str, kind: &str) -> Option<Uuid> {
    let raw = file.strip_suffix(".ics")?;
    ids::decode_raw("id", kind, raw).ok()
}

/// A 404 saying what is missing.
fn missing(what: &'static str) -> impl FnOnce() -> Response {
    move || refuse(StatusCode::NOT_FOUND, what)
}

fn events<'a>(
    http: &Http,
    c: &'a community::Model,
    rows: &'a [meeting::Model],
) -> Vec<MeetingEvent<'a>> {
    rows.iter()
        .map(|m| MeetingEvent {
            meeting: m,
            community: &c.name,
            url: crate::links::meeting_page(&http.state.config.public_url, m),
        })
        .collect()
}

/// `GET /calendar/communities/{communityId}.ics`: the community's meetings from a year ago on,
/// cancelled ones marked so, for calendar programs to subscribe to.
pub async fn community_feed(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<FeedQuery>,
) -> Result<Response, Response> {
    let who = reader(&http, &headers, &q).await?;
    let id = id_of(&file, "Community").ok_or_else(missing("No such calendar"))?;
    let c = readable_community(&http, id, who).await?;
    let since = Utc::now() - Duration::days(366);
    let rows = (meetings::for_feed(&http.state.db, c.id, since).await).map_err(unavailable)?;
    Ok(ics_response(&file, published(&http, &c, &rows)))
}

/// `GET /calendar/meetings/{meetingId}.ics`: one meeting, to add to a calendar.
pub async fn meeting_file(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(q): Query<FeedQuery>,
) -> Result<Response, Response> {
    let who = reader(&http, &headers, &q).await?;
    let id = id_of(&file, "Meeting").ok_or_else(missing("No such meeting"))?;
    let m = (meetings::get(&http.state.db, id).await)
        .map_err(unavailable)?
        .ok_or_else(missing("No such meeting"))?;
    let c = readable_community(&http, m.community_id, who).await?;
    Ok(ics_response(&file, published(&http, &c, &[m])))
}

/// The meetings as a calendar to publish (a feed or a file).
fn published(http: &Http, c: &community::Model, rows: &[meeting::Model]) -> String {
    let events = events(http, c, rows);
    ics::calendar(&c.name, Method::Publish, &events, None, Utc::now())
}
