//! Communities (SPEC §4) — the minimal part that selection needs: one made from an application,
//! with its applicants as conveners. The communities issue adds the rest.

use chrono::{DateTime, Utc};
use convene_domain::community::DirectoryScope;
use convene_domain::DomainError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{
    community, community_invitation, community_member, domain_definition, join_request,
    startup_step,
};
use crate::paging::{by_key, Key, KeyValue, Paged, Sort, Window};
use crate::{on_unique, Result};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{Condition, QuerySelect};

pub struct NewCommunity<'a> {
    pub name: &'a str,
    pub domain_id: Uuid,
    pub origin: &'a str,
    pub application_id: Option<Uuid>,
    pub funded: bool,
    pub membership_mode: &'a str,
    pub listed: bool,
    pub created_by: Uuid,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewCommunity<'_>,
    conveners: &[Uuid],
    now: DateTime<Utc>,
) -> Result<community::Model> {
    let c = community::ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(n.name.to_string()),
        domain_id: Set(n.domain_id),
        origin: Set(n.origin.to_string()),
        application_id: Set(n.application_id),
        funded: Set(n.funded),
        membership_mode: Set(n.membership_mode.to_string()),
        listed: Set(n.listed),
        stage: Set(convene_domain::community::Stage::Forming
            .as_str()
            .to_string()),
        created_by: Set(Some(n.created_by)),
        created_at: Set(now),
        coach_id: Set(None),
        intranet_place_uri: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "applicationId",
                "A community has already been started from this application",
            )
        })
    })?;
    for (i, p) in conveners.iter().enumerate() {
        community_member::ActiveModel {
            id: Set(Uuid::new_v4()),
            community_id: Set(c.id),
            person_id: Set(*p),
            role: Set(convene_domain::community::MemberRole::Convener
                .as_str()
                .to_string()),
            // a microsecond apart, so the listing keeps the given order (the lead first)
            joined_at: Set(now + chrono::Duration::microseconds(i as i64)),
        }
        .insert(db)
        .await?;
    }
    Ok(c)
}

