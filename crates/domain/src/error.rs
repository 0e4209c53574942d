//! One error type for every rule, with a stable code and, for bad input, the fields at fault.

use std::fmt;

/// The stable codes of API.md ("Errors").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    Validation,
    Conflict,
    InvalidState,
    /// A limit of the API (depth, complexity, directives, time) was passed.
    QueryTooComplex,
    /// Too many attempts from one address or account in a window.
    RateLimited,
    /// Our fault; the cause is logged, never shown.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::Validation => "VALIDATION",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::InvalidState => "INVALID_STATE",
            ErrorCode::QueryTooComplex => "QUERY_TOO_COMPLEX",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A message about one input field (named as the GraphQL input names it, camelCase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DomainError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// Why, in a word a client can act on (`extensions.reason`), e.g. `EMAIL_NOT_VERIFIED`.
    pub reason: Option<&'static str>,
    /// For `RATE_LIMITED`: seconds to wait (`extensions.retryAfter`).
    pub retry_after: Option<u64>,
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl DomainError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        DomainError {
            code,
            message: message.into(),
            fields: Vec::new(),
            reason: None,
            retry_after: None,
        }
    }
    /// The same error with a machine-readable reason.
    pub fn because(mut self, reason: &'static str) -> Self {
        self.reason = Some(reason);
        self
    }
    /// Too many attempts: wait `secs` seconds.
    pub fn rate_limited(message: impl Into<String>, secs: u64) -> Self {
        let mut e = Self::new(ErrorCode::RateLimited, message);
        e.retry_after = Some(secs.max(1));
        e
    }
    pub fn code(&self) -> ErrorCode {
        self.code
    }
    /// A validation error about a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        DomainError {
            code: ErrorCode::Validation,
            message: message.clone(),
            fields: vec![FieldError {
                field: field.to_string(),
                message,
            }],
            reason: None,
            retry_after: None,
        }
    }
    /// A conflict (something already exists) pinned to the field that caused it.
    pub fn conflict_on(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        DomainError {
            code: ErrorCode::Conflict,
            message: message.clone(),
            fields: vec![FieldError {
                field: field.to_string(),
                message,
            }],
            reason: None,
            retry_after: None,
        }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }
    pub fn invalid_state(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidState, message)
    }
    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Unauthenticated, message)
    }
    /// Prefix every field name (e.g. `criteria.1.` for a nested input).
    pub fn nested(mut self, prefix: &str) -> Self {
        for f in &mut self.fields {
            f.field = format!("{prefix}{}", f.field);
        }
        self
    }
}

/// Collects field errors so that a form learns about every bad field at once.
#[derive(Debug, Default)]
pub struct Fields {
    errors: Vec<FieldError>,
}

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }
    /// Keep the value of a parse, or remember its field errors.
    pub fn take<T>(&mut self, result: Result<T, DomainError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.absorb(e);
                None
            }
        }
    }
    pub fn absorb(&mut self, e: DomainError) {
        if e.fields.is_empty() {
            self.errors.push(FieldError {
                field: String::new(),
                message: e.message,
            });
        } else {
            self.errors.extend(e.fields);
        }
    }
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message: message.into(),
        });
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    /// The fields named so far, in order (for tests and logs).
    pub fn names(&self) -> Vec<&str> {
        self.errors.iter().map(|e| e.field.as_str()).collect()
    }
    /// `Ok(())` when nothing was wrong, else one VALIDATION error listing every field.
    pub fn finish(self) -> Result<(), DomainError> {
        if self.errors.is_empty() {
            return Ok(());
        }
        let message = if self.errors.len() == 1 {
            self.errors[0].message.clone()
        } else {
            format!(
                "There are {} problems with what was entered",
                self.errors.len()
            )
        };
        Err(DomainError {
            code: ErrorCode::Validation,
            message,
            fields: self.errors,
            reason: None,
            retry_after: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_collects_every_problem() {
        let mut f = Fields::new();
        f.add("email", "Enter an email address");
        let r: Result<u8, _> = Err(DomainError::field("password", "Too short"));
        assert_eq!(f.take(r), None);
        let e = f.finish().unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::Validation);
        let names: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["email", "password"]);
        assert_eq!(e.message, "There are 2 problems with what was entered");
    }

    #[test]
    fn empty_fields_finish_ok() {
        assert!(Fields::new().finish().is_ok());
    }

    #[test]
    fn nested_prefixes_field_names() {
        let e = DomainError::field("weight", "bad").nested("criteria.0.");
        assert_eq!(e.fields[0].field, "criteria.0.weight");
    }
}
