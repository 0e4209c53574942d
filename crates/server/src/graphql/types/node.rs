use async_graphql::{Interface, ID};

use super::application::Application;
use super::audit::AuditEntry;
use super::call::{Call, Criterion};
use super::catalogue::Domain;
use super::community::Community;
use super::community_work::Challenge;
use super::honoraria::HonorariumShare;
use super::meeting::Meeting;
use super::notification::Notification;
use super::organisation::Organisation;
use super::partner::ServiceClient;
use super::person::Person;
use super::practice::{Exchange, Inquiry, InquiryAnswer, Practice, SharingProtocol};
use super::webhook::{WebhookDelivery, WebhookSubscription};

/// Every entity has a global ID that `node(id)` resolves.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
pub enum Node {
    Person(Person),
    Organisation(Organisation),
    Domain(Domain),
    Call(Call),
    Criterion(Criterion),
    Application(Application),
    AuditEntry(AuditEntry),
    HonorariumShare(HonorariumShare),
    Community(Community),
    Meeting(Meeting),
    ServiceClient(ServiceClient),
    Notification(Notification),
    Practice(Practice),
    Exchange(Exchange),
    Inquiry(Inquiry),
    InquiryAnswer(InquiryAnswer),
    SharingProtocol(SharingProtocol),
    Challenge(Challenge),
    WebhookSubscription(WebhookSubscription),
    WebhookDelivery(WebhookDelivery),
}

/// What the viewer may see of a node, by kind: one row per kind in [`resolve`]'s table.
mod find {
    use async_graphql::Context;
    use convene_domain::access::{require_role, require_signed_in};
    use convene_domain::account::Role;
    use convene_domain::ErrorCode;
    use convene_store::entities::{audit, criterion, webhook_delivery};
    use convene_store::repo;
    use uuid::Uuid;

    use super::super::call::{Call, Criterion};
    use super::super::practice::{self, InquiryNode};
    use super::*;
    use crate::graphql::context::{state, viewer};
    use crate::graphql::error::ApiResult;
    use crate::graphql::loaders::loaders;
    use crate::graphql::query::{visible_application, visible_call, visible_community};

    type Found = ApiResult<Option<Node>>;

