//! The root query.

use async_graphql::{Context, Object, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::call::CallStatus as DCallStatus;
use convene_domain::community;
use convene_store::repo;
use uuid::Uuid;

use super::context::{now, state, viewer};
use super::error::{ApiError, ApiResult};
use super::ids;
use super::loaders::loaders;
use super::types::application::Application;
use super::types::audit::{AuditEntry, AuditEntryConnection};
use super::types::call::{Call, CallConnection};
use super::types::catalogue::{Domain, DomainConnection};
use super::types::community::{Community, CommunityConnection, CommunityInvitation};
use super::types::connection::{by_offset, offset_connection, page_cost, window};
use super::types::enums::{CallStatus, DomainStatus};
use super::types::node::Node;
use super::types::organisation::{Organisation, OrganisationConnection};
use super::types::person::{Person, PersonConnection};
use super::types::practice::{self, Practice, PracticeConnection, SharingProtocolConnection};
use super::types::privacy::{AuditFilter, MyDataExport};
use super::types::webhook::{WebhookSubscription, WebhookSubscriptionConnection};

pub struct QueryRoot;

/// A community the viewer may see (`convene_domain::community::can_see_community`); the
/// viewer's membership is looked up only when it decides.
pub async fn visible_community(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<Community>> {
    let Some(c) = loaders(ctx).communities.load_one(id).await? else {
        return Ok(None);
    };
    let membership = if community::needs_membership(viewer(ctx), c.listed) {
        super::types::community::role_in(ctx, id).await?
    } else {
        None
    };
    Ok(community::can_see_community(viewer(ctx), c.listed, membership).then_some(Community(c)))
}

/// An application the viewer may read: leads, co-leads, invitees, the programme team, and its
/// call's panel except those conflicted on it.
pub async fn visible_application(ctx: &Context<'_>, id: Uuid) -> ApiResult<Application> {
    require_signed_in(viewer(ctx))?;
    let app = loaders(ctx)
        .applications
        .load_one(id)
        .await?
        .ok_or_else(|| ApiError::not_found("The application"))?;
    if super::types::application::may_read(ctx, &app).await? {
        Ok(Application::from(app))
    } else {
        Err(ApiError::new(
            convene_domain::ErrorCode::Forbidden,
            "You can see only applications you lead, co-lead or are invited to",
        ))
    }
}

/// A call the viewer may read: drafts are for the programme team only.
pub async fn visible_call(ctx: &Context<'_>, id: Uuid) -> ApiResult<Call> {
    let c = loaders(ctx)
        .calls
        .load_one(id)
        .await?
        .ok_or_else(|| ApiError::not_found("The call"))?;
    if repo::calls::status(&c) == DCallStatus::Draft
        && !viewer(ctx).is_some_and(|v| v.is_programme_team())
    {
        return Err(ApiError::not_found("The call"));
    }
    Ok(Call(c))
}

#[Object]
#[allow(clippy::too_many_arguments)] // the library's filters are plain arguments
impl QueryRoot {
    /// Any entity by its global ID.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Node>> {
        super::types::node::resolve(ctx, &id).await
    }

    /// A community: listed ones for anyone, unlisted ones for their members.
    async fn community(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Community>> {
        let uuid = ids::decode("id", "Community", &id)?;
        visible_community(ctx, uuid).await
    }

    /// The viewer's notifications, newest first; `unreadOnly` for the bell's count.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        unread_only: Option<bool>,
    ) -> ApiResult<super::types::notification::NotificationConnection> {
        let v = require_signed_in(viewer(ctx))?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let unread_only = unread_only.unwrap_or(false);
        let db = &state(ctx).db;
        Ok(
            repo::notifications::page_of_person(db, v.person.0, unread_only, &w)
                .await?
                .map(super::types::notification::Notification)
                .into(),
        )
    }

    /// Partner systems' service clients, newest first (programme team).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn service_clients(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<super::types::partner::ServiceClientConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        offset_connection(&w, super::types::partner::ServiceClient, |p| {
            repo::partners::list(db, p)
        })
        .await
    }

    /// The community directory: listed communities (with, for a signed-in person, the ones they
    /// belong to; everything for the programme team), by name.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn communities(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        search: Option<String>,
        domain_id: Option<ID>,
    ) -> ApiResult<CommunityConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let domain = ids::decode_opt("domainId", "Domain", domain_id.as_ref())?;
        let scope = community::directory_scope(viewer(ctx));
        let db = &state(ctx).db;
        let page = repo::communities::list(db, search.as_deref(), domain, scope, &w).await?;
        super::prefetch::communities(ctx, &page.rows).await?;
        Ok(page.map(Community).into())
    }

    /// An invitation to a community, read with the token from its link.
    async fn invitation(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> ApiResult<Option<CommunityInvitation>> {
        let found = repo::communities::invitation_by_token(
            &state(ctx).db,
            &crate::auth::token_hash(token.trim()),
        )
        .await?;
        Ok(found.map(CommunityInvitation))
    }

    /// The programme dashboard (programme team only; FORBIDDEN otherwise): every figure in one
    /// query.
    async fn programme_dashboard(
        &self,
        ctx: &Context<'_>,
        filter: Option<super::types::reporting::DashboardFilter>,
    ) -> ApiResult<super::types::reporting::ProgrammeDashboard> {
        super::types::reporting::programme_dashboard(ctx, filter).await
    }
    /// The signed-in person; null when anonymous.
    async fn viewer(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        match viewer(ctx) {
            Some(v) => Ok(loaders(ctx)
                .people
                .load_one(v.person.0)
                .await?
                .map(Person::from)),
            None => Ok(None),
        }
    }

    /// The ways to sign in besides a password (single sign-on); empty when none is configured.
    async fn auth_providers(&self, ctx: &Context<'_>) -> Vec<super::types::identity::AuthProvider> {
        crate::usecases::sso::providers(state(ctx))
            .into_iter()
            .map(super::types::identity::AuthProvider::from)
            .collect()
    }

    /// Organisations, by name; readable anonymously so that people can pick theirs when registering.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn organisations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        search: Option<String>,
    ) -> ApiResult<OrganisationConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        offset_connection(&w, Organisation, |p| {
            repo::organisations::list(db, search.as_deref(), p)
        })
        .await
    }

    async fn organisation(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Organisation>> {
        let uuid = ids::decode("id", "Organisation", &id)?;
        Ok(loaders(ctx)
            .organisations
            .load_one(uuid)
            .await?
            .map(Organisation))
    }

    /// The domain catalogue, by name.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn domains(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        search: Option<String>,
        status: Option<DomainStatus>,
    ) -> ApiResult<DomainConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        let status = status.map(Into::into);
        offset_connection(&w, Domain, |p| {
            repo::domains::list(db, search.as_deref(), status, p)
        })
        .await
    }

    async fn domain(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Domain>> {
        let uuid = ids::decode("id", "Domain", &id)?;
        Ok(loaders(ctx).domains.load_one(uuid).await?.map(Domain))
    }

    /// Calls, newest first. Drafts are listed for the programme team only.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn calls(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        status: Option<CallStatus>,
    ) -> ApiResult<CallConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let team = viewer(ctx).is_some_and(|v| v.is_programme_team());
        let wanted: Option<DCallStatus> = status.map(Into::into);
        let db = &state(ctx).db;
        let paged = if wanted == Some(DCallStatus::Draft) && !team {
            by_offset(&w, |_| async { Ok((Vec::new(), 0)) }).await?
        } else {
            by_offset(&w, |p| repo::calls::list(db, wanted, !team, now(), p)).await?
        };
        Ok(paged.map(Call).into())
    }

    async fn call(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Call>> {
        let uuid = ids::decode("id", "Call", &id)?;
        match visible_call(ctx, uuid).await {
            Ok(c) => Ok(Some(c)),
            Err(e) if e.code == convene_domain::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// An application you lead, co-lead or are invited to (or any, for the programme team).
    async fn application(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Application>> {
        let uuid = ids::decode("id", "Application", &id)?;
        match visible_application(ctx, uuid).await {
            Ok(a) => Ok(Some(a)),
            Err(e) if e.code == convene_domain::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Everyone with an account (programme team only).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn people(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        search: Option<String>,
    ) -> ApiResult<PersonConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        offset_connection(&w, Person::from, |p| {
            repo::people::list(db, search.as_deref(), p)
        })
        .await
    }

    #[graphql(complexity = "page_cost(first, None, child_complexity)")]
    /// Support requests to work on, oldest first: a coach sees those assigned to them, the
    /// programme team every request.
    async fn support_queue(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<super::types::community_work::SupportRequestStatus>,
    ) -> ApiResult<super::types::community_work::SupportRequestConnection> {
        super::types::community_work::support_queue(ctx, first, after, status).await
    }

    /// Partner systems' webhook subscriptions (programme team).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn webhook_subscriptions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<WebhookSubscriptionConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        offset_connection(&w, WebhookSubscription, |p| repo::webhooks::list(db, p)).await
    }

    /// The audit trail, newest first (programme team only); `entityId` narrows it to one
    /// entity and `filter` by type, actor, action and UK days.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        entity_id: Option<ID>,
        filter: Option<AuditFilter>,
    ) -> ApiResult<AuditEntryConnection> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let filter = filter.unwrap_or_default();
        let f = audit_filter(entity_id.as_ref(), &filter)?;
        Ok(repo::audit::page(&state(ctx).db, &f, &w)
            .await?
            .map(AuditEntry)
            .into())
    }

    /// The audit trail's entity types, for a filter (programme team only).
    async fn audit_entity_types(&self, ctx: &Context<'_>) -> ApiResult<Vec<String>> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        Ok(repo::audit::entity_types(&state(ctx).db).await?)
    }

    /// Everything Convene holds about the viewer (signed-in people only), as for the mutation.
    async fn export_my_data(&self, ctx: &Context<'_>) -> ApiResult<MyDataExport> {
        super::mutation::privacy::export_my_data(ctx).await
    }

    /// A practice: whoever sees its community, and the library's readers once it is promising.
    async fn practice(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Option<Practice>> {
        let uuid = ids::decode("id", "Practice", &id)?;
        practice::visible_practice(ctx, uuid).await
    }

    /// The promising-practices library: PUBLIC ones for anyone, NETWORK ones too for anyone
    /// signed in. With `search`, most relevant first (every word must match the name, tags,
    /// description, evidence or outcomes; the name weighs most); otherwise newest first.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn promising_practices(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        search: Option<String>,
        domain_id: Option<ID>,
        organisation_id: Option<ID>,
        tag: Option<String>,
    ) -> ApiResult<PracticeConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let domain = ids::decode_opt("domainId", "Domain", domain_id.as_ref())?;
        let organisation =
            ids::decode_opt("organisationId", "Organisation", organisation_id.as_ref())?;
        let terms = convene_domain::practice::search_terms(search.as_deref().unwrap_or(""));
        let tag = tag
            .as_deref()
            .map(convene_domain::practice::normalise_tag)
            .filter(|t| !t.is_empty());
        let query = repo::library::LibraryQuery {
            terms: &terms,
            domain_id: domain,
            organisation_id: organisation,
            tag: tag.as_deref(),
            signed_in: viewer(ctx).is_some(),
        };
        let db = &state(ctx).db;
        offset_connection(&w, Practice, |p| repo::library::search(db, query, p)).await
    }

    /// The network's sample sharing protocols, by name (anyone signed in).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn sharing_protocols(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<SharingProtocolConnection> {
        require_signed_in(viewer(ctx))?;
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let db = &state(ctx).db;
        offset_connection(&w, practice::SharingProtocol, |p| {
            repo::practices::network_protocols(db, p)
        })
        .await
    }
}

/// The audit trail's filter, from `auditLog`'s arguments.
fn audit_filter<'a>(
    entity_id: Option<&ID>,
    filter: &'a AuditFilter,
) -> ApiResult<repo::audit::Filter<'a>> {
    let entity = match entity_id {
        Some(id) => Some(
            ids::decode_any(id)
                .ok_or_else(|| ApiError::field("entityId", "This is not a valid ID"))?
                .1,
        ),
        None => None,
    };
    let actor = ids::decode_opt("filter.actorId", "Person", filter.actor_id.as_ref())?;
    let (from, until) =
        convene_domain::privacy::audit_window(filter.from.map(|d| d.0), filter.to.map(|d| d.0))?;
    fn blank(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    Ok(repo::audit::Filter {
        entity_id: entity,
        entity_type: blank(&filter.entity_type),
        actor_id: actor,
        action: blank(&filter.action),
        from,
        until,
    })
}
