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
use convene_store::begin_write;
use convene_store::repo::{organisations, people};
use convene_store::sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::jwt::JwtKeys;
use crate::auth::password;
use crate::config::Config;
use crate::graphql::schema;
use crate::http::{self, Http};
use crate::state::AppState;

pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

pub struct App {
    pub addr: SocketAddr,
    pub state: AppState,
    listener: TcpListener,
    router: Router,
}

/// Connect and migrate; refuse a database newer than this binary.
pub async fn open_database(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let db = convene_store::connect(&config.database_url, config.db_pool)
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
    let db = open_database(&config).await?;
    bootstrap_admin(&db, &config).await?;
    if config.demo {
        if let Some(info) = crate::demo::seed_if_empty(&db, Utc::now()).await? {
            println!("{info}");
        }
    }
    let limiter = crate::ratelimit::Limiter::start(&config).await?;
    let oidc = sso_provider(&config)?;
    let state = AppState {
        db,
        oidc,
        keys: JwtKeys::new(&config.jwt_secret).with_ttl(config.access_token_ttl),
        config: Arc::new(config),
        outbox_wake: Arc::new(Notify::new()),
        metrics: Arc::default(),
        limiter,
        hub: crate::notify::Hub::default(),
        selections: Arc::default(),
    };
    if state.config.secret_key_is_development {
        tracing::warn!(
            "CONVENE_SECRET_KEY is not set: secrets at rest are sealed with the public development key (set it before real data goes in; it is required with CONVENE_ENV=production)"
        );
    }
    crate::secrets::sweep(&state).await?;
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

/// The OpenID Provider when single sign-on is configured. Its discovery starts now, beside
/// everything else; a provider that is not up yet is tried again when first needed, and never
/// stops the server from starting.
fn sso_provider(config: &Config) -> anyhow::Result<Option<Arc<crate::auth::oidc::Provider>>> {
    let Some(oidc) = config.oidc.clone() else {
        return Ok(None);
    };
    let provider = Arc::new(crate::auth::oidc::Provider::new(oidc, &config.public_url)?);
    let early = provider.clone();
    tokio::spawn(async move {
        match early.discover().await {
            Ok(_) => {
                tracing::info!(issuer = %early.config.issuer, "single sign-on provider discovered")
            }
            Err(e) => {
                tracing::warn!(issuer = %early.config.issuer, error = %e.detail, "single sign-on provider not reachable yet; trying again when first used")
            }
        }
    });
    Ok(Some(provider))
}

pub fn router(state: AppState) -> Router {
    let http = Http {
        schema: schema::build(Some(state.clone())),
        partner_schema: schema::build_for_partners(state.clone()),
        state: state.clone(),
    };
    let graphql = Router::new()
        .route("/graphql", get(http::graphql_get).post(http::graphql_post))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::metrics::track,
        ))
        .route("/graphql/ws", get(crate::socket::graphql_ws))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::ratelimit::middleware,
        ))
        .with_state(http.clone());
    // single sign-on writes a row per start: each address takes from its general bucket
    let sso = Router::new()
        .route("/auth/oidc/start", get(crate::auth::oidc_routes::start))
        .route(
            "/auth/oidc/callback",
            get(crate::auth::oidc_routes::callback),
        )
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::ratelimit::middleware,
        ))
        .with_state(http.clone());
    let mut r = Router::new()
        .route("/health", get(http::health))
        .route("/ready", get(http::ready))
        .route("/metrics", get(crate::metrics::endpoint))
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
        .route(
            "/mail/unsubscribe",
            get(crate::unsubscribe::confirm).post(crate::unsubscribe::one_click),
        )
        .with_state(http)
        .merge(graphql)
        .merge(sso);
    if let Some(dir) = state
        .config
        .static_dir
        .clone()
        .filter(|d| d.join("index.html").exists())
    {
        r = r.fallback_service(crate::delivery::spa(&dir, state.config.serve_sourcemaps));
    } else {
        r = r.fallback(|| async {
            (
                axum::http::StatusCode::NOT_FOUND,
                axum::response::Html("<!doctype html><title>Convene</title><p>Convene's API is at <a href=\"/graphql\">/graphql</a>. Build the SPA (<code>make run</code>) to use the site here.</p>"),
            )
        });
    }
    // outermost last: the security headers reach every answer, a 413 or a 408 included
    r.layer(crate::delivery::compression())
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(axum::middleware::from_fn_with_state(
            crate::security::SecurityHeaders::new(&state.config),
            crate::security::middleware,
        ))
        .layer(TraceLayer::new_for_http())
}

/// How long requests in flight may take to finish once the process is told to stop; with the
/// outbox worker's last delivery after them, the process ends within ten seconds of SIGTERM.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(7);

impl App {
    /// Serve until the process is told to stop (SIGTERM or Ctrl-C), running the outbox worker,
    /// the clock and the notification hub beside.
    pub async fn run(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serve until `signal` completes. Then the listener closes, idle keep-alive connections
    /// are closed, requests in flight get [`SHUTDOWN_GRACE`] to finish, and the outbox worker
    /// finishes the delivery in hand and gives back the rest of its batch.
    pub async fn run_until(
        self,
        signal: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let worker = crate::outbox::spawn(self.state.clone(), stop_rx.clone());
        let clock = crate::jobs::spawn(self.state.clone());
        let hub = crate::notify::spawn(self.state.clone());
        tracing::info!(addr = %self.addr, "Convene is listening");
        let server = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            signal.await;
            tracing::info!("stopping: no new connections; finishing the requests in flight");
            let _ = stop_tx.send(true);
        });
        let mut stopping = stop_rx.clone();
        let deadline = async move {
            let _ = stopping.wait_for(|s| *s).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        };
        let result = tokio::select! {
            r = std::future::IntoFuture::into_future(server) => r.map_err(Into::into),
            _ = deadline => {
                tracing::warn!(grace = ?SHUTDOWN_GRACE, "requests still in flight at the end of the grace period: stopping without them");
                Ok(())
            }
        };
        clock.abort();
        hub.abort();
        let mut worker = worker;
        if tokio::time::timeout(Duration::from_secs(1), &mut worker)
            .await
            .is_err()
        {
            tracing::warn!(
                "the outbox worker did not finish its delivery in time; its claim runs out by itself"
            );
            worker.abort();
        }
        result
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

async fn shutdown_signal() {
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
                    verified: true,
                },
                now,
            )
            .await?
        }
    };
    if people::grant_role(&tx, person.id, Role::ProgrammeTeam, None, now).await? {
        // made by the system (no actor), from CONVENE_ADMIN_EMAIL
        convene_store::repo::audit::record(
            &tx,
            convene_store::repo::audit::Change {
                actor: None,
                entity_type: "Person",
                entity_id: person.id,
                action: "grant_role",
                before: Some(serde_json::json!([])),
                after: Some(serde_json::json!([Role::ProgrammeTeam.as_str()])),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    tracing::info!("first programme-team account created from CONVENE_ADMIN_EMAIL");
    Ok(())
}
