//! The partner developers' guide (docs/partners.md) cannot go stale: its examples are the files
//! under docs/partners/, the guide quotes them word for word, and this test runs them against a
//! real server with `curl`, `python3` and `node` (the TypeScript compiled, and type-checked,
//! by the SPA's own `tsc`).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use convene_blackbox::*;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

use crate::oidc::free_port;

const CREATE_CLIENT: &str = "mutation($i: CreateServiceClientInput!) { createServiceClient(input: $i) { client { clientId } clientSecret } }";
const SUBSCRIBE: &str = "mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } secret } }";
const SEND_TEST: &str = "mutation($s: ID!) { sendTestWebhook(input: { subscriptionId: $s }) { delivery { webhookId } } }";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn examples() -> PathBuf {
    root().join("docs/partners")
}

/// Every example the guide quotes, as `<!-- example: file -->` then a fenced block: the block
/// must be the file, word for word.
#[test]
fn the_guide_quotes_its_examples_as_they_are() {
    let guide = std::fs::read_to_string(root().join("docs/partners.md")).unwrap();
    let mut quoted = Vec::new();
    for part in guide.split("<!-- example: ").skip(1) {
        let (name, rest) = part.split_once(" -->").unwrap();
        let block = rest.trim_start().splitn(2, '\n').nth(1).unwrap();
        let end = block.find("\n```\n").expect("a closed block");
        let file = std::fs::read_to_string(examples().join(name)).unwrap();
        assert_eq!(
            &block[..=end],
            file,
            "docs/partners.md quotes {name} differently"
        );
        quoted.push(name.to_string());
    }
    quoted.sort();
    let mut files: Vec<String> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(quoted, files, "every example is in the guide, once");
}

