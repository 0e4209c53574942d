//! `convene` processes for the tests that need a real one: replicas beside the in-process
//! server, a process to kill (-9 or SIGTERM) and restart, and `convene backup`. The binary is
//! the one `cargo build -p convene-server` makes (`make test` builds it first).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The `convene` binary beside this test binary.
pub fn convene_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|dir| dir.join("convene"))
        .unwrap();
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build -p convene-server` (make test does)",
        bin.display()
    );
    bin
}

/// A `convene` command with the test settings and a clean environment.
pub fn convene_command(database_url: &str) -> Command {
    let mut cmd = Command::new(convene_bin());
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONVENE_DATABASE_URL", database_url)
        .env(
            "CONVENE_JWT_SECRET",
            "a-test-secret-that-is-long-enough-for-hs256",
        )
        .env("CONVENE_RATE_LIMITS", "off");
    cmd
}

/// A `convene serve` process on a given database, killed when dropped.
pub struct Serve {
    child: Child,
    pub base: String,
    pub mail_dir: PathBuf,
    root: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

impl Serve {
    pub async fn start(database_url: &str) -> Serve {
        Serve::start_with(database_url, &[]).await
    }

    /// Start with extra settings.
    pub async fn start_with(database_url: &str, extra: &[(&str, &str)]) -> Serve {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let root =
            std::env::temp_dir().join(format!("convene-proc-{}", uuid::Uuid::new_v4().simple()));
        let mail_dir = root.join("mail");
        let mut cmd = convene_command(database_url);
        cmd.arg("serve")
            .env("CONVENE_LISTEN", format!("127.0.0.1:{port}"))
            .env("CONVENE_MAIL_DIR", &mail_dir)
            .env("CONVENE_DATA_DIR", root.join("data"))
            .env("CONVENE_STATIC_DIR", root.join("no-spa"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("convene serve starts");
        // from here the process is killed on drop, even if it never becomes ready
        let serve = Serve {
            child,
            base: format!("http://127.0.0.1:{port}"),
            mail_dir,
            root,
        };
        let http = reqwest::Client::new();
        for _ in 0..200 {
            if let Ok(r) = http.get(format!("{}/ready", serve.base)).send().await {
                if r.status().is_success() {
                    return serve;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("convene serve did not become ready at {}", serve.base);
    }

    pub async fn gql(&self, token: &str, query: &str, variables: Value) -> Value {
        crate::gql_at(
            &reqwest::Client::new(),
            &self.base,
            Some(token),
            query,
            variables,
        )
        .await
    }

    pub fn mails(&self) -> Vec<String> {
        mails_in(&self.mail_dir)
    }

    /// `kill -9`: no chance to finish anything.
    pub fn kill_hard(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().unwrap();
    }

    /// Send SIGTERM (by the `kill` command).
    pub fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "SIGTERM could not be sent");
    }

    /// Wait up to `limit` for the process to end.
    pub async fn exited_within(&mut self, limit: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        None
    }
}

pub fn mails_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}
