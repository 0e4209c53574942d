//! What the store tells the metrics: how many SQL statements this process has sent (all of
//! them, and those of the request in progress) and how busy the connection pool is.
//!
//! A statement is anything sent to the database: every query and command that sea-orm runs
//! (counted by its metric callback) and the `BEGIN` and `COMMIT` (or `ROLLBACK`) around each
//! write transaction (counted by [`crate::begin_write`]). The total is per process, as
//! Prometheus expects of a counter; a request's own count lives in a task-local scope that the
//! server opens around each request and carries into its DataLoaders' tasks.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbBackend, DbErr};

static TOTAL: AtomicU64 = AtomicU64::new(0);

tokio::task_local! {
    static REQUEST: Arc<AtomicU64>;
}

/// Every statement this process has sent since it started.
pub fn statements_total() -> u64 {
    TOTAL.load(Ordering::Relaxed)
}

/// Count `n` statements: in the process total, and in the current request's scope if any.
pub(crate) fn count(n: u64) {
    TOTAL.fetch_add(n, Ordering::Relaxed);
    let _ = REQUEST.try_with(|c| c.fetch_add(n, Ordering::Relaxed));
}

/// The statements of one request, counted while its future runs in [`RequestStatements::scope`].
#[derive(Clone, Default)]
pub struct RequestStatements(Arc<AtomicU64>);

impl RequestStatements {
    /// The scope the current task runs in, if any (to carry it into tasks it spawns).
    pub fn current() -> Option<RequestStatements> {
        REQUEST.try_with(|c| RequestStatements(c.clone())).ok()
    }

    /// Run `fut` counting its statements here.
    pub fn scope<F: Future>(&self, fut: F) -> impl Future<Output = F::Output> {
        REQUEST.scope(self.0.clone(), fut)
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// How many connections the pool holds, how many of them are idle, and its bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUsage {
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

impl PoolUsage {
    pub fn in_use(&self) -> u32 {
        self.open.saturating_sub(self.idle)
    }
}

pub fn pool_usage(db: &DatabaseConnection) -> PoolUsage {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            PoolUsage {
                open: p.size(),
                idle: p.num_idle() as u32,
                max: p.options().get_max_connections(),
            }
        }
        _ => {
            let p = db.get_sqlite_connection_pool();
            PoolUsage {
                open: p.size(),
                idle: p.num_idle() as u32,
                max: p.options().get_max_connections(),
            }
        }
    }
}

/// Whether the error is the pool having no connection to give within its acquire timeout:
/// the service is busy, and the same request may well succeed a moment later.
pub fn is_pool_exhausted(e: &DbErr) -> bool {
    matches!(
        e,
        DbErr::ConnectionAcquire(sea_orm::error::ConnAcquireErr::Timeout)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_request_counts_its_own_statements_and_the_total_counts_all() {
        let before = statements_total();
        let a = RequestStatements::default();
        a.scope(async {
            count(2);
            let inner = RequestStatements::current().expect("inside the scope");
            tokio::spawn(inner.scope(async { count(1) })).await.unwrap();
        })
        .await;
        count(5); // outside any request
        assert_eq!(a.get(), 3);
        assert!(statements_total() >= before + 8);
        assert!(RequestStatements::current().is_none());
    }
}
