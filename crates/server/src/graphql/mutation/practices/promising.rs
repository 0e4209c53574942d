//! Marking a practice promising, for the library.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_store::begin_write;
use convene_store::repo::practices as repo;
use uuid::Uuid;

use super::super::audit;
use super::role;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::practice::{Practice, PromisingVisibility};

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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let pid = f.take(
            ids::decode("practiceId", "Practice", &input.practice_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let text = f.take(d::parse_promising(
            &input.evidence,
            &input.outcomes,
            input.organisation_ids.len(),
        ));
        let mut orgs: Vec<Uuid> = Vec::new();
        for (i, o) in input.organisation_ids.iter().enumerate() {
            match ids::decode("organisationIds", "Organisation", o) {
                Ok(u) if !orgs.contains(&u) => orgs.push(u),
                Ok(_) => {}
                Err(_) => f.add(
                    "organisationIds",
                    format!("Organisation {} is not the ID of an organisation", i + 1),
                ),
            }
        }
        let now = now();
        let tx = begin_write(&st.db).await?;
        let found =
            convene_store::by_ids::<convene_store::entities::organisation::Entity>(&tx, &orgs)
                .await?;
        if found.len() != orgs.len() {
            f.add("organisationIds", "Choose organisations from the list");
        }
        f.finish()?;
        let p = repo::lock(&tx, pid.expect("checked"))
            .await?
            .ok_or_else(|| ApiError::field("practiceId", "There is no such practice"))?;
        d::check_can_mark_promising(
            v.is_programme_team(),
            role(&tx, p.community_id, v.person.0).await?,
        )?;
        let before_orgs = repo::organisations_of(&tx, &[p.id])
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        let text = text.expect("checked");
        let visibility: d::PromisingVisibility = input.visibility.into();
        let after = repo::mark_promising(
            &tx,
            p.clone(),
            repo::Promising {
                visibility: visibility.as_str(),
                evidence: &text.evidence,
                outcomes: &text.outcomes,
                organisations: &orgs,
                by: v.person.0,
            },
            now,
        )
        .await?;
        #[derive(serde::Serialize)]
        struct Snapshot<'a> {
            practice: &'a convene_store::entities::practice::Model,
            organisation_ids: &'a [Uuid],
        }
        audit(
            &tx,
            Some(v.person.0),
            "Practice",
            p.id,
            "mark_promising",
            Some(&Snapshot {
                practice: &p,
                organisation_ids: &before_orgs,
            }),
            Some(&Snapshot {
                practice: &after,
                organisation_ids: &orgs,
            }),
            now,
        )
        .await?;
        let data = serde_json::json!({ "practiceId": ids::encode("Practice", p.id).0, "name": after.name, "communityId": ids::encode("Community", p.community_id).0, "visibility": visibility.as_str(), "publishedAt": now });
        crate::webhooks::emit(&tx, "practice.published", data, now).await?;
        tx.commit().await?;
        Ok(MarkPromisingPayload {
            practice: Practice(after),
        })
    }
}
