//! `make bench`: generate a realistic network on SQLite and on PostgreSQL, start the release
//! `convene` binary on it, and measure the pages people use most from 16 concurrent clients —
//! SQL statements per request, p50/p99 latency and throughput, each against the server's own
//! `{ __typename }` in the same run — then PostGraphile 4 over the same PostgreSQL data for the
//! directory page. Writes BENCHMARKS.md from the run's own numbers.
//!
//! Settings: BENCH_SCALE (1.0 = the size), BENCH_SECONDS (per measurement, default 10),
//! BENCH_CLIENTS (16), BENCH_POSTGRES_URL (an administrative URL; default the local server),
//! BENCH_DATABASES (`sqlite,postgres`), BENCH_CONVENE_BIN (default target/release/convene),
//! BENCH_OUT (default BENCHMARKS.md), BENCH_KEEP=1 (keep the generated databases, to look into).

mod generate;
mod load;
mod peer;
mod report;
mod server;

use anyhow::{Context, Result};
use convene_store::sea_orm::ConnectionTrait;
use std::time::Instant;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub struct Settings {
    pub scale: f64,
    pub seconds: u64,
    pub clients: usize,
    pub postgres_admin: String,
    pub convene_bin: String,
}

#[tokio::main]
async fn main() -> Result<()> {
    let settings = Settings {
        scale: env_or("BENCH_SCALE", 1.0),
        seconds: env_or("BENCH_SECONDS", 10),
        clients: env_or("BENCH_CLIENTS", 16),
        postgres_admin: env_or(
            "BENCH_POSTGRES_URL",
            "postgres://postgres@127.0.0.1:5432/postgres".to_string(),
        ),
        convene_bin: env_or("BENCH_CONVENE_BIN", "target/release/convene".to_string()),
    };
    let databases: String = env_or("BENCH_DATABASES", "sqlite,postgres".to_string());
    let out: String = env_or("BENCH_OUT", "BENCHMARKS.md".to_string());
    let size = generate::Size::scaled(settings.scale);
    println!("convene-bench: {size:?}");

    let mut runs = Vec::new();
    for kind in databases
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let db = server::BenchDatabase::create(kind, &settings.postgres_admin).await?;
        let started = Instant::now();
        let network = {
            let conn = convene_store::connect(&db.url, Default::default()).await?;
            convene_store::migrate(&conn).await?;
            let n = generate::network(&conn, size)
                .await
                .context("generate the network")?;
            // planner statistics for the generated data, as a database in service has them
            conn.execute_unprepared("ANALYZE").await?;
            conn.close().await.ok();
            n
        };
        let generated_in = started.elapsed();
        println!("{kind}: generated in {:.1} s", generated_in.as_secs_f64());
        let result = server::measure(&settings, &db, &network).await;
        let peer = if let (true, Ok((_, directory))) = (kind == "postgres", &result) {
            match peer::postgraphile(&settings, &db.url, directory).await {
                Ok(p) => Some(p),
                Err(e) => {
                    db.drop_now().await;
                    return Err(e.context("PostGraphile"));
                }
            }
        } else {
            None
        };
        if std::env::var("BENCH_KEEP").is_ok_and(|v| v == "1") {
            println!("{kind}: kept at {}", db.url);
        } else {
            db.drop_now().await;
        }
        runs.push(report::Run {
            kind: kind.to_string(),
            generated_in,
            scenarios: result?.0,
            peer,
        });
    }
    let text = report::markdown(&settings, size, &runs);
    println!("{text}");
    std::fs::write(&out, text).with_context(|| format!("write {out}"))?;
    println!("written to {out}");
    Ok(())
}