    /// A refusal that `node` answers as "nothing there", as `call(id)` and `application(id)` do.
    fn hidden<T>(r: ApiResult<T>) -> ApiResult<Option<T>> {
        match r {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.code == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Only the programme team sees these rows, found by primary key.
    async fn for_team<E>(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<E::Model>>
    where
        E: sea_orm::EntityTrait,
        E::Model: Send + Sync,
    {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        Ok(convene_store::by_ids::<E>(&state(ctx).db, &[id])
            .await?
            .pop())
    }

    pub async fn person(ctx: &Context<'_>, id: Uuid) -> Found {
        require_signed_in(viewer(ctx))?;
        let p = loaders(ctx).people.load_one(id).await?;
        Ok(p.map(|p| Node::Person(Person::from(p))))
    }
    pub async fn organisation(ctx: &Context<'_>, id: Uuid) -> Found {
        let o = loaders(ctx).organisations.load_one(id).await?;
        Ok(o.map(|o| Node::Organisation(Organisation(o))))
    }
    pub async fn domain(ctx: &Context<'_>, id: Uuid) -> Found {
        let d = loaders(ctx).domains.load_one(id).await?;
        Ok(d.map(|d| Node::Domain(Domain(d))))
    }
    pub async fn call(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(hidden(visible_call(ctx, id).await)?.map(Node::Call))
    }
    /// A criterion is seen by whoever may see its call (a draft's only by the programme team).
    pub async fn criterion(ctx: &Context<'_>, id: Uuid) -> Found {
        let db = &state(ctx).db;
        let Some(c) = convene_store::by_ids::<criterion::Entity>(db, &[id])
            .await?
            .pop()
        else {
            return Ok(None);
        };
        let call: Option<Call> = hidden(visible_call(ctx, c.call_id).await)?;
        Ok(call.map(|_| Node::Criterion(Criterion(c))))
    }
    pub async fn application(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(hidden(visible_application(ctx, id).await)?.map(Node::Application))
    }
    pub async fn honorarium_share(ctx: &Context<'_>, id: Uuid) -> Found {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let s = repo::honoraria::get(&state(ctx).db, id).await?;
        Ok(s.map(|s| Node::HonorariumShare(HonorariumShare(s))))
    }
    pub async fn community(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(visible_community(ctx, id).await?.map(Node::Community))
    }
    pub async fn notification(ctx: &Context<'_>, id: Uuid) -> Found {
        let v = require_signed_in(viewer(ctx))?;
        let n = repo::notifications::get(&state(ctx).db, id).await?;
        Ok(n.filter(|n| n.person_id == v.person.0)
            .map(|n| Node::Notification(Notification(n))))
    }
    pub async fn service_client(ctx: &Context<'_>, id: Uuid) -> Found {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let c = repo::partners::get(&state(ctx).db, id).await?;
        Ok(c.map(|c| Node::ServiceClient(ServiceClient(c))))
    }
    pub async fn meeting(ctx: &Context<'_>, id: Uuid) -> Found {
        let m = super::super::meeting::visible_meeting(ctx, id).await?;
        Ok(m.map(Node::Meeting))
    }
    pub async fn practice(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(practice::visible_practice(ctx, id)
            .await?
            .map(Node::Practice))
    }
    pub async fn exchange(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(practice::visible_exchange(ctx, id)
            .await?
            .map(Node::Exchange))
    }
    pub async fn inquiry(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(match practice::visible_inquiry(ctx, id).await? {
            Some(InquiryNode::Inquiry(i)) => Some(Node::Inquiry(i)),
            _ => None,
        })
    }
    pub async fn inquiry_answer(ctx: &Context<'_>, id: Uuid) -> Found {
        Ok(match practice::visible_inquiry(ctx, id).await? {
            Some(InquiryNode::Answer(a)) => Some(Node::InquiryAnswer(a)),
            _ => None,
        })
    }
    pub async fn sharing_protocol(ctx: &Context<'_>, id: Uuid) -> Found {
        let p = practice::visible_protocol(ctx, id).await?;
        Ok(p.map(Node::SharingProtocol))
    }
    pub async fn challenge(ctx: &Context<'_>, id: Uuid) -> Found {
        let c = super::super::community_work::visible_challenge(ctx, id).await?;
        Ok(c.map(Node::Challenge))
    }
    pub async fn audit_entry(ctx: &Context<'_>, id: Uuid) -> Found {
        let a = for_team::<audit::Entity>(ctx, id).await?;
        Ok(a.map(|a| Node::AuditEntry(AuditEntry(a))))
    }
    pub async fn webhook_subscription(ctx: &Context<'_>, id: Uuid) -> Found {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let s = repo::webhooks::get(&state(ctx).db, id).await?;
        Ok(s.map(|s| Node::WebhookSubscription(WebhookSubscription(s))))
    }
    pub async fn webhook_delivery(ctx: &Context<'_>, id: Uuid) -> Found {
        let d = for_team::<webhook_delivery::Entity>(ctx, id).await?;
        Ok(d.map(|d| Node::WebhookDelivery(WebhookDelivery(d))))
    }
}

/// The table of `node(id)`: each kind of global ID, by its typed ID's name, and how to find
/// it for this viewer. An ID of any other kind is nothing.
macro_rules! node_table {
    ($ctx:ident, $kind:ident, $uuid:ident; $($id:ty => $find:ident),* $(,)?) => {
        $(if $kind == <$id as convene_domain::ids::GlobalId>::KIND {
            return find::$find($ctx, $uuid).await;
        })*
    };
}

/// Any entity by its global ID, as the viewer may see it.
pub async fn resolve(
    ctx: &async_graphql::Context<'_>,
    id: &ID,
) -> crate::graphql::error::ApiResult<Option<Node>> {
    use convene_domain::ids::*;
    let Some((kind, uuid)) = crate::graphql::ids::decode_any(id) else {
        return Err(crate::graphql::error::ApiError::field(
            "id",
            "This is not a valid ID",
        ));
    };
    node_table!(ctx, kind, uuid;
        PersonId => person,
        OrganisationId => organisation,
        DomainId => domain,
        CallId => call,
        CriterionId => criterion,
        ApplicationId => application,
        HonorariumShareId => honorarium_share,
        CommunityId => community,
        NotificationId => notification,
        ServiceClientId => service_client,
        MeetingId => meeting,
        PracticeId => practice,
        ExchangeId => exchange,
        InquiryId => inquiry,
        InquiryAnswerId => inquiry_answer,
        SharingProtocolId => sharing_protocol,
        ChallengeId => challenge,
        AuditEntryId => audit_entry,
        WebhookSubscriptionId => webhook_subscription,
        WebhookDeliveryId => webhook_delivery,
    );
    Ok(None)
}
