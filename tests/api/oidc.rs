//! Single sign-on (issue 14, point 6) against a real OpenID Provider: `tests/oidc/provider.mjs`
//! (oidc-provider 9 on Node), driven by a plain HTTP client that keeps cookies, follows
//! redirects by hand and posts the provider's development login and consent forms.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};

use convene_blackbox::*;
use convene_store::entities::{account_token, oidc_sign_up};
use convene_store::sea_orm::sea_query::Expr;
use convene_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE, USER_AGENT};
use reqwest::Url;
use serde_json::{json, Value};

const EXCHANGE: &str = "mutation($i: ExchangeSignInCodeInput!) { exchangeSignInCode(input: $i) { accessToken refreshToken person { id email emailVerified organisation { id } } } }";
const DEVICE: &str = "Mozilla/5.0 (X11; Linux x86_64) SSO test browser";

/// The provider process, stopped when dropped.
struct OpenIdProvider {
    child: Child,
    issuer: String,
}

impl Drop for OpenIdProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start the provider for a client whose redirect URI is `redirect_uri`, installing its npm
/// packages first (scripts/oidc-deps.sh). `None` when Node cannot run it here (only outside CI:
/// under CI=true that fails the test).
fn start_provider(port: u16, redirect_uri: &str, lean: bool) -> Option<OpenIdProvider> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let deps = Command::new(root.join("scripts/oidc-deps.sh")).status();
    if !deps.as_ref().is_ok_and(|s| s.success()) {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI requires the OpenID Provider (Node and npm): {deps:?}"
        );
        eprintln!("skipping: the OpenID Provider could not be installed ({deps:?})");
        return None;
    }
    let mut child = Command::new("node")
        .arg(root.join("tests/oidc/provider.mjs"))
        .env("OIDC_PORT", port.to_string())
        .env("OIDC_REDIRECT_URI", redirect_uri)
        .env("OIDC_LEAN_ID_TOKEN", if lean { "1" } else { "0" })
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node starts");
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    let issuer = line
        .trim()
        .strip_prefix("ready ")
        .unwrap_or_else(|| panic!("the provider did not start: {line:?}"))
        .to_string();
    // keep reading what it prints: a closed pipe would end it at its next line
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    Some(OpenIdProvider { child, issuer })
}

/// A browser reduced to what the round trip needs: cookies per host, no automatic redirects.
struct Browser {
    http: reqwest::Client,
    jar: HashMap<String, HashMap<String, String>>,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            jar: HashMap::new(),
        }
    }

    fn host(url: &Url) -> String {
        format!(
            "{}:{}",
            url.host_str().unwrap(),
            url.port_or_known_default().unwrap()
        )
    }

    async fn send(&mut self, req: reqwest::RequestBuilder, url: &Url) -> reqwest::Response {
        let jar = self.jar.entry(Self::host(url)).or_default();
        let cookies: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let req = if cookies.is_empty() {
            req
        } else {
            req.header(COOKIE, cookies.join("; "))
        };
        let resp = req.send().await.expect("an answer");
        for c in resp.headers().get_all(SET_COOKIE) {
            let pair = c.to_str().unwrap().split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            let expired = c.to_str().unwrap().to_lowercase().contains("max-age=0")
                || c.to_str().unwrap().contains("1970");
            if expired || v.is_empty() {
                jar.remove(k);
            } else {
                jar.insert(k.to_string(), v.to_string());
            }
        }
        resp
    }

    async fn get(&mut self, url: &Url) -> reqwest::Response {
        let req = self.http.get(url.clone());
        self.send(req, url).await
    }

    async fn post_form(&mut self, url: &Url, form: &[(String, String)]) -> reqwest::Response {
        let req = self.http.post(url.clone()).form(form);
        self.send(req, url).await
    }
}

/// Where a round trip ended: the fragment of `/signed-in#…`, and the callback URL the provider
/// sent the browser to.
struct Trip {
    fragment: String,
    callback: Url,
}

impl Trip {
    fn code(&self) -> String {
        self.fragment
            .strip_prefix("code=")
            .unwrap_or_else(|| panic!("a code, not {}", self.fragment))
            .to_string()
    }
}

/// The value of `name="…"` attributes in one tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    Some(tag[at..].split('"').next()?.to_string())
}

