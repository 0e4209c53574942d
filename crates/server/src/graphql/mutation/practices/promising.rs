//! Marking a practice promising, for the library.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_domain::DomainError;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::types::practice::{Practice, PromisingVisibility};
use crate::usecases::practices::promising as usecase;

#[derive(InputObject)]
pub struct MarkPromisingInput {
    pub practice_id: ID,
    pub evidence: String,
    pub outcomes: String,
    /// Organisations where the practice is used.
    #[graphql(default)]
    pub organisation_ids: Vec<ID>,
    pub visibility: PromisingVisibility,
}
#[derive(SimpleObject)]
pub struct MarkPromisingPayload {
    pub practice: Practice,
}

#[derive(Default)]
pub struct PromisingMutations;

#[Object]
impl PromisingMutations {
    /// Mark a practice promising, or update its evidence, outcomes, organisations and
    /// visibility (one of the community's conveners, or the programme team).
    async fn mark_promising(
        &self,
        ctx: &Context<'_>,
        input: MarkPromisingInput,
    ) -> ApiResult<MarkPromisingPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let orgs = &input.organisation_ids;
        let cmd = usecase::MarkPromising {
            practice: crate::ids::decode("practiceId", input.practice_id.as_str()),
            text: d::parse_promising(&input.evidence, &input.outcomes, orgs.len()),
            organisations: orgs
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    crate::ids::decode("organisationIds", o.as_str()).map_err(|_| {
                        DomainError::field(
                            "organisationIds",
                            format!("Organisation {} is not the ID of an organisation", i + 1),
                        )
                    })
                })
                .collect(),
            visibility: input.visibility.into(),
        };
        let p = usecase::mark_promising(state(ctx), v, cmd).await?;
        Ok(MarkPromisingPayload {
            practice: Practice(p),
        })
    }
}
