//! HTTP: `/graphql` (POST JSON; GET for queries only, and the explorer), `/health`, `/ready`,
//! `/metrics`, and the SPA. Mutations never run from a GET or a form or text post.

use async_graphql::{BatchRequest, BatchResponse, Request};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Json};
use convene_domain::access::Viewer;
use convene_store::repo::people;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::jwt::{PersonToken, Principal};
use crate::graphql::error::classify_unlabelled;
use crate::graphql::limits::{self, Operation};
use crate::graphql::loaders::Loaders;
use crate::graphql::schema::{ConveneSchema, MAX_BATCH};
use crate::ratelimit::ClientAddr;
use crate::state::{AppState, Partner, RequestCtx};
use convene_domain::ErrorCode;

#[derive(Clone)]
pub struct Http {
    pub state: AppState,
    pub schema: ConveneSchema,
    /// The same schema with the partner-scope check on every field, for partner systems' tokens
    /// only: people's requests do not pay for a hook on each field.
    pub partner_schema: ConveneSchema,
}

/// The database could not be reached while finding out who is asking: busy (no connection
/// free within the acquire timeout; try again) or down.
fn database_error(e: &convene_store::StoreError) -> Response {
    let busy = matches!(e, convene_store::StoreError::Db(d) if convene_store::metrics::is_pool_exhausted(d));
    if busy {
        return busy_response();
    }
    tracing::error!(error = %e, "reading the viewer");
    gql_error(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Internal,
        "The database is not available",
    )
}

fn busy_response() -> Response {
    let mut r = (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "errors": [{
            "message": crate::usecases::error::BUSY,
            "extensions": { "code": ErrorCode::Internal.as_str(), "retryAfter": 1 }
        }] })),
    )
        .into_response();
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from(1));
    r
}

fn gql_error(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    (
        status,
        Json(
            json!({ "errors": [{ "message": message, "extensions": { "code": code.as_str() } }] }),
        ),
    )
        .into_response()
}

/// Who is asking: no header is anonymous; a bad header is an error, never a silent anonymous.
pub async fn viewer_of(state: &AppState, headers: &HeaderMap) -> Result<Option<Viewer>, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let unauth = |m: &str| gql_error(StatusCode::OK, ErrorCode::Unauthenticated, m);
    let text = value
        .to_str()
        .map_err(|_| unauth("The Authorization header is not readable"))?;
    let token = text
        .strip_prefix("Bearer ")
        .or_else(|| text.strip_prefix("bearer "))
        .ok_or_else(|| unauth("Use an Authorization header of the form: Bearer <accessToken>"))?;
    let token = state.keys.verify(token.trim()).map_err(|m| unauth(&m))?;
    viewer_by_id(state, token).await.map(Some)
}

/// Who is asking GraphQL: a person, a partner system's client, or nobody. A bad, expired or
/// revoked token is an error, never a silent anonymous.
pub async fn principal_of(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(Option<Viewer>, Option<Partner>, Option<Uuid>), Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok((None, None, None));
    };
    let unauth = |m: &str| gql_error(StatusCode::OK, ErrorCode::Unauthenticated, m);
    let text = value
        .to_str()
        .map_err(|_| unauth("The Authorization header is not readable"))?;
    let token = text
        .strip_prefix("Bearer ")
        .or_else(|| text.strip_prefix("bearer "))
        .ok_or_else(|| unauth("Use an Authorization header of the form: Bearer <accessToken>"))?;
    match state
        .keys
        .verify_principal(token.trim())
        .map_err(|m| unauth(&m))?
    {
        Principal::Person(p) => Ok((Some(viewer_by_id(state, p).await?), None, p.session)),
        Principal::Client { id, scope } => {
            let client = convene_store::repo::partners::get(&state.db, id)
                .await
                .map_err(|e| database_error(&e))?;
            match client {
                Some(c) if c.revoked_at.is_none() => Ok((
                    None,
                    Some(Partner {
                        client: c.id,
                        scopes: convene_domain::partner::split_scopes(&scope),
                    }),
                    None,
                )),
                _ => Err(unauth(
                    "This client's credentials have been revoked: ask the programme team",
                )),
            }
        }
    }
}

/// Why a token's person cannot be served: their session has ended, or the database failed.
pub enum NotServed {
    Ended(convene_domain::identity::SessionEnded),
    Store(convene_store::StoreError),
}

