//! Starting a community: by anyone signed in, or from a decided application (FAQ 8).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::enums::MembershipMode;
use crate::usecases::communities::lifecycle as usecase;

#[derive(InputObject)]
pub struct StartCommunityFromApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct StartCommunityFromApplicationPayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct CreateCommunityInput {
    pub name: String,
    pub domain_id: ID,
    pub membership_mode: MembershipMode,
    /// In the public directory (default true).
    #[graphql(default = true)]
    pub listed: bool,
}
#[derive(SimpleObject)]
pub struct CreateCommunityPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct CommunityLifecycleMutations;

#[Object]
impl CommunityLifecycleMutations {
    /// Start a community (anyone signed in); you become its convener.
    async fn create_community(
        &self,
        ctx: &Context<'_>,
        input: CreateCommunityInput,
    ) -> ApiResult<CreateCommunityPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::CreateCommunity {
            name: input.name,
            domain: crate::ids::decode("domainId", input.domain_id.as_str()),
            membership_mode: input.membership_mode.into(),
            listed: input.listed,
        };
        let c = usecase::create_community(state(ctx), v, cmd).await?;
        Ok(CreateCommunityPayload {
            community: Community(c),
        })
    }

    /// Turn a decided application, funded or not, into a community with its lead and co-leads
    /// as conveners (the lead, a co-lead or the programme team). Unfunded communities keep the
    /// network's admin and coaching support (FAQ 8).
    async fn start_community_from_application(
        &self,
        ctx: &Context<'_>,
        input: StartCommunityFromApplicationInput,
    ) -> ApiResult<StartCommunityFromApplicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let app = ids::typed("applicationId", &input.application_id)?;
        let c = usecase::start_community_from_application(state(ctx), v, app).await?;
        Ok(StartCommunityFromApplicationPayload {
            community: Community(c),
        })
    }
}
