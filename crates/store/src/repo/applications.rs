use chrono::{DateTime, Utc};
use convene_domain::application::{Answers, ApplicationStatus, CoLeadState, Participant};
use convene_domain::ids::PersonId;
use convene_domain::organisation::OrganisationFacts;
use convene_domain::DomainError;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use crate::entities::{application, participant};
use crate::paging::{by_key, Key, KeyValue, Paged, Sort, Window};
use crate::{on_unique, Page, Result, StoreError};

const HOLDING: Option<i32> = Some(1);

pub fn status(a: &application::Model) -> ApplicationStatus {
    ApplicationStatus::from_str(&a.status).unwrap_or(ApplicationStatus::Draft)
}

/// The application's answers by question key.
pub fn answers(a: &application::Model) -> Result<Answers> {
    super::questions::answers(&a.answers)
}

pub fn co_lead_state(p: &participant::Model) -> CoLeadState {
    CoLeadState::from_str(&p.state).unwrap_or(CoLeadState::Invited)
}

/// The participants as the rules see them, with their organisations' facts.
pub fn as_rule_participants(
    parts: &[participant::Model],
    orgs: &HashMap<Uuid, OrganisationFacts>,
) -> Vec<Participant> {
    parts
        .iter()
        .map(|p| Participant {
            person: p.person_id.map(PersonId),
            email: p.email.clone(),
            is_lead: p.is_lead,
            state: co_lead_state(p),
            organisation: p.organisation_id.and_then(|o| orgs.get(&o).copied()),
        })
        .collect()
}

fn already_holds() -> DomainError {
    DomainError::conflict_on(
        "domainId",
        "You are already on an application in this call for this domain: you can apply in other domains, but only once in each",
    )
}

pub struct NewApplication<'a> {
    pub call_id: Uuid,
    pub domain_id: Uuid,
    pub lead_id: Uuid,
    pub lead_email: &'a str,
    pub lead_organisation_id: Uuid,
    pub sponsor_organisation_id: Option<Uuid>,
    pub answers: &'a Answers,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewApplication<'_>,
    now: DateTime<Utc>,
) -> Result<application::Model> {
    let id = Uuid::new_v4();
    let am = application::ActiveModel {
        id: Set(id),
        call_id: Set(n.call_id),
        domain_id: Set(n.domain_id),
        lead_id: Set(n.lead_id),
        sponsor_organisation_id: Set(n.sponsor_organisation_id),
        status: Set(ApplicationStatus::Draft.as_str().to_string()),
        submitted_at: Set(None),
        withdrawn_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        answers: Set(super::questions::answers_json(n.answers)),
    };
    let model = am.insert(db).await?;
    participant::ActiveModel {
        id: Set(Uuid::new_v4()),
        application_id: Set(id),
        call_id: Set(n.call_id),
        domain_id: Set(n.domain_id),
        person_id: Set(Some(n.lead_id)),
        email: Set(n.lead_email.to_string()),
        is_lead: Set(true),
        position: Set(0),
        state: Set(CoLeadState::Accepted.as_str().to_string()),
        organisation_id: Set(Some(n.lead_organisation_id)),
        holding: Set(HOLDING),
        invited_by: Set(None),
        invited_at: Set(now),
        answered_at: Set(Some(now)),
    }
    .insert(db)
    .await
    .map_err(|e| on_unique(e, already_holds))?;
    Ok(model)
}

/// Read an application and lock it until the transaction ends.
pub async fn lock(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<application::Model>> {
    Ok(application::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<application::Model>> {
    Ok(application::Entity::find_by_id(id).one(db).await?)
}

/// Save a draft: new answers, and optionally another domain or sponsor.
pub async fn update(
    db: &impl ConnectionTrait,
    app: application::Model,
    answers: &Answers,
    domain_id: Option<Uuid>,
    sponsor: Option<Option<Uuid>>,
    now: DateTime<Utc>,
) -> Result<application::Model> {
    let id = app.id;
    let moving = domain_id.filter(|d| *d != app.domain_id);
    let mut am: application::ActiveModel = app.into();
    am.answers = Set(super::questions::answers_json(answers));
    if let Some(d) = moving {
        am.domain_id = Set(d);
        participant::Entity::update_many()
            .col_expr(participant::Column::DomainId, Expr::value(d))
            .filter(participant::Column::ApplicationId.eq(id))
            .exec(db)
            .await
            .map_err(|e| on_unique(e, already_holds))?;
    }
    if let Some(s) = sponsor {
        am.sponsor_organisation_id = Set(s);
    }
    am.updated_at = Set(now);
    Ok(am.update(db).await?)
}

/// Participants of many applications in one statement, lead first then co-leads in order.
pub async fn participants_of(
    db: &impl ConnectionTrait,
    app_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<participant::Model>>> {
    let mut out: HashMap<Uuid, Vec<participant::Model>> =
        app_ids.iter().map(|id| (*id, Vec::new())).collect();
    if app_ids.is_empty() {
        return Ok(out);
    }
    let rows = participant::Entity::find()
        .filter(participant::Column::ApplicationId.is_in(app_ids.iter().copied()))
        .order_by_asc(participant::Column::Position)
        .all(db)
        .await?;
    for r in rows {
        out.entry(r.application_id).or_default().push(r);
    }
    Ok(out)
}

/// The addresses of everyone holding an application in a call (leads and accepted co-leads,
/// drafts included, withdrawn ones not), each once.
pub async fn applicants_of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<String>> {
    let mut emails: Vec<String> = participant::Entity::find()
        .filter(participant::Column::CallId.eq(call_id))
        .filter(participant::Column::Holding.is_not_null())
        .order_by_asc(participant::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.email)
        .collect();
    emails.dedup();
    Ok(emails)
}

/// Whether `person` holds a (non-withdrawn) application in this call and domain.
pub async fn holds(
    db: &impl ConnectionTrait,
    person: Uuid,
    call_id: Uuid,
    domain_id: Uuid,
) -> Result<bool> {
    Ok(participant::Entity::find()
        .filter(participant::Column::PersonId.eq(person))
        .filter(participant::Column::CallId.eq(call_id))
        .filter(participant::Column::DomainId.eq(domain_id))
        .filter(participant::Column::Holding.eq(1))
        .count(db)
        .await?
        > 0)
}

pub async fn invite(
    db: &impl ConnectionTrait,
    app: &application::Model,
    email: &str,
    by: Uuid,
    position: i32,
    now: DateTime<Utc>,
) -> Result<participant::Model> {
    participant::ActiveModel {
        id: Set(Uuid::new_v4()),
        application_id: Set(app.id),
        call_id: Set(app.call_id),
        domain_id: Set(app.domain_id),
        person_id: Set(None),
        email: Set(email.to_string()),
        is_lead: Set(false),
        position: Set(position),
        state: Set(CoLeadState::Invited.as_str().to_string()),
        organisation_id: Set(None),
        holding: Set(None),
        invited_by: Set(Some(by)),
        invited_at: Set(now),
        answered_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "email",
                "This person has already been invited to co-lead this application",
            )
        })
    })
}

