//! A community's life beyond meetings (SPEC §4): the member map and its reach, functions, the
//! working plan, support requests and the challenges board.

use async_graphql::{Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::community as d;
use convene_domain::ids::{OrganisationId, PersonId};
use convene_store::entities::{
    challenge, challenge_reply, community_function, member_map_entry, organisation, person,
    plan_need, support_request, support_request_event,
};
use convene_store::repo::community_work as repo;
use uuid::Uuid;

use super::community::{members_only, role_in, Community};
use super::connection::{connection, page};
use super::enums::{mirror, Sector};
use super::organisation::Organisation;
use super::person::Person;
use super::refs;
use super::scalars::Date;
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::loaders::{load_all, load_opt, loaders};
use crate::services::london_today;

mirror! {
    MemberMapTag = d::MapTag {
        HasInterest, ShouldHaveInterest, NeededForResources, NeededForAuthority, NeededForExpertise,
        NeedsDevelopment,
    }
    CommunityFunctionKind = d::FunctionKind {
        Agenda, NoteTaking, Communication, Facilitation, IntranetPosting, Other,
    }
    PlanNeedKind = d::NeedKind { Information, Research, Expertise }
    SupportRequestKind = d::SupportKind { MeetingDesign, IntranetPresence, Admin, Other }
    SupportRequestStatus = d::SupportStatus { Open, Assigned, InProgress, Closed }
}

// ---- the member map

#[derive(Clone)]
pub struct MemberMapEntry(pub member_map_entry::Model);

/// Someone the community wants or needs, beyond its usual circle.
#[Object]
impl MemberMapEntry {
    pub async fn id(&self) -> ID {
        ids::encode("MemberMapEntry", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// Their organisation, when it is in the catalogue.
    async fn organisation(&self, ctx: &Context<'_>) -> ApiResult<Option<Organisation>> {
        load_opt(
            &loaders(ctx).organisations,
            self.0.organisation_id,
            Organisation,
        )
        .await
    }
    /// The organisation's name: the catalogue's, or as typed when it is not there.
    async fn organisation_name(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        match self.0.organisation_id {
            Some(id) => Ok(loaders(ctx)
                .organisations
                .load_one(id)
                .await?
                .map(|o| o.name)),
            None => Ok(self.0.organisation_name.clone()),
        }
    }
    async fn profession(&self) -> Option<&str> {
        self.0.profession.as_deref()
    }
    /// The catalogue organisation's sector, or the one given with a typed name.
    async fn sector(&self, ctx: &Context<'_>) -> ApiResult<Option<Sector>> {
        match self.0.organisation_id {
            Some(id) => Ok(loaders(ctx)
                .organisations
                .load_one(id)
                .await?
                .map(|o| convene_store::repo::organisations::facts(&o).sector.into())),
            None => Ok(stored_sector(&self.0.sector).map(Into::into)),
        }
    }
    async fn tags(&self) -> Vec<MemberMapTag> {
        entry_tags(&self.0).into_iter().map(Into::into).collect()
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

fn stored_sector(s: &Option<String>) -> Option<convene_domain::organisation::Sector> {
    s.as_deref().and_then(|s| {
        convene_domain::organisation::Sector::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
    })
}

pub fn entry_tags(m: &member_map_entry::Model) -> Vec<d::MapTag> {
    m.tags.split(',').filter_map(d::MapTag::from_str).collect()
}

/// Distinct people, organisations, professions and sectors among members (for a member map's
/// `reach`, among the people on the map). Professions that differ only by case or spacing are
/// one; an organisation's sector is counted through the organisation.
#[derive(SimpleObject, Clone, Copy)]
pub struct Reach {
    /// How many people.
    pub members: i32,
    pub organisations: i32,
    pub professions: i32,
    pub sectors: i32,
}

impl From<d::Reach> for Reach {
    fn from(r: d::Reach) -> Self {
        Reach {
            members: r.members as i32,
            organisations: r.organisations as i32,
            professions: r.professions as i32,
            sectors: r.sectors as i32,
        }
    }
}

/// The member map: who the community wants and needs, and the reach they would give it
/// compared with the reach of its members today.
#[derive(SimpleObject)]
pub struct MemberMap {
    pub entries: Vec<MemberMapEntry>,
    pub reach: Reach,
    pub membership_reach: Reach,
}

fn org_reach(
    o: &organisation::Model,
) -> (
    Option<d::ReachOrganisation>,
    Option<convene_domain::organisation::Sector>,
) {
    (
        Some(d::ReachOrganisation::Known(OrganisationId(o.id))),
        Some(convene_store::repo::organisations::facts(o).sector),
    )
}

// ---- functions

#[derive(Clone)]
pub struct CommunityFunction(pub community_function::Model);

impl CommunityFunction {
    fn period(&self) -> d::Period {
        d::Period {
            from: self.0.starts_on,
            until: self.0.ends_on,
        }
    }
}

/// A function (agenda, note-taking, …) held by a member for a period.
#[Object]
impl CommunityFunction {
    pub async fn id(&self) -> ID {
        ids::encode("CommunityFunction", self.0.id)
    }
    async fn function(&self) -> ApiResult<CommunityFunctionKind> {
        Ok(function_kind(&self.0)?.into())
    }
    /// The community's own name for a function of its own (OTHER).
    async fn custom_name(&self) -> Option<&str> {
        self.0.custom_name.as_deref()
    }
    /// What people call it.
    async fn name(&self) -> ApiResult<String> {
        Ok(d::Function {
            kind: function_kind(&self.0)?,
            custom_name: self.0.custom_name.clone(),
        }
        .name())
    }
    async fn holder(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn from(&self) -> Date {
        Date(self.0.starts_on)
    }
    async fn until(&self) -> Option<Date> {
        self.0.ends_on.map(Date)
    }
    /// Whether this period covers today (Europe/London).
    async fn current(&self) -> bool {
        self.period().covers(london_today())
    }
    /// Every period of this function, oldest first: who held it, and when.
    async fn history(&self, ctx: &Context<'_>) -> ApiResult<Vec<CommunityFunction>> {
        let all = loaders(ctx)
            .functions
            .load_one(self.0.community_id)
            .await?
            .unwrap_or_default();
        Ok(all
            .into_iter()
            .filter(|f| f.function_key == self.0.function_key)
            .map(CommunityFunction)
            .collect())
    }
}

/// The holders now: per function, the period covering today, else the next one to come.
pub async fn current_functions(
    ctx: &Context<'_>,
    community: Uuid,
) -> ApiResult<Vec<CommunityFunction>> {
    let all = loaders(ctx)
        .functions
        .load_one(community)
        .await?
        .unwrap_or_default();
    let today = london_today();
    let mut out: Vec<community_function::Model> = Vec::new();
    for f in all
        .into_iter()
        .filter(|f| f.ends_on.is_none_or(|u| u >= today))
    {
        match out.iter_mut().find(|o| o.function_key == f.function_key) {
            Some(o) if o.starts_on > today && f.starts_on <= today => *o = f,
            Some(_) => {}
            None => out.push(f),
        }
    }
    out.sort_by_key(|f| {
        (
            d::FunctionKind::from_str(&f.kind),
            f.custom_name.clone().unwrap_or_default(),
        )
    });
    Ok(out.into_iter().map(CommunityFunction).collect())
}

// ---- the working plan

#[derive(Clone)]
pub struct PlanNeed(pub plan_need::Model);

/// Information, research or expertise the community needs, from whom, by when.
#[Object]
impl PlanNeed {
    pub async fn id(&self) -> ID {
        ids::encode("PlanNeed", self.0.id)
    }
    async fn kind(&self) -> ApiResult<PlanNeedKind> {
        let k: d::NeedKind = convene_store::stored("plan_needs.kind", &self.0.kind)?;
        Ok(k.into())
    }
    async fn what(&self) -> &str {
        &self.0.what
    }
    async fn from_whom(&self) -> &str {
        &self.0.from_whom
    }
    async fn by_when(&self) -> Option<Date> {
        self.0.by_when.map(Date)
    }
    async fn completed(&self) -> bool {
        self.0.completed_at.is_some()
    }
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// The community's working plan. (Its next meeting comes with meetings.)
pub struct WorkingPlan(pub Uuid);

#[Object]
impl WorkingPlan {
    /// What the community needs: open needs first, by date.
    async fn needs(&self, ctx: &Context<'_>) -> ApiResult<Vec<PlanNeed>> {
        Ok(repo::needs_of(&state(ctx).db, self.0)
            .await?
            .into_iter()
            .map(PlanNeed)
            .collect())
    }
    /// Who handles which function now.
    async fn functions(&self, ctx: &Context<'_>) -> ApiResult<Vec<CommunityFunction>> {
        current_functions(ctx, self.0).await
    }
    /// The next meeting that has not started and is not cancelled: its time, mode, and where
    /// or how to join.
    async fn next_meeting(&self, ctx: &Context<'_>) -> ApiResult<Option<super::meeting::Meeting>> {
        let (rows, _) = convene_store::repo::meetings::of_community(
            &state(ctx).db,
            self.0,
            Some(true),
            crate::graphql::context::now(),
            convene_store::Page {
                offset: 0,
                limit: 1,
            },
        )
        .await?;
        Ok(rows.into_iter().next().map(super::meeting::Meeting))
    }
}

// ---- support requests

#[derive(Clone)]
pub struct SupportRequest(pub support_request::Model);

/// A request to the network for help: meeting design, intranet presence, admin.
#[Object]
impl SupportRequest {
    pub async fn id(&self) -> ID {
        ids::encode("SupportRequest", self.0.id)
    }
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community_id).await
    }
    async fn kind(&self) -> ApiResult<SupportRequestKind> {
        let k: d::SupportKind = convene_store::stored("support_requests.kind", &self.0.kind)?;
        Ok(k.into())
    }
    async fn details(&self) -> &str {
        &self.0.details
    }
    async fn status(&self) -> ApiResult<SupportRequestStatus> {
        let s: d::SupportStatus = convene_store::stored("support_requests.status", &self.0.status)?;
        Ok(s.into())
    }
    async fn requested_by(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.requested_by).await
    }
    async fn assignee(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        person_opt(ctx, self.0.assignee_id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Every step and note, oldest first.
    async fn history(&self, ctx: &Context<'_>) -> ApiResult<Vec<SupportRequestEvent>> {
        load_all(&loaders(ctx).support_events, self.0.id, SupportRequestEvent).await
    }
}

#[derive(Clone)]
pub struct SupportRequestEvent(pub support_request_event::Model);

/// One step in a support request's life, with its note.
#[Object]
impl SupportRequestEvent {
    async fn status(&self) -> ApiResult<SupportRequestStatus> {
        let s: d::SupportStatus =
            convene_store::stored("support_request_events.status", &self.0.status)?;
        Ok(s.into())
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn assignee(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        person_opt(ctx, self.0.assignee_id).await
    }
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.author_id).await
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
}

connection!(SupportRequestConnection, SupportRequestEdge, SupportRequest);

/// `Query.supportQueue`: the programme team sees every request, a coach those assigned to them.
pub async fn support_queue(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
    status: Option<SupportRequestStatus>,
) -> ApiResult<SupportRequestConnection> {
    let v = convene_domain::access::require_signed_in(viewer(ctx))?;
    let assignee = match d::queue_scope(v)? {
        d::QueueScope::All => None,
        d::QueueScope::AssignedTo(p) => Some(p.0),
    };
    let p = page(first, after.as_deref(), None, None)?;
    let status = status.map(|s| d::SupportStatus::from(s).as_str());
    let (rows, total) = repo::queue(&state(ctx).db, assignee, status, p).await?;
    Ok(SupportRequestConnection::new(
        rows.into_iter().map(SupportRequest).collect(),
        total,
        p,
    ))
}

async fn person_opt(ctx: &Context<'_>, id: Option<Uuid>) -> ApiResult<Option<Person>> {
    load_opt(&loaders(ctx).people, id, Person::from).await
}

// ---- the challenges board

/// The author to show: nobody for an anonymous post, except to its author.
async fn shown(ctx: &Context<'_>, anonymous: bool, author: Uuid) -> ApiResult<Option<Person>> {
    let me = viewer(ctx).map(|v| v.person);
    match d::shown_author(anonymous, PersonId(author), me) {
        Some(p) => person_opt(ctx, Some(p.0)).await,
        None => Ok(None),
    }
}

fn is_me(ctx: &Context<'_>, author: Uuid) -> bool {
    viewer(ctx).is_some_and(|v| v.person.0 == author)
}

#[derive(Clone)]
pub struct Challenge(pub challenge::Model);

/// A significant challenge a member brings to peers, "without fear of judgment or blame".
#[Object]
impl Challenge {
    pub async fn id(&self) -> ID {
        ids::encode("Challenge", self.0.id)
    }
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community_id).await
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn anonymous(&self) -> bool {
        self.0.anonymous
    }
    /// Null when the post is anonymous, to everyone but its author.
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        shown(ctx, self.0.anonymous, self.0.author_id).await
    }
    async fn viewer_is_author(&self, ctx: &Context<'_>) -> bool {
        is_me(ctx, self.0.author_id)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Replies from peers, oldest first.
    async fn replies(&self, ctx: &Context<'_>) -> ApiResult<Vec<ChallengeReply>> {
        load_all(&loaders(ctx).challenge_replies, self.0.id, ChallengeReply).await
    }
}

#[derive(Clone)]
pub struct ChallengeReply(pub challenge_reply::Model);

/// A peer's reply to a challenge.
#[Object]
impl ChallengeReply {
    pub async fn id(&self) -> ID {
        ids::encode("ChallengeReply", self.0.id)
    }
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn anonymous(&self) -> bool {
        self.0.anonymous
    }
    /// Null when the reply is anonymous, to everyone but its author.
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        shown(ctx, self.0.anonymous, self.0.author_id).await
    }
    async fn viewer_is_author(&self, ctx: &Context<'_>) -> bool {
        is_me(ctx, self.0.author_id)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

connection!(ChallengeConnection, ChallengeEdge, Challenge);

/// A challenge for `node(id)`: members of its community (and the programme team) only.
pub async fn visible_challenge(ctx: &Context<'_>, id: Uuid) -> ApiResult<Option<Challenge>> {
    let Some(c) = repo::challenge(&state(ctx).db, id).await? else {
        return Ok(None);
    };
    Ok(members_only(ctx, c.community_id)
        .await
        .is_ok()
        .then_some(Challenge(c)))
}

// ---- the fields of Community

impl Community {
    pub(crate) async fn member_map_of(&self, ctx: &Context<'_>) -> ApiResult<MemberMap> {
        members_only(ctx, self.0.id).await?;
        let db = &state(ctx).db;
        let entries = repo::map_of(db, self.0.id).await?;
        let members = convene_store::repo::communities::members_of(db, &[self.0.id])
            .await?
            .remove(&self.0.id)
            .unwrap_or_default();
        let people: Vec<person::Model> = convene_store::by_ids::<person::Entity>(
            db,
            &members.iter().map(|m| m.person_id).collect::<Vec<_>>(),
        )
        .await?;
        let mut org_ids: Vec<Uuid> = entries.iter().filter_map(|e| e.organisation_id).collect();
        org_ids.extend(people.iter().map(|p| p.organisation_id));
        org_ids.sort();
        org_ids.dedup();
        let orgs: HashMap<Uuid, organisation::Model> =
            convene_store::by_ids::<organisation::Entity>(db, &org_ids)
                .await?
                .into_iter()
                .map(|o| (o.id, o))
                .collect();
        let map_reach: Vec<d::ReachOf> = entries.iter().map(|e| entry_reach(e, &orgs)).collect();
        let member_reach: Vec<d::ReachOf> = people.iter().map(|p| person_reach(p, &orgs)).collect();
        Ok(MemberMap {
            entries: entries.into_iter().map(MemberMapEntry).collect(),
            reach: d::reach(&map_reach).into(),
            membership_reach: d::reach(&member_reach).into(),
        })
    }

    pub(crate) async fn functions_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<CommunityFunction>> {
        members_only(ctx, self.0.id).await?;
        current_functions(ctx, self.0.id).await
    }

    pub(crate) async fn working_plan_of(&self, ctx: &Context<'_>) -> ApiResult<WorkingPlan> {
        members_only(ctx, self.0.id).await?;
        Ok(WorkingPlan(self.0.id))
    }

    /// The community's conveners and core group and the programme team see all its requests;
    /// a coach sees those assigned to them.
    pub(crate) async fn support_requests_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<SupportRequest>> {
        let Some(v) = viewer(ctx) else {
            return Err(convene_domain::DomainError::unauthenticated("Sign in to do this").into());
        };
        let role = role_in(ctx, self.0.id).await?;
        let rows = repo::requests_of(&state(ctx).db, self.0.id).await?;
        let seen: Vec<SupportRequest> = rows
            .into_iter()
            .filter(|r| d::can_see_request(Some(v), role, r.assignee_id.map(PersonId)))
            .map(SupportRequest)
            .collect();
        if seen.is_empty() && !v.is_programme_team() && !role.is_some_and(|r| r.runs_it()) {
            return Err(convene_domain::DomainError::forbidden(
                "Only this community's conveners and core group see its support requests",
            )
            .into());
        }
        Ok(seen)
    }

    pub(crate) async fn challenges_of(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<ChallengeConnection> {
        members_only(ctx, self.0.id).await?;
        let p = page(first, after.as_deref(), None, None)?;
        let (rows, total) = repo::challenges_of(&state(ctx).db, self.0.id, p).await?;
        Ok(ChallengeConnection::new(
            rows.into_iter().map(Challenge).collect(),
            total,
            p,
        ))
    }
}

/// A function's kind, as stored.
fn function_kind(f: &community_function::Model) -> ApiResult<d::FunctionKind> {
    Ok(convene_store::stored("community_functions.kind", &f.kind)?)
}

use std::collections::HashMap;

/// What a member-map entry adds to the community's reach.
fn entry_reach(
    e: &member_map_entry::Model,
    orgs: &HashMap<Uuid, organisation::Model>,
) -> d::ReachOf {
    let (organisation, sector) = match e.organisation_id.and_then(|i| orgs.get(&i)) {
        Some(o) => org_reach(o),
        None => (
            e.organisation_name.clone().map(d::ReachOrganisation::Named),
            stored_sector(&e.sector),
        ),
    };
    d::ReachOf {
        organisation,
        profession: e.profession.clone(),
        sector,
    }
}

/// What a member adds to the community's reach.
fn person_reach(p: &person::Model, orgs: &HashMap<Uuid, organisation::Model>) -> d::ReachOf {
    let (organisation, sector) = orgs
        .get(&p.organisation_id)
        .map(org_reach)
        .unwrap_or((None, None));
    d::ReachOf {
        organisation,
        profession: p.profession.clone(),
        sector,
    }
}
