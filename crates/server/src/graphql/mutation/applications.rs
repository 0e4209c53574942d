//! Applications (SPEC §1, FAQ 3–9): start, save as you go, co-leads, submit, withdraw.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::account::Email;
use convene_domain::ids::ApplicationId;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::application::Application;
use crate::usecases::applications::{self as usecase, CoLeadAnswer};

#[derive(Default)]
pub struct ApplicationMutations;

#[derive(InputObject)]
pub struct StartApplicationInput {
    pub call_id: ID,
    pub domain_id: ID,
    pub sponsor_organisation_id: Option<ID>,
    pub motivation: Option<String>,
    pub domain_sketch: Option<String>,
    pub member_map: Option<String>,
    pub invitation_draft: Option<String>,
    pub first_meeting: Option<String>,
    pub hoped_for_change: Option<String>,
    pub support_wanted: Option<String>,
    /// Answers to the call's questions by key, besides the default set's named fields.
    pub answers: Option<Vec<AnswerInput>>,
}
/// An answer to one of the call's questions, named by the question's key. An empty value
/// clears it.
#[derive(InputObject)]
pub struct AnswerInput {
    pub key: String,
    pub value: String,
}

#[derive(SimpleObject)]
pub struct StartApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct UpdateApplicationInput {
    pub application_id: ID,
    /// Move the draft to another domain.
    pub domain_id: Option<ID>,
    pub sponsor_organisation_id: Option<ID>,
    /// Remove the sponsoring organisation.
    #[graphql(default = false)]
    pub clear_sponsor: bool,
    pub motivation: Option<String>,
    pub domain_sketch: Option<String>,
    pub member_map: Option<String>,
    pub invitation_draft: Option<String>,
    pub first_meeting: Option<String>,
    pub hoped_for_change: Option<String>,
    pub support_wanted: Option<String>,
    /// Answers to the call's questions by key, besides the default set's named fields.
    pub answers: Option<Vec<AnswerInput>>,
}
#[derive(SimpleObject)]
pub struct UpdateApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct InviteCoLeadInput {
    pub application_id: ID,
    pub email: String,
}
#[derive(SimpleObject)]
pub struct InviteCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct AcceptCoLeadInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct AcceptCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct DeclineCoLeadInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct DeclineCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct RemoveCoLeadInput {
    pub application_id: ID,
    pub email: String,
}
#[derive(SimpleObject)]
pub struct RemoveCoLeadPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct SubmitApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct SubmitApplicationPayload {
    pub application: Application,
}

#[derive(InputObject)]
pub struct WithdrawApplicationInput {
    pub application_id: ID,
}
#[derive(SimpleObject)]
pub struct WithdrawApplicationPayload {
    pub application: Application,
}

/// The answers of a start or update input by key: the default set's named fields, then
/// `answers`.
macro_rules! answers {
    ($input:expr) => {
        patch(
            [
                ("motivation", $input.motivation),
                ("domainSketch", $input.domain_sketch),
                ("memberMap", $input.member_map),
                ("invitationDraft", $input.invitation_draft),
                ("firstMeeting", $input.first_meeting),
                ("hopedForChange", $input.hoped_for_change),
                ("supportWanted", $input.support_wanted),
            ],
            $input.answers,
        )
    };
}

fn patch(
    named: [(&str, Option<String>); 7],
    answers: Option<Vec<AnswerInput>>,
) -> usecase::AnswerPatch {
    let named = named
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)));
    let more = answers.into_iter().flatten().map(|a| (a.key, a.value));
    named.chain(more).collect()
}

fn application_id(id: &ID) -> ApiResult<ApplicationId> {
    ids::typed("applicationId", id)
}

fn co_lead(application: &ID, email: &str) -> ApiResult<usecase::CoLead> {
    Ok(usecase::CoLead {
        application: application_id(application)?,
        email: Email::parse("email", email)?,
    })
}

/// An optional ID whose problem is reported with the form's others.
fn given<T: convene_domain::ids::GlobalId>(
    field: &str,
    id: &Option<ID>,
) -> Option<usecase::Given<T>> {
    id.as_ref().map(|id| crate::ids::decode(field, id.as_str()))
}

