//! E-mail through a real SMTP server on loopback (Python's aiosmtpd, started by the test): the
//! server requires STARTTLS and a login, as a relay in production would; the credentials and
//! the TLS mode come from `CONVENE_SMTP_URL`. Its certificate is self-signed, so the test sets
//! `CONVENE_SMTP_ACCEPT_INVALID_CERTS=1` (a test-only switch, refused in production).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use convene_blackbox::*;
use convene_store::sea_orm::EntityTrait;
use serde_json::{json, Value};
use tokio::io::AsyncBufReadExt;

struct Smtp {
    port: u16,
    out: PathBuf,
    _child: tokio::process::Child,
}

/// Make sure aiosmtpd is importable (installing it from PyPI if not).
fn ensure_aiosmtpd() {
    let has = |_: ()| {
        std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    if has(()) {
        return;
    }
    let installed = std::process::Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
        .status()
        .expect("python3 runs");
    assert!(installed.success() && has(()), "could not install aiosmtpd");
}

async fn smtp_server(user: &str, password: &str) -> Smtp {
    ensure_aiosmtpd();
    let dir = std::env::temp_dir().join(format!("convene-smtp-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(made.success(), "a self-signed certificate");
    let out = dir.join("out");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("smtp/server.py");
    let mut child = tokio::process::Command::new("python3")
        .arg(script)
        .arg(&out)
        .arg(&cert)
        .arg(&key)
        .arg(user)
        .arg(password)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the SMTP server starts");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let port = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("the SMTP server says its port")
        .unwrap()
        .expect("a port")
        .trim()
        .parse()
        .unwrap();
    Smtp {
        port,
        out,
        _child: child,
    }
}

/// Register someone and prove the address with the link that arrived over SMTP.
async fn verified(app: &TestApp, smtp: &Smtp, email: &str, org: &str) -> String {
    let (token, _) = app.register_unverified(email, org).await;
    let mail = smtp.wait_for(email, "Confirm your email").await.to_string();
    app.verify_email(&token_after(&mail, "/verify-email?token="))
        .await;
    token
}

impl Smtp {
    fn received(&self) -> Vec<Value> {
        let Ok(dir) = std::fs::read_dir(&self.out) else {
            return Vec::new();
        };
        dir.filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .filter_map(|s| serde_json::from_str(&s).ok())
            .collect()
    }

    async fn wait_for(&self, to: &str, subject_has: &str) -> Value {
        for _ in 0..300 {
            if let Some(m) = self.received().into_iter().find(|m| {
                m["rcptTos"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|x| x == to))
                    && m["subject"]
                        .as_str()
                        .is_some_and(|s| s.contains(subject_has))
            }) {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} about {subject_has:?}: {:#?}",
            self.received()
        );
    }
}

async fn spawn_with_smtp(url: String) -> TestApp {
    spawn_with(move |v| {
        v.remove("CONVENE_MAIL_DIR");
        v.insert("CONVENE_SMTP_URL".into(), url);
        v.insert("CONVENE_SMTP_ACCEPT_INVALID_CERTS".into(), "1".into());
        v.insert("CONVENE_OUTBOX_BACKOFF_MS".into(), "50".into());
    })
    .await
}

#[tokio::test]
async fn a_meeting_invitation_arrives_over_starttls_with_its_text_html_and_calendar() {
    let smtp = smtp_server("convene", "s3cret!").await;
    // the password is percent-encoded in the URL, as lettre expects
    let app = spawn_with_smtp(format!(
        "smtp://convene:s3cret%21@127.0.0.1:{}?tls=required",
        smtp.port
    ))
    .await;
    let w = world(&app).await;
    let ada = verified(&app, &smtp, "ada@example.nhs.uk", &w.nhs_org).await;
    let bob = verified(&app, &smtp, "bob@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(Some(&ada), "mutation($d: ID!) { createCommunity(input: { name: \"Deteriorating patient peers\", domainId: $d, membershipMode: OPEN }) { community { id } } }", json!({ "d": w.domain }))
        .await;
    let c = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    ok(&app
        .gql(
            Some(&bob),
            "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }",
            json!({ "c": c }),
        )
        .await);
    ok(&app
        .gql(
            Some(&ada),
            "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }",
            json!({ "i": { "communityId": c, "startsAt": "2027-06-03T14:00", "durationMinutes": 90, "mode": "VIDEO", "joiningDetails": "https://video.example.nhs.uk/j/4321", "agenda": "Welcome; our domain in a sentence" } }),
        )
        .await);
    let m = smtp.wait_for("bob@example.nhs.uk", "meeting on").await;
    assert_eq!(m["tls"], true, "STARTTLS before anything was sent");
    assert_eq!(
        m["login"], "convene",
        "authenticated with the URL's credentials"
    );
    let kinds: Vec<&str> = m["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["contentType"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["text/plain", "text/html", "text/calendar"], "{m:#}");
    let part = |k: &str| {
        m["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["contentType"] == k)
            .unwrap()
            .clone()
    };
    assert!(part("text/plain")["text"]
        .as_str()
        .unwrap()
        .contains("Deteriorating patient peers"));
    assert!(part("text/html")["text"].as_str().unwrap().contains("<"));
    let cal = part("text/calendar");
    assert_eq!(cal["params"]["method"], "REQUEST");
    let ics = cal["text"].as_str().unwrap();
    assert!(
        ics.contains("BEGIN:VCALENDAR") && ics.contains("BEGIN:VEVENT"),
        "{ics}"
    );
    // the Message-ID is the outbox row's, and that row is delivered
    let mid = m["messageId"].as_str().unwrap();
    let uuid: uuid::Uuid = mid
        .trim_matches(['<', '>'])
        .strip_suffix("@convene")
        .expect("<uuid@convene>")
        .parse()
        .unwrap();
    let row = convene_store::repo::outbox::get(&app.state.db, uuid)
        .await
        .unwrap()
        .expect("the outbox row");
    assert_eq!(row.kind, "email");
    for _ in 0..100 {
        if convene_store::repo::outbox::get(&app.state.db, uuid)
            .await
            .unwrap()
            .unwrap()
            .status
            == "DELIVERED"
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the outbox row was never marked delivered");
}

#[tokio::test]
async fn a_wrong_password_is_retried_not_lost() {
    let smtp = smtp_server("convene", "right").await;
    let app = spawn_with_smtp(format!(
        "smtp://convene:wrong@127.0.0.1:{}?tls=required",
        smtp.port
    ))
    .await;
    let w = world(&app).await;
    // the mail cannot leave (that is the point), so the address is proven in the store
    let (ada, _) = app
        .register_unverified("ada@example.nhs.uk", &w.nhs_org)
        .await;
    app.mark_verified("ada@example.nhs.uk").await;
    let a = app.start_application(&ada, &w.call, &w.domain).await;
    ok(&app.submit(&ada, &a).await);
    // the mail stays in the outbox with its error, attempt after attempt
    let mut seen = None;
    for _ in 0..200 {
        let rows = convene_store::entities::outbox::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap();
        if let Some(r) = rows
            .into_iter()
            .find(|r| r.kind == "email" && r.attempts >= 2)
        {
            seen = Some(r);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let Some(row) = seen else {
        let rows = convene_store::entities::outbox::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap();
        panic!("the mail was not attempted twice: {rows:?}");
    };
    assert_eq!(row.status, "PENDING");
    assert!(
        row.last_error.unwrap().contains("535"),
        "the server's answer is kept"
    );
    assert!(smtp.received().is_empty(), "nothing was accepted");
}
