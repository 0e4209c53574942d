//! The domain definition: versions, the agreed one, and its publication to the intranet.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::community as d;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::community::{Community, DomainDefinitionVersion};
use crate::usecases::communities::definition as usecase;

#[derive(InputObject)]
pub struct ProposeDomainDefinitionInput {
    pub community_id: ID,
    pub text: String,
}
#[derive(SimpleObject)]
pub struct ProposeDomainDefinitionPayload {
    pub version: DomainDefinitionVersion,
}
#[derive(InputObject)]
pub struct AgreeDomainDefinitionInput {
    pub version_id: ID,
}
#[derive(SimpleObject)]
pub struct AgreeDomainDefinitionPayload {
    pub version: DomainDefinitionVersion,
    pub community: Community,
}
#[derive(InputObject)]
pub struct SetIntranetPageInput {
    pub community_id: ID,
    /// The intranet place (its URI), the parent of the published document.
    pub place_uri: String,
}
#[derive(SimpleObject)]
pub struct SetIntranetPagePayload {
    pub community: Community,
}
#[derive(InputObject)]
pub struct RetryIntranetPublicationInput {
    pub community_id: ID,
}
#[derive(SimpleObject)]
pub struct RetryIntranetPublicationPayload {
    pub community: Community,
}

#[derive(Default)]
pub struct DomainDefinitionMutations;

#[Object]
impl DomainDefinitionMutations {
    /// Propose a new version of the domain definition (conveners and core group).
    async fn propose_domain_definition(
        &self,
        ctx: &Context<'_>,
        input: ProposeDomainDefinitionInput,
    ) -> ApiResult<ProposeDomainDefinitionPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::ProposeDefinition {
            text: d::parse_definition("text", &input.text)?,
            community: ids::typed("communityId", &input.community_id)?,
        };
        let version = usecase::propose_domain_definition(state(ctx), v, cmd).await?;
        Ok(ProposeDomainDefinitionPayload {
            version: DomainDefinitionVersion(version),
        })
    }

    /// Agree a version of the domain definition (a convener or core member); it becomes the
    /// community's definition, and who agreed it and when is kept.
    async fn agree_domain_definition(
        &self,
        ctx: &Context<'_>,
        input: AgreeDomainDefinitionInput,
    ) -> ApiResult<AgreeDomainDefinitionPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("versionId", &input.version_id)?;
        let done = usecase::agree_domain_definition(state(ctx), v, id).await?;
        Ok(AgreeDomainDefinitionPayload {
            version: DomainDefinitionVersion(done.version),
            community: Community(done.community),
        })
    }

    /// Set the community's intranet place (conveners and core group); an agreed definition is
    /// then published there.
    async fn set_intranet_page(
        &self,
        ctx: &Context<'_>,
        input: SetIntranetPageInput,
    ) -> ApiResult<SetIntranetPagePayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::SetIntranetPage {
            place: d::parse_place_uri("placeUri", &input.place_uri)?,
            community: ids::typed("communityId", &input.community_id)?,
        };
        let c = usecase::set_intranet_page(state(ctx), v, cmd).await?;
        Ok(SetIntranetPagePayload {
            community: Community(c),
        })
    }

    /// Try the intranet publication again by hand (conveners and core group).
    async fn retry_intranet_publication(
        &self,
        ctx: &Context<'_>,
        input: RetryIntranetPublicationInput,
    ) -> ApiResult<RetryIntranetPublicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("communityId", &input.community_id)?;
        let c = usecase::retry_intranet_publication(state(ctx), v, id).await?;
        Ok(RetryIntranetPublicationPayload {
            community: Community(c),
        })
    }
}
