//! Persistence: sea-orm entities and repositories. Repositories are free functions over
//! `&impl ConnectionTrait`, so a caller can run several in one transaction.

pub mod entities;
pub mod repo;
pub mod testing;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use convene_domain::DomainError;
use convene_migrations::{known_migrations, Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter, SqlErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

pub use sea_orm;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("{0}")]
    SchemaTooNew(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Whether a database error is a unique-constraint violation (portable across both databases).
pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// Turn a unique violation into the given domain error; keep any other error as it is.
pub fn on_unique(e: DbErr, err: impl FnOnce() -> DomainError) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Domain(err())
    } else {
        StoreError::Db(e)
    }
}

/// Counts every SQL statement this process sends (exported as `convene_sql_statements_total`).
#[derive(Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Open the database named by `url`: `sqlite://path?mode=rwc` or `postgres://…`.
///
/// SQLite gets WAL, a busy timeout and foreign keys; writes use `BEGIN IMMEDIATE` through
/// [`begin_write`]. PostgreSQL gets a bounded pool with a short acquire timeout.
pub async fn connect(url: &str, counter: &StatementCounter) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(5))
        .connect_timeout(Duration::from_secs(5));
    if url.starts_with("sqlite:") {
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        opts.max_connections(if memory { 1 } else { 8 })
            .min_connections(1);
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    } else {
        opts.max_connections(16).min_connections(1);
    }
    let mut db = Database::connect(opts).await?;
    let c = counter.0.clone();
    db.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::Relaxed);
    });
    Ok(db)
}

/// Begin a write transaction: `BEGIN IMMEDIATE` on SQLite so that concurrent writers queue on
/// the busy timeout instead of failing; an ordinary transaction on PostgreSQL.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let mode = (db.get_database_backend() == DbBackend::Sqlite)
        .then_some(SqliteTransactionMode::Immediate);
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: mode,
        ..Default::default()
    })
    .await
}

/// Run pending migrations, refusing a database that a newer Convene has migrated.
pub async fn migrate(db: &DatabaseConnection) -> Result<usize> {
    check_not_newer(db).await?;
    let pending = Migrator::get_pending_migrations(db).await?.len();
    Migrator::up(db, None).await?;
    Ok(pending)
}

/// Fail with a clear message when the database holds migrations this binary does not know.
pub async fn check_not_newer(db: &DatabaseConnection) -> Result<()> {
    let known = known_migrations();
    let applied = Migrator::get_migration_models(db).await?;
    let unknown: Vec<String> = applied
        .into_iter()
        .map(|m| m.version)
        .filter(|v| !known.contains(v))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(StoreError::SchemaTooNew(format!(
            "This database was migrated by a newer version of Convene (it has {} migration(s) this binary does not know: {}). \
             Run the newer binary, or point CONVENE_DATABASE_URL at another database.",
            unknown.len(),
            unknown.join(", ")
        )))
    }
}

/// Load the rows of `E` with these primary keys (any order, missing ones skipped), in one statement.
pub async fn by_ids<E>(
    db: &impl ConnectionTrait,
    ids: &[uuid::Uuid],
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let pk = E::PrimaryKey::iter()
        .next()
        .expect("a primary key")
        .into_column();
    E::find()
        .filter(sea_orm::ColumnTrait::is_in(&pk, ids.iter().copied()))
        .all(db)
        .await
}

/// One page of a list: what the caller asked for, already bounded.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}
