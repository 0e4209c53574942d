//! Databases for tests: a fresh SQLite file by default; with `TEST_POSTGRES_URL` set, a fresh
//! `CREATE DATABASE test_<uuid>` on that server, dropped again when the guard goes.

use sea_orm::{ConnectionTrait, Database};

pub struct TestDatabase {
    pub url: String,
    cleanup: Option<Cleanup>,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

/// Which database kind `fresh()` makes: `postgres` when `TEST_POSTGRES_URL` is set.
pub fn kind() -> &'static str {
    if std::env::var("TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty()) {
        "postgres"
    } else {
        "sqlite"
    }
}

pub async fn fresh() -> TestDatabase {
    match std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(admin) => {
            let name = format!("test_{}", uuid::Uuid::new_v4().simple());
            let db = Database::connect(admin.as_str())
                .await
                .expect("TEST_POSTGRES_URL is reachable");
            db.execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create the test database");
            db.close().await.ok();
            let base = match admin.rfind('/') {
                Some(i) if admin[..i].contains("://") && i > admin.find("://").unwrap() + 2 => {
                    admin[..i].to_string()
                }
                _ => admin.clone(),
            };
            let query = admin
                .find('?')
                .map(|i| admin[i..].to_string())
                .unwrap_or_default();
            TestDatabase {
                url: format!("{base}/{name}{query}"),
                cleanup: Some(Cleanup::Postgres {
                    admin_url: admin,
                    name,
                }),
            }
        }
        None => {
            let path = std::env::temp_dir()
                .join(format!("convene-test-{}.db", uuid::Uuid::new_v4().simple()));
            TestDatabase {
                url: format!("sqlite://{}?mode=rwc", path.display()),
                cleanup: Some(Cleanup::File(path)),
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self.cleanup.take() {
            Some(Cleanup::File(p)) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
                }
            }
            Some(Cleanup::Postgres { admin_url, name }) => {
                // Drop from a thread of its own: this may run inside an async runtime.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime");
                    rt.block_on(async move {
                        if let Ok(db) = Database::connect(admin_url.as_str()).await {
                            let _ = db
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                ))
                                .await;
                            let _ = db.close().await;
                        }
                    });
                })
                .join();
            }
            None => {}
        }
    }
}
