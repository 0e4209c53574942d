//! `GET /graphql/ws`: GraphQL over WebSocket (graphql-transport-ws, or the older graphql-ws),
//! held to the rules of `/graphql`.
//!
//! - The connection is authenticated by `connection_init`'s payload (`{"Authorization":
//!   "Bearer <accessToken>"}` or `{"accessToken": "<accessToken>"}`); without a valid token it
//!   is refused.
//! - Every operation (each `subscribe` message: a query, a mutation or a subscription) takes
//!   from the person's general rate-limit bucket, the one their HTTP requests take from; the
//!   mutations that check credentials also take from the per-address bucket of the socket's
//!   peer, found as for HTTP (`ratelimit::middleware`: the connection's address, and
//!   `X-Forwarded-For` only from `CONVENE_TRUSTED_PROXIES`).
//! - Before each operation the session is checked again as for an HTTP request
//!   (`http::current_viewer`, and the token's expiry); the operation gets its own viewer and
//!   DataLoaders, and a query or mutation the request timeout. Depth, complexity and the
//!   document limits are the schema's, as over HTTP.
//! - The socket is closed (code 4403, the reason as text) when its token expires; when the
//!   person's sessions end (`Hub::end_sessions`: a sign-out, a password reset or change, a
//!   deleted account; on PostgreSQL every replica hears of it by `NOTIFY`); when an operation
//!   finds the session ended; and otherwise within [`RECHECK_EVERY`], when the periodic check
//!   finds it ended (SQLite replicas hear nothing of each other).

use std::net::IpAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_graphql::futures_util::stream::{self, BoxStream, StreamExt};
use async_graphql::parser::types::OperationType;
use async_graphql::{Data, Executor, Request, Response};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::Response as HttpResponse;
use axum::Extension;
use convene_domain::identity::{token_time_left, SessionEnded};
use convene_domain::ErrorCode;
use futures_util::SinkExt;
use tokio::sync::Notify;

use crate::auth::jwt::PersonToken;
use crate::graphql::error::classify_unlabelled;
use crate::graphql::limits::{self, refusal};
use crate::graphql::loaders::Loaders;
use crate::graphql::schema::ConveneSchema;
use crate::http::{current_viewer, timed_out_message, Http, NotServed};
use crate::ratelimit::{limited_error, ClientAddr, GENERAL};
use crate::state::{AppState, RequestCtx};

/// How often an open socket checks that its session still holds (for the changes this replica
/// does not hear of).
pub const RECHECK_EVERY: Duration = Duration::from_secs(30);
/// The close code of a socket whose session ended (graphql-ws's "Forbidden": its client may
/// connect again with a fresh token).
pub const CLOSE_SESSION_ENDED: u16 = 4403;

pub async fn graphql_ws(
    State(http): State<Http>,
    Extension(addr): Extension<ClientAddr>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> HttpResponse {
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |ws| serve(http, addr.0, user_agent, protocol, ws))
}

/// One socket: who opened it (once `connection_init` is accepted) and how it ends.
struct Socket {
    state: AppState,
    schema: ConveneSchema,
    addr: Option<IpAddr>,
    user_agent: Option<String>,
    /// The person, for `Hub::sessions_ended` (set with `token`).
    whose: Arc<OnceLock<uuid::Uuid>>,
    token: OnceLock<PersonToken>,
    signed_in: Notify,
    /// Why an operation found the session ended (then `ended` is woken).
    why: OnceLock<SessionEnded>,
    ended: Notify,
}

async fn serve(
    http: Http,
    addr: Option<IpAddr>,
    user_agent: Option<String>,
    protocol: GraphQLProtocol,
    ws: WebSocket,
) {
    let whose = Arc::new(OnceLock::new());
    // listening from the start, so that no ending is missed while the socket signs in
    let hub_ended = Box::pin(http.state.hub.sessions_ended(whose.clone()));
    let socket = Arc::new(Socket {
        state: http.state,
        schema: http.schema,
        addr,
        user_agent,
        whose,
        token: OnceLock::new(),
        signed_in: Notify::new(),
        why: OnceLock::new(),
        ended: Notify::new(),
    });
    let (mut sink, stream) = futures_util::StreamExt::split(ws);
    let init = socket.clone();
    let graphql =
        GraphQLWebSocket::new_with_pair(&mut sink, stream, Operations(socket.clone()), protocol)
            .on_connection_init(move |payload| async move { init.sign_in(payload).await });
    let ended = tokio::select! {
        () = graphql.serve() => None,
        why = socket.until_ended(hub_ended) => Some(why),
    };
    if let Some(why) = ended {
        let frame = CloseFrame {
            code: CLOSE_SESSION_ENDED,
            reason: why.message().into(),
        };
        let _ = sink.send(Message::Close(Some(frame))).await;
    }
}

impl Socket {
    /// `connection_init`: the token must verify and its person be served as over HTTP.
    async fn sign_in(&self, payload: serde_json::Value) -> async_graphql::Result<Data> {
        let token = ["Authorization", "authorization", "accessToken", "token"]
            .iter()
            .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
            .map(|t| t.trim_start_matches("Bearer ").trim().to_string())
            .ok_or_else(|| {
                async_graphql::Error::new(
                    "Send your access token in connection_init: {\"Authorization\": \"Bearer <accessToken>\"}",
                )
            })?;
        let token = self
            .state
            .keys
            .verify(&token)
            .map_err(async_graphql::Error::new)?;
        self.current(token)
            .await
            .map_err(|e| async_graphql::Error::new(not_served_message(&e)))?;
        let _ = self.whose.set(token.id);
        let _ = self.token.set(token);
        self.signed_in.notify_one();
        Ok(Data::default())
    }