/// Go from Convene's start URL through the provider's login (as `login`) and consent pages.
/// `stop_at_callback`: stop before Convene's callback (the URL is returned untouched).
async fn round_trip(b: &mut Browser, start: &str, login: &str, stop_at_callback: bool) -> Trip {
    let mut url = Url::parse(start).unwrap();
    let mut callback = None;
    let mut resp = b.get(&url).await;
    for _ in 0..20 {
        if resp.status().is_redirection() {
            let to = resp.headers()[LOCATION].to_str().unwrap().to_string();
            url = url.join(&to).unwrap();
            if url.path() == "/auth/oidc/callback" {
                callback = Some(url.clone());
                if stop_at_callback {
                    return Trip {
                        fragment: String::new(),
                        callback: url,
                    };
                }
            }
            if let Some(fragment) = to.split_once("/signed-in#").map(|(_, f)| f.to_string()) {
                return Trip {
                    fragment,
                    callback: callback.expect("through the callback"),
                };
            }
            resp = b.get(&url).await;
            continue;
        }
        assert!(resp.status().is_success(), "{} at {url}", resp.status());
        let html = resp.text().await.unwrap();
        let form = html
            .split("<form")
            .nth(1)
            .unwrap_or_else(|| panic!("a form at {url}: {html}"));
        let action = url.join(&attr(form, "action").unwrap()).unwrap();
        let mut fields: Vec<(String, String)> = form
            .split("<input")
            .skip(1)
            .filter(|i| i.contains("type=\"hidden\""))
            .filter_map(|i| Some((attr(i, "name")?, attr(i, "value")?)))
            .collect();
        if form.contains("name=\"login\"") {
            fields.push(("login".into(), login.into()));
            fields.push(("password".into(), "any password".into()));
        }
        url = action;
        resp = b.post_form(&url, &fields).await;
    }
    panic!("the round trip did not end");
}

