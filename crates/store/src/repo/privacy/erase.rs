//! Deleting an account: personal data goes, the person's row stays (foreign keys) as a
//! "Former member", and what the network must keep is kept without their name.

use chrono::{DateTime, Utc};
use convene_domain::community::MemberRole;
use convene_domain::honorarium::PaymentStatus;
use convene_domain::privacy::{self as rules, ApplicationFate, KeptCounts, Redactor, ShareFate};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use uuid::Uuid;

use super::export::{addressed_to, lower};
use super::redact::redact_all;
use crate::entities::*;
use crate::repo::audit::{record as record_audit, Change};
use crate::repo::{honoraria, outbox as queue};
use crate::Result;

/// The communities (by name) that would lose their last convener: not yet closed, with this
/// person as their only convener.
pub async fn sole_convener_of(db: &impl ConnectionTrait, person: Uuid) -> Result<Vec<String>> {
    let convener = MemberRole::Convener.as_str();
    let mine = community_member::Entity::find()
        .filter(community_member::Column::PersonId.eq(person))
        .filter(community_member::Column::Role.eq(convener))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for m in mine {
        let conveners = community_member::Entity::find()
            .filter(community_member::Column::CommunityId.eq(m.community_id))
            .filter(community_member::Column::Role.eq(convener))
            .count(db)
            .await?;
        let Some(c) = community::Entity::find_by_id(m.community_id)
            .one(db)
            .await?
        else {
            continue;
        };
        if conveners <= 1 && c.stage != "CLOSED" {
            out.push(c.name);
        }
    }
    out.sort();
    Ok(out)
}

