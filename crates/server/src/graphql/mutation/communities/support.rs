//! Support requests to the network (SPEC §4): asked for by a community, assigned by the
//! programme team to a coach (who is told by e-mail), worked on, closed with a note.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community_work::{
    SupportRequest, SupportRequestKind, SupportRequestStatus,
};
use crate::usecases::communities::support as usecase;

#[derive(InputObject)]
pub struct RequestSupportInput {
    pub community_id: ID,
    pub kind: SupportRequestKind,
    pub details: String,
}
#[derive(SimpleObject)]
pub struct RequestSupportPayload {
    pub request: SupportRequest,
}
#[derive(InputObject)]
pub struct AssignSupportRequestInput {
    pub request_id: ID,
    /// A coach or a member of the programme team.
    pub person_id: ID,
}
#[derive(SimpleObject)]
pub struct AssignSupportRequestPayload {
    pub request: SupportRequest,
}
#[derive(InputObject)]
pub struct UpdateSupportRequestInput {
    pub request_id: ID,
    /// Leave out to add a note only.
    pub status: Option<SupportRequestStatus>,
    /// Required to close a request.
    pub note: Option<String>,
}
#[derive(SimpleObject)]
pub struct UpdateSupportRequestPayload {
    pub request: SupportRequest,
}

#[derive(Default)]
pub struct SupportMutations;

#[Object]
impl SupportMutations {
    /// Ask the network for support (a community's conveners and core group).
    async fn request_support(
        &self,
        ctx: &Context<'_>,
        input: RequestSupportInput,
    ) -> ApiResult<RequestSupportPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::RequestSupport {
            community: ids::typed("communityId", &input.community_id)?,
            kind: input.kind.into(),
            details: input.details,
        };
        let request = SupportRequest(usecase::request_support(state(ctx), v, cmd).await?);
        Ok(RequestSupportPayload { request })
    }

    /// Give a request to a coach or a member of the programme team, who is told by e-mail
    /// (the programme team).
    async fn assign_support_request(
        &self,
        ctx: &Context<'_>,
        input: AssignSupportRequestInput,
    ) -> ApiResult<AssignSupportRequestPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cmd = usecase::AssignSupportRequest {
            request: ids::typed("requestId", &input.request_id)?,
            assignee: ids::typed("personId", &input.person_id)?,
        };
        let after = usecase::assign_support_request(state(ctx), v, cmd).await?;
        Ok(AssignSupportRequestPayload {
            request: SupportRequest(after),
        })
    }

    /// Move a request on or add a note (its assignee and the programme team); closing needs a note.
    async fn update_support_request(
        &self,
        ctx: &Context<'_>,
        input: UpdateSupportRequestInput,
    ) -> ApiResult<UpdateSupportRequestPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::UpdateSupportRequest {
            request: ids::typed("requestId", &input.request_id)?,
            status: input.status.map(Into::into),
            note: input.note,
        };
        let after = usecase::update_support_request(state(ctx), v, cmd).await?;
        Ok(UpdateSupportRequestPayload {
            request: SupportRequest(after),
        })
    }
}