/// Read a community and lock its row until the transaction ends.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<community::Model>> {
    Ok(community::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<community::Model>> {
    Ok(community::Entity::find_by_id(id).one(db).await?)
}

pub async fn of_application(
    db: &impl ConnectionTrait,
    application_id: Uuid,
) -> Result<Option<community::Model>> {
    Ok(community::Entity::find()
        .filter(community::Column::ApplicationId.eq(application_id))
        .one(db)
        .await?)
}

pub async fn members_of(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<community_member::Model>>> {
    let mut out: HashMap<Uuid, Vec<community_member::Model>> =
        ids.iter().map(|i| (*i, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    for m in community_member::Entity::find()
        .filter(community_member::Column::CommunityId.is_in(ids.iter().copied()))
        .order_by_asc(community_member::Column::JoinedAt)
        .all(db)
        .await?
    {
        out.entry(m.community_id).or_default().push(m);
    }
    Ok(out)
}

/// Each community's members in one role (its conveners …), in the order they joined, in one
/// statement; every community answered.
pub async fn members_in_role(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    role: convene_domain::community::MemberRole,
) -> Result<HashMap<Uuid, Vec<community_member::Model>>> {
    let mut out: HashMap<Uuid, Vec<community_member::Model>> =
        ids.iter().map(|i| (*i, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    for m in community_member::Entity::find()
        .filter(community_member::Column::CommunityId.is_in(ids.iter().copied()))
        .filter(community_member::Column::Role.eq(role.as_str()))
        .order_by_asc(community_member::Column::JoinedAt)
        .order_by_asc(community_member::Column::Id)
        .all(db)
        .await?
    {
        out.entry(m.community_id).or_default().push(m);
    }
    Ok(out)
}

/// The first `n` members of each community, in the order they joined, in one statement (a
/// window per community, so a page of communities never loads everyone in them).
pub async fn first_members_of(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    n: u64,
) -> Result<HashMap<Uuid, Vec<community_member::Model>>> {
    let mut out: HashMap<Uuid, Vec<community_member::Model>> =
        ids.iter().map(|i| (*i, Vec::new())).collect();
    if ids.is_empty() || n == 0 {
        return Ok(out);
    }
    // one index range per community (community_id, joined_at, id), each cut at n, all in one
    // statement (per 200 communities: SQLite allows 500 terms): no window over every membership
    for chunk in ids.chunks(200) {
        let mut sql = super::sql::Sql::new("");
        for (i, c) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(" UNION ALL ");
            }
            sql.bind(
                "SELECT * FROM (SELECT id, community_id, person_id, role, joined_at \
                 FROM community_members WHERE community_id = ?",
                *c,
            )
            .bind(" ORDER BY joined_at, id LIMIT ?", n as i64)
            .push(&format!(") first{i}"));
        }
        for m in sql.all::<community_member::Model>(db).await? {
            out.entry(m.community_id).or_default().push(m);
        }
    }
    for members in out.values_mut() {
        members.sort_by(|a, b| (a.joined_at, a.id).cmp(&(b.joined_at, b.id)));
    }
    Ok(out)
}

/// How many members each community has, in one statement.
pub async fn member_counts(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, i64>> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        community_id: Uuid,
        members: i64,
    }
    let mut out: HashMap<Uuid, i64> = ids.iter().map(|i| (*i, 0)).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = community_member::Entity::find()
        .select_only()
        .column(community_member::Column::CommunityId)
        .column_as(community_member::Column::Id.count(), "members")
        .filter(community_member::Column::CommunityId.is_in(ids.iter().copied()))
        .group_by(community_member::Column::CommunityId)
        .into_model::<Row>()
        .all(db)
        .await?;
    for r in rows {
        out.insert(r.community_id, r.members);
    }
    Ok(out)
}

/// The directory: the communities in the viewer's scope (see
/// `convene_domain::community::DirectoryScope`, which also decides for one community), by name.
pub async fn list(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    domain_id: Option<Uuid>,
    scope: DirectoryScope,
    window: &Window,
) -> Result<Paged<community::Model>> {
    let mut q = community::Entity::find().filter(in_scope(scope));
    if let Some(s) = search.filter(|s| !s.trim().is_empty()) {
        q = q.filter(
            Expr::expr(Func::lower(Expr::col(community::Column::Name)))
                .like(super::like_pattern(s)),
        );
    }
    if let Some(d) = domain_id {
        q = q.filter(community::Column::DomainId.eq(d));
    }
    let sort = Sort::<community::Entity> {
        column: community::Column::Name,
        id: community::Column::Id,
        descending: false,
        key: |c| Key {
            value: KeyValue::Text(c.name.clone()),
            id: c.id,
        },
    };
    by_key(db, q, &sort, window).await
}

/// The SQL form of a directory scope: `DirectoryScope::admits` over the `listed` column and
/// the scope's person's membership rows.
pub fn in_scope(scope: DirectoryScope) -> Condition {
    match scope {
        DirectoryScope::Everything => Condition::all(),
        DirectoryScope::ListedAndMemberOf(person) => {
            let mine = sea_orm::sea_query::Query::select()
                .column(community_member::Column::CommunityId)
                .from(community_member::Entity)
                .and_where(community_member::Column::PersonId.eq(person.0))
                .to_owned();
            Condition::any()
                .add(community::Column::Listed.eq(true))
                .add(community::Column::Id.in_subquery(mine))
        }
        DirectoryScope::Listed => Condition::all().add(community::Column::Listed.eq(true)),
    }
}

/// (community, person) pairs grouped by person (one statement each), and an answer of `None`
/// for every pair to fill in.
#[allow(clippy::type_complexity)]
fn per_person<M>(
    pairs: &[(Uuid, Uuid)],
) -> (HashMap<Uuid, Vec<Uuid>>, HashMap<(Uuid, Uuid), Option<M>>) {
    let mut by_person: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (c, p) in pairs {
        by_person.entry(*p).or_default().push(*c);
    }
    (by_person, pairs.iter().map(|k| (*k, None)).collect())
}

/// The membership rows of many (community, person) pairs, one statement per person (a
/// request has one viewer, so in practice one statement).
pub async fn memberships(
    db: &impl ConnectionTrait,
    pairs: &[(Uuid, Uuid)],
) -> Result<HashMap<(Uuid, Uuid), Option<community_member::Model>>> {
    // every pair is answered, a non-member with `None`, so that a cache remembers it too
    let (by_person, mut out) = per_person(pairs);
    for (person, communities) in by_person {
        for m in community_member::Entity::find()
            .filter(community_member::Column::PersonId.eq(person))
            .filter(community_member::Column::CommunityId.is_in(communities))
            .all(db)
            .await?
        {
            out.insert((m.community_id, m.person_id), Some(m));
        }
    }
    Ok(out)
}

/// The pending requests to join of many (community, person) pairs, one statement per person;
/// every pair is answered (`None` when there is none).
pub async fn pending_requests(
    db: &impl ConnectionTrait,
    pairs: &[(Uuid, Uuid)],
) -> Result<HashMap<(Uuid, Uuid), Option<join_request::Model>>> {
    let (by_person, mut out) = per_person(pairs);
    for (person, communities) in by_person {
        for r in join_request::Entity::find()
            .filter(join_request::Column::PersonId.eq(person))
            .filter(join_request::Column::CommunityId.is_in(communities))
            .filter(join_request::Column::Status.eq(REQUEST_PENDING))
            .all(db)
            .await?
        {
            out.insert((r.community_id, r.person_id), Some(r));
        }
    }
    Ok(out)
}

pub async fn member(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    person: Uuid,
) -> Result<Option<community_member::Model>> {
    Ok(community_member::Entity::find()
        .filter(community_member::Column::CommunityId.eq(community_id))
        .filter(community_member::Column::PersonId.eq(person))
        .one(db)
        .await?)
}

pub async fn add_member(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    person: Uuid,
    role: &str,
    now: DateTime<Utc>,
) -> Result<community_member::Model> {
    community_member::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        person_id: Set(person),
        role: Set(role.to_string()),
        joined_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on("communityId", "You are already a member of this community")
        })
    })
}