/// Delete the account of `p` (in the caller's transaction) and say what was kept.
pub async fn erase(
    db: &impl ConnectionTrait,
    p: &person::Model,
    now: DateTime<Utc>,
) -> Result<KeptCounts> {
    let pid = p.id;
    let email = p.email.to_lowercase();
    let new_email = rules::deleted_email(pid);
    let mut kept = KeptCounts::default();
    let record = |entity_type: &'static str, entity_id, action: &'static str, before, after| {
        record_audit(
            db,
            Change {
                actor: Some(pid),
                entity_type,
                entity_id,
                action,
                before,
                after,
            },
            now,
        )
    };

    // Applications: submitted ones are the call's record; their own drafts go with them.
    let parts = participant::Entity::find()
        .filter(
            Condition::any()
                .add(participant::Column::PersonId.eq(pid))
                .add(
                    Condition::all()
                        .add(participant::Column::PersonId.is_null())
                        .add(lower(participant::Column::Email).eq(&email)),
                ),
        )
        .all(db)
        .await?;
    for part in parts {
        let Some(app) = application::Entity::find_by_id(part.application_id)
            .one(db)
            .await?
        else {
            continue;
        };
        let theirs = part.person_id == Some(pid);
        match rules::application_fate(part.is_lead && theirs, app.submitted_at.is_some()) {
            ApplicationFate::Keep if theirs => {
                kept.applications += 1;
                let mut am: participant::ActiveModel = part.into();
                am.email = Set(new_email.clone());
                am.update(db).await?;
            }
            ApplicationFate::Delete => {
                participant::Entity::delete_many()
                    .filter(participant::Column::ApplicationId.eq(app.id))
                    .exec(db)
                    .await?;
                application::Entity::delete_by_id(app.id).exec(db).await?;
                // the draft's text was theirs: its copies in the audit trail go too
                audit::Entity::update_many()
                    .col_expr(audit::Column::Before, Expr::value(Option::<String>::None))
                    .col_expr(audit::Column::After, Expr::value(Option::<String>::None))
                    .filter(audit::Column::EntityId.eq(app.id))
                    .exec(db)
                    .await?;
                record("Application", app.id, "delete_draft", None, None).await?;
            }
            // a draft led by someone else, or a pending invitation to their address
            ApplicationFate::Keep | ApplicationFate::Leave => {
                participant::Entity::delete_by_id(part.id).exec(db).await?;
            }
        }
    }

    // Memberships end (the audit trail keeps their history, by id).
    for m in community_member::Entity::find()
        .filter(community_member::Column::PersonId.eq(pid))
        .all(db)
        .await?
    {
        community_member::Entity::delete_by_id(m.id)
            .exec(db)
            .await?;
        let before = serde_json::to_value(&m).ok();
        record("Community", m.community_id, "leave", before, None).await?;
    }
    community_function::Entity::update_many()
        .col_expr(
            community_function::Column::EndsOn,
            Expr::value(Some(now.date_naive())),
        )
        .filter(community_function::Column::PersonId.eq(pid))
        .filter(community_function::Column::EndsOn.is_null())
        .exec(db)
        .await?;
    community::Entity::update_many()
        .col_expr(
            community::Column::CoachId,
            Expr::value(Option::<Uuid>::None),
        )
        .filter(community::Column::CoachId.eq(pid))
        .exec(db)
        .await?;
    join_request::Entity::delete_many()
        .filter(join_request::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    community_invitation::Entity::delete_many()
        .filter(
            Condition::any()
                .add(community_invitation::Column::PersonId.eq(pid))
                .add(lower(community_invitation::Column::Email).eq(&email)),
        )
        .exec(db)
        .await?;
    // member-map entries about them (by address, or by their name)
    member_map_entry::Entity::delete_many()
        .filter(
            Condition::any()
                .add(lower(member_map_entry::Column::Email).eq(&email))
                .add(lower(member_map_entry::Column::Name).eq(p.name.trim().to_lowercase()))
                .add(member_map_entry::Column::Name.eq(p.name.trim())),
        )
        .exec(db)
        .await?;

    // Access: roles, sessions and their notifications go.
    role_grant::Entity::delete_many()
        .filter(role_grant::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    // one-time tokens (an e-mail change's carries the new address) and the organisation history
    account_token::Entity::delete_many()
        .filter(account_token::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    organisation_change::Entity::delete_many()
        .filter(organisation_change::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    // the identities a sign-in service vouched for, and any sign-up waiting under the address
    oidc_identity::Entity::delete_many()
        .filter(oidc_identity::Column::PersonId.eq(pid))
        .exec(db)
        .await?;
    oidc_sign_up::Entity::delete_many()
        .filter(lower(oidc_sign_up::Column::Email).eq(&email))
        .exec(db)
        .await?;
    notification::Entity::delete_many()
        .filter(notification::Column::PersonId.eq(pid))
        .exec(db)
        .await?;

    // Money: approved and paid are kept; a proposed payment cannot be made any more.
    for s in honorarium_share::Entity::find()
        .filter(honorarium_share::Column::PersonId.eq(pid))
        .all(db)
        .await?
    {
        let status = honoraria::status(&s);
        match rules::share_fate(status) {
            ShareFate::Cancel => {
                let before = serde_json::json!({ "status": status.as_str() });
                honoraria::cancel(db, s.clone(), now).await?;
                let after = serde_json::json!({ "status": PaymentStatus::Cancelled.as_str() });
                record("HonorariumShare", s.id, "cancel", Some(before), Some(after)).await?;
                kept.cancelled_payments += 1;
            }
            ShareFate::Keep if status != PaymentStatus::Cancelled => kept.payments += 1,
            ShareFate::Keep => {}
        }
    }
    outcome_notice::Entity::update_many()
        .col_expr(
            outcome_notice::Column::Email,
            Expr::value(new_email.clone()),
        )
        .filter(
            Condition::any()
                .add(outcome_notice::Column::PersonId.eq(pid))
                .add(lower(outcome_notice::Column::Email).eq(&email)),
        )
        .exec(db)
        .await?;

    // Mail not yet sent to them is not sent; what was sent is redacted below.
    for m in outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("email"))
        .filter(outbox::Column::Status.ne(queue::DELIVERED))
        .filter(lower(outbox::Column::Payload).like(format!("%{email}%")))
        .all(db)
        .await?
    {
        if addressed_to(&m.payload, &email) {
            outbox::Entity::delete_by_id(m.id).exec(db).await?;
        }
    }

    kept.reviews = count(db, review::Column::ReviewerId.eq(pid)).await?;
    kept.conflicts = declared_conflict::Entity::find()
        .filter(declared_conflict::Column::PersonId.eq(pid))
        .count(db)
        .await?;
    kept.decisions = decision::Entity::find()
        .filter(decision::Column::ChairId.eq(pid))
        .count(db)
        .await?;
    kept.community_content = practice_exchange::Entity::find()
        .filter(practice_exchange::Column::AuthorId.eq(pid))
        .count(db)
        .await?
        + exchange_inquiry::Entity::find()
            .filter(exchange_inquiry::Column::AuthorId.eq(pid))
            .count(db)
            .await?
        + challenge::Entity::find()
            .filter(challenge::Column::AuthorId.eq(pid))
            .count(db)
            .await?
        + challenge_reply::Entity::find()
            .filter(challenge_reply::Column::AuthorId.eq(pid))
            .count(db)
            .await?
        + support_request::Entity::find()
            .filter(support_request::Column::RequestedBy.eq(pid))
            .count(db)
            .await?;

    // Copies of their name and address in text, then the person row itself.
    let full = Redactor::new(&p.email, &p.name, &new_email);
    let address = Redactor::new(&p.email, "", &new_email);
    redact_all(db, pid, &full, &address).await?;

    let mut am: person::ActiveModel = p.clone().into();
    am.name = Set(rules::FORMER_MEMBER.to_string());
    am.email = Set(new_email);
    am.profession = Set(None);
    am.password_hash = Set(rules::UNUSABLE_PASSWORD_HASH.to_string());
    am.calendar_feed_version = Set(p.calendar_feed_version + 1);
    am.deleted_at = Set(Some(now));
    am.update(db).await?;
    Ok(kept)
}

async fn count(
    db: &impl ConnectionTrait,
    cond: impl sea_orm::sea_query::IntoCondition,
) -> Result<u64> {
    Ok(review::Entity::find().filter(cond).count(db).await?)
}