/// The person a valid access token names, as they are now, unless the account is gone or the
/// token was issued before the person's sessions were ended (a sign-out, a password reset or
/// change, "sign out everywhere"). The one check for `/graphql` and every socket operation.
pub async fn current_viewer(state: &AppState, token: PersonToken) -> Result<Viewer, NotServed> {
    use convene_domain::identity::{check_session, SessionEnded};
    let person_id = token.id;
    // the person and their roles in one statement
    let (person, roles) = people::with_roles(&state.db, person_id)
        .await
        .map_err(NotServed::Store)?
        .ok_or(NotServed::Ended(SessionEnded::AccountDeleted))?;
    check_session(
        person.deleted_at.is_some(),
        token.generation,
        person.session_generation,
    )
    .map_err(NotServed::Ended)?;
    Ok(Viewer {
        person: person_id.into(),
        email: person.email,
        roles,
        email_verified: person.email_verified_at.is_some(),
    })
}

async fn viewer_by_id(state: &AppState, token: PersonToken) -> Result<Viewer, Response> {
    current_viewer(state, token).await.map_err(|e| match e {
        NotServed::Ended(why) => {
            gql_error(StatusCode::OK, ErrorCode::Unauthenticated, why.message())
        }
        NotServed::Store(e) => database_error(&e),
    })
}

async fn execute(
    http: &Http,
    headers: &HeaderMap,
    addr: ClientAddr,
    mut batch: BatchRequest,
) -> Response {
    // each document is parsed here, once: the schema runs on the same parse
    let ops: Vec<Operation> = match &mut batch {
        BatchRequest::Single(r) => vec![limits::inspect(r)],
        BatchRequest::Batch(rs) => rs.iter_mut().map(limits::inspect).collect(),
    };
    let operation = match &batch {
        BatchRequest::Single(_) => crate::metrics::operation_label(ops[0].name.as_deref()),
        BatchRequest::Batch(_) => "batch".to_string(),
    };
    let writes = ops.iter().any(Operation::writes);
    let mut resp = execute_batch(http, headers, addr, batch, &ops).await;
    resp.extensions_mut()
        .insert(crate::metrics::Operation(operation));
    if writes {
        // a mutation's answer may carry a new token or secret: never compressed (BREACH)
        resp.extensions_mut().insert(crate::delivery::Uncompressed);
    }
    resp
}

async fn execute_batch(
    http: &Http,
    headers: &HeaderMap,
    addr: ClientAddr,
    batch: BatchRequest,
    ops: &[Operation],
) -> Response {
    let (viewer, partner, session) = match principal_of(&http.state, headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let timeout = http.state.config.request_timeout;
    let caller = limits::Caller {
        signed_in: viewer.is_some() || partner.is_some(),
        addr: addr.0,
    };
    let run = async {
        let schema = if partner.is_some() {
            &http.partner_schema
        } else {
            &http.schema
        };
        let one = |mut r: Request, op: &Operation| {
            let ctx = RequestCtx {
                viewer: viewer.clone(),
                partner: partner.clone(),
                addr: addr.0,
                session,
                user_agent: user_agent.clone(),
            };
            let loaders = if op.writes() {
                Loaders::uncached(&http.state)
            } else {
                Loaders::new(&http.state)
            };
            let caller = &caller;
            async move {
                if let Err(e) = limits::admit(&http.state, caller, &mut r).await {
                    return async_graphql::Response::from_errors(vec![e]);
                }
                schema.execute(r.data(ctx).data(loaders)).await
            }
        };
        let response = match batch {
            BatchRequest::Single(r) => BatchResponse::Single(one(r, &ops[0]).await),
            BatchRequest::Batch(rs) => {
                let mut out = Vec::with_capacity(rs.len());
                for (r, op) in rs.into_iter().zip(ops) {
                    out.push(one(r, op).await);
                }
                BatchResponse::Batch(out)
            }
        };
        match response {
            BatchResponse::Single(mut r) => {
                classify_unlabelled(&mut r.errors);
                BatchResponse::Single(r)
            }
            BatchResponse::Batch(mut rs) => {
                for r in &mut rs {
                    classify_unlabelled(&mut r.errors);
                }
                BatchResponse::Batch(rs)
            }
        }
    };
    let Ok(response) = tokio::time::timeout(timeout, run).await else {
        return timed_out(timeout);
    };
    let busy = match &response {
        BatchResponse::Single(r) => is_busy(&r.errors),
        BatchResponse::Batch(rs) => rs.iter().any(|r| is_busy(&r.errors)),
    };
    let mut resp = Json(response).into_response();
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if busy {
        // the pool had no connection to give: 503, so that clients and proxies retry
        *resp.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        resp.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(1));
    }
    resp
}

