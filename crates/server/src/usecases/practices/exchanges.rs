//! Practice exchanges and the safe forum: sharing, choosing who sees it, and peers' inquiries.

use convene_domain::access::Viewer;
use convene_domain::ids::{
    ExchangeId, InquiryId, MeetingId, PersonId, PracticeId, SharingProtocolId,
};
use convene_domain::practice::{self as rules, ExchangeSections, ExchangeVisibility, Reader};
use convene_domain::{DomainError, Fields};
use convene_store::entities::{exchange_inquiry, practice, practice_exchange};
use convene_store::repo::{meetings, practices as repo};
use convene_store::stored;
use serde::Serialize;
use uuid::Uuid;

use super::{held_of, owner, role};
use crate::state::AppState;
use crate::usecases::{AppError, AppResult, Write};

/// What the audit log keeps of an exchange: never its author (who may be anonymous) and never
/// its text (a COMMUNITY exchange stays inside its community, even from the programme team).
#[derive(Serialize)]
struct ExchangeSnapshot {
    practice_id: Uuid,
    community_id: Uuid,
    meeting_id: Option<Uuid>,
    protocol_id: Option<Uuid>,
    visibility: String,
    anonymous: bool,
}

impl From<&practice_exchange::Model> for ExchangeSnapshot {
    fn from(e: &practice_exchange::Model) -> Self {
        ExchangeSnapshot {
            practice_id: e.practice_id,
            community_id: e.community_id,
            meeting_id: e.meeting_id,
            protocol_id: e.protocol_id,
            visibility: e.visibility.clone(),
            anonymous: e.anonymous,
        }
    }
}

/// What the audit log keeps of a question or reply: where it is, never its text.
#[derive(Serialize)]
struct InquirySnapshot {
    exchange_id: Uuid,
    parent_id: Option<Uuid>,
}

/// Who to record for a change to an exchange: nobody when the person acting is its anonymous
/// author.
fn actor_for(e: &practice_exchange::Model, person: PersonId) -> Option<PersonId> {
    (!(e.anonymous && e.author_id == Some(person.0))).then_some(person)
}

/// How a signed-in person stands to an exchange.
async fn reader(
    w: &Write<'_>,
    e: &practice_exchange::Model,
    person: PersonId,
) -> AppResult<Reader> {
    Ok(Reader {
        signed_in: true,
        member: role(w, e.community_id, person).await?.is_some(),
        author: e.author_id == Some(person.0),
    })
}

fn visibility(e: &practice_exchange::Model) -> AppResult<ExchangeVisibility> {
    Ok(stored("practice_exchanges.visibility", &e.visibility)?)
}

/// An exchange as entered: each part parsed, a bad one holding its field errors, so that they
/// are reported together with what only the store can tell (a practice, protocol or meeting
/// that is not there).
pub struct ShareExchange {
    pub practice: Result<PracticeId, DomainError>,
    /// The meeting where it was shared, if any.
    pub meeting: Result<Option<MeetingId>, DomainError>,
    /// The sharing protocol followed: the network's or the community's own.
    pub protocol: Result<Option<SharingProtocolId>, DomainError>,
    pub sections: Result<ExchangeSections, DomainError>,
    pub visibility: ExchangeVisibility,
    /// Hide the author from everyone else.
    pub anonymous: bool,
}

/// Share an account of one of your community's practices (any member). At least one of the
/// six sections must have text.
pub async fn share_exchange(
    st: &AppState,
    v: &Viewer,
    cmd: ShareExchange,
) -> AppResult<practice_exchange::Model> {
    let mut w = Write::by(st, v).await?;
    let mut f = Fields::new();
    let practice_id = f.take(cmd.practice);
    let meeting_id = f.take(cmd.meeting).flatten();
    let protocol_id = f.take(cmd.protocol).flatten();
    let sections = f.take(cmd.sections);
    let practice = match practice_id {
        Some(id) => where_shared(&w, &mut f, id, protocol_id, meeting_id).await?,
        None => None,
    };
    f.finish()?;
    let (Some(practice), Some(sections)) = (practice, sections) else {
        return Err(AppError::internal(
            "an exchange passed its checks with a part missing",
        ));
    };
    let h = held_of(&w, practice.community_id, v.person).await?;
    rules::check_can_share(h.role, h.stage)?;
    let c = h.community;
    let new = repo::NewExchange {
        practice_id: practice.id,
        community_id: c.id,
        author_id: v.person.0,
        meeting_id: meeting_id.map(|m| m.0),
        protocol_id: protocol_id.map(|p| p.0),
        sections: &sections,
        visibility: cmd.visibility.as_str(),
        anonymous: cmd.anonymous,
    };
    let e = repo::share(w.tx(), new, w.now()).await?;
    let after = ExchangeSnapshot::from(&e);
    w.audit_as(
        actor_for(&e, v.person),
        "Exchange",
        e.id,
        "share",
        None,
        Some(&after),
    );
    w.commit().await?;
    Ok(e)
}

