//! Support requests to the network (SPEC §4): asked for by a community, assigned by the
//! programme team to a coach (who is told by e-mail), worked on, closed with a note.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::ids::PersonId;
use convene_store::begin_write;
use convene_store::repo::community_work as repo;

use super::*;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::community_work::{
    SupportRequest, SupportRequestKind, SupportRequestStatus,
};
use crate::mail::{self, templates};
use convene_domain::community as d;

#[derive(InputObject)]
pub struct RequestSupportInput {
    pub community_id: ID,
    pub kind: SupportRequestKind,
    pub details: String,
}
#[derive(SimpleObject)]
pub struct RequestSupportPayload {
    pub request: SupportRequest,
}
#[derive(InputObject)]
pub struct AssignSupportRequestInput {
    pub request_id: ID,
    /// A coach or a member of the programme team.
    pub person_id: ID,
}
#[derive(SimpleObject)]
pub struct AssignSupportRequestPayload {
    pub request: SupportRequest,
}
#[derive(InputObject)]
pub struct UpdateSupportRequestInput {
    pub request_id: ID,
    /// Leave out to add a note only.
    pub status: Option<SupportRequestStatus>,
    /// Required to close a request.
    pub note: Option<String>,
}
#[derive(SimpleObject)]
pub struct UpdateSupportRequestPayload {
    pub request: SupportRequest,
}

#[derive(Default)]
pub struct SupportMutations;

#[Object]
impl SupportMutations {
    /// Ask the network for support (a community's conveners and core group).
    async fn request_support(
        &self,
        ctx: &Context<'_>,
        input: RequestSupportInput,
    ) -> ApiResult<RequestSupportPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let details = d::parse_details("details", &input.details)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let c = community_for_change(&tx, &input.community_id).await?;
        d::check_can_request_support(my_role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let kind: d::SupportKind = input.kind.into();
        let row = repo::create_request(&tx, c.id, kind.as_str(), &details, v.person.0, now).await?;
        audit(
            &tx,
            Some(v.person.0),
            "SupportRequest",
            row.id,
            "request_support",
            None,
            Some(&row),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RequestSupportPayload {
            request: SupportRequest(row),
        })
    }

    /// Give a request to a coach or a member of the programme team, who is told by e-mail
    /// (the programme team).
    async fn assign_support_request(
        &self,
        ctx: &Context<'_>,
        input: AssignSupportRequestInput,
    ) -> ApiResult<AssignSupportRequestPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::decode("requestId", "SupportRequest", &input.request_id)?;
        let pid = ids::decode("personId", "Person", &input.person_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::request(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("requestId", "There is no such request"))?;
        let assignee = convene_store::repo::people::get(&tx, pid)
            .await?
            .ok_or_else(|| ApiError::field("personId", "There is no such person"))?;
        let roles = convene_store::repo::people::roles_of(&tx, &[pid])
            .await?
            .remove(&pid)
            .unwrap_or_default();
        d::check_assignee("personId", &roles)?;
        let status = d::assign(
            d::SupportStatus::from_str(&before.status).unwrap_or(d::SupportStatus::Open),
        )?;
        let after = repo::update_request(
            &tx,
            before.clone(),
            status.as_str(),
            Some(pid),
            None,
            v.person.0,
            now,
        )
        .await?;
        let c = convene_store::repo::communities::get(&tx, after.community_id)
            .await?
            .ok_or_else(|| ApiError::internal("community missing"))?;
        let kind = d::SupportKind::from_str(&after.kind).unwrap_or(d::SupportKind::Other);
        let link = format!(
            "{}/communities/{}",
            st.config.public_url.trim_end_matches('/'),
            ids::encode("Community", c.id).as_str()
        );
        mail::enqueue(
            &tx,
            &templates::support_request_assigned(
                &assignee.email,
                &assignee.name,
                &c.name,
                kind.label(),
                &after.details,
                &link,
            ),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "SupportRequest",
            id,
            "assign_support_request",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(AssignSupportRequestPayload {
            request: SupportRequest(after),
        })
    }

    /// Move a request on or add a note (its assignee and the programme team); closing needs a note.
    async fn update_support_request(
        &self,
        ctx: &Context<'_>,
        input: UpdateSupportRequestInput,
    ) -> ApiResult<UpdateSupportRequestPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("requestId", "SupportRequest", &input.request_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = repo::request(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("requestId", "There is no such request"))?;
        d::check_can_update(v, before.assignee_id.map(PersonId))?;
        let (status, note) = d::update(
            d::SupportStatus::from_str(&before.status).unwrap_or(d::SupportStatus::Open),
            input.status.map(Into::into),
            input.note.as_deref(),
        )?;
        let after = repo::update_request(
            &tx,
            before.clone(),
            status.as_str(),
            before.assignee_id,
            note.as_deref(),
            v.person.0,
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "SupportRequest",
            id,
            "update_support_request",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(UpdateSupportRequestPayload {
            request: SupportRequest(after),
        })
    }
}
