//! The member map, roles and responsibilities (functions) and the working plan (SPEC §4), kept
//! by a community's conveners and core group.

use chrono::NaiveDate;
use convene_domain::access::Viewer;
use convene_domain::community as d;
use convene_domain::ids::{
    CommunityFunctionId, CommunityId, MemberMapEntryId, OrganisationId, PersonId, PlanNeedId,
};
use convene_domain::organisation::Sector;
use convene_domain::Fields;
use convene_store::entities::{community, community_function, member_map_entry, plan_need};
use convene_store::repo::community_work as repo;
use convene_store::stored;

use super::locks::{change_community, held_of, role_in, Held};
use crate::services::london_today;
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

// ---- the member map

/// Someone on the member map, as entered.
pub struct MapEntryFields {
    pub name: String,
    pub email: Option<String>,
    /// An organisation in the catalogue…
    pub organisation: Option<OrganisationId>,
    /// …or its name, when it is not there (with its sector, if known).
    pub organisation_name: Option<String>,
    pub sector: Option<Sector>,
    pub profession: Option<String>,
    pub tags: Vec<d::MapTag>,
}

const CHANGE_MAP: &str = "change its member map";

/// Put someone on the member map (conveners and core group).
pub async fn add_member_map_entry(
    st: &AppState,
    v: &Viewer,
    community: CommunityId,
    fields: MapEntryFields,
) -> AppResult<(member_map_entry::Model, community::Model)> {
    let (mut w, h) = change_community(st, v, community).await?;
    d::check_runs_it(h.role, CHANGE_MAP)?;
    let e = parse_entry(&w, &fields).await?;
    let row = repo::add_map_entry(w.tx(), h.community.id, &e, v.person.0, w.now()).await?;
    w.audit_created("MemberMapEntry", row.id, "add_member_map_entry", &row);
    w.commit().await?;
    Ok((row, h.community))
}

/// Change someone's entry on the member map (conveners and core group).
pub async fn update_member_map_entry(
    st: &AppState,
    v: &Viewer,
    entry: MemberMapEntryId,
    fields: MapEntryFields,
) -> AppResult<member_map_entry::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, _) = entry_for_change(&w, entry, v.person).await?;
    let e = parse_entry(&w, &fields).await?;
    let after = repo::update_map_entry(w.tx(), before.clone(), &e, w.now()).await?;
    let action = "update_member_map_entry";
    w.audit_changed("MemberMapEntry", after.id, action, &before, &after);
    w.commit().await?;
    Ok(after)
}

/// Take someone off the member map (conveners and core group); answers the community.
pub async fn remove_member_map_entry(
    st: &AppState,
    v: &Viewer,
    entry: MemberMapEntryId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, h) = entry_for_change(&w, entry, v.person).await?;
    repo::remove_map_entry(w.tx(), before.id).await?;
    let action = "remove_member_map_entry";
    w.audit_removed("MemberMapEntry", before.id, action, &before);
    w.commit().await?;
    Ok(h.community)
}

/// An entry of the map and its community, locked, for someone who may change the map.
async fn entry_for_change(
    w: &Write<'_>,
    id: MemberMapEntryId,
    person: PersonId,
) -> AppResult<(member_map_entry::Model, Held)> {
    let entry = repo::map_entry(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("entryId", "There is no such entry on the map"))?;
    let h = held_of(w, entry.community_id, person).await?;
    d::check_runs_it(h.role, CHANGE_MAP)?;
    Ok((entry, h))
}

/// Parse an entry's fields, checking that a catalogue organisation exists.
async fn parse_entry(w: &Write<'_>, e: &MapEntryFields) -> AppResult<d::MapEntry> {
    if let Some(org) = e.organisation {
        convene_store::repo::organisations::get(w.tx(), org.0)
            .await?
            .ok_or_else(|| AppError::field("organisationId", "There is no such organisation"))?;
    }
    Ok(d::parse_map_entry(d::RawMapEntry {
        name: &e.name,
        email: e.email.as_deref(),
        organisation_id: e.organisation,
        organisation_name: e.organisation_name.as_deref(),
        sector: e.sector,
        profession: e.profession.as_deref(),
        tags: &e.tags,
    })?)
}

