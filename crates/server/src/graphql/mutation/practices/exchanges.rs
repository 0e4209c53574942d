//! Practice exchanges and the safe forum: sharing, choosing who sees it, and peers' inquiries.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::practice as d;
use convene_store::begin_write;
use convene_store::repo::practices as repo;
use serde::Serialize;
use uuid::Uuid;

use super::super::audit;
use super::{exchange_actor, lock_community, role, stage, ExchangeSnapshot};
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::practice::{
    protocol_owner, visibility_of, Exchange, ExchangeVisibility, Inquiry, InquiryAnswer,
};

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

/// What the audit log keeps of a question or reply: where it is, never its text.
#[derive(Serialize)]
struct InquirySnapshot {
    exchange_id: Uuid,
    parent_id: Option<Uuid>,
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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let dec = |field: &str, kind: &str, id: &ID| {
            ids::decode(field, kind, id).map_err(super::super::accounts::api_to_domain)
        };
        let practice_id = f.take(dec("practiceId", "Practice", &input.practice_id));
        let meeting_id = match &input.meeting_id {
            Some(m) => f.take(dec("meetingId", "Meeting", m)),
            None => None,
        };
        let protocol_id = match &input.protocol_id {
            Some(p) => f.take(dec("protocolId", "SharingProtocol", p)),
            None => None,
        };
        let sections = f.take(d::ExchangeSections::parse([
            &input.technical,
            &input.cultural,
            &input.challenges,
            &input.barriers_overcome,
            &input.missing,
            &input.help_needed,
        ]));
        let now = now();
        let tx = begin_write(&st.db).await?;
        let practice = match practice_id {
            Some(id) => {
                let p = repo::get(&tx, id).await?;
                if p.is_none() {
                    f.add("practiceId", "There is no such practice");
                }
                p
            }
            None => None,
        };
        if let (Some(pid), Some(p)) = (protocol_id, &practice) {
            match repo::protocol(&tx, pid).await? {
                Some(proto) => {
                    f.take(d::check_protocol_usable(
                        protocol_owner(&proto),
                        proto.community_id == Some(p.community_id),
                    ));
                }
                None => f.add("protocolId", "There is no such protocol"),
            }
        }
        // the meeting it was shared at must be one of the practice's community's meetings
        if let (Some(mid), Some(p)) = (meeting_id, &practice) {
            match convene_store::repo::meetings::get(&tx, mid).await? {
                Some(m) if m.community_id == p.community_id => {}
                _ => f.add("meetingId", "There is no such meeting in this community"),
            }
        }
        f.finish()?;
        let practice = practice.expect("checked");
        let c = lock_community(&tx, practice.community_id).await?;
        d::check_can_share(role(&tx, c.id, v.person.0).await?, stage(&c))?;
        let visibility: d::ExchangeVisibility = input.visibility.into();
        let e = repo::share(
            &tx,
            repo::NewExchange {
                practice_id: practice.id,
                community_id: c.id,
                author_id: v.person.0,
                meeting_id,
                protocol_id,
                sections: &sections.expect("checked"),
                visibility: visibility.as_str(),
                anonymous: input.anonymous,
            },
            now,
        )
        .await?;
        audit(
            &tx,
            exchange_actor(&e, v.person.0),
            "Exchange",
            e.id,
            "share",
            None,
            Some(&ExchangeSnapshot::from(&e)),
            now,
        )
        .await?;
        tx.commit().await?;
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
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let id = ids::decode("exchangeId", "Exchange", &input.exchange_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let not_found = || ApiError::field("exchangeId", "There is no such exchange");
        let e = repo::lock_exchange(&tx, id).await?.ok_or_else(not_found)?;
        let author = e.author_id == Some(v.person.0);
        if !author {
            // Say no more than the reader could see already.
            let reader = d::Reader {
                signed_in: true,
                member: role(&tx, e.community_id, v.person.0).await?.is_some(),
                author: false,
            };
            if !d::can_read_exchange(reader, visibility_of(&e)) {
                return Err(not_found());
            }
        }
        d::check_is_author(author)?;
        let visibility: d::ExchangeVisibility = input.visibility.into();
        let after =
            repo::set_visibility(&tx, e.clone(), visibility.as_str(), input.anonymous, now).await?;
        if after.anonymous && !e.anonymous {
            // what the log said before stops naming them
            repo::forget_author_in_audit(&tx, e.id, v.person.0).await?;
        }
        audit(
            &tx,
            exchange_actor(&after, v.person.0),
            "Exchange",
            e.id,
            "set_visibility",
            Some(&ExchangeSnapshot::from(&e)),
            Some(&ExchangeSnapshot::from(&after)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(SetExchangeVisibilityPayload {
            exchange: Exchange(after),
        })
    }

    /// Ask the author a question about their exchange (anyone signed in who can read it).
    async fn ask_inquiry(
        &self,
        ctx: &Context<'_>,
        input: AskInquiryInput,
    ) -> ApiResult<AskInquiryPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let id = f.take(
            ids::decode("exchangeId", "Exchange", &input.exchange_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let question = f.take(d::parse_question("question", &input.question));
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let e = readable(&tx, id.expect("checked"), v.person.0, "exchangeId").await?;
        let row = repo::add_inquiry(
            &tx,
            e.id,
            None,
            &question.expect("checked"),
            v.person.0,
            now,
        )
        .await?;
        audit(
            &tx,
            exchange_actor(&e, v.person.0),
            "Exchange",
            e.id,
            "ask_inquiry",
            None,
            Some(&InquirySnapshot {
                exchange_id: e.id,
                parent_id: None,
            }),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AskInquiryPayload {
            inquiry: Inquiry { row, exchange: e },
        })
    }

    /// Reply to a question on an exchange (anyone signed in who can read it).
    async fn answer_inquiry(
        &self,
        ctx: &Context<'_>,
        input: AnswerInquiryInput,
    ) -> ApiResult<AnswerInquiryPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let mut f = convene_domain::Fields::new();
        let id = f.take(
            ids::decode("inquiryId", "Inquiry", &input.inquiry_id)
                .map_err(super::super::accounts::api_to_domain),
        );
        let answer = f.take(d::parse_answer("answer", &input.answer));
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let question = repo::inquiry(&tx, id.expect("checked"))
            .await?
            .filter(|q| q.parent_id.is_none())
            .ok_or_else(|| ApiError::field("inquiryId", "There is no such question"))?;
        let e = readable(&tx, question.exchange_id, v.person.0, "inquiryId").await?;
        let row = repo::add_inquiry(
            &tx,
            e.id,
            Some(question.id),
            &answer.expect("checked"),
            v.person.0,
            now,
        )
        .await?;
        audit(
            &tx,
            exchange_actor(&e, v.person.0),
            "Exchange",
            e.id,
            "answer_inquiry",
            None,
            Some(&InquirySnapshot {
                exchange_id: e.id,
                parent_id: Some(question.id),
            }),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AnswerInquiryPayload {
            answer: InquiryAnswer {
                row,
                exchange: e.clone(),
            },
            inquiry: Inquiry {
                row: question,
                exchange: e,
            },
        })
    }
}

/// The exchange, when this person may read it; otherwise as if it did not exist.
async fn readable(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    id: Uuid,
    person: Uuid,
    field: &str,
) -> ApiResult<convene_store::entities::practice_exchange::Model> {
    let missing = || ApiError::field(field, "There is no such exchange");
    let e = repo::exchange(tx, id).await?.ok_or_else(missing)?;
    let reader = d::Reader {
        signed_in: true,
        member: role(tx, e.community_id, person).await?.is_some(),
        author: e.author_id == Some(person),
    };
    d::check_can_inquire(reader, visibility_of(&e)).map_err(|_| missing())?;
    Ok(e)
}
