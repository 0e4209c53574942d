//! PostGraphile 4 (what a team would otherwise put over these tables) on the same PostgreSQL
//! data, asked for the same directory page. Installed from npm into target/bench-node on first
//! use; PostGraphile 5 needs Node 22, which this machine lacks (NOTES.md).

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::load::{self, Measured, Target};
use crate::server::{free_port, Process};
use crate::Settings;

pub const VERSION: &str = "4.14";

/// The directory page in PostGraphile's own vocabulary: 100 communities, each with its domain,
/// its member count and its first 10 members with person and organisation.
pub const DIRECTORY: &str = "query Directory { allCommunities(first: 100, orderBy: [NAME_ASC, \
    PRIMARY_KEY_ASC]) { totalCount nodes { id name domainByDomainId { name } \
    communityMembersByCommunityId(first: 10, orderBy: [JOINED_AT_ASC, PRIMARY_KEY_ASC]) { \
    totalCount nodes { role personByPersonId { name organisationByOrganisationId { name } } } } } } }";

/// What both servers must agree on before either is timed: the same communities, each with
/// the same member count and the same first members (names and organisations, in order).
fn same_directory(ours: &Value, theirs: &Value) -> Result<()> {
    let summary = |nodes: &Value, count: &str, members: &str, person: &str, org: &str| {
        let mut out: Vec<(String, u64, Vec<(String, String)>)> = nodes
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        let m = &c[members];
                        let list = m.get("nodes").unwrap_or(m);
                        (
                            c["name"].as_str().unwrap_or("").to_string(),
                            c.pointer(count).and_then(Value::as_u64).unwrap_or(u64::MAX),
                            list.as_array()
                                .map(|l| {
                                    l.iter()
                                        .map(|x| {
                                            (
                                                x[person]["name"]
                                                    .as_str()
                                                    .unwrap_or("")
                                                    .to_string(),
                                                x[person][org]["name"]
                                                    .as_str()
                                                    .unwrap_or("")
                                                    .to_string(),
                                            )
                                        })
                                        .collect()
                                })
                                .unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    };
    let a = summary(
        &ours["data"]["communities"]["nodes"],
        "/memberCount",
        "members",
        "person",
        "organisation",
    );
    let b = summary(
        &theirs["data"]["allCommunities"]["nodes"],
        "/communityMembersByCommunityId/totalCount",
        "communityMembersByCommunityId",
        "personByPersonId",
        "organisationByOrganisationId",
    );
    if a.is_empty() || a != b {
        let first = a.iter().zip(&b).find(|(x, y)| x != y);
        bail!(
            "Convene and PostGraphile answer the directory differently ({} and {} communities; first difference: {first:?})",
            a.len(),
            b.len()
        );
    }
    Ok(())
}

pub struct Peer {
    pub version: String,
    pub measured: Measured,
    pub solo: Measured,
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

pub async fn postgraphile(s: &Settings, database_url: &str, ours: &Value) -> Result<Peer> {
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
    same_directory(ours, &answer)?;
    // the same warm-up as Convene's: an idle client first, then the load
    let solo = load::run(&t, 1, (s.seconds / 3).max(1)).await?;
    let measured = load::run(&t, s.clients, s.seconds).await?;
    println!(
        "  postgraphile directory: {:.0} req/s, p50 {:.2} ms, alone p50 {:.2} ms",
        measured.throughput, measured.p50_ms, solo.p50_ms
    );
    Ok(Peer {
        version: installed_version(),
        measured,
        solo,
    })
}