// ---- functions

pub struct AssignFunction {
    pub community: CommunityId,
    pub function: d::FunctionKind,
    /// The community's own name for a function of its own (OTHER only).
    pub custom_name: Option<String>,
    pub person: PersonId,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

pub struct RotateFunction {
    /// The current holder's period.
    pub function: CommunityFunctionId,
    pub person: PersonId,
    /// The next holder's first day; the current holder's period ends the day before.
    pub from: NaiveDate,
}

/// Give a function to a member for a period (conveners and core group).
pub async fn assign_function(
    st: &AppState,
    v: &Viewer,
    cmd: AssignFunction,
) -> AppResult<community_function::Model> {
    let (mut w, h) = change_community(st, v, cmd.community).await?;
    d::check_can_manage_functions(h.role, h.stage)?;
    let c = h.community.id;
    let mut f = Fields::new();
    let function = f.take(d::parse_function(cmd.function, cmd.custom_name.as_deref()));
    let period = f.take(d::Period::parse(cmd.from, cmd.until));
    f.take(d::check_holder(role_in(&w, c, cmd.person).await?));
    f.finish()?;
    let (function, period) = (function.expect("checked"), period.expect("checked"));
    let others = periods(&w, c, &function.key(), None).await?;
    d::check_no_overlap(&period, &others)?;
    let row = give(&w, c, &function, cmd.person, &period, v).await?;
    w.audit_created("CommunityFunction", row.id, "assign_function", &row);
    w.commit().await?;
    Ok(row)
}

/// Hand a function on: the current holder's period ends the day before `from`, the next
/// member's starts on it (conveners and core group). Answers the period ended and the new one.
pub async fn rotate_function(
    st: &AppState,
    v: &Viewer,
    cmd: RotateFunction,
) -> AppResult<(community_function::Model, community_function::Model)> {
    let mut w = Write::by(st, v).await?;
    let (current, c) = function_for_change(&w, cmd.function, v.person).await?;
    d::check_holder(role_in(&w, c, cmd.person).await?)?;
    let (ended, next) = d::rotate(&period_of(&current), cmd.from)?;
    let others = periods(&w, c, &current.function_key, Some(current.id)).await?;
    d::check_no_overlap(&next, &others)?;
    let function = d::Function {
        kind: stored("community_functions.kind", &current.kind)?,
        custom_name: current.custom_name.clone(),
    };
    let until = ended.until.expect("rotation ends it");
    let previous = repo::end_function(w.tx(), current.clone(), until).await?;
    let row = give(&w, c, &function, cmd.person, &next, v).await?;
    let action = "rotate_function";
    w.audit_changed("CommunityFunction", current.id, action, &current, &previous);
    w.audit_created("CommunityFunction", row.id, "assign_function", &row);
    w.commit().await?;
    Ok((previous, row))
}

/// End someone's period in a function (conveners and core group), on `until` (today in
/// Europe/London when none).
pub async fn end_function(
    st: &AppState,
    v: &Viewer,
    function: CommunityFunctionId,
    until: Option<NaiveDate>,
) -> AppResult<community_function::Model> {
    let mut w = Write::by(st, v).await?;
    let (current, _) = function_for_change(&w, function, v.person).await?;
    let until = until.unwrap_or_else(london_today);
    let ended = d::end_period(&period_of(&current), until)?;
    let until = ended.until.expect("ended");
    let after = repo::end_function(w.tx(), current.clone(), until).await?;
    w.audit_changed(
        "CommunityFunction",
        after.id,
        "end_function",
        &current,
        &after,
    );
    w.commit().await?;
    Ok(after)
}

/// A function's period and its community (locked), for someone who may manage functions.
async fn function_for_change(
    w: &Write<'_>,
    id: CommunityFunctionId,
    person: PersonId,
) -> AppResult<(community_function::Model, uuid::Uuid)> {
    let current = repo::function(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("functionId", "There is no such function"))?;
    let h = held_of(w, current.community_id, person).await?;
    d::check_can_manage_functions(h.role, h.stage)?;
    Ok((current, h.community.id))
}

/// The periods of a function in the community, but `except` one.
async fn periods(
    w: &Write<'_>,
    community: uuid::Uuid,
    key: &str,
    except: Option<uuid::Uuid>,
) -> AppResult<Vec<d::Period>> {
    let rows = repo::periods_of(w.tx(), community, key, except).await?;
    Ok(rows.iter().map(period_of).collect())
}

/// Give `function` to `person` for `period`.
async fn give(
    w: &Write<'_>,
    community: uuid::Uuid,
    function: &d::Function,
    person: PersonId,
    period: &d::Period,
    by: &Viewer,
) -> AppResult<community_function::Model> {
    let new = repo::NewPeriod {
        community_id: community,
        function,
        person_id: person.0,
        starts_on: period.from,
        ends_on: period.until,
        by: by.person.0,
    };
    Ok(repo::assign_function(w.tx(), new, w.now()).await?)
}

fn period_of(m: &community_function::Model) -> d::Period {
    d::Period {
        from: m.starts_on,
        until: m.ends_on,
    }
}

// ---- the working plan

pub struct AddPlanNeed {
    pub community: CommunityId,
    pub kind: d::NeedKind,
    pub what: String,
    pub from_whom: String,
    pub by_when: Option<NaiveDate>,
}

/// Add to the working plan what the community needs, from whom, by when (conveners and core
/// group).
pub async fn add_plan_need(
    st: &AppState,
    v: &Viewer,
    cmd: AddPlanNeed,
) -> AppResult<plan_need::Model> {
    let (mut w, h) = change_community(st, v, cmd.community).await?;
    d::check_can_plan(h.role, h.stage)?;
    let need = d::parse_need(
        cmd.kind,
        &cmd.what,
        &cmd.from_whom,
        cmd.by_when,
        london_today(),
    )?;
    let row = repo::add_need(w.tx(), h.community.id, &need, v.person.0, w.now()).await?;
    w.audit_created("PlanNeed", row.id, "add_plan_need", &row);
    w.commit().await?;
    Ok(row)
}

/// Mark a need as met (conveners and core group).
pub async fn complete_plan_need(
    st: &AppState,
    v: &Viewer,
    need: PlanNeedId,
) -> AppResult<plan_need::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, _) = need_for_change(&w, need, v.person).await?;
    d::check_completable(before.completed_at.is_some())?;
    let after = repo::complete_need(w.tx(), before.clone(), v.person.0, w.now()).await?;
    w.audit_changed("PlanNeed", after.id, "complete_plan_need", &before, &after);
    w.commit().await?;
    Ok(after)
}

/// Take a need off the working plan (conveners and core group); answers the community.
pub async fn remove_plan_need(
    st: &AppState,
    v: &Viewer,
    need: PlanNeedId,
) -> AppResult<community::Model> {
    let mut w = Write::by(st, v).await?;
    let (before, h) = need_for_change(&w, need, v.person).await?;
    repo::remove_need(w.tx(), before.id).await?;
    w.audit_removed("PlanNeed", before.id, "remove_plan_need", &before);
    w.commit().await?;
    Ok(h.community)
}

/// A need and its community (locked), for someone who may change the working plan.
async fn need_for_change(
    w: &Write<'_>,
    id: PlanNeedId,
    person: PersonId,
) -> AppResult<(plan_need::Model, Held)> {
    let need = repo::need(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("needId", "There is no such need"))?;
    let h = held_of(w, need.community_id, person).await?;
    d::check_can_plan(h.role, h.stage)?;
    Ok((need, h))
}
