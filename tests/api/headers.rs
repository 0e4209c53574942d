//! Security headers on every response (issue 8, item 2): the API, the SPA's files, health,
//! calendars, exports, errors, 404s and 413s; HSTS only in production; GraphiQL's own policy.

use convene_blackbox::*;
use reqwest::header::HeaderMap;
use serde_json::json;

/// The headers that every answer carries, whatever it is.
#[track_caller]
fn assert_secured(what: &str, h: &HeaderMap) {
    let get = |name: &str| {
        h.get(name)
            .unwrap_or_else(|| panic!("{what}: no {name} header in {h:?}"))
            .to_str()
            .unwrap()
            .to_string()
    };
    let csp = get("content-security-policy");
    for directive in [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ] {
        assert!(
            csp.contains(directive),
            "{what}: {directive} missing in {csp}"
        );
    }
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src in {csp}"));
    assert!(
        !script_src.contains("unsafe") && !script_src.contains("http"),
        "{what}: {script_src}"
    );
    assert!(
        csp.contains("connect-src 'self' ws://"),
        "{what}: the WebSocket is allowed: {csp}"
    );
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert_eq!(get("referrer-policy"), "no-referrer", "{what}");
    assert!(get("permissions-policy").contains("camera=()"), "{what}");
    assert_eq!(get("cross-origin-opener-policy"), "same-origin", "{what}");
}

/// A built SPA with an inline script, so that its hash must reach the policy.
fn spa_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("convene-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Convene</title><script>window.convene=1</script><script type=\"module\" src=\"/assets/app.js\"></script><div id=root></div>",
    )
    .unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log('hi')").unwrap();
    dir
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let spa = spa_dir();
    let spa_path = spa.display().to_string();
    let app = spawn_with(move |v| {
        v.insert("CONVENE_STATIC_DIR".into(), spa_path);
    })
    .await;
    let admin = app.admin().await;
    let w = world(&app).await;
    let url = |p: &str| format!("{}{p}", app.base);
    let http = app.http();
    let mut answers = vec![
        (
            "graphql",
            http.post(url("/graphql"))
                .json(&json!({ "query": "{ viewer { id } }" }))
                .send()
                .await
                .unwrap(),
        ),
        (
            "graphql error",
            http.post(url("/graphql"))
                .json(&json!({ "query": "{ nope }" }))
                .send()
                .await
                .unwrap(),
        ),
        (
            "graphql by GET",
            http.get(url("/graphql"))
                .query(&[("query", "{ __typename }")])
                .send()
                .await
                .unwrap(),
        ),
        (
            "mutation by GET",
            http.get(url("/graphql"))
                .query(&[("query", "mutation { signOut { signedOut } }")])
                .send()
                .await
                .unwrap(),
        ),
        (
            "text post",
            http.post(url("/graphql"))
                .header("content-type", "text/plain")
                .body("{}")
                .send()
                .await
                .unwrap(),
        ),
        ("health", http.get(url("/health")).send().await.unwrap()),
        ("ready", http.get(url("/ready")).send().await.unwrap()),
        ("metrics", http.get(url("/metrics")).send().await.unwrap()),
        ("the SPA", http.get(url("/")).send().await.unwrap()),
        (
            "an SPA route",
            http.get(url("/communities/xyz")).send().await.unwrap(),
        ),
        (
            "an SPA file",
            http.get(url("/assets/app.js")).send().await.unwrap(),
        ),
        (
            "calendar without a token",
            http.get(url("/calendar/communities/x.ics"))
                .send()
                .await
                .unwrap(),
        ),
        (
            "export",
            http.get(url(&format!("/exports/calls/{}/honoraria.csv", w.call)))
                .bearer_auth(&admin)
                .send()
                .await
                .unwrap(),
        ),
        (
            "export refused",
            http.get(url(&format!("/exports/calls/{}/honoraria.csv", w.call)))
                .send()
                .await
                .unwrap(),
        ),
        (
            "unknown export",
            http.get(url("/exports/nothing/here.csv"))
                .send()
                .await
                .unwrap(),
        ),
        (
            "too big",
            http.post(url("/graphql"))
                .header("content-type", "application/json")
                .body(vec![b' '; 2 * 1024 * 1024 + 1])
                .send()
                .await
                .unwrap(),
        ),
    ];
    let statuses: Vec<(String, u16)> = answers
        .iter()
        .map(|(w, r)| (w.to_string(), r.status().as_u16()))
        .collect();
    for (what, r) in answers.drain(..) {
        assert_secured(what, r.headers());
    }
    let status = |w: &str| statuses.iter().find(|(x, _)| x == w).unwrap().1;
    assert_eq!(status("the SPA"), 200);
    assert_eq!(status("an SPA file"), 200);
    assert_eq!(status("export"), 200);
    assert_eq!(status("too big"), 413);
    assert_eq!(status("mutation by GET"), 405);
    assert_eq!(status("text post"), 415);
    // the SPA's inline script is allowed by its hash, and by nothing looser
    let r = http.get(url("/")).send().await.unwrap();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    use base64::Engine;
    use sha2::Digest;
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(b"window.convene=1"));
    assert!(
        csp.contains(&format!("script-src 'self' 'sha256-{hash}';")),
        "{csp}"
    );
    assert!(!r.headers().contains_key("strict-transport-security"));
    let _ = std::fs::remove_dir_all(spa);
}

#[tokio::test]
async fn production_adds_strict_transport_security_and_hides_the_explorer() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_ENV".into(), "production".into());
    })
    .await;
    for path in ["/health", "/graphql?query=%7B__typename%7D", "/nowhere"] {
        let r = app
            .http()
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_secured(path, r.headers());
        let hsts = r.headers()["strict-transport-security"].to_str().unwrap();
        assert!(hsts.starts_with("max-age=31536000"), "{path}: {hsts}");
    }
    let r = app
        .http()
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "no explorer in production");
    assert_secured("explorer refused", r.headers());
}

#[tokio::test]
async fn graphiql_has_a_policy_of_its_own_in_development() {
    let app = spawn_app().await;
    let r = app
        .http()
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(r.headers()["x-frame-options"], "DENY");
    let html = r.text().await.unwrap();
    assert!(html.contains("graphiql"), "{html}");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap();
    assert!(script_src.contains("https://unpkg.com"), "{script_src}");
    assert!(script_src.contains("'sha256-"), "{script_src}");
    assert!(!script_src.contains("unsafe"), "{script_src}");
    // the hash is the hash of the page's inline script
    let start = html.rfind("<script>").unwrap() + "<script>".len();
    let end = start + html[start..].find("</script>").unwrap();
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(&html.as_bytes()[start..end]));
    assert!(script_src.contains(&hash), "{script_src} lacks {hash}");
}