/// Run an example to its end, with the server's address and the client's credentials.
async fn run(cmd: &mut Command, app: &TestApp, client: &(String, String)) -> String {
    let out = cmd
        .env("CONVENE_URL", &app.base)
        .env("CONVENE_CLIENT_ID", &client.0)
        .env("CONVENE_CLIENT_SECRET", &client.1)
        .env("PAGE_SIZE", "2")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .await
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The TypeScript examples compiled (strict, with Node's types) into a folder of ES modules;
/// `None` outside CI when the SPA's packages cannot be installed here.
async fn compile_typescript() -> Option<PathBuf> {
    let tsc = root().join("frontend/node_modules/.bin/tsc");
    if !tsc.exists() {
        let deps = Command::new(root().join("scripts/frontend-deps.sh"))
            .status()
            .await;
        if !deps.as_ref().is_ok_and(|s| s.success()) {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(!ci, "CI requires the SPA's packages (tsc): {deps:?}");
            eprintln!("skipping the TypeScript examples: no tsc ({deps:?})");
            return None;
        }
    }
    let out = std::env::temp_dir().join(format!("convene-partner-guide-{}", uuid::Uuid::new_v4()));
    let types = root().join("frontend/node_modules/@types");
    let status = Command::new(tsc)
        .args(["--strict", "--target", "es2022", "--module", "es2022"])
        .args([
            "--moduleResolution",
            "bundler",
            "--types",
            "node",
            "--skipLibCheck",
        ])
        .arg("--typeRoots")
        .arg(types)
        .arg("--outDir")
        .arg(&out)
        .arg(examples().join("client.ts"))
        .arg(examples().join("webhook-receiver.ts"))
        .status()
        .await
        .unwrap();
    assert!(status.success(), "the TypeScript examples do not compile");
    std::fs::write(out.join("package.json"), r#"{"type":"module"}"#).unwrap();
    Some(out)
}

/// A programme team, three open calls, and a service client reading calls: (admin, client).
async fn partner(app: &TestApp) -> (String, (String, String)) {
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Northshire NHS Trust", "NHS_TRUST", true)
        .await;
    for _ in 0..3 {
        app.create_open_call(&admin).await;
    }
    let v = app
        .gql(
            Some(&admin),
            CREATE_CLIENT,
            json!({ "i": { "name": "Northshire intranet", "organisationId": org, "scopes": ["read:calls"] } }),
        )
        .await;
    let c = &ok(&v)["createServiceClient"];
    let client = (
        as_string(&c["client"]["clientId"]),
        as_string(&c["clientSecret"]),
    );
    (admin, client)
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// The calls a client printed, in order.
fn calls_in(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| l["call"].as_str().map(str::to_string))
        .collect()
}

/// What the Python and TypeScript clients print: each call (every page followed), the number
/// of pages, and the error a too-large page gets.
fn check_client_output(lines: &[Value], calls: &[String]) {
    assert_eq!(calls_in(lines), calls, "{lines:?}");
    assert!(lines.contains(&json!({ "pages": 2 })), "{lines:?}");
    assert_eq!(
        lines.last(),
        Some(&json!({ "error": "VALIDATION", "fields": ["first"] }))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_examples_run_against_a_server() {
    let app = spawn_app().await;
    let (_, client) = partner(&app).await;
    // curl: the token, then the first page
    let out = run(
        Command::new("sh").arg(examples().join("token-and-calls.sh")),
        &app,
        &client,
    )
    .await;
    let page: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(page["totalCount"], 3, "{page}");
    assert_eq!(page["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    // Python: every page
    let py = json_lines(
        &run(
            Command::new("python3").arg(examples().join("client.py")),
            &app,
            &client,
        )
        .await,
    );
    let calls = calls_in(&py);
    assert_eq!(calls.len(), 3);
    let first_page: Vec<String> = page["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| as_string(&n["id"]))
        .collect();
    assert_eq!(
        calls[..2],
        first_page[..],
        "curl and Python read the same first page"
    );
    check_client_output(&py, &calls);
    // TypeScript: the same
    if let Some(dir) = compile_typescript().await {
        let ts = run(
            Command::new("node").arg(dir.join("client.js")),
            &app,
            &client,
        )
        .await;
        check_client_output(&json_lines(&ts), &calls);
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// A receiver example started on a free port with the subscription's secret.
struct Receiver {
    child: Child,
    lines: Lines<BufReader<ChildStdout>>,
    url: String,
}

impl Receiver {
    async fn start(mut cmd: Command, port: u16, secret: &str) -> Receiver {
        let mut child = cmd
            .env("PORT", port.to_string())
            .env("WEBHOOK_SECRET", secret)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next_line().await.unwrap().unwrap_or_default();
        assert_eq!(first, format!("listening {port}"));
        Receiver {
            child,
            lines,
            url: format!("http://127.0.0.1:{port}/hooks"),
        }
    }

    async fn next(&mut self) -> String {
        tokio::time::timeout(Duration::from_secs(15), self.lines.next_line())
            .await
            .expect("the receiver said nothing for 15 s")
            .unwrap()
            .unwrap_or_default()
    }
}

/// Subscribe a receiver example, send it the test event, and see that it verifies the real
/// signature and refuses a forged one.
async fn check_receiver(app: &TestApp, admin: &str, cmd: impl Fn() -> Command) {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/hooks");
    let v = app
        .gql(
            Some(admin),
            SUBSCRIBE,
            json!({ "i": { "url": url, "events": ["webhook.test"] } }),
        )
        .await;
    let s = &ok(&v)["createWebhookSubscription"];
    let (id, secret) = (as_string(&s["subscription"]["id"]), as_string(&s["secret"]));
    let mut r = Receiver::start(cmd(), port, &secret).await;
    let v = app.gql(Some(admin), SEND_TEST, json!({ "s": id })).await;
    let webhook_id = as_string(&ok(&v)["sendTestWebhook"]["delivery"]["webhookId"]);
    assert_eq!(
        r.next().await,
        format!("verified webhook.test {webhook_id}")
    );
    // a forged request (signed with another secret) is refused
    let now = chrono::Utc::now().timestamp().to_string();
    let forged = app
        .http()
        .post(&r.url)
        .header("webhook-id", "msg_forged")
        .header("webhook-timestamp", now)
        .header(
            "webhook-signature",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        )
        .body(r#"{"type":"webhook.test","timestamp":"","data":{}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 401);
    assert_eq!(r.next().await, "rejected");
    let _ = r.child.kill().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_receivers_verify_real_signatures() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_OUTBOUND_ALLOW".into(), "127.0.0.1".into());
    })
    .await;
    let admin = app.admin().await;
    check_receiver(&app, &admin, || {
        let mut c = Command::new("python3");
        c.arg(examples().join("webhook_receiver.py"));
        c
    })
    .await;
    if let Some(dir) = compile_typescript().await {
        let js = dir.join("webhook-receiver.js");
        check_receiver(&app, &admin, || {
            let mut c = Command::new("node");
            c.arg(&js);
            c
        })
        .await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
