//! CSV exports at authenticated URLs (`Authorization: Bearer`): UTF-8, a header row, CRLF line
//! ends, and cells a spreadsheet would run as formulas defused. `calls`: honoraria for finance
//! and applications for the panel; `dashboard`: every table of the programme dashboard;
//! `members`: a community's members for its conveners.

mod calls;
mod dashboard;
mod members;

pub use calls::{applications_csv, honoraria_csv};
pub use dashboard::dashboard_csv;
pub use members::members_csv;

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use convene_domain::access::{require_role, Viewer};
use convene_domain::account::Role;
use convene_domain::ErrorCode;
use convene_store::by_ids;
use std::collections::HashMap;
use uuid::Uuid;

use crate::http::{viewer_of, Http};
use crate::usecases::AppError;

/// A cell a spreadsheet would run as a formula: it begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and is not a plain number.
fn is_formula(v: &str) -> bool {
    v.starts_with(['=', '+', '-', '@', '\t', '\r']) && v.parse::<f64>().is_err()
}

/// A CSV table being written by the `csv` crate: RFC 4180 quoting, CRLF record ends, and
/// formulas defused as OWASP advises: a leading `'` makes the cell text, and it is always
/// quoted (the writer quotes every field holding a `'`, as it would a comment character).
pub struct Sheet(csv::Writer<Vec<u8>>);

impl Sheet {
    /// A sheet that starts with this header row.
    pub fn new<S: AsRef<str>>(header: impl IntoIterator<Item = S>) -> Sheet {
        let mut s = Sheet(
            csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .comment(Some(b'\''))
                .flexible(true)
                .from_writer(Vec::new()),
        );
        s.push(header);
        s
    }

    /// One record.
    pub fn push<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let cells = cells.into_iter().map(|c| match c.as_ref() {
            c if is_formula(c) => format!("'{c}"),
            c => c.to_string(),
        });
        // A flexible writer takes records of any length, and writing to memory cannot fail.
        let _ = self.0.write_record(cells);
    }

    pub fn finish(self) -> String {
        let bytes = self
            .0
            .into_inner()
            .expect("flushing into memory cannot fail");
        String::from_utf8(bytes).expect("the cells were UTF-8")
    }
}

/// One CSV record, CRLF-terminated.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    Sheet::new(cells).finish()
}

/// A header row followed by the records.
pub fn table<S: AsRef<str>>(header: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> String {
    let mut s = Sheet::new(header);
    for r in rows {
        s.push(r);
    }
    s.finish()
}

pub fn csv(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

pub fn refuse(status: StatusCode, msg: &str) -> Response {
    (status, msg.to_string()).into_response()
}

/// The signed-in person, or the 401 to answer.
pub async fn signed_in(http: &Http, headers: &HeaderMap) -> Result<Viewer, Response> {
    match viewer_of(&http.state, headers).await {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(refuse(
            StatusCode::UNAUTHORIZED,
            "Sign in: send Authorization: Bearer <accessToken>",
        )),
        Err(_) => Err(refuse(
            StatusCode::UNAUTHORIZED,
            "The access token is not valid: sign in again",
        )),
    }
}

/// The signed-in person if they are on the programme team, or the 401 or 403 to answer: the
/// same rule (`access::require_role`) as the GraphQL fields these exports mirror.
pub async fn team_member(http: &Http, headers: &HeaderMap) -> Result<Viewer, Response> {
    let viewer = signed_in(http, headers).await?;
    require_role(Some(&viewer), Role::ProgrammeTeam).map_err(|e| refused(e.into()))?;
    Ok(viewer)
}

/// A refusal or failure of a use case or a domain rule, as the HTTP answer an export gives:
/// the status its code stands for, and its message.
pub fn refused(e: AppError) -> Response {
    let status = match e.code {
        ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Validation => StatusCode::BAD_REQUEST,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        _ => return failed(&e.message),
    };
    refuse(status, &e.message)
}

/// The rows of `E` with these IDs, by ID (for names beside IDs).
pub async fn names<E>(
    db: &convene_store::sea_orm::DatabaseConnection,
    ids: Vec<Uuid>,
) -> HashMap<Uuid, E::Model>
where
    E: convene_store::sea_orm::EntityTrait,
    E::Model: convene_store::HasId,
{
    use convene_store::HasId;
    by_ids::<E>(db, &ids)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|m| (m.id(), m))
        .collect()
}

/// Like [`names`], but a database failure is the 500 to answer rather than blank names.
pub async fn lookup<E>(
    db: &convene_store::sea_orm::DatabaseConnection,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, E::Model>, Response>
where
    E: convene_store::sea_orm::EntityTrait,
    E::Model: convene_store::HasId,
{
    use convene_store::HasId;
    match by_ids::<E>(db, &ids).await {
        Ok(rows) => Ok(rows.into_iter().map(|m| (m.id(), m)).collect()),
        Err(e) => Err(failed(&e)),
    }
}

/// The 500 for a failure, logged with its cause.
pub fn failed(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "an export failed");
    refuse(StatusCode::INTERNAL_SERVER_ERROR, "Try again")
}

/// Pence as pounds, `1666.67`.
pub fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let p = pence.unsigned_abs();
    format!("{sign}{}.{:02}", p / 100, p % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as written.
    fn cell(v: &str) -> String {
        row(&[v]).strip_suffix("\r\n").unwrap().to_string()
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(cell("+44 20 7946 0000"), "\"'+44 20 7946 0000\"");
        assert_eq!(cell("@cmd"), "\"'@cmd\"");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(cell("-5"), "-5");
        assert_eq!(cell("-1.000"), "-1.000");
        assert_eq!(cell("-1+2"), "\"'-1+2\"");
        assert_eq!(cell("\tx"), "\"'\tx\"");
        assert_eq!(cell("two\r\nlines"), "\"two\r\nlines\"");
    }

    #[test]
    fn rows_end_in_crlf_and_tables_start_with_their_header() {
        assert_eq!(row(&["a", "b c"]), "a,b c\r\n");
        assert_eq!(
            table(&["k", "n"], [vec!["x", "1"], vec!["=y", "-2"]]),
            "k,n\r\nx,1\r\n\"'=y\",-2\r\n"
        );
        assert_eq!(pounds(166_667), "1666.67");
        assert_eq!(pounds(5), "0.05");
    }
}
