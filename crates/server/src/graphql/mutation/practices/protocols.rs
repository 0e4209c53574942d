//! Sharing protocols: the network's samples, and communities' adapted copies.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::practice as d;
use convene_store::begin_write;
use convene_store::repo::practices as repo;

use super::super::audit;
use super::{lock_community, role};
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::practice::{protocol_owner, SharingProtocol};

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

fn parse(
    f: &mut convene_domain::Fields,
    name: &str,
    prompts: &[SharingPromptInput],
) -> (Option<String>, Option<Vec<d::Prompt>>) {
    let raw: Vec<(String, i32)> = prompts
        .iter()
        .map(|p| (p.prompt.clone(), p.minutes))
        .collect();
    (
        f.take(d::parse_protocol_name("name", name)),
        f.take(d::parse_prompts("prompts", &raw)),
    )
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
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let mut f = convene_domain::Fields::new();
        let (name, prompts) = parse(&mut f, &input.name, &input.prompts);
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let p = repo::create_protocol(
            &tx,
            repo::NewProtocol {
                community_id: None,
                adopted_from: None,
                name: &name.expect("checked"),
                prompts: &prompts.expect("checked"),
                created_by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "SharingProtocol",
            p.id,
            "create",
            None,
            Some(&p),
            now,
        )
        .await?;
        tx.commit().await?;
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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let pid = f.take(
            ids::decode("protocolId", "SharingProtocol", &input.protocol_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let cid = f.take(
            ids::decode("communityId", "Community", &input.community_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let source = repo::protocol(&tx, pid.expect("checked"))
            .await?
            .ok_or_else(|| ApiError::field("protocolId", "There is no such protocol"))?;
        let c = convene_store::repo::communities::get(&tx, cid.expect("checked"))
            .await?
            .ok_or_else(|| ApiError::field("communityId", "There is no such community"))?;
        let c = lock_community(&tx, c.id).await?;
        d::check_can_adopt(protocol_owner(&source), role(&tx, c.id, v.person.0).await?)?;
        let copy = repo::create_protocol(
            &tx,
            repo::NewProtocol {
                community_id: Some(c.id),
                adopted_from: Some(source.id),
                name: &source.name,
                prompts: &repo::prompts(&source),
                created_by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "SharingProtocol",
            copy.id,
            "adopt",
            None,
            Some(&copy),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AdoptSharingProtocolPayload {
            sharing_protocol: SharingProtocol(copy),
        })
    }

    /// Change a protocol's name and prompts (its owner: the programme team for the network's,
    /// the community's conveners and core group for its copy).
    async fn update_sharing_protocol(
        &self,
        ctx: &Context<'_>,
        input: UpdateSharingProtocolInput,
    ) -> ApiResult<UpdateSharingProtocolPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let pid = f.take(
            ids::decode("protocolId", "SharingProtocol", &input.protocol_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let (name, prompts) = parse(&mut f, &input.name, &input.prompts);
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let p = repo::lock_protocol(&tx, pid.expect("checked"))
            .await?
            .ok_or_else(|| ApiError::field("protocolId", "There is no such protocol"))?;
        let my_role = match p.community_id {
            Some(c) => role(&tx, c, v.person.0).await?,
            None => None,
        };
        d::check_can_edit_protocol(protocol_owner(&p), v.is_programme_team(), my_role)?;
        let after = repo::update_protocol(
            &tx,
            p.clone(),
            &name.expect("checked"),
            &prompts.expect("checked"),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "SharingProtocol",
            p.id,
            "update",
            Some(&p),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(UpdateSharingProtocolPayload {
            sharing_protocol: SharingProtocol(after),
        })
    }
}
