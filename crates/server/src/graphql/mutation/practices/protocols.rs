//! Sharing protocols: the network's samples, and communities' adapted copies.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::practice as d;
use convene_domain::Fields;

use super::decode;
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::types::practice::SharingProtocol;
use crate::usecases::practices::protocols::{self as usecase, ProtocolText};

#[derive(InputObject)]
pub struct SharingPromptInput {
    pub prompt: String,
    pub minutes: i32,
}
#[derive(InputObject)]
pub struct CreateSharingProtocolInput {
    pub name: String,
    pub prompts: Vec<SharingPromptInput>,
}
#[derive(SimpleObject)]
pub struct CreateSharingProtocolPayload {
    pub sharing_protocol: SharingProtocol,
}
#[derive(InputObject)]
pub struct AdoptSharingProtocolInput {
    pub protocol_id: ID,
    pub community_id: ID,
}
#[derive(SimpleObject)]
pub struct AdoptSharingProtocolPayload {
    pub sharing_protocol: SharingProtocol,
}
#[derive(InputObject)]
pub struct UpdateSharingProtocolInput {
    pub protocol_id: ID,
    pub name: String,
    pub prompts: Vec<SharingPromptInput>,
}
#[derive(SimpleObject)]
pub struct UpdateSharingProtocolPayload {
    pub sharing_protocol: SharingProtocol,
}

/// A protocol's name and prompts, reported with the input errors already in `f`.
fn parse(mut f: Fields, name: &str, prompts: &[SharingPromptInput]) -> ApiResult<ProtocolText> {
    let raw: Vec<(String, i32)> = prompts
        .iter()
        .map(|p| (p.prompt.clone(), p.minutes))
        .collect();
    let name = f.take(d::parse_protocol_name("name", name));
    let prompts = f.take(d::parse_prompts("prompts", &raw));
    f.finish()?;
    Ok(ProtocolText {
        name: name.expect("checked"),
        prompts: prompts.expect("checked"),
    })
}

#[derive(Default)]
pub struct ProtocolMutations;

#[Object]
impl ProtocolMutations {
    /// Add one of the network's sample protocols (programme team).
    async fn create_sharing_protocol(
        &self,
        ctx: &Context<'_>,
        input: CreateSharingProtocolInput,
    ) -> ApiResult<CreateSharingProtocolPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let text = parse(Fields::new(), &input.name, &input.prompts)?;
        let p = usecase::create_sharing_protocol(state(ctx), v, text).await?;
        Ok(CreateSharingProtocolPayload {
            sharing_protocol: SharingProtocol(p),
        })
    }

    /// Copy one of the network's protocols into a community, to adapt (its conveners and core
    /// group).
    async fn adopt_sharing_protocol(
        &self,
        ctx: &Context<'_>,
        input: AdoptSharingProtocolInput,
    ) -> ApiResult<AdoptSharingProtocolPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let protocol = decode(&mut f, "protocolId", &input.protocol_id);
        let community = decode(&mut f, "communityId", &input.community_id);
        f.finish()?;
        let (protocol, community) = (protocol.expect("checked"), community.expect("checked"));
        let p = usecase::adopt_sharing_protocol(state(ctx), v, protocol, community).await?;
        Ok(AdoptSharingProtocolPayload {
            sharing_protocol: SharingProtocol(p),
        })
    }

    /// Change a protocol's name and prompts (its owner: the programme team for the network's,
    /// the community's conveners and core group for its copy).
    async fn update_sharing_protocol(
        &self,
        ctx: &Context<'_>,
        input: UpdateSharingProtocolInput,
    ) -> ApiResult<UpdateSharingProtocolPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let id = decode(&mut f, "protocolId", &input.protocol_id);
        let text = parse(f, &input.name, &input.prompts)?;
        let id = id.expect("checked");
        let p = usecase::update_sharing_protocol(state(ctx), v, id, text).await?;
        Ok(UpdateSharingProtocolPayload {
            sharing_protocol: SharingProtocol(p),
        })
    }
}