    /// The token's person as they are now, if the token still holds.
    async fn current(
        &self,
        token: PersonToken,
    ) -> Result<convene_domain::access::Viewer, NotServed> {
        token_time_left(token.expires_at, chrono::Utc::now()).map_err(NotServed::Ended)?;
        current_viewer(&self.state, token).await
    }

    /// An operation found the session ended: close the socket.
    fn end(&self, why: SessionEnded) {
        let _ = self.why.set(why);
        self.ended.notify_one();
    }

    /// Resolves with the reason when the socket's session ends (never before it signs in).
    async fn until_ended(
        &self,
        hub_ended: std::pin::Pin<Box<impl std::future::Future<Output = ()>>>,
    ) -> SessionEnded {
        let mut hub_ended = hub_ended;
        self.signed_in.notified().await;
        let Some(token) = self.token.get().copied() else {
            return SessionEnded::SignedOut;
        };
        let left = match token_time_left(token.expires_at, chrono::Utc::now()) {
            Ok(left) => left,
            Err(why) => return why,
        };
        let expiry = tokio::time::sleep(left);
        tokio::pin!(expiry);
        let start = tokio::time::Instant::now() + RECHECK_EVERY;
        let mut recheck = tokio::time::interval_at(start, RECHECK_EVERY);
        loop {
            tokio::select! {
                () = &mut hub_ended => return SessionEnded::SignedOut,
                () = &mut expiry => return SessionEnded::Expired,
                () = self.ended.notified() => {
                    return self.why.get().copied().unwrap_or(SessionEnded::SignedOut)
                }
                _ = recheck.tick() => {
                    if let Err(NotServed::Ended(why)) = current_viewer(&self.state, token).await {
                        return why;
                    }
                }
            }
        }
    }

    /// One operation, checked and run as an HTTP request would be.
    async fn run(&self, mut request: Request) -> BoxStream<'static, Response> {
        let Some(token) = self.token.get().copied() else {
            return refused(
                ErrorCode::Unauthenticated,
                "Send connection_init with your access token first".into(),
            );
        };
        let bucket = format!("person:{}", token.id);
        if let Err(wait) = self.state.limiter.check(&bucket, GENERAL).await {
            return one(Response::from_errors(vec![limited_error(wait, None)]));
        }
        let viewer = match self.current(token).await {
            Ok(v) => v,
            Err(e) => {
                if let NotServed::Ended(why) = e {
                    self.end(why);
                }
                let code = match e {
                    NotServed::Ended(_) => ErrorCode::Unauthenticated,
                    NotServed::Store(_) => ErrorCode::Internal,
                };
                return refused(code, not_served_message(&e).into());
            }
        };
        let kind = limits::inspect(&mut request).kind;
        let caller = limits::Caller {
            signed_in: true,
            addr: self.addr,
        };
        if let Err(e) = limits::admit(&self.state, &caller, &mut request).await {
            return one(Response::from_errors(vec![e]));
        }
        let subscription = kind == Some(OperationType::Subscription);
        // a query's loaders remember what they loaded; a mutation's answer and a subscription's
        // every event read afresh
        let loaders = if kind == Some(OperationType::Query) {
            Loaders::new(&self.state)
        } else {
            Loaders::uncached(&self.state)
        };
        let request = request
            .data(RequestCtx {
                viewer: Some(viewer),
                partner: None,
                addr: self.addr,
                session: token.session,
                user_agent: self.user_agent.clone(),
            })
            .data(loaders);
        if subscription {
            return self
                .schema
                .execute_stream(request)
                .map(|mut r| {
                    classify_unlabelled(&mut r.errors);
                    r
                })
                .boxed();
        }
        let limit = self.state.config.request_timeout;
        match tokio::time::timeout(limit, self.schema.execute(request)).await {
            Ok(mut r) => {
                classify_unlabelled(&mut r.errors);
                one(r)
            }
            Err(_) => refused(ErrorCode::QueryTooComplex, timed_out_message(limit)),
        }
    }
}

fn not_served_message(e: &NotServed) -> &'static str {
    match e {
        NotServed::Ended(why) => why.message(),
        NotServed::Store(e) => {
            tracing::error!(error = %e, "reading the viewer of a socket");
            "The database is not available: try again"
        }
    }
}

fn one(r: Response) -> BoxStream<'static, Response> {
    stream::once(async move { r }).boxed()
}

fn refused(code: ErrorCode, message: String) -> BoxStream<'static, Response> {
    one(Response::from_errors(vec![refusal(code, message)]))
}

/// The socket's operations, for async-graphql's WebSocket protocol handler.
#[derive(Clone)]
struct Operations(Arc<Socket>);

impl Executor for Operations {
    async fn execute(&self, request: Request) -> Response {
        let mut responses = self.0.run(request).await;
        responses.next().await.unwrap_or_default()
    }

    fn execute_stream(
        &self,
        request: Request,
        _connection: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let socket = self.0.clone();
        stream::once(async move { socket.run(request).await })
            .flatten()
            .boxed()
    }
}
