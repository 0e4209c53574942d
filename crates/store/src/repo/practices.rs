//! Practices (SPEC §5): practices and their tags, promising details, sharing protocols,
//! practice exchanges and their inquiries. The library's search is in `library.rs`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::{
    audit, exchange_inquiry, practice, practice_exchange, practice_tag, promising_organisation,
    sharing_protocol,
};
use crate::paging::{by_key, Key, KeyValue, Paged, Sort, Window};
use crate::{Page, Result};

// ---- practices

pub struct NewPractice<'a> {
    pub community_id: Uuid,
    pub domain_id: Uuid,
    pub name: &'a str,
    pub description: &'a str,
    pub tags: &'a [String],
    pub proposed_by: Uuid,
}

/// The tags of a practice, in the order they were given.
pub fn tags(p: &practice::Model) -> Vec<String> {
    p.tags_text
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewPractice<'_>,
    now: DateTime<Utc>,
) -> Result<practice::Model> {
    let p = practice::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(n.community_id),
        domain_id: Set(n.domain_id),
        name: Set(n.name.to_string()),
        description: Set(n.description.to_string()),
        tags_text: Set(n.tags.join("\n")),
        status: Set(convene_domain::practice::PracticeStatus::Proposed
            .as_str()
            .to_string()),
        proposed_by: Set(Some(n.proposed_by)),
        created_at: Set(now),
        updated_at: Set(now),
        promising_visibility: Set(None),
        evidence: Set(None),
        outcomes: Set(None),
        marked_by: Set(None),
        marked_at: Set(None),
    }
    .insert(db)
    .await?;
    for t in n.tags {
        practice_tag::ActiveModel {
            id: Set(Uuid::new_v4()),
            practice_id: Set(p.id),
            tag: Set(t.clone()),
        }
        .insert(db)
        .await?;
    }
    Ok(p)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<practice::Model>> {
    Ok(practice::Entity::find_by_id(id).one(db).await?)
}

