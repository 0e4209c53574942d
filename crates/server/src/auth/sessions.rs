//! Sessions: a short access token and a refresh token that is spent on use. Presenting a spent
//! refresh token again means it was stolen or replayed, so its whole family is revoked.

use chrono::{DateTime, Duration, Utc};
use convene_store::begin_write;
use convene_store::repo::sessions as repo;
use convene_store::sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::jwt::JwtKeys;
use super::{random_token, token_hash};
use crate::usecases::{AppError, AppResult};

pub const REFRESH_TTL_DAYS: i64 = 30;

pub struct TokenPair {
    pub access_token: String,
    pub access_expires_at: DateTime<Utc>,
    pub refresh_token: String,
}

/// Start a session (a new family) or continue one. `device` is the client's User-Agent.
pub async fn issue(
    db: &impl ConnectionTrait,
    keys: &JwtKeys,
    person: Uuid,
    family: Option<Uuid>,
    device: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<TokenPair> {
    let family = family.unwrap_or_else(Uuid::new_v4);
    let generation = convene_store::repo::people::get(db, person)
        .await?
        .map_or(0, |p| p.session_generation);
    let (access_token, access_expires_at) = keys.issue(person, Some(family), generation, now)?;
    let refresh_token = random_token(32);
    repo::insert(
        db,
        repo::NewToken {
            person_id: person,
            family_id: family,
            token_hash: token_hash(&refresh_token),
            user_agent: device.map(shorten),
        },
        now,
        now + Duration::days(REFRESH_TTL_DAYS),
    )
    .await?;
    Ok(TokenPair {
        access_token,
        access_expires_at,
        refresh_token,
    })
}

/// A User-Agent as kept for the sessions page: at most 300 characters, control characters out.
fn shorten(ua: &str) -> String {
    ua.chars().filter(|c| !c.is_control()).take(300).collect()
}

fn refused(msg: &str) -> AppError {
    AppError::unauthenticated(msg)
}

/// Spend `token` and return a new pair in the same family.
pub async fn rotate(
    db: &DatabaseConnection,
    keys: &JwtKeys,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<(Uuid, TokenPair)> {
    let tx = begin_write(db).await?;
    let Some(row) = repo::find_by_hash(&tx, &token_hash(token)).await? else {
        return Err(refused(
            "This refresh token is not recognised: sign in again",
        ));
    };
    if row.revoked_at.is_some() {
        return Err(refused("This session has ended: sign in again"));
    }
    if row.used_at.is_some() || !repo::mark_used(&tx, row.id, now).await? {
        repo::revoke_family(&tx, row.family_id, now).await?;
        tx.commit().await?;
        tracing::warn!(person = %row.person_id, "refresh token reused; family revoked");
        return Err(refused("This refresh token has already been used, so every session from that sign-in has been ended: sign in again"));
    }
    if row.expires_at <= now {
        return Err(refused("This session has expired: sign in again"));
    }
    let pair = issue(
        &tx,
        keys,
        row.person_id,
        Some(row.family_id),
        row.user_agent.as_deref(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((row.person_id, pair))
}

/// End the session that `token` belongs to (every token of its family). Answers whose session
/// it was, if the token was one.
pub async fn end(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<Uuid>> {
    let tx = begin_write(db).await?;
    let Some(row) = repo::find_by_hash(&tx, &token_hash(token)).await? else {
        return Ok(None);
    };
    repo::revoke_family(&tx, row.family_id, now).await?;
    tx.commit().await?;
    Ok(Some(row.person_id))
}
