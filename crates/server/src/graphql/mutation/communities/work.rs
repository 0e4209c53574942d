//! The member map, roles and responsibilities (functions) and the working plan (SPEC §4).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::ids::OrganisationId;
use convene_store::begin_write;
use convene_store::repo::community_work as repo;

use super::*;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::community_work::{
    CommunityFunction, CommunityFunctionKind, MemberMapEntry, MemberMapTag, PlanNeed, PlanNeedKind,
};
use crate::graphql::types::enums::Sector;
use crate::graphql::types::scalars::Date;
use crate::services::london_today;
use convene_domain::community as d;

// ---- the member map

#[derive(InputObject)]
pub struct AddMemberMapEntryInput {
    pub community_id: ID,
    pub name: String,
    pub email: Option<String>,
    /// An organisation in the catalogue…
    pub organisation_id: Option<ID>,
    /// …or its name, when it is not there (with its sector, if known).
    pub organisation_name: Option<String>,
    pub sector: Option<Sector>,
    pub profession: Option<String>,
    pub tags: Vec<MemberMapTag>,
}
#[derive(SimpleObject)]
pub struct AddMemberMapEntryPayload {
    pub entry: MemberMapEntry,
    pub community: Community,
}
#[derive(InputObject)]
pub struct UpdateMemberMapEntryInput {
    pub entry_id: ID,
    pub name: String,
    pub email: Option<String>,
    pub organisation_id: Option<ID>,
    pub organisation_name: Option<String>,
    pub sector: Option<Sector>,
    pub profession: Option<String>,
    pub tags: Vec<MemberMapTag>,
}
#[derive(SimpleObject)]
pub struct UpdateMemberMapEntryPayload {
    pub entry: MemberMapEntry,
}
#[derive(InputObject)]
pub struct RemoveMemberMapEntryInput {
    pub entry_id: ID,
}
#[derive(SimpleObject)]
pub struct RemoveMemberMapEntryPayload {
    pub removed_entry_id: ID,
    pub community: Community,
}

/// Parse an entry's fields, checking a catalogue organisation exists.
#[allow(clippy::too_many_arguments)]
async fn parse_entry(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    name: &str,
    email: Option<&str>,
    organisation_id: Option<&ID>,
    organisation_name: Option<&str>,
    sector: Option<Sector>,
    profession: Option<&str>,
    tags: &[MemberMapTag],
) -> ApiResult<d::MapEntry> {
    let org = match organisation_id {
        Some(id) => {
            let uuid = ids::decode("organisationId", "Organisation", id)?;
            convene_store::repo::organisations::get(tx, uuid)
                .await?
                .ok_or_else(|| {
                    ApiError::field("organisationId", "There is no such organisation")
                })?;
            Some(OrganisationId(uuid))
        }
        None => None,
    };
    let tags: Vec<d::MapTag> = tags.iter().map(|t| (*t).into()).collect();
    Ok(d::parse_map_entry(d::RawMapEntry {
        name,
        email,
        organisation_id: org,
        organisation_name,
        sector: sector.map(Into::into),
        profession,
        tags: &tags,
    })?)
}

// ---- functions

#[derive(InputObject)]
pub struct AssignFunctionInput {
    pub community_id: ID,
    pub function: CommunityFunctionKind,
    /// The community's own name for a function of its own (OTHER only).
    pub custom_name: Option<String>,
    pub person_id: ID,
    pub from: Date,
    pub until: Option<Date>,
}
#[derive(SimpleObject)]
pub struct AssignFunctionPayload {
    pub function: CommunityFunction,
}
#[derive(InputObject)]
pub struct RotateFunctionInput {
    /// The current holder's period.
    pub function_id: ID,
    pub person_id: ID,
    /// The next holder's first day; the current holder's period ends the day before.
    pub from: Date,
}
#[derive(SimpleObject)]
pub struct RotateFunctionPayload {
    /// The period just ended.
    pub previous: CommunityFunction,
    pub function: CommunityFunction,
}
#[derive(InputObject)]
pub struct EndFunctionInput {
    pub function_id: ID,
    /// The last day (today, Europe/London, when left out).
    pub until: Option<Date>,
}
#[derive(SimpleObject)]
pub struct EndFunctionPayload {
    pub function: CommunityFunction,
}

fn period_of(m: &convene_store::entities::community_function::Model) -> d::Period {
    d::Period {
        from: m.starts_on,
        until: m.ends_on,
    }
}

// ---- the working plan

