//! `GET /metrics` in Prometheus' text format, written by hand: the latency of `/graphql`
//! requests by operation name, every SQL statement sent, the outbox's backlog and the age of
//! its oldest message, and the connection pool's use.
//!
//! Who may read it: with `CONVENE_METRICS_TOKEN` set, whoever sends it as a Bearer token;
//! without, only direct requests from the machine itself (a loopback peer and no forwarding
//! header, so nothing that came through a reverse proxy).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use convene_store::metrics::{self as store_metrics, RequestStatements};

use crate::http::Http;
use crate::state::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
/// Operation names longer than this are labelled `anonymous`.
const MAX_NAME: usize = 64;
/// At most this many distinct operation labels; later newcomers are counted as `other`.
const MAX_OPERATIONS: usize = 200;

#[derive(Default, Clone)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, secs: f64) {
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                self.buckets[i] += 1;
            }
        }
        self.count += 1;
        self.sum += secs;
    }
}

/// The process's request latencies by operation.
#[derive(Default)]
pub struct Metrics {
    latency: Mutex<HashMap<String, Histogram>>,
}

/// The GraphQL operation a `/graphql` answer served, set by the handler for the metrics layer.
#[derive(Clone, Debug)]
pub struct Operation(pub String);

/// The label for an operation name: the name when it is a GraphQL name of at most 64
/// characters, else `anonymous`.
pub fn operation_label(name: Option<&str>) -> String {
    match name {
        Some(n)
            if !n.is_empty()
                && n.len() <= MAX_NAME
                && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !n.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            n.to_string()
        }
        _ => "anonymous".to_string(),
    }
}

impl Metrics {
    pub fn observe(&self, operation: &str, secs: f64) {
        let mut map = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let key = if map.contains_key(operation) || map.len() < MAX_OPERATIONS {
            operation
        } else {
            "other"
        };
        map.entry(key.to_string()).or_default().observe(secs);
    }

