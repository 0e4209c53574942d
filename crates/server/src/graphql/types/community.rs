//! Communities (SPEC §4): the part selection needs; the communities work adds the rest.

use async_graphql::{Context, Object, ID};
use convene_domain::community as d;

use super::enums::{CommunityOrigin, CommunityStage, MembershipMode};
use super::refs;
use chrono::{DateTime, Utc};
use convene_store::entities::community as m;

use super::catalogue::Domain;
use super::connection::{page, page_cost};
use super::meeting::{Meeting, MeetingConnection};
use super::person::Person;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders};

#[derive(Clone)]
pub struct Community(pub m::Model);

/// A community of practice.
#[Object]
impl Community {
    pub async fn id(&self) -> ID {
        ids::encode("Community", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn domain(&self, ctx: &Context<'_>) -> ApiResult<Domain> {
        refs::domain(ctx, self.0.domain_id).await
    }
    async fn stage(&self) -> ApiResult<CommunityStage> {
        Ok(stage_of(&self.0)?.into())
    }
    async fn funded(&self) -> bool {
        self.0.funded
    }
    async fn origin(&self) -> ApiResult<CommunityOrigin> {
        let o: d::Origin = convene_store::stored("communities.origin", &self.0.origin)?;
        Ok(o.into())
    }
    async fn membership_mode(&self) -> ApiResult<MembershipMode> {
        let m: d::MembershipMode =
            convene_store::stored("communities.membership_mode", &self.0.membership_mode)?;
        Ok(m.into())
    }
    async fn listed(&self) -> bool {
        self.0.listed
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The community's place on the intranet, where its agreed definition is published.
    async fn intranet_page(&self) -> Option<&str> {
        self.0.intranet_place_uri.as_deref()
    }
    /// The viewer's own request to join that is waiting for an answer, if any.
    async fn viewer_join_request(&self, ctx: &Context<'_>) -> ApiResult<Option<JoinRequest>> {
        let Some(v) = viewer(ctx) else {
            return Ok(None);
        };
        Ok(loaders(ctx)
            .pending_requests
            .load_one((self.0.id, v.person.0))
            .await?
            .flatten()
            .map(JoinRequest))
    }
    /// The viewer's role here, if they belong.
    async fn viewer_role(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberRole>> {
        Ok(role_in(ctx, self.0.id).await?.map(Into::into))
    }
    /// Everyone in the community (members only).
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "At most this many, in the order they joined (all when left out).")]
        first: Option<i32>,
    ) -> ApiResult<Vec<CommunityMember>> {
        let Some(n) = first else {
            return self.members_of(ctx).await;
        };
        let n = u32::try_from(n)
            .map_err(|_| ApiError::field("first", "Ask for zero or more members"))?;
        members_only(ctx, self.0.id).await?;
        let rows = loaders(ctx)
            .first_members
            .load_one((self.0.id, n))
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(CommunityMember).collect())
    }
    /// How many people belong (anyone who sees the community, as the directory shows it).
    async fn member_count(&self, ctx: &Context<'_>) -> ApiResult<i32> {
        let n = loaders(ctx).member_counts.load_one(self.0.id).await?;
        Ok(n.unwrap_or(0) as i32)
    }
    /// The six start-up steps in the seed's order (members only).
    async fn startup_steps(&self, ctx: &Context<'_>) -> ApiResult<Vec<StartupStepStatus>> {
        self.steps_of(ctx).await
    }
    /// The agreed domain definition in force.
    async fn domain_definition(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Option<DomainDefinitionVersion>> {
        self.definition_of(ctx).await
    }
    /// Every version, newest first (members only).
    async fn domain_definition_versions(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<DomainDefinitionVersion>> {
        self.definitions_of(ctx).await
    }
    /// Invitations sent, with their state (conveners and core group).
    async fn invitations(&self, ctx: &Context<'_>) -> ApiResult<Vec<CommunityInvitation>> {
        self.invitations_of(ctx).await
    }
    /// Requests to join (conveners and core group).
    async fn join_requests(&self, ctx: &Context<'_>) -> ApiResult<Vec<JoinRequest>> {
        self.requests_of(ctx).await
    }
    /// The community's coach from the network, if it has one (members and the programme team).
    async fn coach(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        let Some(id) = self.0.coach_id else {
            return Ok(None);
        };
        if members_only(ctx, self.0.id).await.is_err() {
            return Ok(None);
        }
        Ok(loaders(ctx).people.load_one(id).await?.map(Person::from))
    }
    /// Meetings (members only): all of them soonest first, or with `upcoming: true` those not
    /// yet started (soonest first), with `upcoming: false` those already held (latest first).
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        upcoming: Option<bool>,
    ) -> ApiResult<MeetingConnection> {
        members_only(ctx, self.0.id).await?;
        let p = page(first, after.as_deref(), last, before.as_deref())?;
        let (rows, total) = convene_store::repo::meetings::of_community(
            &state(ctx).db,
            self.0.id,
            upcoming,
            now(),
            p,
        )
        .await?;
        Ok(MeetingConnection::new(
            rows.into_iter().map(Meeting).collect(),
            total,
            p,
        ))
    }
    /// The community's calendar feed, for members to subscribe to (with `?token=` and their
    /// `calendarFeedToken` in a calendar program); null for others.
    async fn calendar_url(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        if members_only(ctx, self.0.id).await.is_err() {
            return Ok(None);
        }
        Ok(Some(format!(
            "{}/calendar/communities/{}.ics",
            state(ctx).config.public_url.trim_end_matches('/'),
            ids::encode("Community", self.0.id).0
        )))
    }
    /// The community's practices: those being explored first, then those proposed, then those
    /// explored (its home page shows the first few). Whoever sees the community sees them.
    #[graphql(complexity = "page_cost(first, last, child_complexity)")]
    async fn practices(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> ApiResult<super::practice::PracticeConnection> {
        super::practice::community_practices(ctx, self.0.id, first, after, last, before).await
    }
    /// The community's own sharing protocols, adapted from the network's (members only).
    async fn sharing_protocols(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::practice::SharingProtocol>> {
        super::practice::community_protocols(ctx, self.0.id).await
    }
    /// The people the community wants and needs beyond its usual circle, and the reach of the
    /// map and of the membership (members only).
    async fn member_map(&self, ctx: &Context<'_>) -> ApiResult<super::community_work::MemberMap> {
        self.member_map_of(ctx).await
    }
    /// Who holds which function now (members only).
    async fn functions(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::community_work::CommunityFunction>> {
        self.functions_of(ctx).await
    }
    /// The working plan (members only).
    async fn working_plan(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<super::community_work::WorkingPlan> {
        self.working_plan_of(ctx).await
    }
    /// Requests to the network for support, newest first (the community's conveners and core
    /// group, the programme team; a coach sees those assigned to them).
    async fn support_requests(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::community_work::SupportRequest>> {
        self.support_requests_of(ctx).await
    }
    /// The challenges board, newest first (members only).
    #[graphql(complexity = "page_cost(first, None, child_complexity)")]
    async fn challenges(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<super::community_work::ChallengeConnection> {
        self.challenges_of(ctx, first, after).await
    }
    /// What the viewer may do here, by the same rules the mutations apply, so that a client
    /// shows only the actions that will be accepted instead of re-deriving them from roles.
    async fn viewer_can(&self, ctx: &Context<'_>) -> ApiResult<CommunityViewerCan> {
        let role = role_in(ctx, self.0.id).await?;
        let team = viewer(ctx).is_some_and(|v| v.is_programme_team());
        let stage = stage_of(&self.0)?;
        Ok(CommunityViewerCan::of(role, team, stage))
    }
    async fn conveners(&self, ctx: &Context<'_>) -> ApiResult<Vec<Person>> {
        let conveners = loaders(ctx)
            .conveners
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let ids: Vec<uuid::Uuid> = conveners.iter().map(|m| m.person_id).collect();
        let found = loaders(ctx).people.load_many(ids.iter().copied()).await?;
        Ok(ids
            .iter()
            .filter_map(|i| found.get(i).cloned().map(Person::from))
            .collect())
    }
}

// ---- membership, start-up steps, the domain definition, invitations and requests

use super::enums::{InvitationState, JoinRequestStatus, MemberRole, StartupStep, StepOwner};
use crate::graphql::context::{now, state, viewer};
use async_graphql::SimpleObject;
use convene_store::entities::{
    community_invitation, community_member, domain_definition, join_request,
};
use convene_store::repo::communities as repo;

/// What the viewer may do in a community (`Community.viewerCan`).
#[derive(SimpleObject, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommunityViewerCan {
    /// Read what is inside: members, meetings, steps, versions (members and the programme team).
    pub see_inside: bool,
    /// Steer it: its name, joining, listing and stage (its conveners and the programme team).
    /// A closed community's settings no longer change, whoever steers it.
    pub steer: bool,
    /// Invite people, answer requests to join and see both (conveners and core group).
    pub invite: bool,
    /// Propose and agree versions of the domain definition (conveners and core group).
    pub agree_definition: bool,
    /// Change members' roles (conveners).
    pub change_roles: bool,
    /// Plan its meetings: schedule, change, cancel, notes and attendance (conveners and core
    /// group). A closed community schedules no new meetings.
    pub plan_meetings: bool,
    /// Share out its functions, while it has not closed (conveners and core group).
    pub manage_functions: bool,
    /// Post challenges and replies, while it has not closed (members).
    pub post_challenges: bool,
    /// Give it a coach, while it has not closed (the programme team).
    pub assign_coach: bool,
}

impl CommunityViewerCan {
    /// The domain's rules for one viewer: their role here, whether they are on the programme
    /// team, and the community's stage.
    pub fn of(role: Option<d::MemberRole>, team: bool, stage: d::Stage) -> Self {
        let open = d::check_open(stage).is_ok();
        let runs_it = |what| d::check_runs_it(role, what).is_ok();
        CommunityViewerCan {
            see_inside: team || d::check_member(role).is_ok(),
            steer: d::check_can_steer(role, team).is_ok(),
            invite: runs_it("invite people"),
            agree_definition: runs_it("agree the domain definition"),
            // The actor's half of the rule (the last-convener half depends on the member changed).
            change_roles: role.is_some_and(|r| {
                d::check_role_change(r, d::MemberRole::Member, d::MemberRole::Member, 1).is_ok()
            }),
            plan_meetings: d::check_can_plan_meetings(role).is_ok(),
            manage_functions: d::check_can_manage_functions(role, stage).is_ok(),
            post_challenges: d::check_can_post(role, stage).is_ok(),
            assign_coach: team && open,
        }
    }
}

/// The viewer's role in a community, if they belong to it: their own membership row only,
/// through the request's loader (one statement for every community asked about together).
pub async fn role_in(ctx: &Context<'_>, community: uuid::Uuid) -> ApiResult<Option<d::MemberRole>> {
    let Some(v) = viewer(ctx) else {
        return Ok(None);
    };
    match loaders(ctx)
        .memberships
        .load_one((community, v.person.0))
        .await?
        .flatten()
    {
        Some(m) => Ok(Some(repo::role(&m)?)),
        None => Ok(None),
    }
}

/// Members only; the programme team reads too.
pub(crate) async fn members_only(ctx: &Context<'_>, community: uuid::Uuid) -> ApiResult<()> {
    if viewer(ctx).is_some_and(|v| v.is_programme_team()) {
        return Ok(());
    }
    d::check_member(role_in(ctx, community).await?)?;
    Ok(())
}

#[derive(Clone)]
pub struct CommunityMember(pub community_member::Model);

/// A person's place in a community.
#[Object]
impl CommunityMember {
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community_id).await
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn role(&self) -> ApiResult<MemberRole> {
        Ok(repo::role(&self.0)?.into())
    }
    async fn joined_at(&self) -> DateTime<Utc> {
        self.0.joined_at
    }
}

/// One of the six start-up steps of FAQ 10, in order, with who owns it.
#[derive(SimpleObject, Clone)]
pub struct StartupStepStatus {
    pub step: StartupStep,
    pub owner: StepOwner,
    pub done: bool,
    pub notes: String,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Clone)]
pub struct DomainDefinitionVersion(pub domain_definition::Model);

/// A version of the community's domain definition: the convener's sketch, then versions the
/// core group agrees.
#[Object]
impl DomainDefinitionVersion {
    pub async fn id(&self) -> ID {
        ids::encode("DomainDefinitionVersion", self.0.id)
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn text(&self) -> &str {
        &self.0.text
    }
    async fn proposed_by(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.proposed_by).await
    }
    async fn proposed_at(&self) -> DateTime<Utc> {
        self.0.proposed_at
    }
    async fn agreed(&self) -> bool {
        self.0.agreed_at.is_some()
    }
    async fn agreed_by(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        load_opt(&loaders(ctx).people, self.0.agreed_by, Person::from).await
    }
    async fn agreed_at(&self) -> Option<DateTime<Utc>> {
        self.0.agreed_at
    }
    /// The intranet publication of the community's agreed definition (conveners, core group
    /// and the programme team; null for others and for versions never agreed).
    async fn publication(&self, ctx: &Context<'_>) -> ApiResult<Option<IntranetPublication>> {
        if self.0.agreed_at.is_none() {
            return Ok(None);
        }
        let team = viewer(ctx).is_some_and(|v| v.is_programme_team());
        if !team
            && !role_in(ctx, self.0.community_id)
                .await?
                .is_some_and(|r| r.runs_it())
        {
            return Ok(None);
        }
        Ok(
            convene_store::repo::intranet::of_community(&state(ctx).db, self.0.community_id)
                .await?
                .map(IntranetPublication),
        )
    }
}

#[derive(Clone)]
pub struct CommunityInvitation(pub community_invitation::Model);

/// An invitation to join, sent by e-mail with a single-use link.
#[Object]
impl CommunityInvitation {
    pub async fn id(&self) -> ID {
        ids::encode("CommunityInvitation", self.0.id)
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn message(&self) -> &str {
        &self.0.message
    }
    async fn state(&self) -> InvitationState {
        d::invitation_state(self.0.accepted, self.0.sent_at, now()).into()
    }
    async fn sent_at(&self) -> DateTime<Utc> {
        self.0.sent_at
    }
    async fn reminded_at(&self) -> Option<DateTime<Utc>> {
        self.0.reminded_at
    }
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Community> {
        refs::community(ctx, self.0.community_id).await
    }
    async fn invited_by(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.invited_by).await
    }
}

#[derive(Clone)]
pub struct JoinRequest(pub join_request::Model);

/// A request to join an ON_REQUEST community, approved or declined with a reason.
#[Object]
impl JoinRequest {
    pub async fn id(&self) -> ID {
        ids::encode("JoinRequest", self.0.id)
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.person_id).await
    }
    async fn note(&self) -> &str {
        &self.0.note
    }
    async fn status(&self) -> ApiResult<JoinRequestStatus> {
        let s: d::RequestStatus = convene_store::stored("join_requests.status", &self.0.status)?;
        Ok(s.into())
    }
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

impl Community {
    pub(crate) async fn members_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<CommunityMember>> {
        members_only(ctx, self.0.id).await?;
        let rows = loaders(ctx)
            .members
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(CommunityMember).collect())
    }

    pub(crate) async fn steps_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<StartupStepStatus>> {
        members_only(ctx, self.0.id).await?;
        let rows = repo::steps_of(&state(ctx).db, self.0.id).await?;
        Ok(d::StartupStep::ALL
            .iter()
            .map(|s| {
                let row = rows.iter().find(|r| r.step == s.as_str());
                StartupStepStatus {
                    step: (*s).into(),
                    owner: s.owner().into(),
                    done: row.is_some_and(|r| r.done),
                    notes: row.map(|r| r.notes.clone()).unwrap_or_default(),
                    updated_at: row.map(|r| r.updated_at),
                }
            })
            .collect())
    }

    pub(crate) async fn definition_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Option<DomainDefinitionVersion>> {
        Ok(repo::agreed_definition(&state(ctx).db, self.0.id)
            .await?
            .map(DomainDefinitionVersion))
    }

    pub(crate) async fn definitions_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<DomainDefinitionVersion>> {
        members_only(ctx, self.0.id).await?;
        Ok(repo::definitions_of(&state(ctx).db, self.0.id)
            .await?
            .into_iter()
            .map(DomainDefinitionVersion)
            .collect())
    }

    pub(crate) async fn invitations_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<CommunityInvitation>> {
        if !viewer(ctx).is_some_and(|v| v.is_programme_team()) {
            d::check_runs_it(role_in(ctx, self.0.id).await?, "see its invitations")?;
        }
        Ok(repo::invitations_of(&state(ctx).db, self.0.id)
            .await?
            .into_iter()
            .map(CommunityInvitation)
            .collect())
    }

    pub(crate) async fn requests_of(&self, ctx: &Context<'_>) -> ApiResult<Vec<JoinRequest>> {
        if !viewer(ctx).is_some_and(|v| v.is_programme_team()) {
            d::check_runs_it(role_in(ctx, self.0.id).await?, "see requests to join")?;
        }
        Ok(repo::requests_of(&state(ctx).db, self.0.id)
            .await?
            .into_iter()
            .map(JoinRequest)
            .collect())
    }
}

super::connection::connection!(CommunityConnection, CommunityEdge, Community);

/// Where the agreed definition stands on the intranet.
#[derive(Clone)]
pub struct IntranetPublication(pub convene_store::entities::intranet_publication::Model);

#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PublicationState {
    Pending,
    Published,
    Failed,
}

#[Object]
impl IntranetPublication {
    async fn state(&self) -> PublicationState {
        match self.0.state.as_str() {
            convene_store::repo::intranet::PUBLISHED => PublicationState::Published,
            convene_store::repo::intranet::FAILED => PublicationState::Failed,
            _ => PublicationState::Pending,
        }
    }
    /// The intranet document's address, once it exists.
    async fn document_url(&self) -> Option<&str> {
        self.0.document_url.as_deref()
    }
    /// The intranet's own id of the document (every later version updates it).
    async fn content_id(&self) -> Option<&str> {
        self.0.content_id.as_deref()
    }
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    /// The definition version last published.
    async fn published_version(&self) -> i32 {
        self.0.published_version
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A community's stage, as stored.
pub fn stage_of(c: &convene_store::entities::community::Model) -> ApiResult<d::Stage> {
    Ok(repo::stage(c)?)
}
