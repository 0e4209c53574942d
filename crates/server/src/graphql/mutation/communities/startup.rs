//! The start-up steps of FAQ 10, completed and reopened by their owners.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use super::*;
use crate::graphql::error::ApiResult;
use crate::graphql::types::community::Community;
use crate::graphql::types::enums::StartupStep;
use convene_domain::community as d;

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
        let community = work_on_step(
            ctx,
            &input.community_id,
            input.step.into(),
            true,
            notes.as_deref(),
        )
        .await?;
        Ok(CompleteStartupStepPayload { community })
    }

    /// Reopen a start-up step.
    async fn reopen_startup_step(
        &self,
        ctx: &Context<'_>,
        input: ReopenStartupStepInput,
    ) -> ApiResult<ReopenStartupStepPayload> {
        let community =
            work_on_step(ctx, &input.community_id, input.step.into(), false, None).await?;
        Ok(ReopenStartupStepPayload { community })
    }
}
