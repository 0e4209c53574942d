//! Starting a community: by anyone signed in, or from a decided application (FAQ 8).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{relation, require_signed_in, ApplicationRelation};
use convene_domain::application::CoLeadState;
use convene_domain::community::origin_from_application;
use convene_store::begin_write;
use convene_store::repo::{applications as apps, communities, domains};

use super::super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community::Community;
use crate::graphql::types::enums::MembershipMode;
use convene_domain::community as d;

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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let name = f.take(d::parse_name("name", &input.name));
        let domain_id = f.take(
            ids::decode("domainId", "Domain", &input.domain_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let now = now();
        let tx = begin_write(&st.db).await?;
        if let Some(id) = domain_id {
            match domains::get(&tx, id).await? {
                Some(dm) => {
                    f.take(convene_domain::catalogue::check_open_for_applications(
                        domains::status(&dm),
                    ));
                }
                None => f.add("domainId", "Choose a domain from the list"),
            }
        }
        f.finish()?;
        let mode: d::MembershipMode = input.membership_mode.into();
        let c = communities::create(
            &tx,
            communities::NewCommunity {
                name: &name.expect("checked"),
                domain_id: domain_id.expect("checked"),
                origin: d::Origin::SelfOrganised.as_str(),
                application_id: None,
                funded: false,
                membership_mode: mode.as_str(),
                listed: input.listed,
                created_by: v.person.0,
            },
            &[v.person.0],
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Community",
            c.id,
            "create",
            None,
            Some(&c),
            now,
        )
        .await?;
        if convene_domain::webhook::announces_community(c.listed) {
            crate::webhooks::emit(
                &tx,
                "community.created",
                crate::webhooks::community_data(&c),
                now,
            )
            .await?;
        }
        tx.commit().await?;
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
            return Err(ApiError::new(convene_domain::ErrorCode::Forbidden, "Only the applicants (or the programme team) can start a community from this application"));
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
                convene_domain::ErrorCode::InvalidState,
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
        if convene_domain::webhook::announces_community(c.listed) {
            crate::webhooks::emit(
                &tx,
                "community.created",
                crate::webhooks::community_data(&c),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(StartCommunityFromApplicationPayload {
            community: Community(c),
        })
    }
}