pub async fn remove_member(db: &impl ConnectionTrait, m: community_member::Model) -> Result<()> {
    community_member::Entity::delete_by_id(m.id)
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_role(
    db: &impl ConnectionTrait,
    m: community_member::Model,
    role: &str,
) -> Result<community_member::Model> {
    let mut am: community_member::ActiveModel = m.into();
    am.role = Set(role.to_string());
    Ok(am.update(db).await?)
}

// ---- invitations

pub async fn invite(
    db: &impl ConnectionTrait,
    id: Uuid,
    community_id: Uuid,
    email: &str,
    message: &str,
    token_hash: &str,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<community_invitation::Model> {
    Ok(community_invitation::ActiveModel {
        id: Set(id),
        community_id: Set(community_id),
        email: Set(email.to_string()),
        message: Set(message.to_string()),
        token_hash: Set(token_hash.to_string()),
        invited_by: Set(by),
        sent_at: Set(now),
        reminded_at: Set(None),
        accepted: Set(None),
        answered_at: Set(None),
        person_id: Set(None),
    }
    .insert(db)
    .await?)
}

pub async fn invitation_by_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<community_invitation::Model>> {
    Ok(community_invitation::Entity::find()
        .filter(community_invitation::Column::TokenHash.eq(token_hash))
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn invitations_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<community_invitation::Model>> {
    Ok(community_invitation::Entity::find()
        .filter(community_invitation::Column::CommunityId.eq(community_id))
        .order_by_desc(community_invitation::Column::SentAt)
        .all(db)
        .await?)
}

/// An invitation by its id, as it is (to find its community before locking anything).
pub async fn invitation(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<community_invitation::Model>> {
    Ok(community_invitation::Entity::find_by_id(id).one(db).await?)
}

/// An invitation by its id, locked for a change.
pub async fn invitation_for_change(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<community_invitation::Model>> {
    Ok(community_invitation::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// Forget an invitation: its link stops working (no row carries its token any more).
pub async fn delete_invitation(
    db: &impl ConnectionTrait,
    inv: community_invitation::Model,
) -> Result<()> {
    community_invitation::Entity::delete_by_id(inv.id)
        .exec(db)
        .await?;
    Ok(())
}

pub async fn answer_invitation(
    db: &impl ConnectionTrait,
    inv: community_invitation::Model,
    person: Option<Uuid>,
    accepted: bool,
    now: DateTime<Utc>,
) -> Result<community_invitation::Model> {
    let mut am: community_invitation::ActiveModel = inv.into();
    am.accepted = Set(Some(accepted));
    am.answered_at = Set(Some(now));
    am.person_id = Set(person);
    Ok(am.update(db).await?)
}

/// Unanswered invitations sent in `[from, to)`, oldest first, not yet reminded, locked.
pub async fn invitations_to_remind(
    db: &impl ConnectionTrait,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<community_invitation::Model>> {
    Ok(community_invitation::Entity::find()
        .filter(community_invitation::Column::Accepted.is_null())
        .filter(community_invitation::Column::RemindedAt.is_null())
        .filter(community_invitation::Column::SentAt.gte(from))
        .filter(community_invitation::Column::SentAt.lt(to))
        .order_by_asc(community_invitation::Column::SentAt)
        .limit(limit)
        .lock_exclusive()
        .all(db)
        .await?)
}

/// Record the reminder, and the token hash its link carries.
pub async fn mark_reminded(
    db: &impl ConnectionTrait,
    inv: community_invitation::Model,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<community_invitation::Model> {
    let mut am: community_invitation::ActiveModel = inv.into();
    am.reminded_at = Set(Some(now));
    am.token_hash = Set(token_hash.to_string());
    Ok(am.update(db).await?)
}

// ---- requests to join

/// The stored name of `convene_domain::community::RequestStatus::Pending`.
pub const REQUEST_PENDING: &str = "PENDING";

pub async fn request_to_join(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    person: Uuid,
    note: &str,
    now: DateTime<Utc>,
) -> Result<join_request::Model> {
    Ok(join_request::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        person_id: Set(person),
        note: Set(note.to_string()),
        status: Set(REQUEST_PENDING.to_string()),
        reason: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn pending_request(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    person: Uuid,
) -> Result<Option<join_request::Model>> {
    Ok(join_request::Entity::find()
        .filter(join_request::Column::CommunityId.eq(community_id))
        .filter(join_request::Column::PersonId.eq(person))
        .filter(join_request::Column::Status.eq(REQUEST_PENDING))
        .one(db)
        .await?)
}

pub async fn request(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<join_request::Model>> {
    Ok(join_request::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn requests_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<join_request::Model>> {
    Ok(join_request::Entity::find()
        .filter(join_request::Column::CommunityId.eq(community_id))
        .order_by_desc(join_request::Column::CreatedAt)
        .all(db)
        .await?)
}

pub async fn decide_request(
    db: &impl ConnectionTrait,
    r: join_request::Model,
    status: &str,
    reason: Option<String>,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<join_request::Model> {
    let mut am: join_request::ActiveModel = r.into();
    am.status = Set(status.to_string());
    am.reason = Set(reason);
    am.decided_by = Set(Some(by));
    am.decided_at = Set(Some(now));
    Ok(am.update(db).await?)
}

// ---- start-up steps

pub async fn steps_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<startup_step::Model>> {
    Ok(startup_step::Entity::find()
        .filter(startup_step::Column::CommunityId.eq(community_id))
        .all(db)
        .await?)
}

pub async fn set_step(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    step: &str,
    done: bool,
    notes: Option<&str>,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<startup_step::Model> {
    let existing = startup_step::Entity::find()
        .filter(startup_step::Column::CommunityId.eq(community_id))
        .filter(startup_step::Column::Step.eq(step))
        .one(db)
        .await?;
    Ok(match existing {
        Some(m) => {
            let mut am: startup_step::ActiveModel = m.into();
            am.done = Set(done);
            if let Some(n) = notes {
                am.notes = Set(n.to_string());
            }
            am.updated_by = Set(Some(by));
            am.updated_at = Set(now);
            am.update(db).await?
        }
        None => {
            startup_step::ActiveModel {
                id: Set(Uuid::new_v4()),
                community_id: Set(community_id),
                step: Set(step.to_string()),
                done: Set(done),
                notes: Set(notes.unwrap_or_default().to_string()),
                updated_by: Set(Some(by)),
                updated_at: Set(now),
            }
            .insert(db)
            .await?
        }
    })
}

// ---- domain definition versions

pub async fn definitions_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<domain_definition::Model>> {
    Ok(domain_definition::Entity::find()
        .filter(domain_definition::Column::CommunityId.eq(community_id))
        .order_by_desc(domain_definition::Column::Version)
        .all(db)
        .await?)
}

pub async fn propose_definition(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    text: &str,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<domain_definition::Model> {
    let latest = definitions_of(db, community_id)
        .await?
        .first()
        .map(|d| d.version)
        .unwrap_or(0);
    Ok(domain_definition::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        version: Set(latest + 1),
        text: Set(text.to_string()),
        proposed_by: Set(by),
        proposed_at: Set(now),
        agreed_by: Set(None),
        agreed_at: Set(None),
    }
    .insert(db)
    .await?)
}

pub async fn definition(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<domain_definition::Model>> {
    Ok(domain_definition::Entity::find_by_id(id).one(db).await?)
}

pub async fn agree_definition(
    db: &impl ConnectionTrait,
    d: domain_definition::Model,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<domain_definition::Model> {
    let mut am: domain_definition::ActiveModel = d.into();
    am.agreed_by = Set(Some(by));
    am.agreed_at = Set(Some(now));
    Ok(am.update(db).await?)
}

/// The agreed version in force: the most recently agreed one.
pub async fn agreed_definition(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Option<domain_definition::Model>> {
    Ok(domain_definition::Entity::find()
        .filter(domain_definition::Column::CommunityId.eq(community_id))
        .filter(domain_definition::Column::AgreedAt.is_not_null())
        .order_by_desc(domain_definition::Column::AgreedAt)
        .order_by_desc(domain_definition::Column::Version)
        .one(db)
        .await?)
}

pub async fn set_stage(
    db: &impl ConnectionTrait,
    c: community::Model,
    stage: &str,
) -> Result<community::Model> {
    let mut am: community::ActiveModel = c.into();
    am.stage = Set(stage.to_string());
    Ok(am.update(db).await?)
}

/// Write back a community's settings: name, membership mode, listing, stage and coach.
pub async fn save_settings(
    db: &impl ConnectionTrait,
    c: community::Model,
) -> Result<community::Model> {
    let mut am: community::ActiveModel = c.into();
    for col in [
        community::Column::Name,
        community::Column::MembershipMode,
        community::Column::Listed,
        community::Column::Stage,
        community::Column::CoachId,
    ] {
        am.reset(col);
    }
    Ok(am.update(db).await?)
}

/// The memberships of a person, most recently joined first.
pub async fn of_person(
    db: &impl ConnectionTrait,
    person: Uuid,
) -> Result<Vec<community_member::Model>> {
    Ok(community_member::Entity::find()
        .filter(community_member::Column::PersonId.eq(person))
        .order_by_desc(community_member::Column::JoinedAt)
        .limit(500)
        .all(db)
        .await?)
}

/// A community's stage, as stored: an unknown value is an error naming the column.
pub fn stage(c: &community::Model) -> Result<convene_domain::community::Stage> {
    crate::stored("communities.stage", &c.stage)
}

/// A member's role, as stored: an unknown value is an error naming the column.
pub fn role(m: &community_member::Model) -> Result<convene_domain::community::MemberRole> {
    crate::stored("community_members.role", &m.role)
}
