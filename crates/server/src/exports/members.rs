//! `GET /exports/communities/{communityId}/members.csv`: a community's members, for its
//! conveners and the programme team (`community::check_can_export_members`), each address only
//! where `Person.email` would show it (`access::can_see_email`).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use convene_domain::access::{can_see_email, Address};
use convene_domain::community::{check_can_export_members, london_time, MemberRole};
use convene_domain::organisation::Sector;
use convene_store::repo::{communities, reporting};

use super::{csv, failed, refuse, refused, signed_in, table};
use crate::http::Http;
use crate::ids;
use convene_domain::ids::{CommunityId, PersonId};

pub async fn members_csv(
    State(http): State<Http>,
    headers: HeaderMap,
    Path(community): Path<String>,
) -> Result<Response, Response> {
    let viewer = signed_in(&http, &headers).await?;
    let db = &http.state.db;
    let no_such = || refuse(StatusCode::NOT_FOUND, "No such community");
    let CommunityId(id) =
        ids::decode::<CommunityId>("communityId", &community).map_err(|_| no_such())?;
    communities::get(db, id)
        .await
        .map_err(|e| failed(&e))?
        .ok_or_else(no_such)?;
    let team = viewer.is_programme_team();
    let role = match team {
        true => None,
        false => (communities::member(db, id, viewer.person.0).await)
            .map_err(|e| failed(&e))?
            .and_then(|m| MemberRole::from_str(&m.role)),
    };
    check_can_export_members(role, team).map_err(|e| refused(e.into()))?;
    let rows = reporting::members_of(db, id)
        .await
        .map_err(|e| failed(&e))?;
    let body = table(
        &[
            "name",
            "email",
            "organisation",
            "sector",
            "profession",
            "role",
            "joined_on",
        ],
        rows.into_iter().map(|m| {
            vec![
                m.name,
                match can_see_email(Some(&viewer), Address::Person(PersonId(m.person_id))) {
                    true => m.email,
                    false => String::new(),
                },
                m.organisation,
                Sector::from_str(&m.sector)
                    .map(convene_domain::reporting::sector_label)
                    .unwrap_or_default()
                    .to_string(),
                m.profession.unwrap_or_default(),
                m.role,
                london_time(m.joined_at).date().to_string(),
            ]
        }),
    );
    Ok(csv("members.csv", body))
}
