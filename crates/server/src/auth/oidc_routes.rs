//! `GET /auth/oidc/start` and `GET /auth/oidc/callback`: the browser's trip to the OpenID
//! Provider and back. Both are 404 when single sign-on is not configured. Whatever goes wrong
//! at the callback ends at `{CONVENE_PUBLIC_URL}/signed-in#error=<reason>`, never a 500; a
//! success ends at `/signed-in#code=<one-time code>` (a fragment: never sent to a server, nor in
//! a `Referer`).

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::http::Http;
use crate::usecases::sso;

/// The cookie that ties a callback to the browser that started the login (against login CSRF:
/// a callback URL sent to somebody else's browser signs nobody in).
const COOKIE: &str = "convene_oidc";

fn not_configured() -> Response {
    (StatusCode::NOT_FOUND, "Single sign-on is not configured").into_response()
}

/// A 302 that is never cached, setting or clearing the login cookie.
fn redirect(to: &str, cookie: String) -> Response {
    let mut r = StatusCode::FOUND.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(to) {
        h.insert(header::LOCATION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        h.insert(header::SET_COOKIE, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn cookie(http: &Http, value: &str, max_age: i64) -> String {
    let secure = if http.state.config.public_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE}={value}; Path=/auth/oidc; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

fn signed_in_page(http: &Http, fragment: &str) -> String {
    format!(
        "{}/signed-in#{fragment}",
        http.state.config.public_url.trim_end_matches('/')
    )
}

/// Send the browser to the provider.
pub async fn start(State(http): State<Http>) -> Response {
    let Some(provider) = http.state.oidc.clone() else {
        return not_configured();
    };
    match sso::start(&http.state, &provider).await {
        Ok(s) => {
            let max_age = sso::LOGIN_LIFETIME.num_seconds();
            redirect(&s.redirect, cookie(&http, &s.browser, max_age))
        }
        Err(e) => {
            tracing::warn!(reason = e.reason, detail = %e.detail, "single sign-on could not start");
            let to = signed_in_page(&http, &format!("error={}", e.reason));
            redirect(&to, cookie(&http, "", 0))
        }
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// The value of the login cookie, if the browser sent it.
fn browser_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

/// The provider sends the browser back here.
pub async fn callback(
    State(http): State<Http>,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Response {
    let Some(provider) = http.state.oidc.clone() else {
        return not_configured();
    };
    let cb = sso::Callback {
        code: q.code,
        state: q.state,
        error: q.error,
        browser: browser_cookie(&headers),
    };
    let fragment = match sso::finish(&http.state, &provider, cb).await {
        Ok(code) => format!("code={code}"),
        Err(e) => {
            tracing::warn!(reason = e.reason, detail = %e.detail, "single sign-on refused");
            format!("error={}", e.reason)
        }
    };
    redirect(&signed_in_page(&http, &fragment), cookie(&http, "", 0))
}
