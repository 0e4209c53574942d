use async_graphql::{Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::{
    can_read_application, can_see_email, can_view_application, relation, Address,
    ApplicationRelation, PanelStanding,
};
use convene_domain::ids::PersonId;
use convene_domain::question::Answers;
use convene_store::entities::{application as m, participant};
use convene_store::repo::applications::{co_lead_state, status};
use convene_store::repo::organisations::facts;

use super::call::{questions_of, Call, Question};
use super::catalogue::Domain;
use super::community::Community;
use super::connection::connection;
use super::enums::{ApplicationStatus, CoLeadState};
use super::organisation::Organisation;
use super::person::Person;
use super::refs;
use super::selection::Review;
use crate::graphql::context::viewer;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::loaders::{load_opt, loaders, must};
use convene_domain::selection;
use std::collections::HashMap;
use uuid::Uuid;

/// Shared, not copied: a kept selection hands the same rows to every request's ranking.
#[derive(Clone)]
pub struct Application(pub std::sync::Arc<m::Model>);

impl From<m::Model> for Application {
    fn from(m: m::Model) -> Self {
        Application(std::sync::Arc::new(m))
    }
}

/// An application's answer to one of its call's questions.
#[derive(SimpleObject)]
pub struct Answer {
    pub question: Question,
    /// Empty when not answered yet.
    pub value: String,
}

/// A lead's or co-lead's place on an application. A co-lead invited by e-mail has no person
/// until they accept; their organisation is the one they worked for when they accepted.
#[derive(Clone)]
pub struct CoLead(pub participant::Model);

#[Object]
impl CoLead {
    /// The address the invitation went to: shown, as `Person.email` is, to the co-lead
    /// themself, to the lead who invited them and to the programme team; null to everyone else.
    async fn email(&self, ctx: &Context<'_>) -> ApiResult<Option<&str>> {
        let Some(v) = viewer(ctx) else {
            return Ok(None);
        };
        let parts = loaders(ctx)
            .participants
            .load_one(self.0.application_id)
            .await?
            .unwrap_or_default();
        let rule =
            convene_store::repo::applications::as_rule_participants(&parts, &Default::default());
        let address = Address::Invitation {
            email: &self.0.email,
            person: self.0.person_id.map(PersonId),
            sent_by_viewer: relation(v, &rule) == ApplicationRelation::Lead,
        };
        Ok(can_see_email(Some(v), address).then_some(self.0.email.as_str()))
    }
    async fn person(&self, ctx: &Context<'_>) -> ApiResult<Option<Person>> {
        load_opt(&loaders(ctx).people, self.0.person_id, Person::from).await
    }
    async fn organisation(&self, ctx: &Context<'_>) -> ApiResult<Option<Organisation>> {
        load_opt(
            &loaders(ctx).organisations,
            self.0.organisation_id,
            Organisation,
        )
        .await
    }
    async fn state(&self) -> CoLeadState {
        co_lead_state(&self.0).into()
    }
    async fn accepted(&self) -> bool {
        co_lead_state(&self.0) == convene_domain::application::CoLeadState::Accepted
    }
    /// False for industry and third-sector partners (FAQ 7), and until the organisation is known.
    async fn honorarium_eligible(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        Ok(match self.0.organisation_id {
            Some(id) => loaders(ctx)
                .organisations
                .load_one(id)
                .await?
                .is_some_and(|o| facts(&o).honorarium_eligible()),
            None => false,
        })
    }
    async fn invited_at(&self) -> DateTime<Utc> {
        self.0.invited_at
    }
}

/// Whether the viewer may read this application, by whatever path they reached it: its
/// applicants, the programme team, and its call's panel unless conflicted on it.
pub async fn may_read(ctx: &Context<'_>, app: &m::Model) -> ApiResult<bool> {
    let Some(v) = viewer(ctx) else {
        return Ok(false);
    };
    if v.is_programme_team() {
        return Ok(true);
    }
    let parts = loaders(ctx)
        .participants
        .load_one(app.id)
        .await?
        .unwrap_or_default();
    let rule = convene_store::repo::applications::as_rule_participants(&parts, &Default::default());
    if can_view_application(v, &rule) {
        return Ok(true);
    }
    let sel = must(&loaders(ctx).selections, app.call_id, "call").await?;
    let standing = PanelStanding {
        member: sel.member(v.person.0).is_some(),
        conflicted: sel.conflict(app.id, v.person.0).is_some(),
        considered: sel.application(app.id).is_some(),
    };
    Ok(can_read_application(v, &rule, standing))
}

impl Application {
    /// The answers, by question key, to whoever may read them.
    async fn answers_read(&self, ctx: &Context<'_>) -> ApiResult<Answers> {
        if may_read(ctx, &self.0).await? {
            Ok(convene_store::repo::applications::answers(&self.0)?)
        } else {
            Err(ApiError::new(
                convene_domain::ErrorCode::Forbidden,
                "Only its applicants, the programme team and its unconflicted panel read this application",
            ))
        }
    }

    /// One answer by its question's key, for those who may read it; empty when not given.
    async fn answer(&self, ctx: &Context<'_>, key: &str) -> ApiResult<String> {
        Ok(self.answers_read(ctx).await?.get(key).to_string())
    }

    async fn participants(&self, ctx: &Context<'_>) -> ApiResult<Vec<participant::Model>> {
        Ok(loaders(ctx)
            .participants
            .load_one(self.0.id)
            .await?
            .unwrap_or_default())
    }
    async fn lead_participant(&self, ctx: &Context<'_>) -> ApiResult<Option<participant::Model>> {
        Ok(self
            .participants(ctx)
            .await?
            .into_iter()
            .find(|p| p.is_lead))
    }
}

/// An application to a call, in one domain, by a lead and any co-leads.
#[Object]
impl Application {
    pub async fn id(&self) -> ID {
        ids::encode("Application", self.0.id)
    }
    async fn call(&self, ctx: &Context<'_>) -> ApiResult<Call> {
        refs::call(ctx, self.0.call_id).await
    }
    async fn domain(&self, ctx: &Context<'_>) -> ApiResult<Domain> {
        refs::domain(ctx, self.0.domain_id).await
    }
    /// FUNDED and NOT_FUNDED show to applicants once they have been told (`sendOutcomes`);
    /// until then their application reads SUBMITTED.
    async fn status(&self, ctx: &Context<'_>) -> ApiResult<ApplicationStatus> {
        Ok(self.visible_status(ctx).await?.into())
    }
    async fn lead(&self, ctx: &Context<'_>) -> ApiResult<Person> {
        refs::person(ctx, self.0.lead_id).await
    }
    /// The lead's organisation when they applied.
    async fn lead_organisation(&self, ctx: &Context<'_>) -> ApiResult<Option<Organisation>> {
        let lead = self.lead_participant(ctx).await?;
        let organisation = lead.and_then(|p| p.organisation_id);
        load_opt(&loaders(ctx).organisations, organisation, Organisation).await
    }
    /// Co-leads in the order they were invited (the lead is not among them).
    async fn co_leads(&self, ctx: &Context<'_>) -> ApiResult<Vec<CoLead>> {
        Ok(self
            .participants(ctx)
            .await?
            .into_iter()
            .filter(|p| !p.is_lead)
            .map(CoLead)
            .collect())
    }
    /// The optional sponsoring organisation (FAQ 5).
    async fn sponsor(&self, ctx: &Context<'_>) -> ApiResult<Option<Organisation>> {
        load_opt(
            &loaders(ctx).organisations,
            self.0.sponsor_organisation_id,
            Organisation,
        )
        .await
    }
    /// The answer to each of the call's questions, in the call's order (empty when not given).
    async fn answers(&self, ctx: &Context<'_>) -> ApiResult<Vec<Answer>> {
        let answers = self.answers_read(ctx).await?;
        let questions = questions_of(ctx, self.0.call_id).await?;
        Ok(questions
            .into_iter()
            .map(|q| Answer {
                value: answers.get(&q.0.key).to_string(),
                question: q,
            })
            .collect())
    }
    /// Why they care about the domain (the default set's `motivation`).
    async fn motivation(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "motivation").await
    }
    /// A first sketch of the domain (`domainSketch`).
    async fn domain_sketch(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "domainSketch").await
    }
    /// The people they would invite first (the map of community members; `memberMap`).
    async fn member_map(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "memberMap").await
    }
    async fn invitation_draft(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "invitationDraft").await
    }
    async fn first_meeting(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "firstMeeting").await
    }
    /// The change in patient safety they hope for (`hopedForChange`).
    async fn hoped_for_change(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "hopedForChange").await
    }
    /// The support they want from the network (`supportWanted`).
    async fn support_wanted(&self, ctx: &Context<'_>) -> ApiResult<String> {
        self.answer(ctx, "supportWanted").await
    }
    /// FUNDED or NOT_FUNDED once the decision is recorded; null before.
    async fn outcome(&self, ctx: &Context<'_>) -> ApiResult<Option<ApplicationStatus>> {
        use convene_domain::application::ApplicationStatus as S;
        Ok(match self.visible_status(ctx).await? {
            s @ (S::Funded | S::NotFunded) => Some(s.into()),
            _ => None,
        })
    }
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }
    async fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.0.withdrawn_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Whether the viewer is this application's lead.
    async fn viewer_is_lead(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        Ok(viewer(ctx).is_some_and(|v| v.person.0 == self.0.lead_id))
    }
    /// The reviews: the programme team sees all; a panel member sees others' only after
    /// submitting their own, and never when conflicted; nobody else sees any.
    async fn reviews(&self, ctx: &Context<'_>) -> ApiResult<Vec<Review>> {
        let v = convene_domain::access::require_signed_in(viewer(ctx))?;
        let sel = self.selection(ctx).await?;
        let me = v.person.0;
        let visibility = selection::review_visibility(
            v.is_programme_team(),
            sel.member(me).is_some(),
            sel.conflict(self.0.id, me).is_some(),
            sel.review_of(self.0.id, me).is_some(),
        );
        let weighted = weighted_scores(&sel, self.0.id);
        let view = |(r, s): &(review::Model, Vec<review_score::Model>)| Review {
            weighted_score: weighted.get(&r.reviewer_id).copied(),
            model: r.clone(),
            scores: s.clone(),
        };
        let mine = sel
            .reviews
            .iter()
            .filter(|(r, _)| r.application_id == self.0.id);
        Ok(match visibility {
            selection::ReviewVisibility::All => mine.map(view).collect(),
            selection::ReviewVisibility::OwnOnly => mine
                .filter(|(r, _)| r.reviewer_id == me)
                .map(view)
                .collect(),
            selection::ReviewVisibility::None => {
                return Err(ApiError::new(
                    convene_domain::ErrorCode::Forbidden,
                    "Reviews are for the programme team and unconflicted panel members",
                ));
            }
        })
    }
    /// The viewer's own review of this application, if any.
    async fn my_review(&self, ctx: &Context<'_>) -> ApiResult<Option<Review>> {
        let Some(v) = viewer(ctx) else {
            return Ok(None);
        };
        let sel = self.selection(ctx).await?;
        Ok(sel.review_of(self.0.id, v.person.0).map(|(r, s)| Review {
            weighted_score: sel
                .review_scores()
                .iter()
                .find(|x| x.application.0 == self.0.id && x.reviewer.0 == v.person.0)
                .map(|x| x.weighted),
            model: r.clone(),
            scores: s.clone(),
        }))
    }
    /// Whether the viewer has a conflict of interest on this application.
    async fn viewer_conflicted(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        Ok(self
            .selection(ctx)
            .await?
            .conflict(self.0.id, v.person.0)
            .is_some())
    }
    /// What the viewer may do with this application, by the rules its mutations apply.
    async fn viewer_can(&self, ctx: &Context<'_>) -> ApiResult<ApplicationViewerCan> {
        let Some(v) = viewer(ctx) else {
            return Ok(ApplicationViewerCan { review: false });
        };
        let sel = self.selection(ctx).await?;
        let me = v.person.0;
        let call_status =
            convene_store::repo::calls::window(&sel.call).status_at(crate::graphql::context::now());
        let review = selection::check_can_review(
            call_status,
            sel.is_assigned(self.0.id, me),
            sel.conflict(self.0.id, me).is_some(),
        )
        .and_then(|()| selection::check_reviewable_application(status(&self.0)))
        .is_ok();
        Ok(ApplicationViewerCan { review })
    }
    /// The community started from this application, if any.
    async fn community(&self, ctx: &Context<'_>) -> ApiResult<Option<Community>> {
        let db = &crate::graphql::context::state(ctx).db;
        let Some(c) = convene_store::repo::communities::of_application(db, self.0.id).await? else {
            return Ok(None);
        };
        // the community's own visibility rule, not the application's (issue 15)
        crate::graphql::query::visible_community(ctx, c.id).await
    }
    /// Whether the viewer has been invited to co-lead this application and has not answered.
    async fn viewer_is_invited(&self, ctx: &Context<'_>) -> ApiResult<bool> {
        let Some(v) = viewer(ctx) else {
            return Ok(false);
        };
        let parts = self.participants(ctx).await?;
        let rule =
            convene_store::repo::applications::as_rule_participants(&parts, &Default::default());
        Ok(relation(v, &rule) == ApplicationRelation::Invited)
    }
}