/// Accept (with the person's organisation at this moment) or decline an invitation.
pub async fn answer(
    db: &impl ConnectionTrait,
    p: participant::Model,
    person: Uuid,
    organisation: Uuid,
    accept: bool,
    now: DateTime<Utc>,
) -> Result<participant::Model> {
    let mut am: participant::ActiveModel = p.into();
    am.answered_at = Set(Some(now));
    if accept {
        am.person_id = Set(Some(person));
        am.organisation_id = Set(Some(organisation));
        am.state = Set(CoLeadState::Accepted.as_str().to_string());
        am.holding = Set(HOLDING);
    } else {
        am.state = Set(CoLeadState::Declined.as_str().to_string());
        am.holding = Set(None);
    }
    am.update(db).await.map_err(|e| {
        on_unique(e, || {
            DomainError::conflict_on(
                "applicationId",
                "You are already on another application in this call for this domain: you can co-lead only one in each",
            )
        })
    })
}

pub async fn remove_participant(db: &impl ConnectionTrait, p: participant::Model) -> Result<()> {
    participant::Entity::delete_by_id(p.id).exec(db).await?;
    Ok(())
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    app: application::Model,
    to: ApplicationStatus,
    now: DateTime<Utc>,
) -> Result<application::Model> {
    let id = app.id;
    let mut am: application::ActiveModel = app.into();
    am.status = Set(to.as_str().to_string());
    match to {
        ApplicationStatus::Submitted => am.submitted_at = Set(Some(now)),
        ApplicationStatus::Withdrawn => am.withdrawn_at = Set(Some(now)),
        _ => {}
    }
    am.updated_at = Set(now);
    let updated = am.update(db).await?;
    if !to.holds_place() {
        participant::Entity::update_many()
            .col_expr(
                participant::Column::Holding,
                Expr::value(Option::<i32>::None),
            )
            .filter(participant::Column::ApplicationId.eq(id))
            .exec(db)
            .await
            .map_err(StoreError::from)?;
    }
    Ok(updated)
}

/// Applications the person leads or co-leads (accepted), newest first.
pub async fn of_person(
    db: &impl ConnectionTrait,
    person: Uuid,
    page: Page,
) -> Result<(Vec<application::Model>, u64)> {
    let mine = Query::select()
        .column(participant::Column::ApplicationId)
        .from(participant::Entity)
        .and_where(participant::Column::PersonId.eq(person))
        .and_where(participant::Column::State.eq(CoLeadState::Accepted.as_str()))
        .to_owned();
    let q = application::Entity::find().filter(application::Column::Id.in_subquery(mine));
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(application::Column::UpdatedAt)
        .order_by_asc(application::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Drafts to which this e-mail address has a pending invitation to co-lead.
pub async fn invitations_for(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Vec<application::Model>> {
    let invited = Query::select()
        .column(participant::Column::ApplicationId)
        .from(participant::Entity)
        .and_where(participant::Column::Email.eq(email))
        .and_where(participant::Column::State.eq(CoLeadState::Invited.as_str()))
        .to_owned();
    Ok(application::Entity::find()
        .filter(application::Column::Id.in_subquery(invited))
        .filter(application::Column::Status.eq(ApplicationStatus::Draft.as_str()))
        .order_by_desc(application::Column::UpdatedAt)
        .all(db)
        .await?)
}

pub async fn of_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    status: Option<ApplicationStatus>,
    window: &Window,
) -> Result<Paged<application::Model>> {
    let mut q = application::Entity::find().filter(application::Column::CallId.eq(call_id));
    if let Some(s) = status {
        q = q.filter(application::Column::Status.eq(s.as_str()));
    }
    let sort = Sort::<application::Entity> {
        column: application::Column::CreatedAt,
        id: application::Column::Id,
        descending: false,
        key: |r| Key {
            value: KeyValue::Time(r.created_at),
            id: r.id,
        },
    };
    by_key(db, q, &sort, window).await
}

/// The applications of a call that went forward (submitted, funded or not funded).
pub async fn considered_of_call(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<application::Model>> {
    let states = [
        ApplicationStatus::Submitted,
        ApplicationStatus::Funded,
        ApplicationStatus::NotFunded,
    ]
    .map(|s| s.as_str());
    Ok(application::Entity::find()
        .filter(application::Column::CallId.eq(call_id))
        .filter(application::Column::Status.is_in(states))
        .order_by_asc(application::Column::CreatedAt)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?)
}
