//! `GET /exports/communities/{communityId}/members.csv`: a community's members, for its
//! conveners and the programme team.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use convene_domain::account::Role;
use convene_domain::community::{london_time, MemberRole};
use convene_domain::organisation::Sector;
use convene_store::repo::{communities, reporting};

use super::{csv, failed, refuse, signed_in, table};
use crate::http::Http;
use crate::ids;
use convene_domain::ids::CommunityId;

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
    if !viewer.has(Role::ProgrammeTeam) {
        let member = communities::member(db, id, viewer.person.0)
            .await
            .map_err(|e| failed(&e))?;
        let convener =
            member.is_some_and(|m| MemberRole::from_str(&m.role) == Some(MemberRole::Convener));
        if !convener {
            return Err(refuse(
                StatusCode::FORBIDDEN,
                "Only the community's conveners and the programme team can export its members",
            ));
        }
    }
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
                m.email,
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
