//! Practice exchanges and the safe forum: sharing, choosing who sees it, and peers' inquiries.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_domain::Fields;

use super::{decode, optional_id};
use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::practice::{Exchange, ExchangeVisibility, Inquiry, InquiryAnswer};
use crate::usecases::practices::exchanges as usecase;

#[derive(InputObject)]
pub struct ShareExchangeInput {
    pub practice_id: ID,
    /// The meeting where it was shared, if any.
    pub meeting_id: Option<ID>,
    /// The sharing protocol followed: the network's or the community's own.
    pub protocol_id: Option<ID>,
    #[graphql(default)]
    pub technical: String,
    #[graphql(default)]
    pub cultural: String,
    #[graphql(default)]
    pub challenges: String,
    #[graphql(default)]
    pub barriers_overcome: String,
    #[graphql(default)]
    pub missing: String,
    #[graphql(default)]
    pub help_needed: String,
    /// Who reads it (COMMUNITY unless the author chooses more).
    #[graphql(default_with = "ExchangeVisibility::Community")]
    pub visibility: ExchangeVisibility,
    /// Hide the author from everyone else.
    #[graphql(default)]
    pub anonymous: bool,
}
#[derive(SimpleObject)]
pub struct ShareExchangePayload {
    pub exchange: Exchange,
}
#[derive(InputObject)]
pub struct SetExchangeVisibilityInput {
    pub exchange_id: ID,
    pub visibility: ExchangeVisibility,
    pub anonymous: bool,
}
#[derive(SimpleObject)]
pub struct SetExchangeVisibilityPayload {
    pub exchange: Exchange,
}
#[derive(InputObject)]
pub struct AskInquiryInput {
    pub exchange_id: ID,
    pub question: String,
}
#[derive(SimpleObject)]
pub struct AskInquiryPayload {
    pub inquiry: Inquiry,
}
#[derive(InputObject)]
pub struct AnswerInquiryInput {
    pub inquiry_id: ID,
    pub answer: String,
}
#[derive(SimpleObject)]
pub struct AnswerInquiryPayload {
    pub answer: InquiryAnswer,
    pub inquiry: Inquiry,
}

#[derive(Default)]
pub struct ExchangeMutations;

#[Object]
impl ExchangeMutations {
    /// Share your account of one of your community's practices (any member). At least one of
    /// the six sections must have text.
    async fn share_exchange(
        &self,
        ctx: &Context<'_>,
        input: ShareExchangeInput,
    ) -> ApiResult<ShareExchangePayload> {
        let v = require_signed_in(viewer(ctx))?;
        let cmd = usecase::ShareExchange {
            practice: crate::ids::decode("practiceId", input.practice_id.as_str()),
            meeting: optional_id("meetingId", &input.meeting_id),
            protocol: optional_id("protocolId", &input.protocol_id),
            sections: d::ExchangeSections::parse([
                &input.technical,
                &input.cultural,
                &input.challenges,
                &input.barriers_overcome,
                &input.missing,
                &input.help_needed,
            ]),
            visibility: input.visibility.into(),
            anonymous: input.anonymous,
        };
        let e = usecase::share_exchange(state(ctx), v, cmd).await?;
        Ok(ShareExchangePayload {
            exchange: Exchange(e),
        })
    }

    /// Choose who reads your exchange and whether it is anonymous (its author only).
    async fn set_exchange_visibility(
        &self,
        ctx: &Context<'_>,
        input: SetExchangeVisibilityInput,
    ) -> ApiResult<SetExchangeVisibilityPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::typed("exchangeId", &input.exchange_id)?;
        let to = usecase::ExchangeAudience {
            visibility: input.visibility.into(),
            anonymous: input.anonymous,
        };
        let e = usecase::set_exchange_visibility(state(ctx), v, id, to).await?;
        Ok(SetExchangeVisibilityPayload {
            exchange: Exchange(e),
        })
    }

    /// Ask the author a question about their exchange (anyone signed in who can read it).
    async fn ask_inquiry(
        &self,
        ctx: &Context<'_>,
        input: AskInquiryInput,
    ) -> ApiResult<AskInquiryPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let id = decode(&mut f, "exchangeId", &input.exchange_id);
        let question = f.take(d::parse_question("question", &input.question));
        f.finish()?;
        let (id, question) = (id.expect("checked"), question.expect("checked"));
        let done = usecase::ask_inquiry(state(ctx), v, id, question).await?;
        Ok(AskInquiryPayload {
            inquiry: Inquiry {
                row: done.row,
                exchange: done.exchange,
            },
        })
    }

    /// Reply to a question on an exchange (anyone signed in who can read it).
    async fn answer_inquiry(
        &self,
        ctx: &Context<'_>,
        input: AnswerInquiryInput,
    ) -> ApiResult<AnswerInquiryPayload> {
        let v = require_signed_in(viewer(ctx))?;
        let mut f = Fields::new();
        let id = decode(&mut f, "inquiryId", &input.inquiry_id);
        let answer = f.take(d::parse_answer("answer", &input.answer));
        f.finish()?;
        let (id, answer) = (id.expect("checked"), answer.expect("checked"));
        let done = usecase::answer_inquiry(state(ctx), v, id, answer).await?;
        Ok(AnswerInquiryPayload {
            answer: InquiryAnswer {
                row: done.answer,
                exchange: done.exchange.clone(),
            },
            inquiry: Inquiry {
                row: done.question,
                exchange: done.exchange,
            },
        })
    }
}
