//! Selection (SPEC §2): the panel, conflicts, assignment, reviews, the decision and outcomes.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::Viewer;
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::ids::CriterionId;
use convene_domain::selection as rules;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::call::Call;
use crate::graphql::types::selection::{Conflict, Decision, PanelMember, Review, ReviewAssignment};
use crate::usecases::selection as usecase;

#[derive(Default)]
pub struct SelectionMutations;

#[derive(InputObject)]
pub struct AddPanelMemberInput {
    pub call_id: ID,
    pub person_id: ID,
    /// Make this member the chair (standing down any other).
    #[graphql(default = false)]
    pub chair: bool,
}
#[derive(SimpleObject)]
pub struct AddPanelMemberPayload {
    pub panel_member: PanelMember,
    pub call: Call,
}

#[derive(InputObject)]
pub struct RemovePanelMemberInput {
    pub call_id: ID,
    pub person_id: ID,
}
#[derive(SimpleObject)]
pub struct RemovePanelMemberPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct DeclareConflictInput {
    pub application_id: ID,
    pub reason: String,
}
#[derive(SimpleObject)]
pub struct DeclareConflictPayload {
    pub conflict: Conflict,
}

#[derive(InputObject)]
pub struct AssignReviewersInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct AssignReviewersPayload {
    /// Every assignment of the call, the new ones included.
    pub assignments: Vec<ReviewAssignment>,
    pub call: Call,
}

#[derive(InputObject)]
pub struct AddReviewAssignmentInput {
    pub application_id: ID,
    pub reviewer_id: ID,
}
#[derive(SimpleObject)]
pub struct AddReviewAssignmentPayload {
    pub assignment: ReviewAssignment,
}

#[derive(InputObject)]
pub struct RemoveReviewAssignmentInput {
    pub application_id: ID,
    pub reviewer_id: ID,
}
#[derive(SimpleObject)]
pub struct RemoveReviewAssignmentPayload {
    pub removed: bool,
}

#[derive(InputObject)]
pub struct ScoreInput {
    pub criterion_id: ID,
    /// 1 to 5.
    pub score: i32,
    pub comment: String,
}

#[derive(InputObject)]
pub struct SubmitReviewInput {
    pub application_id: ID,
    pub scores: Vec<ScoreInput>,
}
#[derive(SimpleObject)]
pub struct SubmitReviewPayload {
    pub review: Review,
}

#[derive(InputObject)]
pub struct SendReviewRemindersInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct SendReviewRemindersPayload {
    /// How many reviewers were reminded.
    pub reminded: i32,
}

#[derive(InputObject)]
pub struct RecordDecisionInput {
    pub call_id: ID,
    pub funded_application_ids: Vec<ID>,
    pub rationale: String,
}
#[derive(SimpleObject)]
pub struct RecordDecisionPayload {
    pub decision: Decision,
    pub call: Call,
}

#[derive(InputObject)]
pub struct SendOutcomesInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct SendOutcomesPayload {
    /// How many people were told now.
    pub told: i32,
    pub call: Call,
}

fn programme_team<'c>(ctx: &Context<'c>) -> ApiResult<&'c Viewer> {
    Ok(require_role(viewer(ctx), Role::ProgrammeTeam)?)
}

#[Object]
impl SelectionMutations {
    /// Add someone to a call's panel (programme team only); they are given the PANEL role.
    async fn add_panel_member(
        &self,
        ctx: &Context<'_>,
        input: AddPanelMemberInput,
    ) -> ApiResult<AddPanelMemberPayload> {
        let v = programme_team(ctx)?;
        let cmd = usecase::AddPanelMember {
            call: ids::typed("callId", &input.call_id)?,
            person: ids::typed("personId", &input.person_id)?,
            chair: input.chair,
        };
        let done = usecase::add_panel_member(state(ctx), v, cmd).await?;
        Ok(AddPanelMemberPayload {
            panel_member: PanelMember(done.member),
            call: Call(done.call),
        })
    }

    /// Take someone off a call's panel (programme team only), with their open assignments.
    async fn remove_panel_member(
        &self,
        ctx: &Context<'_>,
        input: RemovePanelMemberInput,
    ) -> ApiResult<RemovePanelMemberPayload> {
        let v = programme_team(ctx)?;
        let call = ids::typed("callId", &input.call_id)?;
        let person = ids::typed("personId", &input.person_id)?;
        let call = usecase::remove_panel_member(state(ctx), v, call, person).await?;
        Ok(RemovePanelMemberPayload { call: Call(call) })
    }

