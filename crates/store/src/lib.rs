//! Persistence: sea-orm entities and repositories. Repositories are free functions over
//! `&impl ConnectionTrait`, so a caller can run several in one transaction.

pub mod backup;
pub mod entities;
pub mod metrics;
pub mod paging;
pub mod repo;
pub mod sqlite_memory;
pub mod testing;

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
    /// A column holds a value its type does not know (a bad hand edit or a newer Convene).
    #[error("{0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Read an enum-like column through the domain's one mapping: an unknown value is an error
/// naming the column, never a default.
pub fn stored<T: convene_domain::StoredEnum>(column: &'static str, text: &str) -> Result<T> {
    T::parse_stored(text).ok_or_else(|| {
        StoreError::Corrupt(format!(
            "{column} holds {text:?}, which is not a known {}",
            T::WHAT
        ))
    })
}

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

/// How the connection pool is bounded (`CONVENE_DB_POOL_MAX`, `CONVENE_DB_ACQUIRE_TIMEOUT_MS`).
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    /// At most this many connections; `None`: 8 on SQLite (one writer at a time anyway, the
    /// rest read beside it in WAL mode), 16 on PostgreSQL.
    pub max_connections: Option<u32>,
    /// How long a request waits for a free connection before it is told the service is busy.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            max_connections: None,
            acquire_timeout: Duration::from_secs(3),
        }
    }
}

/// Open the database named by `url`: `sqlite://path?mode=rwc` or `postgres://…`.
///
/// SQLite gets WAL, a busy timeout and foreign keys; writes use `BEGIN IMMEDIATE` through
/// [`begin_write`]. PostgreSQL gets a bounded pool with a short acquire timeout. Every
/// statement sent is counted (see [`metrics`]).
pub async fn connect(url: &str, pool: PoolSettings) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.sqlx_logging(false)
        .acquire_timeout(pool.acquire_timeout)
        .connect_timeout(Duration::from_secs(5));
    if url.starts_with("sqlite:") {
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let max = if memory {
            1
        } else {
            pool.max_connections.unwrap_or(8)
        };
        opts.max_connections(max.max(1)).min_connections(1);
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    } else {
        opts.max_connections(pool.max_connections.unwrap_or(16).max(1))
            .min_connections(1);
    }
    let mut db = Database::connect(opts).await?;
    db.set_metric_callback(|_| metrics::count(1));
    Ok(db)
}

/// Begin a write transaction: `BEGIN IMMEDIATE` on SQLite so that concurrent writers queue on
/// the busy timeout instead of failing; an ordinary transaction on PostgreSQL.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let mode = (db.get_database_backend() == DbBackend::Sqlite)
        .then_some(SqliteTransactionMode::Immediate);
    let tx = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: mode,
            ..Default::default()
        })
        .await?;
    // BEGIN now, and the COMMIT or ROLLBACK that every transaction ends with
    metrics::count(2);
    Ok(tx)
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

/// A model with a uuid primary key called `id`.
pub trait HasId {
    fn id(&self) -> uuid::Uuid;
}
macro_rules! has_id {
    ($($m:path),*) => {$( impl HasId for $m { fn id(&self) -> uuid::Uuid { self.id } } )*};
}
has_id!(
    crate::entities::person::Model,
    crate::entities::organisation::Model,
    crate::entities::domain::Model,
    crate::entities::call::Model,
    crate::entities::application::Model,
    crate::entities::criterion::Model,
    crate::entities::community::Model,
    crate::entities::practice::Model,
    crate::entities::practice_exchange::Model,
    crate::entities::sharing_protocol::Model
);

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
