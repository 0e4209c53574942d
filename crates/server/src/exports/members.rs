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
) -> Response {
    let viewer = match signed_in(&http, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let db = &http.state.db;
    let Ok(CommunityId(id)) = ids::decode::<CommunityId>("communityId", &community) else {
        return refuse(StatusCode::NOT_FOUND, "No such community");
    };
    match communities::get(db, id).await {
        Ok(Some(_)) => {}
        Ok(None) => return refuse(StatusCode::NOT_FOUND, "No such community"),
        Err(e) => return failed(&e),
    }
    if !viewer.has(Role::ProgrammeTeam) {
        let convener = match communities::member(db, id, viewer.person.0).await {
            Ok(m) => m.is_some_and(|m| MemberRole::from_str(&m.role) == Some(MemberRole::Convener)),
            Err(e) => return failed(&e),
        };
        if !convener {
            return refuse(
                StatusCode::FORBIDDEN,
                "Only the community's conveners and the programme team can export its members",
            );
        }
    }
    let rows = match reporting::members_of(db, id).await {
        Ok(r) => r,
        Err(e) => return failed(&e),
    };
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
    csv("members.csv", body)
}