    /// Declare a conflict of interest on an application (a panel member of its call). You are
    /// taken off its review and left out of its decision.
    async fn declare_conflict(
        &self,
        ctx: &Context<'_>,
        input: DeclareConflictInput,
    ) -> ApiResult<DeclareConflictPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let application = ids::typed("applicationId", &input.application_id)?;
        let reason = rules::parse_conflict_reason(&input.reason)?;
        let conflict = usecase::declare_conflict(state(ctx), v, application, reason).await?;
        Ok(DeclareConflictPayload {
            conflict: Conflict(conflict),
        })
    }

    /// Give every submitted application the call's number of reviewers, never a conflicted one,
    /// balancing the load (programme team only). Moves the call into review.
    async fn assign_reviewers(
        &self,
        ctx: &Context<'_>,
        input: AssignReviewersInput,
    ) -> ApiResult<AssignReviewersPayload> {
        let v = programme_team(ctx)?;
        let call = ids::typed("callId", &input.call_id)?;
        let done = usecase::assign_reviewers(state(ctx), v, call).await?;
        Ok(AssignReviewersPayload {
            assignments: done.assignments.into_iter().map(assignment).collect(),
            call: Call(done.call),
        })
    }

    /// Assign a reviewer by hand (programme team only).
    async fn add_review_assignment(
        &self,
        ctx: &Context<'_>,
        input: AddReviewAssignmentInput,
    ) -> ApiResult<AddReviewAssignmentPayload> {
        let v = programme_team(ctx)?;
        let application = ids::typed("applicationId", &input.application_id)?;
        let reviewer = ids::typed("reviewerId", &input.reviewer_id)?;
        let made = usecase::add_review_assignment(state(ctx), v, application, reviewer).await?;
        Ok(AddReviewAssignmentPayload {
            assignment: ReviewAssignment {
                model: made,
                submitted: false,
            },
        })
    }

    /// Remove an assignment whose review is not in yet (programme team only).
    async fn remove_review_assignment(
        &self,
        ctx: &Context<'_>,
        input: RemoveReviewAssignmentInput,
    ) -> ApiResult<RemoveReviewAssignmentPayload> {
        let v = programme_team(ctx)?;
        let application = ids::typed("applicationId", &input.application_id)?;
        let reviewer = ids::typed("reviewerId", &input.reviewer_id)?;
        usecase::remove_review_assignment(state(ctx), v, application, reviewer).await?;
        Ok(RemoveReviewAssignmentPayload { removed: true })
    }

    /// Score an application you are assigned to, each criterion 1–5 with a comment. You can
    /// change your review until the decision.
    async fn submit_review(
        &self,
        ctx: &Context<'_>,
        input: SubmitReviewInput,
    ) -> ApiResult<SubmitReviewPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::SubmitReview {
            application: ids::typed("applicationId", &input.application_id)?,
            scores: scores(input.scores)?,
        };
        let done = usecase::submit_review(state(ctx), v, cmd).await?;
        Ok(SubmitReviewPayload {
            review: Review {
                model: done.review,
                scores: done.scores,
                weighted_score: done.weighted,
            },
        })
    }

    /// E-mail every reviewer who has reviews outstanding (programme team only).
    async fn send_review_reminders(
        &self,
        ctx: &Context<'_>,
        input: SendReviewRemindersInput,
    ) -> ApiResult<SendReviewRemindersPayload> {
        let v = programme_team(ctx)?;
        let call = ids::typed("callId", &input.call_id)?;
        let reminded = usecase::send_review_reminders(state(ctx), v, call).await?;
        Ok(SendReviewRemindersPayload {
            reminded: reminded as i32,
        })
    }

    /// Record the decision (the chair only, once): at most the call's places, at most one per
    /// domain, with a rationale. Every submitted application becomes FUNDED or NOT_FUNDED and
    /// each funded one's honorarium is split into proposed payments.
    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        input: RecordDecisionInput,
    ) -> ApiResult<RecordDecisionPayload> {
        let chair = require_signed_in(viewer(ctx))?;
        let cmd = usecase::RecordDecision {
            call: ids::typed("callId", &input.call_id)?,
            funded: crate::ids::decode_all("fundedApplicationIds", &input.funded_application_ids)?,
            rationale: input.rationale,
        };
        let done = usecase::record_decision(state(ctx), chair, cmd).await?;
        Ok(RecordDecisionPayload {
            decision: Decision(done.decision),
            call: Call(done.call),
        })
    }

    /// Tell every applicant and co-lead their outcome by e-mail, once each (programme team only).
    async fn send_outcomes(
        &self,
        ctx: &Context<'_>,
        input: SendOutcomesInput,
    ) -> ApiResult<SendOutcomesPayload> {
        let v = programme_team(ctx)?;
        let call = ids::typed("callId", &input.call_id)?;
        let done = usecase::send_outcomes(state(ctx), v, call).await?;
        Ok(SendOutcomesPayload {
            told: done.told as i32,
            call: Call(done.call),
        })
    }
}

fn assignment(a: usecase::Assignment) -> ReviewAssignment {
    ReviewAssignment {
        model: a.model,
        submitted: a.submitted,
    }
}

/// Each score's criterion, every bad ID named by its place (`scores.2.criterionId`).
fn scores(input: Vec<ScoreInput>) -> ApiResult<Vec<(CriterionId, i32, String)>> {
    let mut f = convene_domain::Fields::new();
    let mut scores = Vec::new();
    for (i, s) in input.into_iter().enumerate() {
        let field = format!("scores.{i}.criterionId");
        if let Some(c) = f.take(crate::ids::decode::<CriterionId>(&field, &s.criterion_id)) {
            scores.push((c, s.score, s.comment));
        }
    }
    f.finish()?;
    Ok(scores)
}
