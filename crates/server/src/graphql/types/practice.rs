//! Practices (SPEC §5): practices, exchanges and their inquiries, sharing protocols and
//! promising practices. Who reads what is decided by `convene_domain::practice` and applied
//! here once, for every path (`node`, the lists, the library).

use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::practice as d;
use convene_store::entities::{exchange_inquiry, practice, practice_exchange, sharing_protocol};
use convene_store::repo::practices as repo;
use uuid::Uuid;

use super::catalogue::Domain;
use super::community::Community;
use super::connection::{connection, page, page_cost, window};
use super::organisation::Organisation;
use super::person::Person;
use super::refs;
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders};
use crate::graphql::query::visible_community;

// ---- enums

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PracticeStatus {
    Proposed,
    Exploring,
    Explored,
}
impl From<PracticeStatus> for d::PracticeStatus {
    fn from(x: PracticeStatus) -> Self {
        match x {
            PracticeStatus::Proposed => d::PracticeStatus::Proposed,
            PracticeStatus::Exploring => d::PracticeStatus::Exploring,
            PracticeStatus::Explored => d::PracticeStatus::Explored,
        }
    }
}
impl From<d::PracticeStatus> for PracticeStatus {
    fn from(x: d::PracticeStatus) -> Self {
        match x {
            d::PracticeStatus::Proposed => PracticeStatus::Proposed,
            d::PracticeStatus::Exploring => PracticeStatus::Exploring,
            d::PracticeStatus::Explored => PracticeStatus::Explored,
        }
    }
}

/// Who reads an exchange: the community's members, anyone signed in, or anyone at all.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExchangeVisibility {
    Community,
    Network,
    Public,
}
impl From<ExchangeVisibility> for d::ExchangeVisibility {
    fn from(x: ExchangeVisibility) -> Self {
        match x {
            ExchangeVisibility::Community => d::ExchangeVisibility::Community,
            ExchangeVisibility::Network => d::ExchangeVisibility::Network,
            ExchangeVisibility::Public => d::ExchangeVisibility::Public,
        }
    }
}
impl From<d::ExchangeVisibility> for ExchangeVisibility {
    fn from(x: d::ExchangeVisibility) -> Self {
        match x {
            d::ExchangeVisibility::Community => ExchangeVisibility::Community,
            d::ExchangeVisibility::Network => ExchangeVisibility::Network,
            d::ExchangeVisibility::Public => ExchangeVisibility::Public,
        }
    }
}

/// Who reads a promising practice in the library: anyone signed in, or anyone at all.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PromisingVisibility {
    Network,
    Public,
}
impl From<PromisingVisibility> for d::PromisingVisibility {
    fn from(x: PromisingVisibility) -> Self {
        match x {
            PromisingVisibility::Network => d::PromisingVisibility::Network,
            PromisingVisibility::Public => d::PromisingVisibility::Public,
        }
    }
}
impl From<d::PromisingVisibility> for PromisingVisibility {
    fn from(x: d::PromisingVisibility) -> Self {
        match x {
            d::PromisingVisibility::Network => PromisingVisibility::Network,
            d::PromisingVisibility::Public => PromisingVisibility::Public,
        }
    }
}

// ---- who reads what

pub fn status_of(p: &practice::Model) -> ApiResult<d::PracticeStatus> {
    Ok(convene_store::stored("practices.status", &p.status)?)
}

pub fn visibility_of(e: &practice_exchange::Model) -> ApiResult<d::ExchangeVisibility> {
    Ok(convene_store::stored(
        "practice_exchanges.visibility",
        &e.visibility,
    )?)
}

pub fn promising_of(p: &practice::Model) -> Option<d::PromisingVisibility> {
    p.promising_visibility
        .as_deref()
        .and_then(d::PromisingVisibility::from_str)
}

fn is_author(ctx: &Context<'_>, e: &practice_exchange::Model) -> bool {
    viewer(ctx).is_some_and(|v| Some(v.person.0) == e.author_id)
}

