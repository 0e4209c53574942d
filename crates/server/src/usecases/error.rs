//! `AppError`: what a use case answers when it does not succeed, with a stable `ErrorCode`
//! and, for bad input, the fields at fault. Internal causes are logged, never shown. The API
//! turns it into `extensions.code` and `extensions.fields` (GraphQL) or a status (HTTP).

use convene_domain::{DomainError, ErrorCode, FieldError};
use convene_store::StoreError;

#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// `extensions.reason`, e.g. `EMAIL_NOT_VERIFIED`.
    pub reason: Option<&'static str>,
    /// `extensions.retryAfter` (seconds) for `RATE_LIMITED`.
    pub retry_after: Option<u64>,
}

/// What a request is told when the database pool has no connection free within its acquire
/// timeout (`CONVENE_DB_ACQUIRE_TIMEOUT_MS`); the answer is HTTP 503 with `Retry-After`.
pub const BUSY: &str = "The service is busy; try again";

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            fields: Vec::new(),
            reason: None,
            retry_after: None,
        }
    }
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        AppError::new(ErrorCode::Internal, "Something went wrong on our side. Please try again; if it keeps happening, tell the programme team.")
    }
    /// The pool is exhausted: code `INTERNAL`, and `extensions.retryAfter` (seconds).
    pub fn busy() -> Self {
        tracing::warn!("no database connection free within the acquire timeout");
        AppError::new(ErrorCode::Internal, BUSY)
    }
    fn from_db(e: &sea_orm::DbErr) -> Option<Self> {
        convene_store::metrics::is_pool_exhausted(e).then(AppError::busy)
    }
    pub fn not_found(what: &str) -> Self {
        AppError::new(ErrorCode::NotFound, format!("{what} was not found"))
    }
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        DomainError::field(field, message).into()
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::Forbidden, message)
    }
    pub fn invalid_state(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::InvalidState, message)
    }
    pub fn unauthenticated(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::Unauthenticated, message)
    }
    /// Whether this is the pool-exhausted answer (HTTP 503 with `Retry-After`).
    pub fn is_busy(&self) -> bool {
        self.code == ErrorCode::Internal && self.message == BUSY
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError {
            code: e.code,
            message: e.message,
            fields: e.fields,
            reason: e.reason,
            retry_after: e.retry_after,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            StoreError::Db(d) if convene_store::metrics::is_pool_exhausted(&d) => AppError::busy(),
            other => AppError::internal(other),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        StoreError::from(e).into()
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        let db = e.chain().find_map(|c| {
            c.downcast_ref::<sea_orm::DbErr>()
                .or_else(|| match c.downcast_ref::<StoreError>() {
                    Some(StoreError::Db(d)) => Some(d),
                    _ => None,
                })
        });
        db.and_then(AppError::from_db)
            .unwrap_or_else(|| AppError::internal(format!("{e:#}")))
    }
}

impl From<std::sync::Arc<sea_orm::DbErr>> for AppError {
    fn from(e: std::sync::Arc<sea_orm::DbErr>) -> Self {
        AppError::from_db(&e).unwrap_or_else(|| AppError::internal(e))
    }
}

// No `Display`: async-graphql turns anything that is `Display` into an error without a code,
// and the API must map an `AppError` itself (graphql/error.rs).

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exhausted_pool_is_busy_not_broken() {
        let timeout = sea_orm::DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout);
        for e in [
            AppError::from(timeout.clone()),
            AppError::from(std::sync::Arc::new(timeout.clone())),
            AppError::from(anyhow::Error::new(StoreError::Db(timeout.clone())).context("loading")),
        ] {
            assert_eq!((e.code, e.message.as_str()), (ErrorCode::Internal, BUSY));
            assert!(e.is_busy());
        }
        let other = AppError::from(sea_orm::DbErr::Custom("disk full".into()));
        assert_eq!(other.code, ErrorCode::Internal);
        assert_ne!(other.message, BUSY);
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let e = AppError::internal("SELECT * FROM secret_table at /root/x.rs");
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(!e.message.contains("SELECT"));
    }
}
