//! The release `convene` binary on the generated database, and the scenarios measured on it.

use anyhow::{anyhow, bail, Context, Result};
use convene_store::sea_orm::{ConnectionTrait, Database};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::load::{self, Measured, Target};
use crate::Settings;

pub const ADMIN_EMAIL: &str = "bench-admin@bench.example";
const ADMIN_PASSWORD: &str = "bench-admin-password-1";

pub struct BenchDatabase {
    pub url: String,
    drop: Option<(String, String)>,
    file: Option<std::path::PathBuf>,
}

impl BenchDatabase {
    pub async fn create(kind: &str, postgres_admin: &str) -> Result<BenchDatabase> {
        let tag = uuid::Uuid::new_v4().simple().to_string()[..12].to_string();
        match kind {
            "sqlite" => {
                let dir = std::env::temp_dir().join(format!("convene-bench-{tag}"));
                std::fs::create_dir_all(&dir)?;
                let file = dir.join("convene.db");
                Ok(BenchDatabase {
                    url: format!("sqlite://{}?mode=rwc", file.display()),
                    drop: None,
                    file: Some(dir),
                })
            }
            "postgres" => {
                let name = format!("convene_bench_{tag}");
                let admin = Database::connect(postgres_admin)
                    .await
                    .with_context(|| "PostgreSQL is not reachable at BENCH_POSTGRES_URL")?;
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await?;
                admin.close().await.ok();
                let base = postgres_admin
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .ok_or_else(|| anyhow!("BENCH_POSTGRES_URL has no database name"))?;
                Ok(BenchDatabase {
                    url: format!("{base}/{name}"),
                    drop: Some((postgres_admin.to_string(), name)),
                    file: None,
                })
            }
            other => bail!("unknown database kind {other}: use sqlite or postgres"),
        }
    }

