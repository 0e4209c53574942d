//! Delivery over a slow connection (issue 19): the SPA's files precompressed and cached, source
//! maps only when asked for, the API's large answers compressed and mutations' answers never.

use convene_blackbox::*;
use serde_json::json;

const SCRIPT: &str = "/assets/app-AbCd1234.js";

/// A built SPA as `npm run build` leaves it: each text file with a `.br` and a `.gz` beside it
/// (distinct bytes here, so that the test sees which one was sent), a source map, an unhashed
/// image copied from `public/`.
fn spa_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("convene-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets/images")).unwrap();
    let write = |path: &str, text: &str| std::fs::write(dir.join(path), text).unwrap();
    write("index.html", "<!doctype html><title>Convene</title><script type=\"module\" src=\"/assets/app-AbCd1234.js\"></script><div id=root></div>");
    write("index.html.br", "index in brotli");
    write("index.html.gz", "index in gzip");
    write("assets/app-AbCd1234.js", "console.log('the whole script')");
    write("assets/app-AbCd1234.js.br", "script in brotli");
    write("assets/app-AbCd1234.js.gz", "script in gzip");
    write("assets/app-AbCd1234.js.map", "{\"version\":3}");
    write(
        "assets/images/icon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    dir
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

async fn answer(req: reqwest::RequestBuilder) -> Answer {
    let r = req.send().await.unwrap();
    Answer {
        status: r.status().as_u16(),
        headers: r.headers().clone(),
        body: r.bytes().await.unwrap().to_vec(),
    }
}

async fn get(app: &TestApp, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut req = app.http().get(format!("{}{path}", app.base));
    if let Some(e) = accept_encoding {
        req = req.header("accept-encoding", e);
    }
    answer(req).await
}

async fn spawn_spa(sourcemaps: bool) -> (TestApp, std::path::PathBuf) {
    let spa = spa_dir();
    let path = spa.display().to_string();
    let app = spawn_with(move |v| {
        v.insert("CONVENE_STATIC_DIR".into(), path);
        if sourcemaps {
            v.insert("CONVENE_SERVE_SOURCEMAPS".into(), "1".into());
        }
    })
    .await;
    (app, spa)
}

#[tokio::test]
async fn hashed_assets_are_precompressed_and_cached_for_a_year() {
    let (app, spa) = spawn_spa(false).await;
    let br = get(&app, SCRIPT, Some("gzip, deflate, br")).await;
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.body, b"script in brotli");
    assert_eq!(
        br.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(br.header("vary"), Some("accept-encoding"));
    assert!(br.header("content-type").unwrap().contains("javascript"));

    let gz = get(&app, SCRIPT, Some("gzip")).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.body, b"script in gzip");
    assert_eq!(gz.header("vary"), Some("accept-encoding"));

    let plain = get(&app, SCRIPT, None).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, b"console.log('the whole script')");
    assert_eq!(
        plain.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let _ = std::fs::remove_dir_all(spa);
}

#[tokio::test]
async fn index_and_the_history_fallback_are_revalidated_and_a_missing_asset_is_a_404() {
    let (app, spa) = spawn_spa(false).await;
    for path in ["/", "/index.html", "/communities/some-community"] {
        let a = get(&app, path, Some("br")).await;
        assert_eq!(a.status, 200, "{path}");
        assert_eq!(a.header("cache-control"), Some("no-cache"), "{path}");
        assert_eq!(a.header("content-encoding"), Some("br"), "{path}");
        assert_eq!(a.body, b"index in brotli", "{path}");
        assert_eq!(a.header("vary"), Some("accept-encoding"), "{path}");
    }
    let plain = get(&app, "/communities/x", None).await;
    assert!(String::from_utf8(plain.body)
        .unwrap()
        .contains("<div id=root>"));
    // an asset of an older deploy: a 404, not index.html cached for a year under its name
    let gone = get(&app, "/assets/app-Old00000.js", Some("br")).await;
    assert_eq!(gone.status, 404);
    assert_eq!(gone.header("cache-control"), Some("no-cache"));
    // files copied from public/ keep their names, so they are revalidated
    let icon = get(&app, "/assets/images/icon.svg", None).await;
    assert_eq!(icon.status, 200);
    assert_eq!(icon.header("cache-control"), Some("no-cache"));
    // Vite's manifest and other dot-folders are not served
    assert_eq!(get(&app, "/.vite/manifest.json", None).await.status, 404);
    let _ = std::fs::remove_dir_all(spa);
}

#[tokio::test]
async fn source_maps_are_served_only_when_asked_for() {
    let map = format!("{SCRIPT}.map");
    let (app, spa) = spawn_spa(false).await;
    let refused = get(&app, &map, None).await;
    assert_eq!(refused.status, 404);
    assert!(refused.body.is_empty());
    drop(app);
    let _ = std::fs::remove_dir_all(spa);

    let (app, spa) = spawn_spa(true).await;
    let served = get(&app, &map, None).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.body, b"{\"version\":3}");
    let _ = std::fs::remove_dir_all(spa);
}

async fn post(app: &TestApp, body: serde_json::Value, accept_encoding: Option<&str>) -> Answer {
    let mut req = app.http().post(format!("{}/graphql", app.base)).json(&body);
    if let Some(e) = accept_encoding {
        req = req.header("accept-encoding", e);
    }
    answer(req).await
}

#[tokio::test]
async fn large_query_answers_are_compressed_and_mutation_answers_never() {
    let app = spawn_app().await;
    let large = json!({ "query": "{ __schema { types { name description } } }" });
    let plain = post(&app, large.clone(), None).await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-encoding"), None);
    assert!(plain.body.len() > 4096, "{} bytes", plain.body.len());

    let br = post(&app, large.clone(), Some("br")).await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert!(br.header("vary").unwrap().contains("accept-encoding"));
    assert!(
        br.body.len() * 3 < plain.body.len(),
        "brotli {} of {} bytes",
        br.body.len(),
        plain.body.len()
    );
    let gz = post(&app, large.clone(), Some("gzip")).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.body.len() < plain.body.len());

    // a small answer is not worth compressing
    let small = post(&app, json!({ "query": "{ __typename }" }), Some("br")).await;
    assert_eq!(small.header("content-encoding"), None);
    let text = String::from_utf8(small.body).unwrap();
    assert!(text.starts_with(r#"{"data":{"__typename":"#), "{text}");

    // a mutation's answer (tokens, secrets) is never compressed, even beside a large query
    let batch = json!([
        { "query": "{ __schema { types { name description } } }" },
        { "query": "mutation M($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }",
          "variables": { "input": { "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD } } },
    ]);
    let signed_in = post(&app, batch, Some("br, gzip")).await;
    assert_eq!(signed_in.status, 200);
    assert_eq!(signed_in.header("content-encoding"), None);
    let v: serde_json::Value = serde_json::from_slice(&signed_in.body).unwrap();
    assert!(v[1]["data"]["signIn"]["accessToken"].is_string(), "{v}");
    assert!(signed_in.body.len() > 4096);
}
