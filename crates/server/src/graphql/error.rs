//! The API's face of `AppError`: every failure leaves with a stable `extensions.code`, and bad
//! input with `extensions.fields`.

use async_graphql::{ErrorExtensions, Value};
use convene_domain::ErrorCode;

pub use crate::usecases::error::{AppError as ApiError, AppResult as ApiResult, BUSY};

impl From<ApiError> for async_graphql::Error {
    fn from(e: ApiError) -> Self {
        let retry_after = if e.is_busy() { Some(1) } else { e.retry_after };
        let (fields, code, reason) = (e.fields, e.code, e.reason);
        async_graphql::Error::new(e.message).extend_with(|_, ext| {
            ext.set("code", code.as_str());
            if let Some(secs) = retry_after {
                ext.set("retryAfter", secs);
            }
            if let Some(r) = reason {
                ext.set("reason", r);
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
            ErrorCode::QueryTooComplex
        } else {
            ErrorCode::Validation
        };
        let mut ext = e.extensions.take().unwrap_or_default();
        ext.set("code", code.as_str());
        if code == ErrorCode::Validation {
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
}
