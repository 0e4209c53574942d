//! Communities (SPEC §4): for now, starting one from a decided application (FAQ 8).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{relation, require_signed_in, ApplicationRelation};
use convene_domain::application::CoLeadState;
use convene_domain::community::origin_from_application;
use convene_store::begin_write;
use convene_store::repo::{applications as apps, communities, domains};

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::Community;

#[derive(Default)]
pub struct CommunityMutations;

#[derive(InputObject)]
pub struct StartCommunityFromApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct StartCommunityFromApplicationPayload {
    pub community: Community,
}

#[Object]
impl CommunityMutations {
    /// Turn a decided application, funded or not, into a community with its lead and co-leads
    /// as conveners (the lead, a co-lead or the programme team). Unfunded communities keep the
    /// network's admin and coaching support (FAQ 8).
    async fn start_community_from_application(
        &self,
        ctx: &Context<'_>,
        input: StartCommunityFromApplicationInput,
    ) -> ApiResult<StartCommunityFromApplicationPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let aid = ids::decode("applicationId", "Application", &input.application_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let app = apps::get(&tx, aid)
            .await?
            .ok_or_else(|| ApiError::field("applicationId", "There is no such application"))?;
        let parts = apps::participants_of(&tx, &[aid])
            .await?
            .remove(&aid)
            .unwrap_or_default();
        let rule = apps::as_rule_participants(&parts, &Default::default());
        if !v.is_programme_team()
            && !matches!(
                relation(v, &rule),
                ApplicationRelation::Lead | ApplicationRelation::CoLead
            )
        {
            return Err(ApiError::new("FORBIDDEN", "Only the applicants (or the programme team) can start a community from this application"));
        }
        let told = convene_store::repo::selection::told_applications(&tx, &[aid])
            .await?
            .contains(&aid);
        let on_panel = convene_store::repo::selection::panel(&tx, app.call_id)
            .await?
            .iter()
            .any(|m| m.person_id == v.person.0);
        if !convene_domain::selection::outcome_visible(v.is_programme_team(), on_panel, told) {
            return Err(ApiError::new(
                "INVALID_STATE",
                "The outcome of this application has not been sent yet",
            ));
        }
        let origin = origin_from_application(apps::status(&app))?;
        if communities::of_application(&tx, aid).await?.is_some() {
            return Err(ApiError::from(convene_domain::DomainError::conflict_on(
                "applicationId",
                "A community has already been started from this application",
            )));
        }
        let domain = domains::get(&tx, app.domain_id)
            .await?
            .map(|d| d.name)
            .unwrap_or_default();
        let conveners: Vec<uuid::Uuid> = parts
            .iter()
            .filter(|p| apps::co_lead_state(p) == CoLeadState::Accepted)
            .filter_map(|p| p.person_id)
            .collect();
        let c = communities::create(
            &tx,
            communities::NewCommunity {
                name: &format!("{domain} community of practice"),
                domain_id: app.domain_id,
                origin: origin.as_str(),
                application_id: Some(aid),
                funded: origin == convene_domain::community::Origin::FundedApplication,
                membership_mode: convene_domain::community::MembershipMode::OnRequest.as_str(),
                listed: true,
                created_by: v.person.0,
            },
            &conveners,
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "start_from_application",
            None,
            Some(&c),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(StartCommunityFromApplicationPayload {
            community: Community(c),
        })
    }
}