fn is_busy(errors: &[async_graphql::ServerError]) -> bool {
    errors
        .iter()
        .any(|e| e.message == crate::usecases::error::BUSY)
}

/// A request that ran past `CONVENE_REQUEST_TIMEOUT_MS` is stopped (a mutation's transaction
/// is rolled back with it) and answered at once, never left hanging.
fn timed_out(limit: std::time::Duration) -> Response {
    gql_error(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::QueryTooComplex,
        &timed_out_message(limit),
    )
}

/// What a request stopped at `CONVENE_REQUEST_TIMEOUT_MS` is told (over HTTP or a socket).
pub fn timed_out_message(limit: std::time::Duration) -> String {
    let ms = limit.as_millis();
    let took = if ms.is_multiple_of(1000) {
        format!("{} seconds", ms / 1000)
    } else {
        format!("{ms} ms")
    };
    format!(
        "This request ran for more than {took} and was stopped: ask for fewer items (a smaller first) or fewer fields, or try again later"
    )
}

/// `POST /graphql`: JSON only (a form or text post could be a cross-site request), a single
/// request or a batch of at most ten.
pub async fn graphql_post(
    State(http): State<Http>,
    Extension(addr): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|v| v == "application/json" || v == "application/graphql-response+json");
    if !json_type {
        return gql_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::Validation,
            "Send GraphQL requests as POST with Content-Type: application/json",
        );
    }
    let batch: BatchRequest = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(_) => {
            return gql_error(
                StatusCode::BAD_REQUEST,
                ErrorCode::Validation,
                "The request body is not a GraphQL request in JSON",
            );
        }
    };
    if let BatchRequest::Batch(rs) = &batch {
        if rs.len() > MAX_BATCH {
            return gql_error(
                StatusCode::BAD_REQUEST,
                ErrorCode::QueryTooComplex,
                &format!("A batch may hold at most {MAX_BATCH} requests"),
            );
        }
        if rs.is_empty() {
            return gql_error(
                StatusCode::BAD_REQUEST,
                ErrorCode::Validation,
                "The batch is empty",
            );
        }
    }
    execute(&http, &headers, addr, batch).await
}

#[derive(Deserialize)]
pub struct GetParams {
    query: Option<String>,
    variables: Option<String>,
    #[serde(rename = "operationName")]
    operation_name: Option<String>,
}

/// `GET /graphql`: the explorer for a browser, queries (never mutations) for anyone else.
pub async fn graphql_get(
    State(http): State<Http>,
    Extension(addr): Extension<ClientAddr>,
    headers: HeaderMap,
    Query(params): Query<GetParams>,
) -> Response {
    let Some(query) = params.query else {
        let wants_html = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
        if wants_html && !http.state.config.production {
            let (html, csp) = crate::security::graphiql();
            return (
                [(header::CONTENT_SECURITY_POLICY, csp.clone())],
                Html(html.as_str()),
            )
                .into_response();
        }
        return gql_error(
            StatusCode::BAD_REQUEST,
            ErrorCode::Validation,
            "Pass the query in the `query` parameter, or POST it as JSON",
        );
    };
    let mut req = Request::new(query);
    if let Some(op) = params.operation_name {
        req = req.operation_name(op);
    }
    if limits::inspect(&mut req).writes() {
        let mut r = gql_error(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::Forbidden,
            "Mutations must be sent with POST",
        );
        r.headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return r;
    }
    if let Some(v) = params.variables.filter(|v| !v.is_empty()) {
        match serde_json::from_str(&v) {
            Ok(vars) => req = req.variables(async_graphql::Variables::from_json(vars)),
            Err(_) => {
                return gql_error(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::Validation,
                    "The variables parameter is not JSON",
                );
            }
        }
    }
    execute(&http, &headers, addr, BatchRequest::Single(req)).await
}

pub async fn health() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// Ready while the database answers. `rateLimits` says where the buckets are: `redis`,
/// `memory`, `memory (redis unreachable)` (still ready: each replica limits on its own until
/// Redis answers again) or `off`.
pub async fn ready(State(http): State<Http>) -> Response {
    let limits = http.state.limiter.status();
    match http.state.db.ping().await {
        Ok(()) => Json(json!({ "status": "ready", "database": "ok", "rateLimits": limits }))
            .into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(
                json!({ "status": "unavailable", "database": "unreachable", "rateLimits": limits }),
            ),
        )
            .into_response(),
    }
}
