//! Load from concurrent clients: every request's latency is kept, so percentiles are exact.
//! A response counts only if it is HTTP 200 with no GraphQL `errors` (wrk would count an error
//! answered with 200 as a success: NOTES.md).

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::time::{Duration, Instant};

pub struct Target {
    pub url: String,
    pub token: Option<String>,
    pub body: Value,
}

#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub requests: usize,
    pub throughput: f64,
    pub p50_ms: f64,
    /// Only where at least `P99_SAMPLES` requests stand behind it.
    pub p99_ms: Option<f64>,
    /// The fewest and the most SQL statements any one request cost under this load (from the
    /// server's `x-convene-sql-statements` header, when it sends one).
    pub statements: Option<(u64, u64)>,
}

/// A 99th percentile from fewer samples than this is one or two requests: not printed.
pub const P99_SAMPLES: usize = 1000;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("an HTTP client")
}

async fn send(http: &reqwest::Client, t: &Target) -> Result<Answer> {
    let mut req = http.post(&t.url).json(&t.body);
    if let Some(tok) = &t.token {
        req = req.bearer_auth(tok);
    }
    let res = req.send().await?;
    let status = res.status();
    let statements = res
        .headers()
        .get("x-convene-sql-statements")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let body = res.bytes().await?;
    Ok(Answer {
        status: status.as_u16(),
        body: body.to_vec(),
        statements,
    })
}

struct Answer {
    status: u16,
    body: Vec<u8>,
    statements: Option<u64>,
}

/// One request, checked fully: the answer must be data without errors.
pub async fn check(t: &Target) -> Result<Value> {
    let b = send(&client(), t).await?;
    let v: Value = serde_json::from_slice(&b.body).context("a JSON answer")?;
    if b.status != 200 || v.get("errors").is_some() {
        bail!("{} answered {}: {}", t.url, b.status, v);
    }
    Ok(v)
}

fn ok(b: &Answer) -> bool {
    b.status == 200 && !b.body.windows(9).any(|w| w == b"\"errors\":")
}

/// `clients` concurrent loops for `seconds` after a one-second warm-up.
pub async fn run(t: &Target, clients: usize, seconds: u64) -> Result<Measured> {
    let http = client();
    let warm_until = Instant::now() + Duration::from_secs(1);
    let end = warm_until + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let http = http.clone();
        let t = Target {
            url: t.url.clone(),
            token: t.token.clone(),
            body: t.body.clone(),
        };
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut statements: Option<(u64, u64)> = None;
            let mut failed = 0usize;
            loop {
                let start = Instant::now();
                if start >= end {
                    break;
                }
                let r = send(&http, &t).await;
                let took = start.elapsed();
                match r {
                    Ok(b) if ok(&b) => {
                        if start >= warm_until {
                            lat.push(took.as_micros() as u64);
                        }
                        statements = widen(statements, b.statements);
                    }
                    _ => failed += 1,
                }
            }
            (lat, statements, failed)
        }));
    }
    let mut all = Vec::new();
    let mut statements = None;
    let mut failed = 0;
    for task in tasks {
        let (lat, seen, f) = task.await?;
        all.extend(lat);
        if let Some((lo, hi)) = seen {
            statements = widen(widen(statements, Some(lo)), Some(hi));
        }
        failed += f;
    }
    if failed > 0 {
        bail!("{failed} requests failed or answered with errors");
    }
    if all.is_empty() {
        bail!("no request finished in {seconds} s");
    }
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0;
    Ok(Measured {
        requests: all.len(),
        throughput: all.len() as f64 / seconds as f64,
        p50_ms: pct(0.50),
        p99_ms: (all.len() >= P99_SAMPLES).then(|| pct(0.99)),
        statements,
    })
}

/// The range of statement counts seen, widened by one more answer.
fn widen(range: Option<(u64, u64)>, n: Option<u64>) -> Option<(u64, u64)> {
    match (range, n) {
        (Some((lo, hi)), Some(n)) => Some((lo.min(n), hi.max(n))),
        (None, Some(n)) => Some((n, n)),
        (r, None) => r,
    }
}
