//! Everything Convene holds about one person, table by table (the rows that refer to them).

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::Table;
use crate::entities::*;
use crate::Result;

/// The audit actions that change someone's membership of a community.
pub const MEMBERSHIP_ACTIONS: [&str; 10] = [
    "create",
    "start_from_application",
    "invite_member",
    "accept_invitation",
    "decline_invitation",
    "join",
    "request_to_join",
    "decide_join_request",
    "set_member_role",
    "leave",
];

/// The person's data: `person` first (one row), then every other table, even when empty.
pub async fn my_data(db: &impl ConnectionTrait, person_id: Uuid) -> Result<Vec<Table>> {
    let Some(me) = person::Entity::find_by_id(person_id).one(db).await? else {
        return Ok(Vec::new());
    };
    let email = me.email.to_lowercase();
    let pid = person_id;

    let parts = participant::Entity::find()
        .filter(
            Condition::any()
                .add(participant::Column::PersonId.eq(pid))
                .add(
                    Condition::all()
                        .add(participant::Column::PersonId.is_null())
                        .add(lower(participant::Column::Email).eq(&email)),
                ),
        )
        .all(db)
        .await?;
    let app_ids: Vec<Uuid> = parts.iter().map(|p| p.application_id).collect();
    let apps = crate::by_ids::<application::Entity>(db, &app_ids).await?;
    let reviews = find::<review::Entity>(db, review::Column::ReviewerId.eq(pid)).await?;
    let review_ids: Vec<Uuid> = reviews.iter().map(|r| r.id).collect();
    let scores =
        find::<review_score::Entity>(db, review_score::Column::ReviewId.is_in(review_ids.clone()))
            .await?;
    let members =
        find::<community_member::Entity>(db, community_member::Column::PersonId.eq(pid)).await?;
    let pid_text = format!("%{pid}%");
    let history = audit::Entity::find()
        .filter(audit::Column::EntityType.eq("Community"))
        .filter(audit::Column::Action.is_in(MEMBERSHIP_ACTIONS))
        .filter(
            Condition::any()
                .add(audit::Column::ActorId.eq(pid))
                .add(audit::Column::Before.like(&pid_text))
                .add(audit::Column::After.like(&pid_text)),
        )
        .order_by_asc(audit::Column::At)
        .all(db)
        .await?;
    let invitations = find::<community_invitation::Entity>(
        db,
        Condition::any()
            .add(community_invitation::Column::PersonId.eq(pid))
            .add(lower(community_invitation::Column::Email).eq(&email)),
    )
    .await?;
    let join_requests =
        find::<join_request::Entity>(db, join_request::Column::PersonId.eq(pid)).await?;
    let functions =
        find::<community_function::Entity>(db, community_function::Column::PersonId.eq(pid))
            .await?;
    let map_entries =
        find::<member_map_entry::Entity>(db, lower(member_map_entry::Column::Email).eq(&email))
            .await?;
    let support =
        find::<support_request::Entity>(db, support_request::Column::RequestedBy.eq(pid)).await?;
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("email"))
        .filter(lower(outbox::Column::Payload).like(format!("%{email}%")))
        .order_by_asc(outbox::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| addressed_to(&m.payload, &email))
        .collect::<Vec<_>>();

    let mut community_ids: Vec<Uuid> = members.iter().map(|m| m.community_id).collect();
    community_ids.extend(invitations.iter().map(|i| i.community_id));
    community_ids.extend(join_requests.iter().map(|i| i.community_id));
    community_ids.extend(functions.iter().map(|i| i.community_id));
    community_ids.extend(support.iter().map(|i| i.community_id));
    community_ids.extend(history.iter().map(|i| i.entity_id));
    let communities = names::<community::Entity>(db, &community_ids, |c| c.name.clone()).await?;
    let call_ids: Vec<Uuid> = apps.iter().map(|a| a.call_id).collect();
    let calls = names::<call::Entity>(db, &call_ids, |c| c.title.clone()).await?;
    let criteria_ids: Vec<Uuid> = scores.iter().map(|s| s.criterion_id).collect();
    let criteria = names::<criterion::Entity>(db, &criteria_ids, |c| c.name.clone()).await?;
    let orgs = organisation::Entity::find_by_id(me.organisation_id)
        .all(db)
        .await?;

    Ok(vec![
        Table::of::<person::Entity>("person", std::slice::from_ref(&me), &["password_hash"]),
        Table::of::<organisation::Entity>("organisation", &orgs, &["name_key"]),
        Table::of::<role_grant::Entity>(
            "roles",
            &find::<role_grant::Entity>(db, role_grant::Column::PersonId.eq(pid)).await?,
            &[],
        ),
        Table::of::<refresh_token::Entity>(
            "sessions",
            &find::<refresh_token::Entity>(db, refresh_token::Column::PersonId.eq(pid)).await?,
            &["token_hash"],
        ),
        Table::of::<account_token::Entity>(
            "account_tokens",
            &find::<account_token::Entity>(db, account_token::Column::PersonId.eq(pid)).await?,
            &["token_hash"],
        ),
        Table::of::<organisation_change::Entity>(
            "organisation_history",
            &find::<organisation_change::Entity>(db, organisation_change::Column::PersonId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<oidc_identity::Entity>(
            "sign_in_services",
            &find::<oidc_identity::Entity>(db, oidc_identity::Column::PersonId.eq(pid)).await?,
            &[],
        ),
        Table::of::<application::Entity>("applications", &apps, &[])
            .label("call_id", "call_title", &calls)
            .parse_json("answers"),
        Table::of::<participant::Entity>("application_roles", &parts, &["holding"]),
        Table::of::<panel_member::Entity>(
            "panel_memberships",
            &find::<panel_member::Entity>(db, panel_member::Column::PersonId.eq(pid)).await?,
            &[],
        ),
        Table::of::<review_assignment::Entity>(
            "review_assignments",
            &find::<review_assignment::Entity>(db, review_assignment::Column::ReviewerId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<review::Entity>("reviews", &reviews, &[]),
        Table::of::<review_score::Entity>("review_scores", &scores, &[]).label(
            "criterion_id",
            "criterion",
            &criteria,
        ),
        Table::of::<declared_conflict::Entity>(
            "conflicts",
            &find::<declared_conflict::Entity>(db, declared_conflict::Column::PersonId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<decision::Entity>(
            "decisions",
            &find::<decision::Entity>(db, decision::Column::ChairId.eq(pid)).await?,
            &[],
        ),
        Table::of::<honorarium_share::Entity>(
            "honorarium_shares",
            &find::<honorarium_share::Entity>(db, honorarium_share::Column::PersonId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<outcome_notice::Entity>(
            "outcome_notices",
            &find::<outcome_notice::Entity>(
                db,
                Condition::any()
                    .add(outcome_notice::Column::PersonId.eq(pid))
                    .add(lower(outcome_notice::Column::Email).eq(&email)),
            )
            .await?,
            &[],
        ),
        Table::of::<community_member::Entity>("memberships", &members, &[]).label(
            "community_id",
            "community",
            &communities,
        ),
        Table::of::<audit::Entity>("membership_history", &history, &[]).label(
            "entity_id",
            "community",
            &communities,
        ),
        Table::of::<community_function::Entity>("community_functions", &functions, &[]).label(
            "community_id",
            "community",
            &communities,
        ),
        Table::of::<community_invitation::Entity>("invitations", &invitations, &["token_hash"])
            .label("community_id", "community", &communities),
        Table::of::<join_request::Entity>("join_requests", &join_requests, &[]).label(
            "community_id",
            "community",
            &communities,
        ),
        Table::of::<member_map_entry::Entity>("member_map_entries", &map_entries, &[]),
        Table::of::<meeting_attendance::Entity>(
            "meetings_attended",
            &find::<meeting_attendance::Entity>(db, meeting_attendance::Column::PersonId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<practice_exchange::Entity>(
            "exchanges",
            &find::<practice_exchange::Entity>(db, practice_exchange::Column::AuthorId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<exchange_inquiry::Entity>(
            "inquiries",
            &find::<exchange_inquiry::Entity>(db, exchange_inquiry::Column::AuthorId.eq(pid))
                .await?,
            &[],
        ),
        Table::of::<challenge::Entity>(
            "challenges",
            &find::<challenge::Entity>(db, challenge::Column::AuthorId.eq(pid)).await?,
            &[],
        ),
        Table::of::<challenge_reply::Entity>(
            "challenge_replies",
            &find::<challenge_reply::Entity>(db, challenge_reply::Column::AuthorId.eq(pid)).await?,
            &[],
        ),
        Table::of::<support_request::Entity>("support_requests", &support, &[]).label(
            "community_id",
            "community",
            &communities,
        ),
        Table::of::<notification::Entity>(
            "notifications",
            &find::<notification::Entity>(db, notification::Column::PersonId.eq(pid)).await?,
            &[],
        ),
        Table::of::<outbox::Entity>(
            "emails",
            &mails,
            &["kind", "claimed_until", "next_attempt_at", "last_error"],
        ),
        Table::of::<audit::Entity>(
            "audit_entries",
            &find::<audit::Entity>(db, audit::Column::ActorId.eq(pid)).await?,
            &[],
        ),
    ])
}

/// Whether an e-mail's payload (`{"to": …}`) is addressed to `email`.
pub(crate) fn addressed_to(payload: &str, email: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(payload)
        .ok()
        .and_then(|v| v["to"].as_str().map(|t| t.to_lowercase().contains(email)))
        .unwrap_or(false)
}

/// `LOWER(col)`, to compare with an already lower-cased value.
pub(crate) fn lower(col: impl sea_orm::sea_query::IntoColumnRef) -> Expr {
    Expr::expr(Func::lower(Expr::col(col)))
}

async fn find<E: EntityTrait>(
    db: &impl ConnectionTrait,
    cond: impl sea_orm::sea_query::IntoCondition,
) -> Result<Vec<E::Model>> {
    Ok(E::find().filter(cond).all(db).await?)
}

async fn names<E: EntityTrait>(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    name: impl Fn(&E::Model) -> String,
) -> Result<HashMap<Uuid, String>>
where
    E::Model: HasUuid,
{
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    Ok(crate::by_ids::<E>(db, &ids)
        .await?
        .iter()
        .map(|m| (m.uuid(), name(m)))
        .collect())
}

trait HasUuid {
    fn uuid(&self) -> Uuid;
}
macro_rules! has_uuid {
    ($($m:ident),*) => { $(impl HasUuid for $m::Model { fn uuid(&self) -> Uuid { self.id } })* };
}
has_uuid!(community, call, criterion);
