//! PostGraphile 4 (what a team would otherwise put over these tables) on the same PostgreSQL
//! data, asked for the same directory page. Installed from npm into target/bench-node on first
//! use; PostGraphile 5 needs Node 22, which this machine lacks (NOTES.md).

use anyhow::{anyhow, bail, Context, Result};
use serde_json::json;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::load::{self, Measured, Target};
use crate::server::{free_port, Process};
use crate::Settings;

pub const VERSION: &str = "4.14";

/// The directory page in PostGraphile's own vocabulary: 100 communities, each with its domain,
/// its member count and its first 10 members with person and organisation.
pub const DIRECTORY: &str = "query Directory { allCommunities(first: 100, orderBy: NAME_ASC) { \
    totalCount nodes { id name domainByDomainId { name } communityMembersByCommunityId(first: 10, \
    orderBy: JOINED_AT_ASC) { totalCount nodes { role personByPersonId { name \
    organisationByOrganisationId { name } } } } } } }";

pub struct Peer {
    pub version: String,
    pub measured: Measured,
}

fn install() -> Result<PathBuf> {
    let dir = PathBuf::from("target/bench-node");
    let bin = dir.join("node_modules/.bin/postgraphile");
    if !bin.exists() {
        std::fs::create_dir_all(&dir)?;
        println!(
            "installing postgraphile@{VERSION} from npm into {}",
            dir.display()
        );
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(format!("postgraphile@~{VERSION}"))
            .status()
            .context("run npm")?;
        if !status.success() {
            bail!("npm install postgraphile@{VERSION} failed");
        }
    }
    Ok(bin)
}

fn installed_version() -> String {
    std::fs::read_to_string("target/bench-node/node_modules/postgraphile/package.json")
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(str::to_string))
        .unwrap_or_else(|| VERSION.to_string())
}

pub async fn postgraphile(s: &Settings, database_url: &str) -> Result<Peer> {
    let bin = install()?;
    let port = free_port()?;
    let mut process = Process(
        Command::new(&bin)
            .args(["-c", database_url, "-s", "public", "-n", "127.0.0.1", "-p"])
            .arg(port.to_string())
            .arg("--disable-query-log")
            .stdout(Stdio::null())
            .spawn()
            .context("start PostGraphile")?,
    );
    let url = format!("http://127.0.0.1:{port}/graphql");
    // PostGraphile has no health route: a POST of `{ __typename }` is its readiness.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let probe = Target {
        url: url.clone(),
        token: None,
        body: json!({"query": "{ __typename }"}),
    };
    loop {
        if load::check(&probe).await.is_ok() {
            break;
        }
        if std::time::Instant::now() > until {
            bail!("PostGraphile did not answer in 60 s");
        }
        if let Some(status) = process.0.try_wait()? {
            bail!("PostGraphile exited ({status})");
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let t = Target {
        url,
        token: None,
        body: json!({ "query": DIRECTORY }),
    };
    let answer = load::check(&t).await?;
    let nodes = answer["data"]["allCommunities"]["nodes"]
        .as_array()
        .ok_or_else(|| anyhow!("PostGraphile's directory has no nodes: {answer}"))?;
    if nodes.is_empty() {
        bail!("PostGraphile returned no communities: {answer}");
    }
    let measured = load::run(&t, s.clients, s.seconds).await?;
    println!(
        "  postgraphile directory: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        measured.throughput, measured.p50_ms, measured.p99_ms
    );
    Ok(Peer {
        version: installed_version(),
        measured,
    })
}