#[derive(InputObject)]
pub struct AddPlanNeedInput {
    pub community_id: ID,
    pub kind: PlanNeedKind,
    pub what: String,
    pub from_whom: String,
    pub by_when: Option<Date>,
}
#[derive(SimpleObject)]
pub struct AddPlanNeedPayload {
    pub need: PlanNeed,
}
#[derive(InputObject)]
pub struct CompletePlanNeedInput {
    pub need_id: ID,
}
#[derive(SimpleObject)]
pub struct CompletePlanNeedPayload {
    pub need: PlanNeed,
}
#[derive(InputObject)]
pub struct RemovePlanNeedInput {
    pub need_id: ID,
}
#[derive(SimpleObject)]
pub struct RemovePlanNeedPayload {
    pub removed_need_id: ID,
    pub community: Community,
}

#[derive(Default)]
pub struct CommunityWorkMutations;

#[Object]
impl CommunityWorkMutations {
    /// Put someone on the member map (conveners and core group).
    async fn add_member_map_entry(
        &self,
        ctx: &Context<'_>,
        input: AddMemberMapEntryInput,
    ) -> ApiResult<AddMemberMapEntryPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "change its member map",
        )?;
        let e = parse_entry(
            &tx,
            &input.name,
            input.email.as_deref(),
            input.organisation_id.as_ref(),
            input.organisation_name.as_deref(),
            input.sector,
            input.profession.as_deref(),
            &input.tags,
        )
        .await?;
        let row = repo::add_map_entry(&tx, c.id, &e, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "MemberMapEntry",
            row.id,
            "add_member_map_entry",
            None,
            Some(&row),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AddMemberMapEntryPayload {
            entry: MemberMapEntry(row),
            community: Community(c),
        })
    }

    /// Change someone's entry on the member map (conveners and core group).
    async fn update_member_map_entry(
        &self,
        ctx: &Context<'_>,
        input: UpdateMemberMapEntryInput,
    ) -> ApiResult<UpdateMemberMapEntryPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("entryId", "MemberMapEntry", &input.entry_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::map_entry(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("entryId", "There is no such entry on the map"))?;
        d::check_runs_it(
            my_role(&tx, before.community_id, v.person.0).await?,
            "change its member map",
        )?;
        let e = parse_entry(
            &tx,
            &input.name,
            input.email.as_deref(),
            input.organisation_id.as_ref(),
            input.organisation_name.as_deref(),
            input.sector,
            input.profession.as_deref(),
            &input.tags,
        )
        .await?;
        let after = repo::update_map_entry(&tx, before.clone(), &e, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "MemberMapEntry",
            id,
            "update_member_map_entry",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(UpdateMemberMapEntryPayload {
            entry: MemberMapEntry(after),
        })
    }

    /// Take someone off the member map (conveners and core group).
    async fn remove_member_map_entry(
        &self,
        ctx: &Context<'_>,
        input: RemoveMemberMapEntryInput,
    ) -> ApiResult<RemoveMemberMapEntryPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("entryId", "MemberMapEntry", &input.entry_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::map_entry(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("entryId", "There is no such entry on the map"))?;
        let c = convene_store::repo::communities::lock(&tx, before.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "change its member map",
        )?;
        repo::remove_map_entry(&tx, id).await?;
        audit(
            &tx,
            Some(v.person.0),
            "MemberMapEntry",
            id,
            "remove_member_map_entry",
            Some(&before),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RemoveMemberMapEntryPayload {
            removed_entry_id: input.entry_id,
            community: Community(c),
        })
    }

    /// Give a function to a member for a period (conveners and core group).
    async fn assign_function(
        &self,
        ctx: &Context<'_>,
        input: AssignFunctionInput,
    ) -> ApiResult<AssignFunctionPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_can_manage_functions(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let mut f = convene_domain::Fields::new();
        let function = f.take(d::parse_function(
            input.function.into(),
            input.custom_name.as_deref(),
        ));
        let period = f.take(d::Period::parse(input.from.0, input.until.map(|u| u.0)));
        f.take(d::check_holder(my_role(&tx, c.id, pid).await?));
        f.finish()?;
        let (function, period) = (function.expect("checked"), period.expect("checked"));
        let others: Vec<d::Period> = repo::periods_of(&tx, c.id, &function.key(), None)
            .await?
            .iter()
            .map(period_of)
            .collect();
        d::check_no_overlap(&period, &others)?;
        let row = repo::assign_function(
            &tx,
            repo::NewPeriod {
                community_id: c.id,
                function: &function,
                person_id: pid,
                starts_on: period.from,
                ends_on: period.until,
                by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "CommunityFunction",
            row.id,
            "assign_function",
            None,
            Some(&row),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AssignFunctionPayload {
            function: CommunityFunction(row),
        })
    }

    /// Hand a function on: the current holder's period ends the day before `from`, the next
    /// member's starts on it (conveners and core group).
    async fn rotate_function(
        &self,
        ctx: &Context<'_>,
        input: RotateFunctionInput,
    ) -> ApiResult<RotateFunctionPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("functionId", "CommunityFunction", &input.function_id)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let current = repo::function(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("functionId", "There is no such function"))?;
        let c = convene_store::repo::communities::lock(&tx, current.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_can_manage_functions(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        d::check_holder(my_role(&tx, c.id, pid).await?)?;
        let (ended, next) = d::rotate(&period_of(&current), input.from.0)?;
        let others: Vec<d::Period> =
            repo::periods_of(&tx, c.id, &current.function_key, Some(current.id))
                .await?
                .iter()
                .map(period_of)
                .collect();
        d::check_no_overlap(&next, &others)?;
        let function = d::Function {
            kind: d::FunctionKind::from_str(&current.kind).unwrap_or(d::FunctionKind::Other),
            custom_name: current.custom_name.clone(),
        };
        let previous =
            repo::end_function(&tx, current.clone(), ended.until.expect("rotation ends it"))
                .await?;
        let row = repo::assign_function(
            &tx,
            repo::NewPeriod {
                community_id: c.id,
                function: &function,
                person_id: pid,
                starts_on: next.from,
                ends_on: next.until,
                by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "CommunityFunction",
            current.id,
            "rotate_function",
            Some(&current),
            Some(&previous),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "CommunityFunction",
            row.id,
            "assign_function",
            None,
            Some(&row),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RotateFunctionPayload {
            previous: CommunityFunction(previous),
            function: CommunityFunction(row),
        })
    }

    /// End someone's period in a function (conveners and core group).
    async fn end_function(
        &self,
        ctx: &Context<'_>,
        input: EndFunctionInput,
    ) -> ApiResult<EndFunctionPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("functionId", "CommunityFunction", &input.function_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let current = repo::function(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("functionId", "There is no such function"))?;
        let c = convene_store::repo::communities::lock(&tx, current.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_can_manage_functions(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let until = input.until.map(|u| u.0).unwrap_or_else(london_today);
        let ended = d::end_period(&period_of(&current), until)?;
        let after = repo::end_function(&tx, current.clone(), ended.until.expect("ended")).await?;
        audit(
            &tx,
            Some(v.person.0),
            "CommunityFunction",
            id,
            "end_function",
            Some(&current),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(EndFunctionPayload {
            function: CommunityFunction(after),
        })
    }

    /// Add to the working plan what the community needs, from whom, by when (conveners and core group).
    async fn add_plan_need(
        &self,
        ctx: &Context<'_>,
        input: AddPlanNeedInput,
    ) -> ApiResult<AddPlanNeedPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_can_plan(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let need = d::parse_need(
            input.kind.into(),
            &input.what,
            &input.from_whom,
            input.by_when.map(|b| b.0),
            london_today(),
        )?;
        let row = repo::add_need(&tx, c.id, &need, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "PlanNeed",
            row.id,
            "add_plan_need",
            None,
            Some(&row),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AddPlanNeedPayload {
            need: PlanNeed(row),
        })
    }

    /// Mark a need as met (conveners and core group).
    async fn complete_plan_need(
        &self,
        ctx: &Context<'_>,
        input: CompletePlanNeedInput,
    ) -> ApiResult<CompletePlanNeedPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("needId", "PlanNeed", &input.need_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::need(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("needId", "There is no such need"))?;
        let c = convene_store::repo::communities::lock(&tx, before.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_can_plan(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        d::check_completable(before.completed_at.is_some())?;
        let after = repo::complete_need(&tx, before.clone(), v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "PlanNeed",
            id,
            "complete_plan_need",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CompletePlanNeedPayload {
            need: PlanNeed(after),
        })
    }

    /// Take a need off the working plan (conveners and core group).
    async fn remove_plan_need(
        &self,
        ctx: &Context<'_>,
        input: RemovePlanNeedInput,
    ) -> ApiResult<RemovePlanNeedPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("needId", "PlanNeed", &input.need_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::need(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("needId", "There is no such need"))?;
        let c = convene_store::repo::communities::lock(&tx, before.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_can_plan(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        repo::remove_need(&tx, id).await?;
        audit(
            &tx,
            Some(v.person.0),
            "PlanNeed",
            id,
            "remove_plan_need",
            Some(&before),
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RemovePlanNeedPayload {
            removed_need_id: input.need_id,
            community: Community(c),
        })
    }
}
