//! The member map, roles and responsibilities (functions) and the working plan (SPEC §4).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::community_work::{
    CommunityFunction, CommunityFunctionKind, MemberMapEntry, MemberMapTag, PlanNeed, PlanNeedKind,
};
use crate::graphql::types::enums::Sector;
use crate::graphql::types::scalars::Date;
use crate::usecases::communities::work as usecase;

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

/// Both inputs carry an entry's fields, which the use case takes as they are.
macro_rules! entry_fields_from {
    ($($input:ty),*) => {$(
        impl TryFrom<$input> for usecase::MapEntryFields {
            type Error = ApiError;
            fn try_from(i: $input) -> ApiResult<Self> {
                Ok(usecase::MapEntryFields {
                    name: i.name,
                    email: i.email,
                    organisation: ids::typed_opt("organisationId", i.organisation_id.as_ref())?,
                    organisation_name: i.organisation_name,
                    sector: i.sector.map(Into::into),
                    profession: i.profession,
                    tags: i.tags.iter().map(|t| (*t).into()).collect(),
                })
            }
        }
    )*};
}
entry_fields_from!(AddMemberMapEntryInput, UpdateMemberMapEntryInput);

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
        let v = require_signed_in(viewer(ctx))?;
        let community = ids::typed("communityId", &input.community_id)?;
        let fields = input.try_into()?;
        let (entry, c) = usecase::add_member_map_entry(state(ctx), v, community, fields).await?;
        Ok(AddMemberMapEntryPayload {
            entry: MemberMapEntry(entry),
            community: Community(c),
        })
    }

    /// Change someone's entry on the member map (conveners and core group).
    async fn update_member_map_entry(
        &self,
        ctx: &Context<'_>,
        input: UpdateMemberMapEntryInput,
    ) -> ApiResult<UpdateMemberMapEntryPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("entryId", &input.entry_id)?;
        let fields = input.try_into()?;
        let entry = usecase::update_member_map_entry(state(ctx), v, id, fields).await?;
        Ok(UpdateMemberMapEntryPayload {
            entry: MemberMapEntry(entry),
        })
    }

    /// Take someone off the member map (conveners and core group).
    async fn remove_member_map_entry(
        &self,
        ctx: &Context<'_>,
        input: RemoveMemberMapEntryInput,
    ) -> ApiResult<RemoveMemberMapEntryPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("entryId", &input.entry_id)?;
        let c = usecase::remove_member_map_entry(state(ctx), v, id).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let person = ids::typed("personId", &input.person_id)?;
        let cmd = usecase::AssignFunction {
            community: ids::typed("communityId", &input.community_id)?,
            function: input.function.into(),
            custom_name: input.custom_name,
            person,
            from: input.from.0,
            until: input.until.map(|u| u.0),
        };
        let row = usecase::assign_function(state(ctx), v, cmd).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::RotateFunction {
            function: ids::typed("functionId", &input.function_id)?,
            person: ids::typed("personId", &input.person_id)?,
            from: input.from.0,
        };
        let (previous, next) = usecase::rotate_function(state(ctx), v, cmd).await?;
        Ok(RotateFunctionPayload {
            previous: CommunityFunction(previous),
            function: CommunityFunction(next),
        })
    }

    /// End someone's period in a function (conveners and core group).
    async fn end_function(
        &self,
        ctx: &Context<'_>,
        input: EndFunctionInput,
    ) -> ApiResult<EndFunctionPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("functionId", &input.function_id)?;
        let until = input.until.map(|u| u.0);
        let row = usecase::end_function(state(ctx), v, id, until).await?;
        Ok(EndFunctionPayload {
            function: CommunityFunction(row),
        })
    }

    /// Add to the working plan what the community needs, from whom, by when (conveners and core group).
    async fn add_plan_need(
        &self,
        ctx: &Context<'_>,
        input: AddPlanNeedInput,
    ) -> ApiResult<AddPlanNeedPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::AddPlanNeed {
            community: ids::typed("communityId", &input.community_id)?,
            kind: input.kind.into(),
            what: input.what,
            from_whom: input.from_whom,
            by_when: input.by_when.map(|b| b.0),
        };
        let need = PlanNeed(usecase::add_plan_need(state(ctx), v, cmd).await?);
        Ok(AddPlanNeedPayload { need })
    }

    /// Mark a need as met (conveners and core group).
    async fn complete_plan_need(
        &self,
        ctx: &Context<'_>,
        input: CompletePlanNeedInput,
    ) -> ApiResult<CompletePlanNeedPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("needId", &input.need_id)?;
        let need = PlanNeed(usecase::complete_plan_need(state(ctx), v, id).await?);
        Ok(CompletePlanNeedPayload { need })
    }

    /// Take a need off the working plan (conveners and core group).
    async fn remove_plan_need(
        &self,
        ctx: &Context<'_>,
        input: RemovePlanNeedInput,
    ) -> ApiResult<RemovePlanNeedPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("needId", &input.need_id)?;
        let c = usecase::remove_plan_need(state(ctx), v, id).await?;
        Ok(RemovePlanNeedPayload {
            removed_need_id: input.need_id,
            community: Community(c),
        })
    }
}
