//! Single sign-on by OpenID Connect: linked identities, logins under way and pending sign-ups.
//! A login is taken by deleting its row and a sign-up spent by a conditional update, so each
//! works once even when two requests (or two replicas) race.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{oidc_identity, oidc_login, oidc_sign_up};
use crate::Result;

/// The person linked to `subject` at `issuer`.
pub async fn linked_person(
    db: &impl ConnectionTrait,
    issuer: &str,
    subject: &str,
) -> Result<Option<Uuid>> {
    Ok(oidc_identity::Entity::find()
        .filter(oidc_identity::Column::Issuer.eq(issuer))
        .filter(oidc_identity::Column::Subject.eq(subject))
        .one(db)
        .await?
        .map(|i| i.person_id))
}

/// Link `subject` at `issuer` to a person.
pub async fn link(
    db: &impl ConnectionTrait,
    issuer: &str,
    subject: &str,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    oidc_identity::ActiveModel {
        id: Set(Uuid::new_v4()),
        issuer: Set(issuer.to_string()),
        subject: Set(subject.to_string()),
        person_id: Set(person_id),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub struct NewLogin {
    pub state_hash: String,
    pub browser_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub expires_at: DateTime<Utc>,
}

/// Keep a login under way (and forget those that ran out).
pub async fn start_login(db: &impl ConnectionTrait, l: NewLogin, now: DateTime<Utc>) -> Result<()> {
    oidc_login::Entity::delete_many()
        .filter(oidc_login::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    oidc_login::ActiveModel {
        id: Set(Uuid::new_v4()),
        state_hash: Set(l.state_hash),
        browser_hash: Set(l.browser_hash),
        nonce: Set(l.nonce),
        pkce_verifier: Set(l.pkce_verifier),
        created_at: Set(now),
        expires_at: Set(l.expires_at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Take the login of this `state` hash: it is deleted, so a second callback finds nothing.
pub async fn take_login(
    db: &impl ConnectionTrait,
    state_hash: &str,
) -> Result<Option<oidc_login::Model>> {
    let Some(row) = oidc_login::Entity::find()
        .filter(oidc_login::Column::StateHash.eq(state_hash))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let gone = oidc_login::Entity::delete_by_id(row.id).exec(db).await?;
    Ok((gone.rows_affected == 1).then_some(row))
}

pub struct NewSignUp<'a> {
    pub code_hash: String,
    pub issuer: &'a str,
    pub subject: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub email_verified: bool,
    pub expires_at: DateTime<Utc>,
}

pub async fn add_sign_up(
    db: &impl ConnectionTrait,
    s: NewSignUp<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    oidc_sign_up::Entity::delete_many()
        .filter(oidc_sign_up::Column::CreatedAt.lte(now - chrono::Duration::days(1)))
        .exec(db)
        .await?;
    oidc_sign_up::ActiveModel {
        id: Set(Uuid::new_v4()),
        code_hash: Set(s.code_hash),
        issuer: Set(s.issuer.to_string()),
        subject: Set(s.subject.to_string()),
        email: Set(s.email.to_string()),
        name: Set(s.name.to_string()),
        email_verified: Set(s.email_verified),
        created_at: Set(now),
        expires_at: Set(s.expires_at),
        presented_at: Set(None),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn find_sign_up(
    db: &impl ConnectionTrait,
    code_hash: &str,
) -> Result<Option<oidc_sign_up::Model>> {
    Ok(oidc_sign_up::Entity::find()
        .filter(oidc_sign_up::Column::CodeHash.eq(code_hash))
        .one(db)
        .await?)
}

/// Note the first presentation of a sign-up's code (a later one changes nothing).
pub async fn present_sign_up(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    oidc_sign_up::Entity::update_many()
        .col_expr(oidc_sign_up::Column::PresentedAt, Expr::value(now))
        .filter(oidc_sign_up::Column::Id.eq(id))
        .filter(oidc_sign_up::Column::PresentedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Spend a sign-up; false when somebody spent it first.
pub async fn spend_sign_up(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool> {
    let r = oidc_sign_up::Entity::update_many()
        .col_expr(oidc_sign_up::Column::UsedAt, Expr::value(now))
        .filter(oidc_sign_up::Column::Id.eq(id))
        .filter(oidc_sign_up::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
