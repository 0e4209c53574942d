//! What the whole process shares: the database, the settings, the keys, and the signals
//! that wake the outbox worker and the notification hub.

use std::sync::Arc;

use convene_domain::access::Viewer;
use convene_store::sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub keys: JwtKeys,
    /// Woken after a transaction that wrote to the outbox commits.
    pub outbox_wake: Arc<Notify>,
    /// Request latencies by operation (the rest of `/metrics` is read when asked for).
    pub metrics: Arc<crate::metrics::Metrics>,
    pub limiter: Arc<crate::ratelimit::Limiter>,
    pub hub: crate::notify::Hub,
    /// Calls' selections computed here, kept while the data version stands.
    pub selections: Arc<crate::services::selection::SelectionCache>,
    /// The OpenID Provider for single sign-on, when configured.
    pub oidc: Option<Arc<crate::auth::oidc::Provider>>,
}

/// Per request: who is asking.
pub struct RequestCtx {
    pub viewer: Option<Viewer>,
    /// A partner system's client, when the token is one (then `viewer` is `None`).
    pub partner: Option<Partner>,
    /// The address the request came from (for per-address limits).
    pub addr: Option<std::net::IpAddr>,
    /// The viewer's session (refresh-token family), from the access token.
    pub session: Option<uuid::Uuid>,
    /// The client's User-Agent, kept with a new session for the sessions page.
    pub user_agent: Option<String>,
}

/// A partner system reading through a service client's token.
#[derive(Debug, Clone)]
pub struct Partner {
    pub client: uuid::Uuid,
    pub scopes: Vec<convene_domain::partner::Scope>,
}
