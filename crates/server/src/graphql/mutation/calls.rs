//! Calls (SPEC §1): created, opened and closed by the programme team.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_domain::access::require_role;
use convene_domain::account::Role;
use convene_domain::call::{check_questions, CallChanges, CallDraft, NewCall, QuestionDraft};
use convene_domain::Fields;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::call::Call;
use crate::graphql::types::enums::{HonorariumPolicy, QuestionKind, RankBy};
use crate::graphql::types::scalars::Date;
use crate::usecases::calls as usecase;
use crate::usecases::{AppError, AppResult};

#[derive(Default)]
pub struct CallMutations;

#[derive(InputObject)]
pub struct CriterionInput {
    pub name: String,
    /// A whole number from 1 to 100.
    pub weight: i32,
}

/// A question applicants answer (SPEC §1).
#[derive(InputObject)]
pub struct QuestionInput {
    /// How answers name it: a small letter, then letters and digits (`hopedForChange`).
    pub key: String,
    pub title: String,
    #[graphql(default)]
    pub hint: String,
    pub kind: QuestionKind,
    /// A TEXT question's most words (required for TEXT, refused for the others).
    pub word_limit: Option<i32>,
    /// A CHOICE question's answers, at least two.
    #[graphql(default)]
    pub choices: Vec<String>,
    #[graphql(default = true)]
    pub required: bool,
}

#[derive(InputObject)]
pub struct CreateCallInput {
    pub title: String,
    #[graphql(default)]
    pub description: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decision_due_on: Date,
    pub funded_places: i32,
    pub honorarium_pence: i64,
    #[graphql(default_with = "HonorariumPolicy::Redistribute")]
    pub honorarium_policy: HonorariumPolicy,
    #[graphql(default = 3)]
    pub reviewers_per_application: i32,
    #[graphql(default_with = "RankBy::Weighted")]
    pub rank_by: RankBy,
    pub criteria: Vec<CriterionInput>,
    /// Keep the call as a draft instead of publishing it.
    #[graphql(default = false)]
    pub draft: bool,
    /// When reviews are due (on or after the closing date, by the decision-due date).
    pub reviews_due_on: Option<Date>,
    /// The questions applicants answer, in order; the default set when left out.
    pub questions: Option<Vec<QuestionInput>>,
}
#[derive(SimpleObject)]
pub struct CreateCallPayload {
    pub call: Call,
}

/// The parts of a call to change; those left out stay as they are. A draft changes freely;
/// once published, its texts can be fixed, an open call may close later (never earlier than
/// now), the due dates move until the decision, and the criteria change only before the first
/// review is submitted.
#[derive(InputObject)]
pub struct UpdateCallInput {
    pub call_id: ID,
    pub title: Option<String>,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub decision_due_on: Option<Date>,
    pub reviews_due_on: Option<Date>,
    pub funded_places: Option<i32>,
    pub honorarium_pence: Option<i64>,
    pub criteria: Option<Vec<CriterionInput>>,
    /// A new question set (only while nobody has started an application).
    pub questions: Option<Vec<QuestionInput>>,
}
impl UpdateCallInput {
    /// The parts given, as the domain's changes (the rest left as they are); a question set is
    /// checked as `createCall` checks one.
    fn changes(&self) -> AppResult<CallChanges<'_>> {
        let questions = match &self.questions {
            Some(qs) => Some(check_questions(&question_drafts(qs))?),
            None => None,
        };
        Ok(CallChanges {
            title: self.title.as_deref(),
            description: self.description.as_deref(),
            opens_at: self.opens_at,
            closes_at: self.closes_at,
            decision_due_on: self.decision_due_on.as_ref().map(|d| d.0),
            reviews_due_on: self.reviews_due_on.as_ref().map(|d| d.0),
            funded_places: self.funded_places,
            honorarium_pence: self.honorarium_pence,
            criteria: self
                .criteria
                .as_ref()
                .map(|cs| cs.iter().map(|c| (c.name.as_str(), c.weight)).collect()),
            questions,
        })
    }
}

#[derive(SimpleObject)]
pub struct UpdateCallPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct OpenCallInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct OpenCallPayload {
    pub call: Call,
}

#[derive(InputObject)]
pub struct CloseCallInput {
    pub call_id: ID,
}
#[derive(SimpleObject)]
pub struct CloseCallPayload {
    pub call: Call,
}

/// The call as typed, with its own questions if it has them; every problem at once.
fn parse_call(input: &CreateCallInput) -> AppResult<NewCall> {
    let mut f = Fields::new();
    let call = f.take(NewCall::parse(CallDraft {
        title: &input.title,
        description: &input.description,
        opens_at: input.opens_at,
        closes_at: input.closes_at,
        decision_due_on: input.decision_due_on.0,
        funded_places: input.funded_places,
        honorarium_pence: input.honorarium_pence,
        reviewers_per_application: input.reviewers_per_application,
        criteria: input
            .criteria
            .iter()
            .map(|c| (c.name.as_str(), c.weight))
            .collect(),
    }));
    let questions = input
        .questions
        .as_deref()
        .and_then(|qs| f.take(check_questions(&question_drafts(qs))));
    f.finish()?;
    let mut call = call.ok_or_else(|| AppError::internal("a checked call was lost"))?;
    if let Some(qs) = questions {
        call.questions = qs;
    }
    Ok(call)
}

/// Questions as typed, for `check_questions`.
pub fn question_drafts(qs: &[QuestionInput]) -> Vec<QuestionDraft<'_>> {
    qs.iter()
        .map(|q| QuestionDraft {
            key: &q.key,
            title: &q.title,
            hint: &q.hint,
            kind: q.kind.into(),
            word_limit: q.word_limit,
            choices: q.choices.iter().map(String::as_str).collect(),
            required: q.required,
        })
        .collect()
}

#[Object]
impl CallMutations {
    /// Create a call (programme team only). It is open at once unless `draft` is true.
    async fn create_call(
        &self,
        ctx: &Context<'_>,
        input: CreateCallInput,
    ) -> ApiResult<CreateCallPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cmd = usecase::CreateCall {
            call: parse_call(&input)?,
            honorarium_policy: input.honorarium_policy.into(),
            rank_by: input.rank_by.into(),
            draft: input.draft,
            reviews_due_on: input.reviews_due_on.map(|d| d.0),
        };
        let call = usecase::create_call(state(ctx), v, cmd).await?;
        Ok(CreateCallPayload { call: Call(call) })
    }

    /// Change a call (programme team only). Everyone holding an application in an open call
    /// is e-mailed its new closing time.
    async fn update_call(
        &self,
        ctx: &Context<'_>,
        input: UpdateCallInput,
    ) -> ApiResult<UpdateCallPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("callId", &input.call_id)?;
        let call = usecase::update_call(state(ctx), v, id, input.changes()?).await?;
        Ok(UpdateCallPayload { call: Call(call) })
    }

    /// Publish a draft call (programme team only).
    async fn open_call(
        &self,
        ctx: &Context<'_>,
        input: OpenCallInput,
    ) -> ApiResult<OpenCallPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("callId", &input.call_id)?;
        let call = usecase::open_call(state(ctx), v, id).await?;
        Ok(OpenCallPayload { call: Call(call) })
    }

    /// Close a call to new submissions, early if need be (programme team only).
    async fn close_call(
        &self,
        ctx: &Context<'_>,
        input: CloseCallInput,
    ) -> ApiResult<CloseCallPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("callId", &input.call_id)?;
        let call = usecase::close_call(state(ctx), v, id).await?;
        Ok(CloseCallPayload { call: Call(call) })
    }
}
