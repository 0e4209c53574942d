//! One module per aggregate.

pub mod account_tokens;
pub mod applications;
pub mod audit;
pub mod calls;
pub mod communities;
pub mod community_work;
pub mod domains;
pub mod honoraria;
pub mod intranet;
pub mod invitations;
pub mod library;
pub mod mail_unsubscribes;
pub mod meetings;
pub mod notifications;
pub mod oidc;
pub mod organisations;
pub mod outbox;
pub mod partners;
pub mod people;
pub mod practices;
pub mod privacy;
pub mod questions;
pub mod reporting;
pub mod selection;
pub mod sessions;
mod sql;
pub mod versions;
pub mod webhooks;

/// Set a text column of the row whose `key` is `id` to `now`, only if it still holds `was` (a
/// compare-and-set, so that replicas re-writing the same rows never undo each other); whether
/// it changed.
pub(crate) async fn replace_if_unchanged<E: sea_orm::EntityTrait>(
    db: &impl sea_orm::ConnectionTrait,
    key: E::Column,
    id: uuid::Uuid,
    col: E::Column,
    was: &str,
    now: &str,
) -> crate::Result<bool> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let r = E::update_many()
        .col_expr(col, sea_orm::sea_query::Expr::value(now))
        .filter(key.eq(id))
        .filter(col.eq(was))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Lower-case, collapsed whitespace: the key that makes names unique regardless of case.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `%term%` for a case-insensitive search, with LIKE's wildcards escaped (and the escape
/// character named, since SQLite has none by default).
pub(crate) fn like_pattern(term: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped = term
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')
}
