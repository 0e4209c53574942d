use async_graphql::{Context, Object, ID};
use convene_domain::access::{can_see_email, Address};
use convene_domain::ids::PersonId;
use convene_store::entities::person as m;
use convene_store::repo;

use super::application::{Application, ApplicationConnection};
use super::connection::{connection, page};
use super::enums::Role;
use super::organisation::Organisation;
use super::selection::{PanelMember, ReviewAssignment};
use crate::graphql::context::{state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::loaders::{loaders, must};

#[derive(Clone)]
pub struct Person {
    pub model: m::Model,
    /// Read by the person themselves without a token yet (the payload of register and signIn).
    own: bool,
}

impl From<m::Model> for Person {
    fn from(model: m::Model) -> Self {
        Person { model, own: false }
    }
}

impl Person {
    pub fn own(model: m::Model) -> Self {
        Person { model, own: true }
    }
    fn is_viewer_or_team(&self, ctx: &Context<'_>) -> bool {
        self.own
            || viewer(ctx).is_some_and(|v| v.person.0 == self.model.id || v.is_programme_team())
    }
}

/// Someone with an account. No grade, title or seniority is ever held (FAQ 6).
#[Object]
impl Person {
    pub async fn id(&self) -> ID {
        ids::encode("Person", self.model.id)
    }
    async fn name(&self) -> &str {
        &self.model.name
    }
    /// Shown to the person themselves and to the programme team; null to everyone else.
    async fn email(&self, ctx: &Context<'_>) -> Option<&str> {
        (self.own || can_see_email(viewer(ctx), Address::Person(PersonId(self.model.id))))
            .then_some(self.model.email.as_str())
    }
    /// Whether the person has proven they receive mail at their address (the person themself
    /// and the programme team).
    async fn email_verified(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::forbidden(
                "Only the person themselves and the programme team can see this",
            ));
        }
        Ok(self.model.email_verified_at.is_some())
    }
    /// The person's signed-in sessions (only their own), the most recently used first.
    async fn sessions(&self, ctx: &Context<'_>) -> ApiResult<Vec<super::identity::Session>> {
        let Some(v) = viewer(ctx).filter(|v| v.person.0 == self.model.id) else {
            return Err(ApiError::forbidden("You can see only your own sessions"));
        };
        super::identity::sessions(ctx, v).await
    }
    /// The person's moves between organisations, the earliest first (the person themself and
    /// the programme team).
    async fn organisation_history(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::identity::OrganisationChange>> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::forbidden(
                "Only the person themselves and the programme team can see this",
            ));
        }
        super::identity::organisation_history(ctx, self.model.id).await
    }
    async fn profession(&self) -> Option<&str> {
        self.model.profession.as_deref()
    }
    async fn organisation(&self, ctx: &Context<'_>) -> ApiResult<Organisation> {
        Ok(Organisation(
            must(
                &loaders(ctx).organisations,
                self.model.organisation_id,
                "organisation",
            )
            .await?,
        ))
    }
    /// The token that lets the person's calendar program read their communities' calendar
    /// feeds (`?token=`); it opens calendars and nothing else. Only the person sees it, and
    /// `resetCalendarFeedToken` replaces it.
    async fn calendar_feed_token(&self, ctx: &Context<'_>) -> Option<String> {
        let own = self.own || viewer(ctx).is_some_and(|v| v.person.0 == self.model.id);
        own.then(|| {
            crate::auth::calendar::token(
                &state(ctx).config.jwt_secret,
                self.model.id,
                self.model.calendar_feed_version,
            )
        })
    }
    /// The communities the person belongs to, with their role in each (the person themselves
    /// and the programme team).
    async fn communities(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::community::CommunityMember>> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "Only the person themselves can see their communities",
            ));
        }
        Ok(repo::communities::of_person(&state(ctx).db, self.model.id)
            .await?
            .into_iter()
            .map(super::community::CommunityMember)
            .collect())
    }
    async fn roles(&self, ctx: &Context<'_>) -> ApiResult<Vec<Role>> {
        let roles = loaders(ctx)
            .roles
            .load_one(self.model.id)
            .await?
            .unwrap_or_default();
        Ok(roles.into_iter().map(Role::from).collect())
    }
    /// Applications this person leads or co-leads (their own, or for the programme team).
    #[graphql(
        complexity = "crate::graphql::types::connection::page_cost(first, None, child_complexity)"
    )]
    async fn applications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<ApplicationConnection> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "You can see only your own applications",
            ));
        }
        let p = page(first, after.as_deref(), None, None)?;
        let (rows, total) = repo::applications::of_person(&state(ctx).db, self.model.id, p).await?;
        Ok(ApplicationConnection::new(
            rows.into_iter().map(Application::from).collect(),
            total,
            p,
        ))
    }
    /// The calls whose panel this person sits on (their own, or for the programme team).
    async fn panel_memberships(&self, ctx: &Context<'_>) -> ApiResult<Vec<PanelMember>> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "You can see only your own panels",
            ));
        }
        let rows = repo::selection::memberships_of(&state(ctx).db, self.model.id).await?;
        Ok(rows.into_iter().map(PanelMember).collect())
    }
    /// The applications this person is assigned to review, with whether each review is in.
    async fn review_assignments(&self, ctx: &Context<'_>) -> ApiResult<Vec<ReviewAssignment>> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "You can see only your own review assignments",
            ));
        }
        let rows = repo::selection::assignments_of_reviewer(&state(ctx).db, self.model.id).await?;
        let mut out = Vec::new();
        for a in rows {
            let sel =
                crate::graphql::loaders::must(&loaders(ctx).selections, a.call_id, "call").await?;
            out.push(ReviewAssignment {
                submitted: sel.review_of(a.application_id, a.reviewer_id).is_some(),
                model: a,
            });
        }
        Ok(out)
    }
    /// Drafts this person has been invited to co-lead and has not answered yet.
    async fn co_lead_invitations(&self, ctx: &Context<'_>) -> ApiResult<Vec<Application>> {
        if !self.is_viewer_or_team(ctx) {
            return Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "You can see only your own invitations",
            ));
        }
        // An address matches invitations only once its owner has proven it.
        if self.model.email_verified_at.is_none() {
            return Ok(Vec::new());
        }
        let rows = repo::applications::invitations_for(&state(ctx).db, &self.model.email).await?;
        Ok(rows.into_iter().map(Application::from).collect())
    }
}

connection!(PersonConnection, PersonEdge, Person);