async fn exchange(app: &TestApp, code: &str, org: Option<&str>) -> Value {
    let mut i = json!({ "code": code });
    if let Some(o) = org {
        i["organisationId"] = json!(o);
    }
    app.http()
        .post(format!("{}/graphql", app.base))
        .header(USER_AGENT, DEVICE)
        .json(&json!({ "query": EXCHANGE, "variables": { "i": i } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn reason(v: &Value) -> Option<&str> {
    v["errors"][0]["extensions"]["reason"].as_str()
}

fn message(v: &Value) -> String {
    v["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// A person signed in by a provider's code (no organisation needed).
async fn signed_in(app: &TestApp, code: &str) -> Value {
    let v = exchange(app, code, None).await;
    ok(&v)["exchangeSignInCode"].clone()
}

#[tokio::test]
async fn single_sign_on_creates_links_and_refuses_what_it_must() {
    let (server_port, provider_port) = (free_port(), free_port());
    let base = format!("http://127.0.0.1:{server_port}");
    let issuer = format!("http://127.0.0.1:{provider_port}");
    // the server starts before the provider: discovery waits for the first sign-in
    let app = spawn_with(|v| {
        v.insert("CONVENE_LISTEN".into(), format!("127.0.0.1:{server_port}"));
        v.insert("CONVENE_PUBLIC_URL".into(), base.clone());
        v.insert("CONVENE_OIDC_ISSUER".into(), issuer.clone());
        v.insert("CONVENE_OIDC_CLIENT_ID".into(), "convene".into());
        v.insert(
            "CONVENE_OIDC_CLIENT_SECRET".into(),
            "convene-test-secret".into(),
        );
    })
    .await;
    let Some(provider) =
        start_provider(provider_port, &format!("{base}/auth/oidc/callback"), false)
    else {
        return;
    };
    assert_eq!(provider.issuer, issuer);
    let admin = app.admin().await;
    let org = app.create_org(&admin, "Trust One", "NHS_TRUST", true).await;

    let v = app
        .gql(None, "{ authProviders { id label startUrl } }", json!({}))
        .await;
    let start = format!("{base}/auth/oidc/start");
    assert_eq!(
        ok(&v)["authProviders"],
        json!([{ "id": "oidc", "label": "NHSmail", "startUrl": start }])
    );

    // 1. A first sign-in makes an account once the person chooses their organisation.
    let mut browser = Browser::new();
    let trip = round_trip(&mut browser, &start, "alice", false).await;
    let code = trip.code();
    let v = exchange(&app, &code, None).await;
    assert_eq!(convene_blackbox::code(&v), Some("VALIDATION"), "{v}");
    assert_eq!(reason(&v), Some("ORGANISATION_NEEDED"));
    assert_eq!(fields(&v), ["organisationId"]);
    let v = exchange(&app, &code, Some(&unknown_id("Organisation"))).await;
    assert_eq!(
        fields(&v),
        ["organisationId"],
        "an unknown organisation: {v}"
    );
    let v = exchange(&app, &code, Some(&org)).await;
    let alice = ok(&v)["exchangeSignInCode"].clone();
    assert_eq!(alice["person"]["email"], "alice@nhs.example");
    assert_eq!(alice["person"]["emailVerified"], true);
    assert_eq!(alice["person"]["organisation"]["id"], json!(org));
    let token = as_string(&alice["accessToken"]);
    let me = app
        .gql(
            Some(&token),
            "{ viewer { sessions { userAgent current } } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&me)["viewer"]["sessions"][0]["userAgent"], DEVICE);
    // the code works once
    let v = exchange(&app, &code, Some(&org)).await;
    assert_eq!(convene_blackbox::code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["code"]);
    assert!(message(&v).contains("already been used"), "{v}");
    // an account made this way has no password anybody knows
    let v = app
        .gql(
            None,
            "mutation { signIn(input: { email: \"alice@nhs.example\", password: \"\" }) { accessToken } }",
            json!({}),
        )
        .await;
    assert!(v.get("errors").is_some());

    // 2. The next sign-in finds the linked account at once; its code works once.
    let trip = round_trip(&mut browser, &start, "alice", false).await;
    let again = signed_in(&app, &trip.code()).await;
    assert_eq!(again["person"]["id"], alice["person"]["id"]);
    let v = exchange(&app, &trip.code(), None).await;
    assert_eq!(fields(&v), ["code"], "a code used twice: {v}");
    // replaying the callback (its state) is refused
    let replay = browser.get(&trip.callback).await;
    let to = replay.headers()[LOCATION].to_str().unwrap().to_string();
    assert_eq!(to, format!("{base}/signed-in#error=bad_state"));

    // 3. An account holding a verified address is linked, not duplicated.
    let (_, bob) = app.register("bob@nhs.example", &org).await;
    let trip = round_trip(&mut Browser::new(), &start, "bob", false).await;
    let linked = signed_in(&app, &trip.code()).await;
    assert_eq!(linked["person"]["id"], json!(bob));
    // … and so is one whose address was never proven, now proven by the provider
    let (_, carol) = app.register_unverified("carol@nhs.example", &org).await;
    let trip = round_trip(&mut Browser::new(), &start, "carol", false).await;
    let linked = signed_in(&app, &trip.code()).await;
    assert_eq!(linked["person"]["id"], json!(carol));
    assert_eq!(linked["person"]["emailVerified"], true);
    let actions: Vec<Value> = app
        .audit_of(&admin, &bob)
        .await
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    assert!(actions.contains(&json!("sso_link")), "{actions:?}");

    // 4. An address the provider did not verify never reaches an existing account.
    let (_, dave) = app.register("unverified-dave@nhs.example", &org).await;
    let trip = round_trip(&mut Browser::new(), &start, "unverified-dave", false).await;
    assert_eq!(trip.fragment, "error=address_taken");
    let actions: Vec<Value> = app
        .audit_of(&admin, &dave)
        .await
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    assert!(!actions
        .iter()
        .any(|a| a.as_str().unwrap().starts_with("sso")));
    // … and a new account for it stays unverified, with the verification mail sent
    let trip = round_trip(&mut Browser::new(), &start, "unverified-erin", false).await;
    let code = trip.code();
    assert_eq!(
        reason(&exchange(&app, &code, None).await),
        Some("ORGANISATION_NEEDED")
    );
    let erin = ok(&exchange(&app, &code, Some(&org)).await)["exchangeSignInCode"].clone();
    assert_eq!(erin["person"]["emailVerified"], false);
    app.wait_for_mail("unverified-erin@nhs.example", "/verify-email?token=")
        .await;

    // 5. A callback opened in another browser (a link sent to a victim) signs nobody in, and
    //    its login is spent.
    let mut attacker = Browser::new();
    let trip = round_trip(&mut attacker, &start, "mallory", true).await;
    let other = Browser::new().get(&trip.callback).await;
    let to = other.headers()[LOCATION].to_str().unwrap().to_string();
    assert_eq!(to, format!("{base}/signed-in#error=bad_state"));
    let own = attacker.get(&trip.callback).await;
    let to = own.headers()[LOCATION].to_str().unwrap().to_string();
    assert_eq!(to, format!("{base}/signed-in#error=bad_state"));

    // 6. A code is good for a minute: one a minute old is refused (aged in the store).
    let trip = round_trip(&mut browser, &start, "alice", false).await;
    let minute_ago = chrono::Utc::now() - chrono::Duration::seconds(1);
    account_token::Entity::update_many()
        .col_expr(account_token::Column::ExpiresAt, Expr::value(minute_ago))
        .filter(account_token::Column::Purpose.eq("sign_in_code"))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(&app.state.db)
        .await
        .unwrap();
    let v = exchange(&app, &trip.code(), None).await;
    assert_eq!(fields(&v), ["code"]);
    assert!(message(&v).contains("expired"), "{v}");
    // … and so is a sign-up's code never presented within its minute
    let trip = round_trip(&mut Browser::new(), &start, "frank", false).await;
    oidc_sign_up::Entity::update_many()
        .col_expr(oidc_sign_up::Column::ExpiresAt, Expr::value(minute_ago))
        .exec(&app.state.db)
        .await
        .unwrap();
    let v = exchange(&app, &trip.code(), Some(&org)).await;
    assert!(message(&v).contains("expired"), "{v}");

    // 7. Nonsense at the callback ends on the SPA's page with a reason, never a 500.
    let bare = Browser::new()
        .get(&Url::parse(&format!("{base}/auth/oidc/callback?error=access_denied")).unwrap())
        .await;
    assert_eq!(bare.status(), 302);
    let to = bare.headers()[LOCATION].to_str().unwrap().to_string();
    assert_eq!(to, format!("{base}/signed-in#error=bad_state"));
    let v = exchange(&app, "not-a-code", None).await;
    assert_eq!(fields(&v), ["code"]);
    drop(provider);
}

/// A server configured for a provider on a port of its own; (app, start URL, provider).
async fn sso_app(lean: bool) -> Option<(TestApp, String, OpenIdProvider)> {
    let (server_port, provider_port) = (free_port(), free_port());
    let base = format!("http://127.0.0.1:{server_port}");
    let provider = start_provider(provider_port, &format!("{base}/auth/oidc/callback"), lean)?;
    let issuer = provider.issuer.clone();
    let app = spawn_with(|v| {
        v.insert("CONVENE_LISTEN".into(), format!("127.0.0.1:{server_port}"));
        v.insert("CONVENE_PUBLIC_URL".into(), base.clone());
        v.insert("CONVENE_OIDC_ISSUER".into(), issuer);
        v.insert("CONVENE_OIDC_CLIENT_ID".into(), "convene".into());
        v.insert(
            "CONVENE_OIDC_CLIENT_SECRET".into(),
            "convene-test-secret".into(),
        );
        v.insert("CONVENE_OIDC_LABEL".into(), "Entra ID".into());
    })
    .await;
    Some((app, format!("{base}/auth/oidc/start"), provider))
}

#[tokio::test]
async fn the_address_may_come_from_the_userinfo_endpoint() {
    let Some((app, start, _provider)) = sso_app(true).await else {
        return;
    };
    let v = app
        .gql(None, "{ authProviders { label } }", json!({}))
        .await;
    assert_eq!(ok(&v)["authProviders"][0]["label"], "Entra ID");
    let admin = app.admin().await;
    let org = app.create_org(&admin, "Trust Two", "NHS_TRUST", true).await;
    let trip = round_trip(&mut Browser::new(), &start, "gina", false).await;
    let v = exchange(&app, &trip.code(), Some(&org)).await;
    let gina = &ok(&v)["exchangeSignInCode"]["person"];
    assert_eq!(gina["email"], "gina@nhs.example");
    assert_eq!(gina["emailVerified"], true);
}

#[tokio::test]
async fn without_settings_there_is_no_single_sign_on() {
    let app = spawn_app().await;
    let v = app.gql(None, "{ authProviders { id } }", json!({})).await;
    assert_eq!(ok(&v)["authProviders"], json!([]));
    for path in ["/auth/oidc/start", "/auth/oidc/callback?code=x&state=y"] {
        let r = app
            .http()
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    let v = app
        .gql(
            None,
            "mutation { exchangeSignInCode(input: { code: \"x\" }) { accessToken } }",
            json!({}),
        )
        .await;
    assert_eq!(fields(&v), ["code"]);
}
