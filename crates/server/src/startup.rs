//! Build the application from its `Config`: database, migrations, first account, demo data,
//! the schema, the router, the outbox worker. Binds to the configured address (port 0 in tests).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use convene_domain::account::{Email, NewPassword, PersonName, Role};
use convene_domain::organisation::Sector;
use convene_store::repo::{organisations, people};
use convene_store::sea_orm::DatabaseConnection;
use convene_store::{begin_write, StatementCounter};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::jwt::JwtKeys;
use crate::auth::password;
use crate::config::Config;
use crate::graphql::context::AppState;
use crate::graphql::schema;
use crate::http::{self, Http};

pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

pub struct App {
    pub addr: SocketAddr,
    pub state: AppState,
    listener: TcpListener,
    router: Router,
}

/// Connect and migrate; refuse a database newer than this binary.
pub async fn open_database(
    config: &Config,
    counter: &StatementCounter,
) -> anyhow::Result<DatabaseConnection> {
    let db = convene_store::connect(&config.database_url, counter)
        .await
        .with_context(|| {
            format!(
                "connecting to {}",
                crate::config::redact_url(&config.database_url)
            )
        })?;
    let applied = convene_store::migrate(&db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    Ok(db)
}

pub async fn build(config: Config) -> anyhow::Result<App> {
    let counter = StatementCounter::default();
    let db = open_database(&config, &counter).await?;
    bootstrap_admin(&db, &config).await?;
    if config.demo {
        if let Some(info) = crate::demo::seed_if_empty(&db, Utc::now()).await? {
            println!("{info}");
        }
    }
    let state = AppState {
        db,
        keys: JwtKeys::new(&config.jwt_secret),
        config: Arc::new(config),
        outbox_wake: Arc::new(Notify::new()),
        statements: counter,
        limiter: Arc::default(),
        hub: crate::notify::Hub::default(),
    };
    let router = router(state.clone());
    let listener = TcpListener::bind(state.config.listen)
        .await
        .with_context(|| format!("binding {}", state.config.listen))?;
    let addr = listener.local_addr()?;
    Ok(App {
        addr,
        state,
        listener,
        router,
    })
}

pub fn router(state: AppState) -> Router {
    let http = Http {
        schema: schema::build(Some(state.clone())),
        state: state.clone(),
    };
    let graphql = Router::new()
        .route("/graphql", get(http::graphql_get).post(http::graphql_post))
        .route("/graphql/ws", get(http::graphql_ws))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::ratelimit::middleware,
        ))
        .with_state(http.clone());
    let mut r = Router::new()
        .route("/health", get(http::health))
        .route("/ready", get(http::ready))
        .route("/metrics", get(http::metrics))
        .route(
            "/calendar/communities/{file}",
            get(crate::calendar::community_feed),
        )
        .route(
            "/calendar/meetings/{file}",
            get(crate::calendar::meeting_file),
        )
        .route(
            "/exports/calls/{call}/honoraria.csv",
            get(crate::exports::honoraria_csv),
        )
        .route(
            "/exports/calls/{call}/applications.csv",
            get(crate::exports::applications_csv),
        )
        .route(
            "/exports/dashboard/{file}",
            get(crate::exports::dashboard_csv),
        )
        .route(
            "/exports/communities/{community}/members.csv",
            get(crate::exports::members_csv),
        )
        .with_state(http)
        .merge(graphql);
    if let Some(dir) = state
        .config
        .static_dir
        .clone()
        .filter(|d| d.join("index.html").exists())
    {
        let index = dir.join("index.html");
        r = r.fallback_service(ServeDir::new(dir).fallback(ServeFile::new(index)));
    } else {
        r = r.fallback(|| async {
            (
                axum::http::StatusCode::NOT_FOUND,
                axum::response::Html("<!doctype html><title>Convene</title><p>Convene's API is at <a href=\"/graphql\">/graphql</a>. Build the SPA (<code>make run</code>) to use the site here.</p>"),
            )
        });
    }
    r.layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http())
}

impl App {
    /// Serve until the process is told to stop, running the outbox worker beside.
    pub async fn run(self) -> anyhow::Result<()> {
        let worker = crate::outbox::spawn(self.state.clone());
        let clock = crate::jobs::spawn(self.state.clone());
        let hub = crate::notify::spawn(self.state.clone());
        tracing::info!(addr = %self.addr, "Convene is listening");
        let result = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown())
        .await;
        worker.abort();
        clock.abort();
        hub.abort();
        result.map_err(Into::into)
    }

    /// Serve in the background (tests).
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            if let Err(e) = self.run().await {
                tracing::error!(error = %e, "server stopped");
            }
        })
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// The first programme-team account, from `CONVENE_ADMIN_EMAIL` and `CONVENE_ADMIN_PASSWORD`,
/// when none exists yet. It works for the network itself.
pub async fn bootstrap_admin(db: &DatabaseConnection, config: &Config) -> anyhow::Result<()> {
    let (Some(email), Some(pw)) = (&config.admin_email, &config.admin_password) else {
        return Ok(());
    };
    if people::count_with_role(db, Role::ProgrammeTeam).await? > 0 {
        return Ok(());
    }
    let email = Email::parse("CONVENE_ADMIN_EMAIL", email)
        .map_err(|e| anyhow::anyhow!("CONVENE_ADMIN_EMAIL: {e}"))?;
    let pw = NewPassword::parse("CONVENE_ADMIN_PASSWORD", pw)
        .map_err(|e| anyhow::anyhow!("CONVENE_ADMIN_PASSWORD: {e}"))?;
    let hash = password::hash(pw.expose().to_string()).await?;
    let now = Utc::now();
    let tx = begin_write(db).await?;
    let person = match people::find_by_email(&tx, email.as_str()).await? {
        Some(p) => p,
        None => {
            let (orgs, _) = organisations::list(
                &tx,
                Some("Health Innovation Network"),
                convene_store::Page {
                    offset: 0,
                    limit: 1,
                },
            )
            .await?;
            let org = match orgs.into_iter().next() {
                Some(o) => o,
                None => {
                    organisations::create(
                        &tx,
                        "Health Innovation Network",
                        Sector::Network,
                        true,
                        None,
                        now,
                    )
                    .await?
                }
            };
            let name = PersonName::parse("name", "Programme team").expect("a valid name");
            people::create(
                &tx,
                people::NewPerson {
                    email: &email,
                    name: &name,
                    profession: None,
                    organisation_id: org.id,
                    password_hash: hash,
                },
                now,
            )
            .await?
        }
    };
    people::grant_role(&tx, person.id, Role::ProgrammeTeam, None, now).await?;
    tx.commit().await?;
    tracing::info!("first programme-team account created from CONVENE_ADMIN_EMAIL");
    Ok(())
}
