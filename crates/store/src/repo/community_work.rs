//! A community's life beyond meetings (SPEC §4): the member map, functions, the working plan's
//! needs, support requests and the challenges board.

use chrono::{DateTime, NaiveDate, Utc};
use convene_domain::community::{Function, MapEntry, MapOrganisation, PlanNeed};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{
    challenge, challenge_reply, community_function, member_map_entry, plan_need, support_request,
    support_request_event,
};
use crate::{Page, Result};

/// Group rows by a key, with an empty list for every key asked about.
fn group<M>(keys: &[Uuid], rows: Vec<M>, key: impl Fn(&M) -> Uuid) -> HashMap<Uuid, Vec<M>> {
    let mut out: HashMap<Uuid, Vec<M>> = keys.iter().map(|k| (*k, Vec::new())).collect();
    for r in rows {
        out.entry(key(&r)).or_default().push(r);
    }
    out
}

// ---- the member map

fn map_columns(am: &mut member_map_entry::ActiveModel, e: &MapEntry) {
    am.name = Set(e.name.clone());
    am.email = Set(e.email.as_ref().map(|x| x.as_str().to_string()));
    let (org, name, sector) = match &e.organisation {
        MapOrganisation::None => (None, None, None),
        MapOrganisation::Known(id) => (Some(id.0), None, None),
        MapOrganisation::Named { name, sector } => (
            None,
            Some(name.clone()),
            sector.map(|s| s.as_str().to_string()),
        ),
    };
    am.organisation_id = Set(org);
    am.organisation_name = Set(name);
    am.sector = Set(sector);
    am.profession = Set(e.profession.clone());
    am.tags = Set(e
        .tags
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(","));
}