#[Object]
impl ApplicationMutations {
    /// Start a draft in an open call. One person may apply in several domains, but only once
    /// in each (FAQ 3). Answers may be left empty until submission.
    async fn start_application(
        &self,
        ctx: &Context<'_>,
        input: StartApplicationInput,
    ) -> ApiResult<StartApplicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::StartApplication {
            call: crate::ids::decode("callId", &input.call_id),
            domain: crate::ids::decode("domainId", &input.domain_id),
            sponsor: given("sponsorOrganisationId", &input.sponsor_organisation_id),
            answers: answers!(input),
        };
        let app = usecase::start_application(state(ctx), v, cmd).await?;
        Ok(StartApplicationPayload {
            application: Application::from(app),
        })
    }

    /// Save a draft: any answers given replace the old ones; others stay as they were.
    async fn update_application(
        &self,
        ctx: &Context<'_>,
        input: UpdateApplicationInput,
    ) -> ApiResult<UpdateApplicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::UpdateApplication {
            application: application_id(&input.application_id)?,
            domain: given("domainId", &input.domain_id),
            sponsor: given("sponsorOrganisationId", &input.sponsor_organisation_id),
            clear_sponsor: input.clear_sponsor,
            answers: answers!(input),
        };
        let app = usecase::update_application(state(ctx), v, cmd).await?;
        Ok(UpdateApplicationPayload {
            application: Application::from(app),
        })
    }

    /// Invite a co-lead by e-mail (the lead only). They may not have an account yet.
    async fn invite_co_lead(
        &self,
        ctx: &Context<'_>,
        input: InviteCoLeadInput,
    ) -> ApiResult<InviteCoLeadPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = co_lead(&input.application_id, &input.email)?;
        let app = usecase::invite_co_lead(state(ctx), v, cmd).await?;
        Ok(InviteCoLeadPayload {
            application: Application::from(app),
        })
    }

    /// Agree to co-lead an application you were invited to (FAQ 4).
    async fn accept_co_lead(
        &self,
        ctx: &Context<'_>,
        input: AcceptCoLeadInput,
    ) -> ApiResult<AcceptCoLeadPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = application_id(&input.application_id)?;
        let app = usecase::answer_co_lead(state(ctx), v, id, CoLeadAnswer::Accept).await?;
        Ok(AcceptCoLeadPayload {
            application: Application::from(app),
        })
    }

    /// Decline an invitation to co-lead.
    async fn decline_co_lead(
        &self,
        ctx: &Context<'_>,
        input: DeclineCoLeadInput,
    ) -> ApiResult<DeclineCoLeadPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = application_id(&input.application_id)?;
        let app = usecase::answer_co_lead(state(ctx), v, id, CoLeadAnswer::Decline).await?;
        Ok(DeclineCoLeadPayload {
            application: Application::from(app),
        })
    }

    /// Withdraw an invitation or remove a co-lead from a draft (the lead only).
    async fn remove_co_lead(
        &self,
        ctx: &Context<'_>,
        input: RemoveCoLeadInput,
    ) -> ApiResult<RemoveCoLeadPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = co_lead(&input.application_id, &input.email)?;
        let app = usecase::remove_co_lead(state(ctx), v, cmd).await?;
        Ok(RemoveCoLeadPayload {
            application: Application::from(app),
        })
    }

    /// Submit (the lead only): the call must be open, every answer given, every co-lead agreed,
    /// and an industry or third-sector applicant must have an NHS member co-lead (FAQ 7).
    /// The text is frozen from then on.
    async fn submit_application(
        &self,
        ctx: &Context<'_>,
        input: SubmitApplicationInput,
    ) -> ApiResult<SubmitApplicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = application_id(&input.application_id)?;
        let app = usecase::submit_application(state(ctx), v, id).await?;
        Ok(SubmitApplicationPayload {
            application: Application::from(app),
        })
    }

    /// Withdraw (the lead only), any time until the decision.
    async fn withdraw_application(
        &self,
        ctx: &Context<'_>,
        input: WithdrawApplicationInput,
    ) -> ApiResult<WithdrawApplicationPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = application_id(&input.application_id)?;
        let app = usecase::withdraw_application(state(ctx), v, id).await?;
        Ok(WithdrawApplicationPayload {
            application: Application::from(app),
        })
    }
}