/// Whether the viewer belongs to the community (any role).
pub async fn is_member(ctx: &Context<'_>, community: Uuid) -> ApiResult<bool> {
    Ok(convene_domain::community::is_member(
        super::community::role_in(ctx, community).await?,
    ))
}

/// How the viewer stands to an exchange.
pub async fn reader_of(ctx: &Context<'_>, e: &practice_exchange::Model) -> ApiResult<d::Reader> {
    Ok(d::Reader {
        signed_in: viewer(ctx).is_some(),
        member: is_member(ctx, e.community_id).await?,
        author: is_author(ctx, e),
    })
}

pub async fn can_read_exchange(ctx: &Context<'_>, e: &practice_exchange::Model) -> ApiResult<bool> {
    Ok(d::can_read_exchange(
        reader_of(ctx, e).await?,
        visibility_of(e)?,
    ))
}

/// A practice is read by whoever sees its community, and, once promising, by the library's
/// readers.
pub async fn can_read_practice(ctx: &Context<'_>, p: &practice::Model) -> ApiResult<bool> {
    if promising_of(p).is_some_and(|v| d::can_read_promising(v, viewer(ctx).is_some())) {
        return Ok(true);
    }
    Ok(visible_community(ctx, p.community_id).await?.is_some())
}

pub async fn visible_practice(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<Practice>> {
    let Some(p) = loaders(ctx).practices.load_one(id).await? else {
        return Ok(None);
    };
    Ok(can_read_practice(ctx, &p).await?.then_some(Practice(p)))
}

pub async fn visible_exchange(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<Exchange>> {
    let Some(e) = loaders(ctx).exchanges.load_one(id).await? else {
        return Ok(None);
    };
    Ok(can_read_exchange(ctx, &e).await?.then_some(Exchange(e)))
}

/// A question or a reply, through the exchange it belongs to.
pub async fn visible_inquiry(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<InquiryNode>> {
    let Some(row) = repo::inquiry(&state(ctx).db, id).await? else {
        return Ok(None);
    };
    let Some(e) = visible_exchange(ctx, row.exchange_id).await? else {
        return Ok(None);
    };
    Ok(Some(match row.parent_id {
        None => InquiryNode::Inquiry(Inquiry { row, exchange: e.0 }),
        Some(_) => InquiryNode::Answer(InquiryAnswer { row, exchange: e.0 }),
    }))
}

pub enum InquiryNode {
    Inquiry(Inquiry),
    Answer(InquiryAnswer),
}

pub fn protocol_owner(p: &sharing_protocol::Model) -> d::ProtocolOwner {
    if p.community_id.is_some() {
        d::ProtocolOwner::Community
    } else {
        d::ProtocolOwner::Network
    }
}

pub async fn can_read_protocol(ctx: &Context<'_>, p: &sharing_protocol::Model) -> ApiResult<bool> {
    let member = match p.community_id {
        Some(c) => is_member(ctx, c).await?,
        None => false,
    };
    Ok(d::can_read_protocol(
        protocol_owner(p),
        viewer(ctx).is_some(),
        viewer(ctx).is_some_and(|v| v.is_programme_team()),
        member,
    ))
}

pub async fn visible_protocol(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<SharingProtocol>> {
    let Some(p) = loaders(ctx).protocols.load_one(id).await? else {
        return Ok(None);
    };
    Ok(can_read_protocol(ctx, &p)
        .await?
        .then_some(SharingProtocol(p)))
}

// ---- practices

#[derive(Clone)]
pub struct Practice(pub practice::Model);

/// A practice a community explores, in its domain (SPEC §5).
#[Object]
impl Practice {
    pub async fn id(&self) -> ID {
        ids::encode("Practice", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn tags(&self) -> Vec<String> {
        repo::tags(&self.0)
    }
    async fn status(&self) -> ApiResult<PracticeStatus> {
        Ok(status_of(&self.0)?.into())
    }
    async fn domain(&self, ctx: &Context<'_>) -> ApiResult<Domain> {
        refs::domain(ctx, self.0.domain_id).await
    }
    /// The community exploring it; null when the viewer may not see that community (a
    /// promising practice of an unlisted community, read from the library).
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Option<Community>> {
        visible_community(ctx, self.0.community_id).await
    }
    async fn proposed_by(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        load_opt(&loaders(ctx).people, self.0.proposed_by, Person::from).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The accounts of this practice the viewer may read, newest first: COMMUNITY ones for
    /// the community's members, NETWORK ones for anyone signed in, PUBLIC ones for anyone,
    /// and always the viewer's own.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn exchanges(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<ExchangeConnection> {
        let w = window(first, after.as_deref(), last, before.as_deref())?;
        let vis = readable_in(ctx, self.0.community_id).await?;
        let scope = repo::ExchangeScope {
            visibilities: &vis,
            author: viewer(ctx).map(|v| v.person.0),
        };
        Ok(repo::exchanges_of(&state(ctx).db, self.0.id, scope, &w)
            .await?
            .map(Exchange)
            .into())
    }
    /// What made it promising, when it has been marked so and the viewer may read it there.
    async fn promising(&self, ctx: &Context<'_>) -> Option<PromisingDetails> {
        let v = promising_of(&self.0)?;
        d::can_read_promising(v, viewer(ctx).is_some()).then(|| PromisingDetails(self.0.clone()))
    }
}

connection!(PracticeConnection, PracticeEdge, Practice);

#[derive(Clone)]
pub struct PromisingDetails(pub practice::Model);

/// A practice curated as promising: its evidence, outcomes and where it is used.
#[Object]
impl PromisingDetails {
    async fn evidence(&self) -> &str {
        self.0.evidence.as_deref().unwrap_or_default()
    }
    async fn outcomes(&self) -> &str {
        self.0.outcomes.as_deref().unwrap_or_default()
    }
    /// The organisations where it is used, in the order given.
    async fn organisations(&self, ctx: &Context<'_>) -> ApiResult<Vec<Organisation>> {
        let ids = loaders(ctx)
            .promising_organisations
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let found = loaders(ctx)
            .organisations
            .load_many(ids.iter().copied())
            .await?;
        Ok(ids
            .iter()
            .filter_map(|i| found.get(i).cloned().map(Organisation))
            .collect())
    }
    async fn visibility(&self) -> PromisingVisibility {
        promising_of(&self.0)
            .unwrap_or(d::PromisingVisibility::Network)
            .into()
    }
    async fn marked_by(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        load_opt(&loaders(ctx).people, self.0.marked_by, Person::from).await
    }
    async fn marked_at(&self) -> Option<DateTime<Utc>> {
        self.0.marked_at
    }
}

// ---- exchanges

#[derive(Clone)]
pub struct Exchange(pub practice_exchange::Model);

/// One person's account of a practice, in FAQ 10's six sections. When anonymous, `author` is
/// null for everyone but the author.
#[Object]
impl Exchange {
    pub async fn id(&self) -> ID {
        ids::encode("Exchange", self.0.id)
    }
    async fn practice(&self, ctx: &Context<'_>) -> ApiResult<Practice> {
        refs::practice(ctx, self.0.practice_id).await
    }
    /// Null when the exchange is anonymous, for everyone but its author.
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        if !d::shows_author(self.0.anonymous, is_author(ctx, &self.0)) {
            return Ok(None);
        }
        load_opt(&loaders(ctx).people, self.0.author_id, Person::from).await
    }
    /// Whether the viewer wrote it (so their own screens can offer to change it).
    async fn viewer_is_author(&self, ctx: &Context<'_>) -> bool {
        is_author(ctx, &self.0)
    }
    async fn technical(&self) -> &str {
        &self.0.technical
    }
    async fn cultural(&self) -> &str {
        &self.0.cultural
    }
    async fn challenges(&self) -> &str {
        &self.0.challenges
    }
    async fn barriers_overcome(&self) -> &str {
        &self.0.barriers_overcome
    }
    async fn missing(&self) -> &str {
        &self.0.missing
    }
    async fn help_needed(&self) -> &str {
        &self.0.help_needed
    }
    async fn visibility(&self) -> ApiResult<ExchangeVisibility> {
        Ok(visibility_of(&self.0)?.into())
    }
    async fn anonymous(&self) -> bool {
        self.0.anonymous
    }
    /// The ID of the meeting it was shared at, if any.
    async fn meeting_id(&self) -> Option<ID> {
        self.0.meeting_id.map(|m| ids::encode("Meeting", m))
    }
    /// The meeting it was shared at, if any and if the viewer may see it (its members).
    async fn meeting(&self, ctx: &Context<'_>) -> ApiResult<Option<super::meeting::Meeting>> {
        match self.0.meeting_id {
            Some(id) => super::meeting::visible_meeting(ctx, id).await,
            None => Ok(None),
        }
    }
    /// The sharing protocol followed, if any (null when the viewer may not read it).
    async fn protocol(&self, ctx: &Context<'_>) -> ApiResult<Option<SharingProtocol>> {
        match self.0.protocol_id {
            Some(id) => visible_protocol(ctx, id).await,
            None => Ok(None),
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Peers' questions, oldest first, each with its replies.
    async fn inquiries(&self, ctx: &Context<'_>) -> ApiResult<Vec<Inquiry>> {
        let rows = loaders(ctx)
            .inquiries
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .filter(|r| r.parent_id.is_none())
            .map(|row| Inquiry {
                row,
                exchange: self.0.clone(),
            })
            .collect())
    }
}

connection!(ExchangeConnection, ExchangeEdge, Exchange);

/// Whether to show who wrote a question or reply on an exchange: the exchange's anonymous
/// author stays anonymous there too.
fn inquiry_author_shown(
    ctx: &Context<'_>,
    row: &exchange_inquiry::Model,
    exchange: &practice_exchange::Model,
) -> bool {
    let by_author = row.author_id.is_some() && row.author_id == exchange.author_id;
    !by_author || d::shows_author(exchange.anonymous, is_author(ctx, exchange))
}

async fn inquiry_author(
    ctx: &Context<'_>,
    row: &exchange_inquiry::Model,
    exchange: &practice_exchange::Model,
) -> ApiResult<Option<Person>> {
    if !inquiry_author_shown(ctx, row, exchange) {
        return Ok(None);
    }
    load_opt(&loaders(ctx).people, row.author_id, Person::from).await
}

#[derive(Clone)]
pub struct Inquiry {
    pub row: exchange_inquiry::Model,
    pub exchange: practice_exchange::Model,
}

/// A peer's question about an exchange, with the replies to it.
#[Object]
impl Inquiry {
    pub async fn id(&self) -> ID {
        ids::encode("Inquiry", self.row.id)
    }
    async fn question(&self) -> &str {
        &self.row.body
    }
    /// Null when asked by the exchange's author while it is anonymous (except to them).
    async fn asked_by(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        inquiry_author(ctx, &self.row, &self.exchange).await
    }
    async fn asked_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }
    async fn answers(&self, ctx: &Context<'_>) -> ApiResult<Vec<InquiryAnswer>> {
        let rows = loaders(ctx)
            .inquiries
            .load_one(self.exchange.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .filter(|r| r.parent_id == Some(self.row.id))
            .map(|row| InquiryAnswer {
                row,
                exchange: self.exchange.clone(),
            })
            .collect())
    }
}

#[derive(Clone)]
pub struct InquiryAnswer {
    pub row: exchange_inquiry::Model,
    pub exchange: practice_exchange::Model,
}

/// A reply to a question on an exchange.
#[Object]
impl InquiryAnswer {
    pub async fn id(&self) -> ID {
        ids::encode("InquiryAnswer", self.row.id)
    }
    async fn answer(&self) -> &str {
        &self.row.body
    }
    /// Null when written by the exchange's author while it is anonymous (except to them).
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        inquiry_author(ctx, &self.row, &self.exchange).await
    }
    /// Whether the exchange's author wrote it (shown even when they are anonymous).
    async fn by_exchange_author(&self) -> bool {
        self.row.author_id.is_some() && self.row.author_id == self.exchange.author_id
    }
    async fn answered_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }
}

// ---- sharing protocols

#[derive(SimpleObject, Clone)]
pub struct SharingPrompt {
    pub prompt: String,
    pub minutes: i32,
}

#[derive(Clone)]
pub struct SharingProtocol(pub sharing_protocol::Model);

/// A sequence of prompts with timings for sharing a practice: one of the network's samples,
/// or a community's adapted copy.
#[Object]
impl SharingProtocol {
    pub async fn id(&self) -> ID {
        ids::encode("SharingProtocol", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn prompts(&self) -> Vec<SharingPrompt> {
        repo::prompts(&self.0)
            .into_iter()
            .map(|p| SharingPrompt {
                prompt: p.prompt,
                minutes: p.minutes,
            })
            .collect()
    }
    async fn total_minutes(&self) -> i32 {
        d::total_minutes(&repo::prompts(&self.0))
    }
    /// True for the network's sample protocols.
    async fn network(&self) -> bool {
        self.0.community_id.is_none()
    }
    /// The community that owns this copy (null for the network's).
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Option<Community>> {
        match self.0.community_id {
            Some(c) => visible_community(ctx, c).await,
            None => Ok(None),
        }
    }
    /// The network protocol this copy was adopted from.
    async fn adopted_from(&self, ctx: &Context<'_>) -> ApiResult<Option<SharingProtocol>> {
        match self.0.adopted_from {
            Some(id) => visible_protocol(ctx, id).await,
            None => Ok(None),
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

connection!(
    SharingProtocolConnection,
    SharingProtocolEdge,
    SharingProtocol
);

// ---- the community's side

/// A community's practices, as its home page orders them (whoever sees the community).
pub async fn community_practices(
    ctx: &Context<'_>,
    community: Uuid,
    first: Option<i32>,
    after: Option<String>,
    last: Option<i32>,
    before: Option<String>,
) -> ApiResult<PracticeConnection> {
    let p = page(first, after.as_deref(), last, before.as_deref())?;
    let (rows, total) = repo::of_community(&state(ctx).db, community, p).await?;
    Ok(PracticeConnection::new(
        rows.into_iter().map(Practice).collect(),
        total,
        p,
    ))
}

/// A community's own protocols (its members and the programme team).
pub async fn community_protocols(
    ctx: &Context<'_>,
    community: Uuid,
) -> ApiResult<Vec<SharingProtocol>> {
    let team = viewer(ctx).is_some_and(|v| v.is_programme_team());
    if !team && !is_member(ctx, community).await? {
        return Err(convene_domain::DomainError::forbidden(
            "Only the community's members can see its protocols",
        )
        .into());
    }
    Ok(repo::protocols_of_community(&state(ctx).db, community)
        .await?
        .into_iter()
        .map(SharingProtocol)
        .collect())
}

/// The visibilities of a community's exchanges that the viewer reads (besides their own):
/// COMMUNITY ones for its members, NETWORK ones for anyone signed in, PUBLIC ones for anyone.
pub(crate) async fn readable_in(
    ctx: &Context<'_>,
    community: Uuid,
) -> ApiResult<Vec<&'static str>> {
    let reader = d::Reader {
        signed_in: viewer(ctx).is_some(),
        member: is_member(ctx, community).await?,
        author: false,
    };
    Ok(d::readable_visibilities(reader)
        .into_iter()
        .map(|v| v.as_str())
        .collect())
}
