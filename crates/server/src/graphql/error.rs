//! `ApiError`: every failure leaves with a stable `extensions.code`, and bad input with
//! `extensions.fields`. Internal causes are logged, never shown.

use async_graphql::{ErrorExtensions, Value};
use convene_domain::{DomainError, FieldError};
use convene_store::StoreError;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<FieldError>,
}

/// What a request is told when the database pool has no connection free within its acquire
/// timeout (`CONVENE_DB_ACQUIRE_TIMEOUT_MS`); the answer is HTTP 503 with `Retry-After`.
pub const BUSY: &str = "The service is busy; try again";

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        ApiError::new("INTERNAL", "Something went wrong on our side. Please try again; if it keeps happening, tell the programme team.")
    }
    /// The pool is exhausted: code `INTERNAL`, and `extensions.retryAfter` (seconds).
    pub fn busy() -> Self {
        tracing::warn!("no database connection free within the acquire timeout");
        ApiError::new("INTERNAL", BUSY)
    }
    fn from_db(e: &sea_orm::DbErr) -> Option<Self> {
        convene_store::metrics::is_pool_exhausted(e).then(ApiError::busy)
    }
    pub fn not_found(what: &str) -> Self {
        ApiError::new("NOT_FOUND", format!("{what} was not found"))
    }
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        DomainError::field(field, message).into()
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        ApiError {
            code: e.code(),
            message: e.message,
            fields: e.fields,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            StoreError::Db(d) if convene_store::metrics::is_pool_exhausted(&d) => ApiError::busy(),
            other => ApiError::internal(other),
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        StoreError::from(e).into()
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        let db = e.chain().find_map(|c| {
            c.downcast_ref::<sea_orm::DbErr>()
                .or_else(|| match c.downcast_ref::<StoreError>() {
                    Some(StoreError::Db(d)) => Some(d),
                    _ => None,
                })
        });
        db.and_then(ApiError::from_db)
            .unwrap_or_else(|| ApiError::internal(format!("{e:#}")))
    }
}

impl From<std::sync::Arc<sea_orm::DbErr>> for ApiError {
    fn from(e: std::sync::Arc<sea_orm::DbErr>) -> Self {
        ApiError::from_db(&e).unwrap_or_else(|| ApiError::internal(e))
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(e: ApiError) -> Self {
        let fields = e.fields;
        let code = e.code;
        let busy = e.message == BUSY;
        async_graphql::Error::new(e.message).extend_with(|_, ext| {
            ext.set("code", code);
            if busy {
                ext.set("retryAfter", 1);
            }
            if !fields.is_empty() {
                let list: Vec<Value> = fields
                    .iter()
                    .map(|f| {
                        let mut m = async_graphql::indexmap::IndexMap::new();
                        m.insert(
                            async_graphql::Name::new("field"),
                            Value::from(f.field.clone()),
                        );
                        m.insert(
                            async_graphql::Name::new("message"),
                            Value::from(f.message.clone()),
                        );
                        Value::Object(m)
                    })
                    .collect();
                ext.set("fields", Value::List(list));
            }
        })
    }
}

/// Give every error that async-graphql raised itself (a bad document, a wrong input type, a
/// limit) a code too, so that clients can rely on `extensions.code` always being there.
pub fn classify_unlabelled(errors: &mut [async_graphql::ServerError]) {
    for e in errors {
        let has_code = e
            .extensions
            .as_ref()
            .is_some_and(|x| x.get("code").is_some());
        if has_code {
            continue;
        }
        let msg = e.message.to_lowercase();
        let code = if msg.contains("too complex")
            || msg.contains("nested too deep")
            || msg.contains("too many directives")
            || msg.contains("number of directives")
            || msg.contains("recursion")
        {
            "QUERY_TOO_COMPLEX"
        } else {
            "VALIDATION"
        };
        let mut ext = e.extensions.take().unwrap_or_default();
        ext.set("code", code);
        if code == "VALIDATION" {
            if let Some(field) = input_field_of(&e.message) {
                let mut m = async_graphql::indexmap::IndexMap::new();
                m.insert(async_graphql::Name::new("field"), Value::from(field));
                m.insert(
                    async_graphql::Name::new("message"),
                    Value::from(e.message.clone()),
                );
                ext.set("fields", Value::List(vec![Value::Object(m)]));
            }
        }
        e.extensions = Some(ext);
    }
}

/// `Invalid value for argument "input.email", …` → `email`.
fn input_field_of(message: &str) -> Option<String> {
    let start = message.find("argument \"")? + "argument \"".len();
    let rest = &message[start..];
    let path = &rest[..rest.find('"')?];
    let last = path.rsplit('.').next()?;
    Some(
        last.trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '[')
            .to_string(),
    )
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_read_from_input_errors() {
        assert_eq!(
            input_field_of(r#"Invalid value for argument "input.email", expected type "String""#)
                .as_deref(),
            Some("email")
        );
        assert_eq!(
            input_field_of(r#"Invalid value for argument "input", field "x""#).as_deref(),
            Some("input")
        );
        assert_eq!(input_field_of("Unknown field"), None);
    }

    #[test]
    fn an_exhausted_pool_is_busy_not_broken() {
        let timeout = sea_orm::DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout);
        for e in [
            ApiError::from(timeout.clone()),
            ApiError::from(std::sync::Arc::new(timeout.clone())),
            ApiError::from(anyhow::Error::new(StoreError::Db(timeout.clone())).context("loading")),
        ] {
            assert_eq!((e.code, e.message.as_str()), ("INTERNAL", BUSY));
        }
        let other = ApiError::from(sea_orm::DbErr::Custom("disk full".into()));
        assert_eq!(other.code, "INTERNAL");
        assert_ne!(other.message, BUSY);
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let e = ApiError::internal("SELECT * FROM secret_table at /root/x.rs");
        assert_eq!(e.code, "INTERNAL");
        assert!(!e.message.contains("SELECT"));
    }
}
