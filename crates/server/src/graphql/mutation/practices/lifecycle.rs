//! Proposing practices and moving them on (proposed → exploring → explored).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_store::begin_write;
use convene_store::repo::practices as repo;

use super::super::audit;
use super::{lock_community, role, stage};
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::practice::{status_of, Practice, PracticeStatus};

#[derive(InputObject)]
pub struct ProposePracticeInput {
    pub community_id: ID,
    pub name: String,
    #[graphql(default)]
    pub description: String,
    #[graphql(default)]
    pub tags: Vec<String>,
}
#[derive(SimpleObject)]
pub struct ProposePracticePayload {
    pub practice: Practice,
}
#[derive(InputObject)]
pub struct SetPracticeStatusInput {
    pub practice_id: ID,
    pub status: PracticeStatus,
}
#[derive(SimpleObject)]
pub struct SetPracticeStatusPayload {
    pub practice: Practice,
}

#[derive(Default)]
pub struct PracticeLifecycleMutations;

#[Object]
impl PracticeLifecycleMutations {
    /// Propose a practice for the community to explore (any member).
    async fn propose_practice(
        &self,
        ctx: &Context<'_>,
        input: ProposePracticeInput,
    ) -> ApiResult<ProposePracticePayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let community_id = f.take(
            ids::decode("communityId", "Community", &input.community_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let name = f.take(d::parse_practice_name("name", &input.name));
        let description = f.take(d::parse_practice_description(
            "description",
            &input.description,
        ));
        let tags = f.take(d::parse_tags("tags", &input.tags));
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = convene_store::repo::communities::lock(&tx, community_id.expect("checked"))
            .await?
            .ok_or_else(|| ApiError::field("communityId", "There is no such community"))?;
        d::check_can_propose(role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let p = repo::create(
            &tx,
            repo::NewPractice {
                community_id: c.id,
                domain_id: c.domain_id,
                name: &name.expect("checked"),
                description: &description.expect("checked"),
                tags: &tags.expect("checked"),
                proposed_by: v.person.0,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Practice",
            p.id,
            "propose",
            None,
            Some(&p),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ProposePracticePayload {
            practice: Practice(p),
        })
    }

    /// Move a practice on, one step at a time (the community's conveners and core group).
    async fn set_practice_status(
        &self,
        ctx: &Context<'_>,
        input: SetPracticeStatusInput,
    ) -> ApiResult<SetPracticeStatusPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("practiceId", "Practice", &input.practice_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let p = repo::get(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("practiceId", "There is no such practice"))?;
        let c = lock_community(&tx, p.community_id).await?;
        d::check_can_set_status(role(&tx, c.id, v.person.0).await?, stage(&c))?;
        // read again under the community's lock
        let p = repo::lock(&tx, id)
            .await?
            .ok_or_else(|| ApiError::internal("practice vanished"))?;
        let to: d::PracticeStatus = input.status.into();
        d::check_status_change(status_of(&p), to)?;
        let after = repo::set_status(&tx, p.clone(), to.as_str(), now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Practice",
            p.id,
            "set_status",
            Some(&p),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(SetPracticeStatusPayload {
            practice: Practice(after),
        })
    }
}
