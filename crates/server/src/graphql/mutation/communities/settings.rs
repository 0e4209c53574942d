//! Steering a community: its name, membership mode, listing and stage (its conveners, or the
//! programme team), and its coach (the programme team).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::enums::{CommunityStage, MembershipMode};
use crate::usecases::communities::settings as usecase;

/// Only the fields given change.
#[derive(InputObject)]
pub struct UpdateCommunityInput {
    pub community_id: ID,
    pub name: Option<String>,
    pub membership_mode: Option<MembershipMode>,
    pub listed: Option<bool>,
    /// forming → active → dormant → closed; a dormant community can become active again.
    pub stage: Option<CommunityStage>,
}
#[derive(SimpleObject)]
pub struct UpdateCommunityPayload {
    pub community: Community,
}

#[derive(InputObject)]
pub struct AssignCoachInput {
    pub community_id: ID,
    /// Someone with the COACH role; null to remove the coach.
    pub coach_id: Option<ID>,
}
#[derive(SimpleObject)]
pub struct AssignCoachPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct CommunitySettingsMutations;

#[Object]
impl CommunitySettingsMutations {
    /// Change a community's name, membership mode, listing or stage (its conveners; the
    /// programme team).
    async fn update_community(
        &self,
        ctx: &Context<'_>,
        input: UpdateCommunityInput,
    ) -> ApiResult<UpdateCommunityPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::UpdateCommunity {
            community: ids::typed("communityId", &input.community_id)?,
            name: input.name,
            membership_mode: input.membership_mode.map(Into::into),
            listed: input.listed,
            stage: input.stage.map(Into::into),
        };
        let saved = usecase::update_community(state(ctx), v, cmd).await?;
        Ok(UpdateCommunityPayload {
            community: Community(saved),
        })
    }

    /// Give a community its coach, or take the coach away (the programme team).
    async fn assign_coach(
        &self,
        ctx: &Context<'_>,
        input: AssignCoachInput,
    ) -> ApiResult<AssignCoachPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let coach = ids::typed_opt("coachId", input.coach_id.as_ref())?;
        let community = ids::typed("communityId", &input.community_id)?;
        let saved = usecase::assign_coach(state(ctx), v, community, coach).await?;
        Ok(AssignCoachPayload {
            community: Community(saved),
        })
    }
}