impl Application {
    async fn visible_status(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<convene_domain::application::ApplicationStatus> {
        use convene_domain::application::ApplicationStatus as S;
        let s = status(&self.0);
        if !matches!(s, S::Funded | S::NotFunded) {
            return Ok(s);
        }
        let team = viewer(ctx).is_some_and(|v| v.is_programme_team());
        let on_panel = match viewer(ctx) {
            Some(v) if !team => self.selection(ctx).await?.member(v.person.0).is_some(),
            _ => false,
        };
        let told = loaders(ctx)
            .told
            .load_one(self.0.id)
            .await?
            .unwrap_or(false);
        Ok(if selection::outcome_visible(team, on_panel, told) {
            s
        } else {
            S::Submitted
        })
    }

    async fn selection(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<std::sync::Arc<crate::services::selection::CallSelection>> {
        must(&loaders(ctx).selections, self.0.call_id, "call").await
    }
}

/// What the viewer may do with an application (`Application.viewerCan`).
#[derive(async_graphql::SimpleObject, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApplicationViewerCan {
    /// Write or change their review: assigned, not conflicted, while the call is in review and
    /// the application still in the running.
    pub review: bool,
}

connection!(ApplicationConnection, ApplicationEdge, Application);

use convene_store::entities::{review, review_score};

/// Each reviewer's weighted score of one application.
fn weighted_scores(
    sel: &crate::services::selection::CallSelection,
    application: Uuid,
) -> HashMap<Uuid, f64> {
    sel.review_scores()
        .into_iter()
        .filter(|r| r.application.0 == application)
        .map(|r| (r.reviewer.0, r.weighted))
        .collect()
}
