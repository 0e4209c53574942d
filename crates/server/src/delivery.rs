//! How answers travel over a slow connection (issue 19): the built SPA's files served
//! precompressed and cached, the API's answers compressed when the client accepts it.
//!
//! - The SPA's build writes a `.br` and a `.gz` beside each text file; `ServeDir` sends the one
//!   the request accepts (`Vary: Accept-Encoding` on every file of the SPA).
//! - `/assets/<file>` (Vite's output, every name carrying a hash of its content) is
//!   `Cache-Control: public, max-age=31536000, immutable`; `index.html`, the history fallback
//!   and the files copied unhashed from `public/` (`/assets/images/…`, the favicon) are
//!   `no-cache`, so that a deploy is seen at once. A missing `/assets/…` file is a 404, never
//!   the SPA's `index.html` (which would otherwise be cached for a year under a script's name).
//! - `*.map` is refused (404) unless `CONVENE_SERVE_SOURCEMAPS=1`; so is anything under a
//!   dot-folder (Vite's `.vite/manifest.json`).
//! - Other answers of at least [`MIN_COMPRESSED_BYTES`] are compressed (brotli or gzip, at a
//!   level fit for doing it on the fly), except GraphQL mutations, which are where tokens and
//!   secrets are issued (see [`Uncompressed`] and the README's "Compression and BREACH").

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::{ServeDir, ServeFile};

/// Answers smaller than this are sent as they are: compressing them saves too little.
pub const MIN_COMPRESSED_BYTES: u16 = 1024;

/// The cache policy of Vite's hashed output: a file's name changes whenever its content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else of the SPA: the browser may keep it but asks each time whether it changed.
pub const REVALIDATE: &str = "no-cache";

/// A response extension: do not compress this answer. Set on GraphQL mutations' answers,
/// which carry newly issued tokens and secrets (`signIn`, `register`, `refreshSession`,
/// `exchangeSignInCode`, a partner client's secret …) beside text from the request.
#[derive(Clone, Copy, Debug)]
pub struct Uncompressed;

/// The built SPA at `dir`: files precompressed and cached as above, `index.html` for every
/// other path (the SPA's history routing).
pub fn spa(dir: &Path, serve_sourcemaps: bool) -> Router {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let pages = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let assets = ServeDir::new(dir.join("assets"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/assets", assets)
        .fallback_service(pages)
        .layer(axum::middleware::from_fn_with_state(
            SpaOptions { serve_sourcemaps },
            spa_headers,
        ))
}

#[derive(Clone, Copy)]
struct SpaOptions {
    serve_sourcemaps: bool,
}

async fn spa_headers(State(options): State<SpaOptions>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if refused(&path, options.serve_sourcemaps) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut resp = next.run(req).await;
    let policy = cache_control(&path, resp.status());
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    if !h.contains_key(header::VARY) {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    resp
}

/// Source maps (unless asked for) and dot-folders are not served.
fn refused(path: &str, serve_sourcemaps: bool) -> bool {
    (path.ends_with(".map") && !serve_sourcemaps) || path.split('/').any(|s| s.starts_with('.'))
}

/// The `Cache-Control` of an answer of the SPA: immutable only for a file found directly in
/// `/assets/` (Vite's hashed output), never for an error or a subfolder of unhashed files.
pub fn cache_control(path: &str, status: StatusCode) -> &'static str {
    let hashed = path
        .strip_prefix("/assets/")
        .is_some_and(|file| !file.is_empty() && !file.contains('/'));
    let found = status.is_success() || status == StatusCode::NOT_MODIFIED;
    if hashed && found {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// Whether an answer is compressed on the fly: at least [`MIN_COMPRESSED_BYTES`], not an
/// image (SVG aside), not an event stream, and not marked [`Uncompressed`].
#[derive(Clone)]
pub struct Compressible(
    tower_http::compression::predicate::And<
        tower_http::compression::predicate::And<
            tower_http::compression::predicate::And<SizeAbove, NotForContentType>,
            NotForContentType,
        >,
        fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool,
    >,
);

fn not_marked(_: StatusCode, _: Version, _: &HeaderMap, extensions: &Extensions) -> bool {
    extensions.get::<Uncompressed>().is_none()
}

impl Compressible {
    pub fn new() -> Self {
        let unmarked: fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool = not_marked;
        Compressible(
            SizeAbove::new(MIN_COMPRESSED_BYTES)
                .and(NotForContentType::IMAGES)
                .and(NotForContentType::SSE)
                .and(unmarked),
        )
    }
}

impl Default for Compressible {
    fn default() -> Self {
        Self::new()
    }
}

impl Predicate for Compressible {
    fn should_compress<B>(&self, response: &axum::http::Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        self.0.should_compress(response)
    }
}

/// Compression of the answers that are not precompressed: brotli or gzip, whichever the
/// request prefers, at level 4 (brotli's best, 11, is for the build, not for each request).
pub fn compression() -> CompressionLayer<Compressible> {
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(Compressible::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    #[test]
    fn only_hashed_assets_are_immutable() {
        let ok = StatusCode::OK;
        assert_eq!(cache_control("/assets/index-CzscDR4Z.js", ok), IMMUTABLE);
        assert_eq!(
            cache_control("/assets/index-CzscDR4Z.css", StatusCode::NOT_MODIFIED),
            IMMUTABLE
        );
        // a missing asset must not be kept for a year
        assert_eq!(
            cache_control("/assets/gone-AAAAAAAA.js", StatusCode::NOT_FOUND),
            REVALIDATE
        );
        // public/ files keep their names: revalidated
        assert_eq!(cache_control("/assets/images/favicon.svg", ok), REVALIDATE);
        assert_eq!(cache_control("/", ok), REVALIDATE);
        assert_eq!(cache_control("/index.html", ok), REVALIDATE);
        assert_eq!(cache_control("/communities/x", ok), REVALIDATE);
        assert_eq!(cache_control("/assets/", ok), REVALIDATE);
    }

    #[test]
    fn source_maps_and_dot_folders_are_refused_unless_asked_for() {
        assert!(refused("/assets/index-CzscDR4Z.js.map", false));
        assert!(!refused("/assets/index-CzscDR4Z.js.map", true));
        assert!(refused("/.vite/manifest.json", true));
        assert!(!refused("/assets/index-CzscDR4Z.js", false));
        assert!(!refused("/communities/map", false));
    }

    fn answer(bytes: usize, content_type: &str) -> axum::http::Response<Body> {
        let mut r = axum::http::Response::new(Body::from(vec![b'a'; bytes]));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        r
    }

    #[test]
    fn large_answers_are_compressed_and_small_or_marked_ones_are_not() {
        let p = Compressible::new();
        assert!(p.should_compress(&answer(4096, "application/json")));
        assert!(p.should_compress(&answer(4096, "image/svg+xml")));
        assert!(!p.should_compress(&answer(1023, "application/json")));
        assert!(!p.should_compress(&answer(4096, "image/png")));
        let mut mutation = answer(4096, "application/json");
        mutation.extensions_mut().insert(Uncompressed);
        assert!(!p.should_compress(&mutation));
    }
}
