//! Security headers on every response: the API's, the SPA's files, health, calendars, exports,
//! errors and 404s alike (the layer sits outside every route and every other layer).
//!
//! The Content-Security-Policy allows only this origin, plus the SHA-256 hash of each inline
//! script of the built SPA's `index.html` (computed when the server starts, so a rebuilt SPA
//! needs no change here). The SPA's build drops nhsuk-frontend's web fonts from
//! `https://assets.nhs.uk` (a licensed font; the NHS fallback, Arial, is used), so fonts are
//! this origin's too. GraphiQL (development only) loads from unpkg and gets a policy of its own.

use std::sync::{Arc, OnceLock};

use axum::extract::Request;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::config::Config;

/// The headers every response carries.
#[derive(Clone)]
pub struct SecurityHeaders(Arc<Vec<(HeaderName, HeaderValue)>>);

impl SecurityHeaders {
    pub fn new(config: &Config) -> Self {
        let index = config
            .static_dir
            .as_ref()
            .and_then(|d| std::fs::read_to_string(d.join("index.html")).ok())
            .unwrap_or_default();
        let csp = spa_policy(&index, &config.public_url);
        let mut list = vec![
            (header::CONTENT_SECURITY_POLICY, value(&csp)),
            (header::X_CONTENT_TYPE_OPTIONS, value("nosniff")),
            (header::X_FRAME_OPTIONS, value("DENY")),
            (header::REFERRER_POLICY, value("no-referrer")),
            (
                HeaderName::from_static("permissions-policy"),
                value("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
            ),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                value("same-origin"),
            ),
        ];
        if config.production {
            list.push((
                header::STRICT_TRANSPORT_SECURITY,
                value("max-age=31536000; includeSubDomains"),
            ));
        }
        SecurityHeaders(Arc::new(list))
    }
}

fn value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).expect("a header value of visible ASCII")
}

/// Axum middleware: add the headers a handler has not set itself (GraphiQL sets its own CSP).
pub async fn middleware(
    axum::extract::State(headers): axum::extract::State<SecurityHeaders>,
    req: Request,
    next: Next,
) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    for (name, v) in headers.0.iter() {
        if !h.contains_key(name) {
            h.insert(name.clone(), v.clone());
        }
    }
    resp
}

/// The SPA's policy: this origin only (and its WebSocket for `/graphql/ws`), the hashes of the
/// inline scripts `index_html` has; no frames, no plugins, no foreign forms.
pub fn spa_policy(index_html: &str, public_url: &str) -> String {
    let scripts = hash_sources(index_html, "script");
    let ws = websocket_origin(public_url)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{scripts}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'{ws}; manifest-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// `https://convene.example` → `wss://convene.example` (older browsers do not count a
/// WebSocket to the same host as `'self'`).
fn websocket_origin(public_url: &str) -> Option<String> {
    let (scheme, rest) = public_url.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    match scheme {
        "https" => Some(format!("wss://{host}")),
        "http" => Some(format!("ws://{host}")),
        _ => None,
    }
}

/// ` 'sha256-…'` for the content of each inline `<tag>` element (one without `src`).
pub fn hash_sources(html: &str, tag: &str) -> String {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(gt) = after.find('>') else { break };
        let attrs = &after[..gt];
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        if !attrs.contains("src=") {
            let digest = Sha256::digest(&body.as_bytes()[..end]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            out.push_str(&format!(" 'sha256-{b64}'"));
        }
        rest = &body[end + close.len()..];
    }
    out
}

/// GraphiQL's page and its policy: its scripts and styles come from unpkg, its inline script
/// is allowed by hash, its inline style (and the styles its editor sets) are allowed inline.
pub fn graphiql() -> &'static (String, HeaderValue) {
    static PAGE: OnceLock<(String, HeaderValue)> = OnceLock::new();
    PAGE.get_or_init(|| {
        let html = async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
            .title("Convene GraphQL explorer")
            .finish();
        let csp = format!(
            "default-src 'none'; script-src https://unpkg.com{}; \
             style-src https://unpkg.com 'unsafe-inline'; img-src 'self' data: https://graphql.org; \
             font-src https://unpkg.com data:; connect-src 'self'; frame-ancestors 'none'; \
             base-uri 'none'; form-action 'none'",
            hash_sources(&html, "script")
        );
        (html, value(&csp))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = r#"<script type="module" src="/assets/a.js"></script><script>alert(1)</script>"#;
        // printf 'alert(1)' | openssl sha256 -binary | base64
        assert_eq!(
            hash_sources(html, "script"),
            " 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        assert_eq!(hash_sources("<script src=x></script>", "script"), "");
    }

    #[test]
    fn the_spa_policy_is_this_origin_only() {
        let p = spa_policy("<script>alert(1)</script>", "https://convene.example/");
        assert!(p.contains("default-src 'self'"));
        assert!(
            p.contains("script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=';")
        );
        assert!(p.contains("connect-src 'self' wss://convene.example;"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("unsafe"));
    }

    #[test]
    fn graphiql_gets_a_hash_for_its_inline_script() {
        let (html, csp) = graphiql();
        assert!(html.contains("<script>"));
        let csp = csp.to_str().unwrap();
        assert!(csp.contains("'sha256-"), "{csp}");
        assert!(!csp
            .split(';')
            .any(|d| d.trim().starts_with("script-src") && d.contains("unsafe")));
    }
}