    pub async fn drop_now(&self) {
        if let Some((admin, name)) = &self.drop {
            if let Ok(db) = Database::connect(admin.as_str()).await {
                // (BENCH_KEEP=1 skips this, to look into the data afterwards)
                let _ = db
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await;
                db.close().await.ok();
            }
        }
        if let Some(dir) = &self.file {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A child process killed when dropped.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Wait until `url` answers 200.
pub async fn wait_ready(url: &str, process: &mut Process) -> Result<()> {
    let http = reqwest::Client::new();
    let until = Instant::now() + Duration::from_secs(90);
    while Instant::now() < until {
        if let Some(status) = process.0.try_wait()? {
            bail!("the process exited early ({status})");
        }
        if let Ok(r) = http.get(url).send().await {
            if r.status().is_success() {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("{url} did not become ready in 90 s")
}

pub struct Scenario {
    pub name: &'static str,
    pub what: &'static str,
    /// Under load, 16 clients (the statements each request cost: the fewest and most seen).
    pub measured: Measured,
    /// One client at a time: the latency a person sees on an idle server.
    pub solo: Measured,
    /// The server process's CPU time (user and system) per request under load.
    pub cpu_ms: f64,
}

const METRICS_TOKEN: &str = "bench-metrics-token";

/// The CPU time a process has used so far, in milliseconds (`/proc/<pid>/stat`: utime and
/// stime, in clock ticks of 1/100 s on Linux).
fn cpu_ms(pid: u32) -> Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // the command name may hold spaces: count fields after its closing parenthesis
    let rest = stat
        .rsplit_once(')')
        .ok_or_else(|| anyhow!("unreadable /proc/{pid}/stat"))?
        .1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| -> Result<f64> {
        Ok(f.get(i)
            .ok_or_else(|| anyhow!("short stat"))?
            .parse::<f64>()?)
    };
    // fields 14 and 15 of the whole line are the 12th and 13th after the name
    Ok((ticks(11)? + ticks(12)?) * 10.0)
}

/// The server's own total, to check the header against once.
async fn statements_total(http: &reqwest::Client, base: &str) -> Result<u64> {
    let text = http
        .get(format!("{base}/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    text.lines()
        .find_map(|l| l.strip_prefix("convene_sql_statements_total "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|v| v as u64)
        .ok_or_else(|| anyhow!("/metrics has no convene_sql_statements_total"))
}

pub const DIRECTORY: &str = "query Directory { communities(first: 100) { totalCount nodes { id name \
    domain { name } memberCount members(first: 10) { role person { name organisation { name } } } } } }";
/// The directory as anyone but the programme team reads it (members are for members).
const PUBLIC_DIRECTORY: &str =
    "query PublicDirectory { communities(first: 100) { totalCount nodes { \
    id name domain { name } memberCount viewerRole viewerJoinRequest { id } conveners { name \
    organisation { name } } } } }";
const COMMUNITY: &str = "query Community($id: ID!) { community(id: $id) { id name stage \
    membershipMode domain { name } memberCount members(first: 10) { role person { name \
    organisation { name } } } startupSteps { step done } practices(first: 10) { totalCount \
    nodes { id name status } } meetings(first: 5, upcoming: true) { nodes { id startsAt } } } }";
const RANKING: &str = "query Ranking($id: ID!) { call(id: $id) { title ranking { rank \
    weightedScore reviewCount disagreement application { id domain { name } lead { name } } } } }";
const LIBRARY: &str = "query Library($q: String) { promisingPractices(first: 20, search: $q) { \
    totalCount nodes { id name domain { name } community { name } } } }";

pub async fn measure(
    s: &Settings,
    db: &BenchDatabase,
    network: &crate::generate::Network,
) -> Result<(Vec<Scenario>, Value)> {
    let port = free_port()?;
    let base = format!("http://127.0.0.1:{port}");
    let data = std::env::temp_dir().join(format!("convene-bench-data-{port}"));
    std::fs::create_dir_all(&data)?;
    let mut process = Process(
        Command::new(&s.convene_bin)
            .arg("serve")
            .env("CONVENE_DATABASE_URL", &db.url)
            .env("CONVENE_LISTEN", format!("127.0.0.1:{port}"))
            .env("CONVENE_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("CONVENE_JWT_SECRET", uuid::Uuid::new_v4().to_string())
            .env("CONVENE_MAIL_DIR", data.join("mail"))
            .env("CONVENE_RATE_LIMITS", "off")
            .env("CONVENE_METRICS_TOKEN", METRICS_TOKEN)
            .env("CONVENE_SQL_COUNT_HEADER", "1")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| {
                format!(
                    "start {} (run `make bench`, which builds it)",
                    s.convene_bin
                )
            })?,
    );
    wait_ready(&format!("{base}/ready"), &mut process).await?;
    let url = format!("{base}/graphql");
    let signed = load::check(&Target {
        url: url.clone(),
        token: None,
        body: json!({"query": "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { accessToken } }",
            "variables": {"e": ADMIN_EMAIL, "p": ADMIN_PASSWORD}}),
    })
    .await?;
    let token = signed["data"]["signIn"]["accessToken"]
        .as_str()
        .ok_or_else(|| anyhow!("no access token"))?
        .to_string();
    // The generated entities' global IDs, as the API spells them.
    let ids = load::check(&Target {
        url: url.clone(),
        token: Some(token.clone()),
        body: json!({"query": "{ communities(first: 1) { totalCount nodes { id } } calls(first: 10) { nodes { id } } }"}),
    })
    .await?;
    let community = ids["data"]["communities"]["nodes"][0]["id"].clone();
    let call = ids["data"]["calls"]["nodes"][0]["id"].clone();
    let listed = ids["data"]["communities"]["totalCount"]
        .as_u64()
        .unwrap_or(0) as usize;
    if community.is_null() || call.is_null() || listed != network.community_ids.len() {
        bail!("the generated network is not what the API shows: {ids}");
    }
    // an ordinary member: a new account at a generated organisation, in no community yet
    let orgs = load::check(&Target {
        url: url.clone(),
        token: None,
        body: json!({"query": "{ organisations(first: 1) { nodes { id } } }"}),
    })
    .await?;
    let registered = load::check(&Target {
        url: url.clone(),
        token: None,
        body: json!({"query": "mutation($i: RegisterInput!) { register(input: $i) { accessToken } }",
            "variables": {"i": {"email": "bench.member@example.nhs.uk", "name": "Bench Member",
                "password": "a-bench-password-long-enough", "organisationId": orgs["data"]["organisations"]["nodes"][0]["id"]}}}),
    })
    .await?;
    let member = registered["data"]["register"]["accessToken"]
        .as_str()
        .ok_or_else(|| anyhow!("no access token for the member"))?
        .to_string();
    let cases: [(&str, &str, Value, Option<&String>); 8] = [
        ("typename", "`{ __typename }` (the floor), anonymous", json!({"query": "{ __typename }"}), None),
        ("typename-signed-in", "`{ __typename }` signed in (the viewer's one statement)", json!({"query": "{ __typename }"}), Some(&member)),
        ("directory", "directory: 100 communities with domain, member count and first 10 members (person, organisation), as the programme team", json!({"query": DIRECTORY}), Some(&token)),
        ("directory-member", "directory: 100 communities with domain, member count, conveners and the viewer's role and request, as an ordinary member", json!({"query": PUBLIC_DIRECTORY}), Some(&member)),
        ("directory-anonymous", "the same directory, anonymously", json!({"query": PUBLIC_DIRECTORY}), None),
        ("community", "a community page: members, start-up steps, practices, meetings", json!({"query": COMMUNITY, "variables": {"id": community}}), Some(&token)),
        ("ranking", "the panel's ranking of one call (a quarter of the applications)", json!({"query": RANKING, "variables": {"id": call}}), Some(&token)),
        ("library", "library search, first 20 (\"handover\")", json!({"query": LIBRARY, "variables": {"q": "handover"}}), None),
    ];
    let http = reqwest::Client::new();
    let before = statements_total(&http, &base).await?;
    let pid = process.0.id();
    let mut out = Vec::new();
    for (name, what, body, token) in cases {
        let t = Target {
            url: url.clone(),
            token: token.cloned(),
            body,
        };
        let solo = load::run(&t, 1, (s.seconds / 3).max(1)).await?;
        let cpu_before = cpu_ms(pid)?;
        let measured = load::run(&t, s.clients, s.seconds).await?;
        let cpu = (cpu_ms(pid)? - cpu_before) / measured.requests as f64;
        let (fewest, most) = measured
            .statements
            .ok_or_else(|| anyhow!("the server sent no x-convene-sql-statements header"))?;
        println!(
            "  {name}: {fewest}–{most} statements, {:.0} req/s, p50 {:.2} ms, alone p50 {:.2} ms, {cpu:.2} CPU ms/request",
            measured.throughput, measured.p50_ms, solo.p50_ms
        );
        out.push(Scenario {
            name,
            what,
            measured,
            solo,
            cpu_ms: cpu,
        });
    }
    if statements_total(&http, &base).await? <= before {
        bail!("/metrics did not count the run's statements");
    }
    // the directory's answer, for the peer to be compared with
    let directory = load::check(&Target {
        url: url.clone(),
        token: Some(token.clone()),
        body: json!({"query": DIRECTORY}),
    })
    .await?;
    let _ = std::fs::remove_dir_all(&data);
    Ok((out, directory))
}
