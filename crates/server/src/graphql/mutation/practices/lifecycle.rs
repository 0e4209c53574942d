//! Proposing practices and moving them on (proposed → exploring → explored).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_domain::Fields;

use super::decode;
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::practice::{Practice, PracticeStatus};
use crate::usecases::practices::lifecycle as usecase;

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
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let community = decode(&mut f, "communityId", &input.community_id);
        let name = f.take(d::parse_practice_name("name", &input.name));
        let description = f.take(d::parse_practice_description(
            "description",
            &input.description,
        ));
        let tags = f.take(d::parse_tags("tags", &input.tags));
        f.finish()?;
        let cmd = usecase::ProposePractice {
            community: community.expect("checked"),
            name: name.expect("checked"),
            description: description.expect("checked"),
            tags: tags.expect("checked"),
        };
        let p = usecase::propose_practice(state(ctx), v, cmd).await?;
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
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("practiceId", &input.practice_id)?;
        let to = input.status.into();
        let p = usecase::set_practice_status(state(ctx), v, id, to).await?;
        Ok(SetPracticeStatusPayload {
            practice: Practice(p),
        })
    }
}