/// The practice an exchange is about, and whether the protocol it followed and the meeting
/// where it was shared belong with it; what is wrong goes into `f`.
async fn where_shared(
    w: &Write<'_>,
    f: &mut Fields,
    id: PracticeId,
    protocol: Option<SharingProtocolId>,
    meeting: Option<MeetingId>,
) -> AppResult<Option<practice::Model>> {
    let Some(p) = repo::get(w.tx(), id.0).await? else {
        f.add("practiceId", "There is no such practice");
        return Ok(None);
    };
    if let Some(pid) = protocol {
        match repo::protocol(w.tx(), pid.0).await? {
            Some(proto) => {
                let own = proto.community_id == Some(p.community_id);
                f.take(rules::check_protocol_usable(owner(&proto), own));
            }
            None => f.add("protocolId", "There is no such protocol"),
        }
    }
    // the meeting it was shared at must be one of the practice's community's meetings
    if let Some(mid) = meeting {
        match meetings::get(w.tx(), mid.0).await? {
            Some(m) if m.community_id == p.community_id => {}
            _ => f.add("meetingId", "There is no such meeting in this community"),
        }
    }
    Ok(Some(p))
}

/// Who reads an exchange, and whether its author is shown.
pub struct ExchangeAudience {
    pub visibility: ExchangeVisibility,
    pub anonymous: bool,
}

/// Choose who reads your exchange and whether it is anonymous (its author only). Someone who
/// cannot read it is told no more than that it does not exist.
pub async fn set_exchange_visibility(
    st: &AppState,
    v: &Viewer,
    id: ExchangeId,
    to: ExchangeAudience,
) -> AppResult<practice_exchange::Model> {
    let mut w = Write::by(st, v).await?;
    let not_found = || AppError::field("exchangeId", "There is no such exchange");
    let e = repo::lock_exchange(w.tx(), id.0)
        .await?
        .ok_or_else(not_found)?;
    let reader = reader(&w, &e, v.person).await?;
    if !rules::can_read_exchange(reader, visibility(&e)?) {
        return Err(not_found());
    }
    rules::check_is_author(reader.author)?;
    let after = repo::set_visibility(
        w.tx(),
        e.clone(),
        to.visibility.as_str(),
        to.anonymous,
        w.now(),
    )
    .await?;
    if after.anonymous && !e.anonymous {
        // what the log said before stops naming them
        repo::forget_author_in_audit(w.tx(), e.id, v.person.0).await?;
    }
    let (before, now) = (ExchangeSnapshot::from(&e), ExchangeSnapshot::from(&after));
    let actor = actor_for(&after, v.person);
    w.audit_as(
        actor,
        "Exchange",
        e.id,
        "set_visibility",
        Some(&before),
        Some(&now),
    );
    w.commit().await?;
    Ok(after)
}

/// The exchange, when this person may read it; otherwise as if it did not exist (an error on
/// `field`).
async fn readable(
    w: &Write<'_>,
    id: Uuid,
    person: PersonId,
    field: &str,
) -> AppResult<practice_exchange::Model> {
    let missing = || AppError::field(field, "There is no such exchange");
    let e = repo::exchange(w.tx(), id).await?.ok_or_else(missing)?;
    let reader = reader(w, &e, person).await?;
    rules::check_can_inquire(reader, visibility(&e)?).map_err(|_| missing())?;
    Ok(e)
}

/// Add a question (no parent) or a reply to one on an exchange, with its audit entry.
async fn add_inquiry(
    w: &mut Write<'_>,
    e: &practice_exchange::Model,
    parent: Option<Uuid>,
    body: &str,
    person: PersonId,
    action: &'static str,
) -> AppResult<exchange_inquiry::Model> {
    let row = repo::add_inquiry(w.tx(), e.id, parent, body, person.0, w.now()).await?;
    let after = InquirySnapshot {
        exchange_id: e.id,
        parent_id: parent,
    };
    w.audit_as(
        actor_for(e, person),
        "Exchange",
        e.id,
        action,
        None,
        Some(&after),
    );
    Ok(row)
}

/// A question or reply and the exchange it is on.
pub struct Asked {
    pub row: exchange_inquiry::Model,
    pub exchange: practice_exchange::Model,
}

/// Ask the author a question about their exchange (anyone signed in who can read it).
pub async fn ask_inquiry(
    st: &AppState,
    v: &Viewer,
    id: ExchangeId,
    question: String,
) -> AppResult<Asked> {
    let mut w = Write::by(st, v).await?;
    let e = readable(&w, id.0, v.person, "exchangeId").await?;
    let row = add_inquiry(&mut w, &e, None, &question, v.person, "ask_inquiry").await?;
    w.commit().await?;
    Ok(Asked { row, exchange: e })
}

/// A reply and the question it answers.
pub struct Answered {
    pub answer: exchange_inquiry::Model,
    pub question: exchange_inquiry::Model,
    pub exchange: practice_exchange::Model,
}

/// Reply to a question on an exchange (anyone signed in who can read it).
pub async fn answer_inquiry(
    st: &AppState,
    v: &Viewer,
    id: InquiryId,
    answer: String,
) -> AppResult<Answered> {
    let mut w = Write::by(st, v).await?;
    let question = repo::inquiry(w.tx(), id.0)
        .await?
        .filter(|q| q.parent_id.is_none())
        .ok_or_else(|| AppError::field("inquiryId", "There is no such question"))?;
    let e = readable(&w, question.exchange_id, v.person, "inquiryId").await?;
    let parent = Some(question.id);
    let answer = add_inquiry(&mut w, &e, parent, &answer, v.person, "answer_inquiry").await?;
    w.commit().await?;
    Ok(Answered {
        answer,
        question,
        exchange: e,
    })
}
