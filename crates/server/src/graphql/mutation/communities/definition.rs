//! The domain definition: versions, the agreed one, and its publication to the intranet.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_store::begin_write;
use convene_store::repo::communities;

use super::super::audit;
use super::*;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::{Community, DomainDefinitionVersion};
use convene_domain::community as d;

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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let text = d::parse_definition("text", &input.text)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "propose its domain definition",
        )?;
        let version = communities::propose_definition(&tx, c.id, &text, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "propose_domain_definition",
            None,
            Some(&version),
            now,
        )
        .await?;
        tx.commit().await?;
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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("versionId", "DomainDefinitionVersion", &input.version_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let version = communities::definition(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("versionId", "There is no such version"))?;
        let c = communities::lock(&tx, version.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "agree its domain definition",
        )?;
        if version.agreed_at.is_some() {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "This version has already been agreed",
            ));
        }
        let agreed = communities::agree_definition(&tx, version.clone(), v.person.0, now).await?;
        if c.intranet_place_uri.is_some() {
            publish(&tx, c.id, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "agree_domain_definition",
            Some(&version),
            Some(&agreed),
            now,
        )
        .await?;
        let data = serde_json::json!({ "communityId": ids::encode("Community", c.id).0, "communityName": c.name, "version": agreed.version, "text": agreed.text, "agreedAt": now });
        if convene_domain::webhook::announces_community(c.listed) {
            crate::webhooks::emit(&tx, "community.domain_agreed", data, now).await?;
        }
        tx.commit().await?;
        Ok(AgreeDomainDefinitionPayload {
            version: DomainDefinitionVersion(agreed),
            community: Community(c),
        })
    }

    /// Set the community's intranet place (conveners and core group); an agreed definition is
    /// then published there.
    async fn set_intranet_page(
        &self,
        ctx: &Context<'_>,
        input: SetIntranetPageInput,
    ) -> ApiResult<SetIntranetPagePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let place = d::parse_place_uri("placeUri", &input.place_uri)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "set its intranet page",
        )?;
        let after = convene_store::repo::intranet::set_place(&tx, c.clone(), &place).await?;
        if communities::agreed_definition(&tx, c.id).await?.is_some() {
            publish(&tx, c.id, now).await?;
        }
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "set_intranet_page",
            Some(&c),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(SetIntranetPagePayload {
            community: Community(after),
        })
    }

    /// Try the intranet publication again by hand (conveners and core group).
    async fn retry_intranet_publication(
        &self,
        ctx: &Context<'_>,
        input: RetryIntranetPublicationInput,
    ) -> ApiResult<RetryIntranetPublicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_runs_it(
            my_role(&tx, c.id, v.person.0).await?,
            "retry its intranet publication",
        )?;
        if communities::agreed_definition(&tx, c.id).await?.is_none() {
            return Err(ApiError::new(
                convene_domain::ErrorCode::InvalidState,
                "Agree a domain definition first: that is what is published",
            ));
        }
        publish(&tx, c.id, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "retry_intranet_publication",
            None,
            Some(&serde_json::json!({})),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(RetryIntranetPublicationPayload {
            community: Community(c),
        })
    }
}