pub async fn add_map_entry(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    e: &MapEntry,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<member_map_entry::Model> {
    let mut am = member_map_entry::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    map_columns(&mut am, e);
    Ok(am.insert(db).await?)
}

pub async fn map_entry(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<member_map_entry::Model>> {
    Ok(member_map_entry::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn update_map_entry(
    db: &impl ConnectionTrait,
    m: member_map_entry::Model,
    e: &MapEntry,
    now: DateTime<Utc>,
) -> Result<member_map_entry::Model> {
    let mut am: member_map_entry::ActiveModel = m.into();
    map_columns(&mut am, e);
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

pub async fn remove_map_entry(db: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    member_map_entry::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// The map, by name.
pub async fn map_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<member_map_entry::Model>> {
    Ok(member_map_entry::Entity::find()
        .filter(member_map_entry::Column::CommunityId.eq(community_id))
        .order_by_asc(member_map_entry::Column::Name)
        .order_by_asc(member_map_entry::Column::Id)
        .all(db)
        .await?)
}

// ---- functions

/// Every period of every function of these communities, oldest first.
pub async fn functions_of(
    db: &impl ConnectionTrait,
    communities: &[Uuid],
) -> Result<HashMap<Uuid, Vec<community_function::Model>>> {
    if communities.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = community_function::Entity::find()
        .filter(community_function::Column::CommunityId.is_in(communities.iter().copied()))
        .order_by_asc(community_function::Column::StartsOn)
        .order_by_asc(community_function::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(group(communities, rows, |r| r.community_id))
}

pub async fn function(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<community_function::Model>> {
    Ok(community_function::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// The periods of one function of a community (other than `except`).
pub async fn periods_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    key: &str,
    except: Option<Uuid>,
) -> Result<Vec<community_function::Model>> {
    let mut q = community_function::Entity::find()
        .filter(community_function::Column::CommunityId.eq(community_id))
        .filter(community_function::Column::FunctionKey.eq(key));
    if let Some(x) = except {
        q = q.filter(community_function::Column::Id.ne(x));
    }
    Ok(q.all(db).await?)
}

pub struct NewPeriod<'a> {
    pub community_id: Uuid,
    pub function: &'a Function,
    pub person_id: Uuid,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub by: Uuid,
}

pub async fn assign_function(
    db: &impl ConnectionTrait,
    n: NewPeriod<'_>,
    now: DateTime<Utc>,
) -> Result<community_function::Model> {
    Ok(community_function::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(n.community_id),
        kind: Set(n.function.kind.as_str().to_string()),
        custom_name: Set(n.function.custom_name.clone()),
        function_key: Set(n.function.key()),
        person_id: Set(n.person_id),
        starts_on: Set(n.starts_on),
        ends_on: Set(n.ends_on),
        assigned_by: Set(n.by),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn end_function(
    db: &impl ConnectionTrait,
    m: community_function::Model,
    ends_on: NaiveDate,
) -> Result<community_function::Model> {
    let mut am: community_function::ActiveModel = m.into();
    am.ends_on = Set(Some(ends_on));
    Ok(am.update(db).await?)
}

// ---- the working plan

pub async fn add_need(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    n: &PlanNeed,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<plan_need::Model> {
    Ok(plan_need::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        kind: Set(n.kind.as_str().to_string()),
        what: Set(n.what.clone()),
        from_whom: Set(n.from_whom.clone()),
        by_when: Set(n.by_when),
        created_by: Set(by),
        created_at: Set(now),
        completed_by: Set(None),
        completed_at: Set(None),
    }
    .insert(db)
    .await?)
}

pub async fn need(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<plan_need::Model>> {
    Ok(plan_need::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn complete_need(
    db: &impl ConnectionTrait,
    m: plan_need::Model,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<plan_need::Model> {
    let mut am: plan_need::ActiveModel = m.into();
    am.completed_by = Set(Some(by));
    am.completed_at = Set(Some(now));
    Ok(am.update(db).await?)
}

pub async fn remove_need(db: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    plan_need::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Open needs first, then by date needed (undated last), then oldest first.
pub async fn needs_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<plan_need::Model>> {
    let mut rows = plan_need::Entity::find()
        .filter(plan_need::Column::CommunityId.eq(community_id))
        .order_by_asc(plan_need::Column::CreatedAt)
        .all(db)
        .await?;
    rows.sort_by_key(|n| (n.completed_at.is_some(), n.by_when.is_none(), n.by_when));
    Ok(rows)
}

// ---- support requests

pub async fn create_request(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    kind: &str,
    details: &str,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<support_request::Model> {
    let r = support_request::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        kind: Set(kind.to_string()),
        details: Set(details.to_string()),
        status: Set("OPEN".to_string()),
        requested_by: Set(by),
        assignee_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    add_event(db, r.id, "OPEN", None, None, by, now).await?;
    Ok(r)
}

pub async fn request(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<support_request::Model>> {
    Ok(support_request::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// Move a request on and keep the step in its history.
pub async fn update_request(
    db: &impl ConnectionTrait,
    r: support_request::Model,
    status: &str,
    assignee: Option<Uuid>,
    note: Option<&str>,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<support_request::Model> {
    let mut am: support_request::ActiveModel = r.into();
    am.status = Set(status.to_string());
    am.assignee_id = Set(assignee);
    am.updated_at = Set(now);
    let r = am.update(db).await?;
    add_event(db, r.id, status, note, assignee, by, now).await?;
    Ok(r)
}

async fn add_event(
    db: &impl ConnectionTrait,
    request_id: Uuid,
    status: &str,
    note: Option<&str>,
    assignee: Option<Uuid>,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<support_request_event::Model> {
    Ok(support_request_event::ActiveModel {
        id: Set(Uuid::new_v4()),
        request_id: Set(request_id),
        status: Set(status.to_string()),
        note: Set(note.map(str::to_string)),
        assignee_id: Set(assignee),
        author_id: Set(by),
        at: Set(now),
    }
    .insert(db)
    .await?)
}

/// A community's requests, newest first.
pub async fn requests_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> Result<Vec<support_request::Model>> {
    Ok(support_request::Entity::find()
        .filter(support_request::Column::CommunityId.eq(community_id))
        .order_by_desc(support_request::Column::CreatedAt)
        .order_by_desc(support_request::Column::Id)
        .all(db)
        .await?)
}

/// The queue: every request, or those assigned to one person; oldest first.
pub async fn queue(
    db: &impl ConnectionTrait,
    assignee: Option<Uuid>,
    status: Option<&str>,
    page: Page,
) -> Result<(Vec<support_request::Model>, u64)> {
    let mut q = support_request::Entity::find();
    if let Some(a) = assignee {
        q = q.filter(support_request::Column::AssigneeId.eq(a));
    }
    if let Some(s) = status {
        q = q.filter(support_request::Column::Status.eq(s));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(support_request::Column::CreatedAt)
        .order_by_asc(support_request::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// The history of these requests, oldest first.
pub async fn events_of(
    db: &impl ConnectionTrait,
    requests: &[Uuid],
) -> Result<HashMap<Uuid, Vec<support_request_event::Model>>> {
    if requests.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = support_request_event::Entity::find()
        .filter(support_request_event::Column::RequestId.is_in(requests.iter().copied()))
        .order_by_asc(support_request_event::Column::At)
        .order_by_asc(support_request_event::Column::Id)
        .all(db)
        .await?;
    Ok(group(requests, rows, |r| r.request_id))
}

// ---- the challenges board

pub async fn post_challenge(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    title: &str,
    body: &str,
    anonymous: bool,
    author: Uuid,
    now: DateTime<Utc>,
) -> Result<challenge::Model> {
    Ok(challenge::ActiveModel {
        id: Set(Uuid::new_v4()),
        community_id: Set(community_id),
        title: Set(title.to_string()),
        body: Set(body.to_string()),
        anonymous: Set(anonymous),
        author_id: Set(author),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn challenge(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<challenge::Model>> {
    Ok(challenge::Entity::find_by_id(id).one(db).await?)
}

/// A community's challenges, newest first.
pub async fn challenges_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    page: Page,
) -> Result<(Vec<challenge::Model>, u64)> {
    let q = challenge::Entity::find().filter(challenge::Column::CommunityId.eq(community_id));
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(challenge::Column::CreatedAt)
        .order_by_desc(challenge::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

pub async fn reply(
    db: &impl ConnectionTrait,
    challenge_id: Uuid,
    body: &str,
    anonymous: bool,
    author: Uuid,
    now: DateTime<Utc>,
) -> Result<challenge_reply::Model> {
    Ok(challenge_reply::ActiveModel {
        id: Set(Uuid::new_v4()),
        challenge_id: Set(challenge_id),
        body: Set(body.to_string()),
        anonymous: Set(anonymous),
        author_id: Set(author),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// The replies to these challenges, oldest first.
pub async fn replies_of(
    db: &impl ConnectionTrait,
    challenges: &[Uuid],
) -> Result<HashMap<Uuid, Vec<challenge_reply::Model>>> {
    if challenges.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = challenge_reply::Entity::find()
        .filter(challenge_reply::Column::ChallengeId.is_in(challenges.iter().copied()))
        .order_by_asc(challenge_reply::Column::CreatedAt)
        .order_by_asc(challenge_reply::Column::Id)
        .all(db)
        .await?;
    Ok(group(challenges, rows, |r| r.challenge_id))
}
