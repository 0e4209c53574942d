//! The data version: a number every committed write raises (see the migration
//! `m20261207_000020_read_path`), so that what a replica computed from the data is kept only
//! while nothing has been written since, here or on another replica.

use sea_orm::{ConnectionTrait, FromQueryResult};

use super::sql::Sql;
use crate::Result;

/// Raise the version inside the writing transaction (it commits or rolls back with it).
pub async fn bump(tx: &impl ConnectionTrait) -> Result<()> {
    tx.execute_unprepared("UPDATE data_version SET version = version + 1 WHERE id = 1")
        .await?;
    Ok(())
}

/// The version now (read before computing anything to be kept under it).
pub async fn current(db: &impl ConnectionTrait) -> Result<i64> {
    #[derive(FromQueryResult)]
    struct Row {
        version: i64,
    }
    let row: Row = Sql::new("SELECT version FROM data_version WHERE id = 1")
        .one(db)
        .await?;
    Ok(row.version)
}
