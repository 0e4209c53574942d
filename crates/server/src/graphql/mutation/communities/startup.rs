//! The start-up steps of FAQ 10, completed and reopened by their owners.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::community as d;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::enums::StartupStep;
use crate::usecases::communities::startup::{self as usecase, WorkOnStep};

#[derive(InputObject)]
pub struct CompleteStartupStepInput {
    pub community_id: ID,
    pub step: StartupStep,
    pub notes: Option<String>,
}
#[derive(SimpleObject)]
pub struct CompleteStartupStepPayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct ReopenStartupStepInput {
    pub community_id: ID,
    pub step: StartupStep,
}
#[derive(SimpleObject)]
pub struct ReopenStartupStepPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct StartupStepMutations;

#[Object]
impl StartupStepMutations {
    /// Mark a start-up step done, with notes (its owner; any core member once active).
    async fn complete_startup_step(
        &self,
        ctx: &Context<'_>,
        input: CompleteStartupStepInput,
    ) -> ApiResult<CompleteStartupStepPayload> {
        let notes = input
            .notes
            .as_deref()
            .map(|n| d::parse_note("notes", Some(n)))
            .transpose()?;
        let v = require_signed_in(viewer(ctx))?;
        let cmd = WorkOnStep {
            community: ids::typed("communityId", &input.community_id)?,
            step: input.step.into(),
            done: true,
            notes,
        };
        let c = usecase::work_on_step(state(ctx), v, cmd).await?;
        Ok(CompleteStartupStepPayload {
            community: Community(c),
        })
    }

    /// Reopen a start-up step.
    async fn reopen_startup_step(
        &self,
        ctx: &Context<'_>,
        input: ReopenStartupStepInput,
    ) -> ApiResult<ReopenStartupStepPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = WorkOnStep {
            community: ids::typed("communityId", &input.community_id)?,
            step: input.step.into(),
            done: false,
            notes: None,
        };
        let c = usecase::work_on_step(state(ctx), v, cmd).await?;
        Ok(ReopenStartupStepPayload {
            community: Community(c),
        })
    }
}
