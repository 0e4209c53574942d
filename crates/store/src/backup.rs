//! Online backup of an SQLite database: `VACUUM INTO` copies a consistent snapshot (one read
//! transaction) into a new file while the server goes on reading and writing. PostgreSQL is
//! backed up with `pg_dump` (see the server's `convene backup`).

use std::path::Path;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// Copy the SQLite database into `target`, which must not exist yet.
pub async fn sqlite_into(db: &DatabaseConnection, target: &Path) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(DbErr::Custom(
            "VACUUM INTO backs up SQLite databases only".into(),
        ));
    }
    let path = target
        .to_str()
        .ok_or_else(|| DbErr::Custom(format!("{} is not a UTF-8 path", target.display())))?;
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [path.into()],
    ))
    .await?;
    Ok(())
}