    fn render_latency(&self, out: &mut String) {
        let map = self
            .latency
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let mut ops: Vec<_> = map.into_iter().collect();
        ops.sort_by(|a, b| a.0.cmp(&b.0));
        out.push_str("# HELP convene_http_request_duration_seconds Time to answer a /graphql request, by operation name.\n");
        out.push_str("# TYPE convene_http_request_duration_seconds histogram\n");
        for (op, h) in ops {
            for (le, n) in BUCKETS.iter().zip(h.buckets) {
                let _ = writeln!(
                    out,
                    "convene_http_request_duration_seconds_bucket{{operation=\"{op}\",le=\"{le}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "convene_http_request_duration_seconds_bucket{{operation=\"{op}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "convene_http_request_duration_seconds_sum{{operation=\"{op}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "convene_http_request_duration_seconds_count{{operation=\"{op}\"}} {}",
                h.count
            );
        }
    }
}

/// Around every `/graphql` request: time it, count its SQL statements (in a scope its
/// DataLoaders inherit) and, with `CONVENE_SQL_COUNT_HEADER`, say how many in
/// `x-convene-sql-statements`.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let statements = RequestStatements::default();
    let mut resp = statements.scope(next.run(req)).await;
    let label = resp
        .extensions()
        .get::<Operation>()
        .map(|o| o.0.clone())
        .unwrap_or_else(|| "anonymous".into());
    state
        .metrics
        .observe(&label, started.elapsed().as_secs_f64());
    if state.config.sql_count_header {
        resp.headers_mut().insert(
            "x-convene-sql-statements",
            HeaderValue::from(statements.get()),
        );
    }
    resp
}

fn allowed(state: &AppState, headers: &HeaderMap, peer: SocketAddr) -> bool {
    match &state.config.metrics_token {
        Some(token) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq(given.trim().as_bytes(), token.as_bytes())),
        None => {
            let forwarded = ["x-forwarded-for", "forwarded", "x-real-ip"]
                .iter()
                .any(|h| headers.contains_key(*h));
            peer.ip().is_loopback() && !forwarded
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `GET /metrics`.
pub async fn endpoint(
    State(http): State<Http>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let state = &http.state;
    if !allowed(state, &headers, peer) {
        let msg = if state.config.metrics_token.is_some() {
            "Send the metrics token: Authorization: Bearer <CONVENE_METRICS_TOKEN>\n"
        } else {
            "Metrics are served to this machine only; set CONVENE_METRICS_TOKEN to read them from elsewhere\n"
        };
        return (StatusCode::FORBIDDEN, msg).into_response();
    }
    let mut out = String::new();
    let _ = writeln!(out, "# HELP convene_sql_statements_total SQL statements sent to the database (queries, commands, and BEGIN and COMMIT or ROLLBACK of each write transaction).");
    let _ = writeln!(out, "# TYPE convene_sql_statements_total counter");
    let _ = writeln!(
        out,
        "convene_sql_statements_total {}",
        store_metrics::statements_total()
    );
    state.metrics.render_latency(&mut out);
    match convene_store::repo::outbox::backlog(&state.db).await {
        Ok((n, oldest)) => {
            let age = oldest
                .map(|t| (chrono::Utc::now() - t).num_milliseconds().max(0) as f64 / 1000.0)
                .unwrap_or(0.0);
            let _ = writeln!(out, "# HELP convene_outbox_backlog Messages waiting in the outbox to be delivered.\n# TYPE convene_outbox_backlog gauge\nconvene_outbox_backlog {n}");
            let _ = writeln!(out, "# HELP convene_outbox_oldest_age_seconds Age of the oldest message waiting in the outbox (0 when none waits).\n# TYPE convene_outbox_oldest_age_seconds gauge\nconvene_outbox_oldest_age_seconds {age}");
        }
        Err(e) => tracing::warn!(error = %e, "metrics: reading the outbox backlog"),
    }
    let pool = store_metrics::pool_usage(&state.db);
    let _ = writeln!(out, "# HELP convene_db_pool_connections Database connections held by the pool, idle or in use.\n# TYPE convene_db_pool_connections gauge");
    let _ = writeln!(
        out,
        "convene_db_pool_connections{{state=\"idle\"}} {}",
        pool.idle
    );
    let _ = writeln!(
        out,
        "convene_db_pool_connections{{state=\"in_use\"}} {}",
        pool.in_use()
    );
    let _ = writeln!(out, "# HELP convene_db_pool_max_connections The pool's bound (CONVENE_DB_POOL_MAX).\n# TYPE convene_db_pool_max_connections gauge\nconvene_db_pool_max_connections {}", pool.max);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_labels_are_bounded() {
        assert_eq!(operation_label(Some("Directory")), "Directory");
        assert_eq!(operation_label(None), "anonymous");
        assert_eq!(operation_label(Some("")), "anonymous");
        assert_eq!(operation_label(Some(&"a".repeat(64))), "a".repeat(64));
        assert_eq!(operation_label(Some(&"a".repeat(65))), "anonymous");
        assert_eq!(operation_label(Some("x\"} 1\n")), "anonymous");
        let m = Metrics::default();
        for i in 0..MAX_OPERATIONS + 10 {
            m.observe(&format!("Op{i}"), 0.001);
        }
        m.observe("Op0", 0.001);
        let map = m.latency.lock().unwrap();
        assert_eq!(map.len(), MAX_OPERATIONS + 1);
        assert_eq!(map["other"].count, 10);
        assert_eq!(map["Op0"].count, 2);
    }

    #[test]
    fn histograms_are_cumulative() {
        let m = Metrics::default();
        m.observe("A", 0.003);
        m.observe("A", 0.2);
        m.observe("A", 40.0);
        let mut out = String::new();
        m.render_latency(&mut out);
        assert!(out.contains(
            "convene_http_request_duration_seconds_bucket{operation=\"A\",le=\"0.005\"} 1\n"
        ));
        assert!(out.contains(
            "convene_http_request_duration_seconds_bucket{operation=\"A\",le=\"0.25\"} 2\n"
        ));
        assert!(out.contains(
            "convene_http_request_duration_seconds_bucket{operation=\"A\",le=\"30\"} 2\n"
        ));
        assert!(out.contains(
            "convene_http_request_duration_seconds_bucket{operation=\"A\",le=\"+Inf\"} 3\n"
        ));
        assert!(out.contains("convene_http_request_duration_seconds_count{operation=\"A\"} 3\n"));
    }

    #[test]
    fn tokens_are_compared_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret-longer"));
    }
}