/// Read a practice and lock its row until the transaction ends.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<practice::Model>> {
    Ok(practice::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    p: practice::Model,
    status: &str,
    now: DateTime<Utc>,
) -> Result<practice::Model> {
    let mut am: practice::ActiveModel = p.into();
    am.status = Set(status.to_string());
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// A community's practices as its home page shows them: being explored, then proposed, then
/// explored; oldest first within each.
pub async fn of_community(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    page: Page,
) -> Result<(Vec<practice::Model>, u64)> {
    let q = practice::Entity::find().filter(practice::Column::CommunityId.eq(community_id));
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by(
            Expr::cust("CASE status WHEN 'EXPLORING' THEN 0 WHEN 'PROPOSED' THEN 1 ELSE 2 END"),
            Order::Asc,
        )
        .order_by_asc(practice::Column::CreatedAt)
        .order_by_asc(practice::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

pub struct Promising<'a> {
    pub visibility: &'a str,
    pub evidence: &'a str,
    pub outcomes: &'a str,
    pub organisations: &'a [Uuid],
    pub by: Uuid,
}

/// Mark a practice promising, or update what was recorded when it was (the organisations are
/// replaced).
pub async fn mark_promising(
    db: &impl ConnectionTrait,
    p: practice::Model,
    m: Promising<'_>,
    now: DateTime<Utc>,
) -> Result<practice::Model> {
    let id = p.id;
    let mut am: practice::ActiveModel = p.into();
    am.promising_visibility = Set(Some(m.visibility.to_string()));
    am.evidence = Set(Some(m.evidence.to_string()));
    am.outcomes = Set(Some(m.outcomes.to_string()));
    am.marked_by = Set(Some(m.by));
    am.marked_at = Set(Some(now));
    am.updated_at = Set(now);
    let after = am.update(db).await?;
    promising_organisation::Entity::delete_many()
        .filter(promising_organisation::Column::PracticeId.eq(id))
        .exec(db)
        .await?;
    for (i, o) in m.organisations.iter().enumerate() {
        promising_organisation::ActiveModel {
            id: Set(Uuid::new_v4()),
            practice_id: Set(id),
            organisation_id: Set(*o),
            position: Set(i as i32),
        }
        .insert(db)
        .await?;
    }
    Ok(after)
}

/// The organisations where each promising practice is used, in the order given.
pub async fn organisations_of(
    db: &impl ConnectionTrait,
    practices: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Uuid>>> {
    let mut out: HashMap<Uuid, Vec<Uuid>> = practices.iter().map(|i| (*i, Vec::new())).collect();
    if practices.is_empty() {
        return Ok(out);
    }
    for r in promising_organisation::Entity::find()
        .filter(promising_organisation::Column::PracticeId.is_in(practices.iter().copied()))
        .order_by_asc(promising_organisation::Column::Position)
        .all(db)
        .await?
    {
        out.entry(r.practice_id)
            .or_default()
            .push(r.organisation_id);
    }
    Ok(out)
}

// ---- exchanges

pub struct NewExchange<'a> {
    pub practice_id: Uuid,
    pub community_id: Uuid,
    pub author_id: Uuid,
    pub meeting_id: Option<Uuid>,
    pub protocol_id: Option<Uuid>,
    pub sections: &'a convene_domain::practice::ExchangeSections,
    pub visibility: &'a str,
    pub anonymous: bool,
}

pub async fn share(
    db: &impl ConnectionTrait,
    n: NewExchange<'_>,
    now: DateTime<Utc>,
) -> Result<practice_exchange::Model> {
    let s = n.sections;
    Ok(practice_exchange::ActiveModel {
        id: Set(Uuid::new_v4()),
        practice_id: Set(n.practice_id),
        community_id: Set(n.community_id),
        author_id: Set(Some(n.author_id)),
        meeting_id: Set(n.meeting_id),
        protocol_id: Set(n.protocol_id),
        technical: Set(s.technical.clone()),
        cultural: Set(s.cultural.clone()),
        challenges: Set(s.challenges.clone()),
        barriers_overcome: Set(s.barriers_overcome.clone()),
        missing: Set(s.missing.clone()),
        help_needed: Set(s.help_needed.clone()),
        visibility: Set(n.visibility.to_string()),
        anonymous: Set(n.anonymous),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn exchange(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<practice_exchange::Model>> {
    Ok(practice_exchange::Entity::find_by_id(id).one(db).await?)
}

pub async fn lock_exchange(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<practice_exchange::Model>> {
    Ok(practice_exchange::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// What a reader may see of a practice's exchanges: those with one of `visibilities`, and
/// their own whatever their visibility.
pub struct ExchangeScope<'a> {
    pub visibilities: &'a [&'a str],
    pub author: Option<Uuid>,
}

/// A practice's exchanges the reader may see, newest first.
pub async fn exchanges_of(
    db: &impl ConnectionTrait,
    practice_id: Uuid,
    scope: ExchangeScope<'_>,
    window: &Window,
) -> Result<Paged<practice_exchange::Model>> {
    let of = practice_exchange::Column::PracticeId.eq(practice_id);
    visible_exchanges(db, of, scope, window).await
}

/// The exchanges shared with a meeting that the reader may see, newest first.
pub async fn exchanges_at_meeting(
    db: &impl ConnectionTrait,
    meeting_id: Uuid,
    scope: ExchangeScope<'_>,
    window: &Window,
) -> Result<Paged<practice_exchange::Model>> {
    let of = practice_exchange::Column::MeetingId.eq(meeting_id);
    visible_exchanges(db, of, scope, window).await
}

/// The exchanges matching `of` that `scope` lets the reader see, newest first.
async fn visible_exchanges(
    db: &impl ConnectionTrait,
    of: sea_orm::sea_query::SimpleExpr,
    scope: ExchangeScope<'_>,
    window: &Window,
) -> Result<Paged<practice_exchange::Model>> {
    let mut allowed = Condition::any().add(
        practice_exchange::Column::Visibility
            .is_in(scope.visibilities.iter().map(|s| s.to_string())),
    );
    if let Some(a) = scope.author {
        allowed = allowed.add(practice_exchange::Column::AuthorId.eq(a));
    }
    let q = practice_exchange::Entity::find().filter(of).filter(allowed);
    let sort = Sort::<practice_exchange::Entity> {
        column: practice_exchange::Column::CreatedAt,
        id: practice_exchange::Column::Id,
        descending: true,
        key: |r| Key {
            value: KeyValue::Time(r.created_at),
            id: r.id,
        },
    };
    by_key(db, q, &sort, window).await
}

pub async fn set_visibility(
    db: &impl ConnectionTrait,
    e: practice_exchange::Model,
    visibility: &str,
    anonymous: bool,
    now: DateTime<Utc>,
) -> Result<practice_exchange::Model> {
    let mut am: practice_exchange::ActiveModel = e.into();
    am.visibility = Set(visibility.to_string());
    am.anonymous = Set(anonymous);
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// When an author makes their exchange anonymous, the audit entries they made about it so far
/// forget who made them, so that the audit log does not name them afterwards.
pub async fn forget_author_in_audit(
    db: &impl ConnectionTrait,
    exchange_id: Uuid,
    author: Uuid,
) -> Result<u64> {
    let r = audit::Entity::update_many()
        .col_expr(audit::Column::ActorId, Expr::value(Option::<Uuid>::None))
        .filter(audit::Column::EntityId.eq(exchange_id))
        .filter(audit::Column::ActorId.eq(author))
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

// ---- inquiries

pub async fn add_inquiry(
    db: &impl ConnectionTrait,
    exchange_id: Uuid,
    parent_id: Option<Uuid>,
    body: &str,
    author: Uuid,
    now: DateTime<Utc>,
) -> Result<exchange_inquiry::Model> {
    Ok(exchange_inquiry::ActiveModel {
        id: Set(Uuid::new_v4()),
        exchange_id: Set(exchange_id),
        parent_id: Set(parent_id),
        body: Set(body.to_string()),
        author_id: Set(Some(author)),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn inquiry(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<exchange_inquiry::Model>> {
    Ok(exchange_inquiry::Entity::find_by_id(id).one(db).await?)
}

/// Questions and replies of many exchanges, oldest first.
pub async fn inquiries_of(
    db: &impl ConnectionTrait,
    exchanges: &[Uuid],
) -> Result<HashMap<Uuid, Vec<exchange_inquiry::Model>>> {
    let mut out: HashMap<Uuid, Vec<exchange_inquiry::Model>> =
        exchanges.iter().map(|i| (*i, Vec::new())).collect();
    if exchanges.is_empty() {
        return Ok(out);
    }
    for r in exchange_inquiry::Entity::find()
        .filter(exchange_inquiry::Column::ExchangeId.is_in(exchanges.iter().copied()))
        .order_by_asc(exchange_inquiry::Column::CreatedAt)
        .order_by_asc(exchange_inquiry::Column::Id)
        .all(db)
        .await?
    {
        out.entry(r.exchange_id).or_default().push(r);
    }
    Ok(out)
}

// ---- sharing protocols

pub struct NewProtocol<'a> {
    pub community_id: Option<Uuid>,
    pub adopted_from: Option<Uuid>,
    pub name: &'a str,
    pub prompts: &'a [convene_domain::practice::Prompt],
    pub created_by: Uuid,
}

pub fn prompts(p: &sharing_protocol::Model) -> Vec<convene_domain::practice::Prompt> {
    serde_json::from_str(&p.prompts).unwrap_or_default()
}

pub async fn create_protocol(
    db: &impl ConnectionTrait,
    n: NewProtocol<'_>,
    now: DateTime<Utc>,
) -> Result<sharing_protocol::Model> {
    Ok(sharing_protocol::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(n.community_id),
        adopted_from: Set(n.adopted_from),
        name: Set(n.name.to_string()),
        prompts: Set(serde_json::to_string(n.prompts).expect("serialisable")),
        created_by: Set(Some(n.created_by)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn protocol(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<sharing_protocol::Model>> {
    Ok(sharing_protocol::Entity::find_by_id(id).one(db).await?)
}

pub async fn lock_protocol(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<sharing_protocol::Model>> {
    Ok(sharing_protocol::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn update_protocol(
    db: &impl ConnectionTrait,
    p: sharing_protocol::Model,
    name: &str,
    prompts: &[convene_domain::practice::Prompt],
    now: DateTime<Utc>,
) -> Result<sharing_protocol::Model> {
    let mut am: sharing_protocol::ActiveModel = p.into();
    am.name = Set(name.to_string());
    am.prompts = Set(serde_json::to_string(prompts).expect("serialisable"));
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// The network's sample protocols, by name.
pub async fn network_protocols(
    db: &impl ConnectionTrait,
    page: Page,
) -> Result<(Vec<sharing_protocol::Model>, u64)> {
    let q =
        sharing_protocol::Entity::find().filter(sharing_protocol::Column::CommunityId.is_null());
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(sharing_protocol::Column::Name)
        .order_by_asc(sharing_protocol::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// A community's own copies, by name.
pub async fn protocols_of_community(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<sharing_protocol::Model>> {
    Ok(sharing_protocol::Entity::find()
        .filter(sharing_protocol::Column::CommunityId.eq(community_id))
        .order_by_asc(sharing_protocol::Column::Name)
        .order_by_asc(sharing_protocol::Column::Id)
        .all(db)
        .await?)
}

/// How many exchanges each practice has, whoever may read them (counts only).
pub async fn exchange_counts(
    db: &impl ConnectionTrait,
    practices: &[Uuid],
) -> Result<HashMap<Uuid, i64>> {
    let mut out: HashMap<Uuid, i64> = practices.iter().map(|i| (*i, 0)).collect();
    if practices.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(Uuid, i64)> = practice_exchange::Entity::find()
        .select_only()
        .column(practice_exchange::Column::PracticeId)
        .column_as(practice_exchange::Column::Id.count(), "n")
        .filter(practice_exchange::Column::PracticeId.is_in(practices.iter().copied()))
        .group_by(practice_exchange::Column::PracticeId)
        .into_tuple()
        .all(db)
        .await?;
    out.extend(rows);
    Ok(out)
}
