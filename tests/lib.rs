//! Helpers for the black-box tests: `spawn_app()` starts the real server on port 0 with its own
//! database (SQLite file, or a fresh PostgreSQL database when `TEST_POSTGRES_URL` is set) and
//! its own mail folder, and returns a client that speaks GraphQL over HTTP.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

pub mod fixtures;
pub mod process;

use convene_store::testing::{self, TestDatabase};
use serde_json::{json, Value};

pub const ADMIN_EMAIL: &str = "admin@test.example";
pub const ADMIN_PASSWORD: &str = "admin-password-123";
pub const PASSWORD: &str = "a good long password";

pub struct TestApp {
    pub base: String,
    pub mail_dir: PathBuf,
    /// The server's own state, for driving its clock-work (reminders) at a chosen time.
    pub state: convene_server::graphql::context::AppState,
    data_dir: PathBuf,
    http: reqwest::Client,
    _db: Option<TestDatabase>,
    db_url: String,
    handle: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.handle.abort();
        let _ = std::fs::remove_dir_all(&self.mail_dir);
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

/// Start the server with extra settings.
pub async fn spawn_with(adjust: impl FnOnce(&mut HashMap<String, String>)) -> TestApp {
    let db = testing::fresh().await;
    let url = db.url.clone();
    start(Some(db), url, adjust).await
}

/// Settings for [`spawn_with`]: answer every `/graphql` request with the SQL statements it cost.
pub fn count_statements(v: &mut HashMap<String, String>) {
    v.insert("CONVENE_SQL_COUNT_HEADER".into(), "1".into());
}

/// Start a server on an existing database (a restored backup, say), with the usual settings.
pub async fn spawn_on(database_url: &str) -> TestApp {
    spawn_on_with(database_url, |_| {}).await
}

/// Start a server on an existing database with extra settings (another key, say).
pub async fn spawn_on_with(
    database_url: &str,
    adjust: impl FnOnce(&mut HashMap<String, String>),
) -> TestApp {
    start(None, database_url.to_string(), adjust).await
}

/// The `CONVENE_SECRET_KEY` test servers start with (32 bytes of 0x11, base64).
pub const SECRET_KEY: &str = "ERERERERERERERERERERERERERERERERERERERERERE=";

impl TestApp {
    /// The database this server uses (for other replicas of it).
    pub fn database_url(&self) -> &str {
        &self.db_url
    }
}

async fn start(
    db: Option<TestDatabase>,
    db_url: String,
    adjust: impl FnOnce(&mut HashMap<String, String>),
) -> TestApp {
    let root = std::env::temp_dir().join(format!("convene-it-{}", uuid::Uuid::new_v4().simple()));
    let mail_dir = root.join("mail");
    let data_dir = root.join("data");
    let mut vars: HashMap<String, String> = [
        ("CONVENE_DATABASE_URL", db_url.clone()),
        ("CONVENE_LISTEN", "127.0.0.1:0".into()),
        (
            "CONVENE_JWT_SECRET",
            "a-test-secret-that-is-long-enough-for-hs256".into(),
        ),
        ("CONVENE_SECRET_KEY", SECRET_KEY.into()),
        ("CONVENE_MAIL_DIR", mail_dir.display().to_string()),
        ("CONVENE_DATA_DIR", data_dir.display().to_string()),
        ("CONVENE_ADMIN_EMAIL", ADMIN_EMAIL.into()),
        ("CONVENE_ADMIN_PASSWORD", ADMIN_PASSWORD.into()),
        // many accounts from one address: tests that check the limits switch them on
        ("CONVENE_RATE_LIMITS", "off".into()),
        (
            "CONVENE_STATIC_DIR",
            root.join("no-spa").display().to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    adjust(&mut vars);
    let mut config = convene_server::Config::from_map(&vars).expect("test config");
    config.outbox_poll_ms = 50;
    let app = convene_server::build(config)
        .await
        .expect("the server starts");
    let base = format!("http://{}", app.addr);
    let state = app.state.clone();
    let handle = app.spawn();
    TestApp {
        base,
        mail_dir,
        state,
        data_dir: root,
        http: reqwest::Client::new(),
        _db: db,
        db_url,
        handle,
    }
}

/// A GraphQL request to the server at `base` (this app's, or another replica's).
pub async fn gql_at(
    http: &reqwest::Client,
    base: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> Value {
    let mut req = http
        .post(format!("{base}/graphql"))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("a JSON answer")
}

/// The first error's `extensions.code`.
pub fn code(v: &Value) -> Option<&str> {
    v["errors"][0]["extensions"]["code"].as_str()
}

/// The field names of the first error's `extensions.fields`.
pub fn fields(v: &Value) -> Vec<String> {
    v["errors"][0]["extensions"]["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["field"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[track_caller]
pub fn ok(v: &Value) -> &Value {
    assert!(v.get("errors").is_none(), "unexpected errors: {v:#}");
    &v["data"]
}

impl TestApp {
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        gql_at(&self.http, &self.base, token, query, variables).await
    }

    /// A GraphQL request and the SQL statements it cost, from `x-convene-sql-statements`
    /// (the app must be started with [`count_statements`]).
    pub async fn gql_counted(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (Value, u64) {
        let mut req = self
            .http
            .post(format!("{}/graphql", self.base))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.expect("the server answers");
        let n = resp
            .headers()
            .get("x-convene-sql-statements")
            .expect("x-convene-sql-statements: start the app with count_statements")
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        (resp.json().await.expect("a JSON answer"), n)
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let v = self
            .gql(
                None,
                "mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }",
                json!({ "i": { "email": email, "password": password } }),
            )
            .await;
        ok(&v)["signIn"]["accessToken"]
            .as_str()
            .expect("a token")
            .to_string()
    }

    pub async fn admin(&self) -> String {
        self.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await
    }

    pub async fn create_org(
        &self,
        admin: &str,
        name: &str,
        sector: &str,
        nhs_member: bool,
    ) -> String {
        let v = self
            .gql(
                Some(admin),
                "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }",
                json!({ "i": { "name": name, "sector": sector, "nhsMember": nhs_member } }),
            )
            .await;
        ok(&v)["createOrganisation"]["organisation"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Register someone and prove their address with the link mailed to it; returns (access
    /// token, person id).
    pub async fn register(&self, email: &str, org: &str) -> (String, String) {
        let (token, id) = self.register_unverified(email, org).await;
        self.verify_from_mail(email).await;
        (token, id)
    }

    /// Register someone and leave the address unproven; returns (access token, person id).
    pub async fn register_unverified(&self, email: &str, org: &str) -> (String, String) {
        let v = self
            .gql(
                None,
                "mutation($i: RegisterInput!) { register(input: $i) { accessToken person { id } } }",
                json!({ "i": { "email": email, "password": PASSWORD, "name": format!("Person {email}"), "organisationId": org } }),
            )
            .await;
        let d = &ok(&v)["register"];
        (
            d["accessToken"].as_str().unwrap().to_string(),
            d["person"]["id"].as_str().unwrap().to_string(),
        )
    }

    /// The token of the last mail to `to` whose link has `path` (`/verify-email?token=`).
    pub async fn token_from_mail(&self, to: &str, path: &str) -> String {
        token_after(&unfold(&self.wait_for_mail(to, path).await), path)
    }

    /// Open the verification link mailed to `to`.
    pub async fn verify_from_mail(&self, to: &str) {
        let token = self.token_from_mail(to, "/verify-email?token=").await;
        self.verify_email(&token).await;
    }

    /// Prove an address in the store itself (for a test whose mail cannot leave).
    pub async fn mark_verified(&self, email: &str) {
        let p = convene_store::repo::people::find_by_email(&self.state.db, email)
            .await
            .unwrap()
            .expect("the person exists");
        convene_store::repo::people::mark_verified(&self.state.db, p.id, chrono::Utc::now())
            .await
            .unwrap();
    }

    /// Prove an address with the token of its verification link.
    pub async fn verify_email(&self, token: &str) {
        let v = self
            .gql(
                None,
                "mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) { person { emailVerified } } }",
                json!({ "i": { "token": token } }),
            )
            .await;
        assert_eq!(
            ok(&v)["verifyEmail"]["person"]["emailVerified"],
            true,
            "{v}"
        );
    }

    pub async fn create_domain(&self, admin: &str, name: &str) -> String {
        let v = self
            .gql(
                Some(admin),
                "mutation($i: CreateDomainInput!) { createDomain(input: $i) { domain { id } } }",
                json!({ "i": { "name": name, "description": "" } }),
            )
            .await;
        ok(&v)["createDomain"]["domain"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A call open from a day ago for thirty days.
    pub async fn create_open_call(&self, admin: &str) -> String {
        let now = chrono::Utc::now();
        let v = self.gql(Some(admin), CREATE_CALL, json!({ "i": call_input(now - chrono::Duration::days(1), now + chrono::Duration::days(30)) })).await;
        ok(&v)["createCall"]["call"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The `.eml` files written so far.
    pub fn mails(&self) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(&self.mail_dir) else {
            return Vec::new();
        };
        dir.filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// Wait (up to 10 s) for a mail to `to` whose text contains `needle`.
    pub async fn wait_for_mail(&self, to: &str, needle: &str) -> String {
        for _ in 0..200 {
            if let Some(m) = self
                .mails()
                .into_iter()
                .find(|m| m.contains(&format!("To: {to}")) && m.contains(needle))
            {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} containing {needle:?}; mails: {:#?}",
            self.mails()
        );
    }
}

pub const CREATE_CALL: &str = "mutation($i: CreateCallInput!) { createCall(input: $i) { call { id status acceptingApplications budgetPence criteria { id name weight } } } }";

pub fn call_input(
    opens: chrono::DateTime<chrono::Utc>,
    closes: chrono::DateTime<chrono::Utc>,
) -> Value {
    json!({
        "title": "Call for Conveners (test)",
        "description": "A test round",
        "opensAt": opens.to_rfc3339(),
        "closesAt": closes.to_rfc3339(),
        "decisionDueOn": (closes + chrono::Duration::days(30)).date_naive().to_string(),
        "fundedPlaces": 5,
        "honorariumPence": 500000,
        "honorariumPolicy": "REDISTRIBUTE",
        "reviewersPerApplication": 3,
        "criteria": [{ "name": "Passion and energy", "weight": 3 }, { "name": "Clarity of the domain", "weight": 2 }]
    })
}

/// The seven answers, filled in.
pub fn answers() -> Value {
    json!({
        "motivation": "I care about this",
        "domainSketch": "A sketch",
        "memberMap": "Nurses, pharmacists, a patient",
        "invitationDraft": "Would you join us?",
        "firstMeeting": "Lunch in March",
        "hopedForChange": "Fewer errors",
        "supportWanted": "A coach"
    })
}

/// A world to test applications in: an admin, an open call, two domains and organisations of
/// each kind that matters.
pub struct World {
    pub admin: String,
    pub call: String,
    pub domain: String,
    pub other_domain: String,
    pub nhs_org: String,
    pub non_member_nhs_org: String,
    pub industry_org: String,
    pub third_sector_org: String,
}

pub async fn world(app: &TestApp) -> World {
    let admin = app.admin().await;
    World {
        call: app.create_open_call(&admin).await,
        domain: app.create_domain(&admin, "Medication safety").await,
        other_domain: app.create_domain(&admin, "Falls prevention").await,
        nhs_org: app
            .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
            .await,
        non_member_nhs_org: app
            .create_org(&admin, "Faraway NHS Trust", "NHS_TRUST", false)
            .await,
        industry_org: app
            .create_org(&admin, "Devices Ltd", "INDUSTRY", false)
            .await,
        third_sector_org: app
            .create_org(&admin, "Patient Voices", "THIRD_SECTOR", false)
            .await,
        admin,
    }
}

pub const START: &str = "mutation($i: StartApplicationInput!) { startApplication(input: $i) { application { id status } } }";

impl TestApp {
    /// Start an application with every answer filled in; returns its id.
    pub async fn start_application(&self, token: &str, call: &str, domain: &str) -> String {
        let mut i = answers();
        i["callId"] = json!(call);
        i["domainId"] = json!(domain);
        let v = self.gql(Some(token), START, json!({ "i": i })).await;
        ok(&v)["startApplication"]["application"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

// ---- Helpers for the catalogue, calls, applications and audit modules ----

pub const UPDATE: &str = "mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { application { id status domain { id } sponsor { id } motivation domainSketch memberMap invitationDraft firstMeeting hopedForChange supportWanted } } }";
pub const INVITE: &str = "mutation($i: InviteCoLeadInput!) { inviteCoLead(input: $i) { application { id coLeads { email state accepted person { id } } } } }";
pub const ACCEPT: &str = "mutation($a: ID!) { acceptCoLead(input: { applicationId: $a }) { application { id coLeads { email state accepted person { id } organisation { id } honorariumEligible } } } }";
pub const DECLINE: &str = "mutation($a: ID!) { declineCoLead(input: { applicationId: $a }) { application { id coLeads { email state accepted } } } }";
pub const REMOVE: &str = "mutation($i: RemoveCoLeadInput!) { removeCoLead(input: $i) { application { id coLeads { email state } } } }";
pub const SUBMIT: &str = "mutation($a: ID!) { submitApplication(input: { applicationId: $a }) { application { id status submittedAt } } }";
pub const WITHDRAW: &str = "mutation($a: ID!) { withdrawApplication(input: { applicationId: $a }) { application { id status withdrawnAt } } }";

/// A well-formed global ID of type `kind` that names nothing.
pub fn unknown_id(kind: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{kind}:{}", uuid::Uuid::new_v4()))
}

/// An `.eml` with quoted-printable soft line breaks undone and `=3D` decoded, so that a link
/// can be searched for whatever transfer encoding the mail used.
pub fn unfold(mail: &str) -> String {
    mail.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The token that follows the last `path` (e.g. `/verify-email?token=`) in a text.
pub fn token_after(text: &str, path: &str) -> String {
    let start = text.rfind(path).expect("the link is in the text") + path.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The field names of the first error's `extensions.fields`, sorted.
pub fn sorted_fields(v: &Value) -> Vec<String> {
    let mut f = fields(v);
    f.sort();
    f
}

/// `v[key]` as a string, panicking with the whole answer when it is not one.
#[track_caller]
pub fn as_string(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
        .to_string()
}

impl TestApp {
    /// The signed-in person's ID.
    pub async fn viewer_id(&self, token: &str) -> String {
        let v = self.gql(Some(token), "{ viewer { id } }", json!({})).await;
        as_string(&ok(&v)["viewer"]["id"])
    }

    /// Give someone a role (as the admin).
    pub async fn grant(&self, admin: &str, person: &str, role: &str) {
        let v = self
            .gql(
                Some(admin),
                "mutation($i: GrantRoleInput!) { grantRole(input: $i) { person { id } } }",
                json!({ "i": { "personId": person, "role": role } }),
            )
            .await;
        ok(&v);
    }

    /// Invite `email` to co-lead; the raw answer.
    pub async fn invite(&self, token: &str, app: &str, email: &str) -> Value {
        self.gql(
            Some(token),
            INVITE,
            json!({ "i": { "applicationId": app, "email": email } }),
        )
        .await
    }

    /// Invite `email` and have `invitee` accept; panics unless both succeed.
    pub async fn add_co_lead(&self, lead: &str, app: &str, email: &str, invitee: &str) {
        ok(&self.invite(lead, app, email).await);
        ok(&self.gql(Some(invitee), ACCEPT, json!({ "a": app })).await);
    }

    pub async fn submit(&self, token: &str, app: &str) -> Value {
        self.gql(Some(token), SUBMIT, json!({ "a": app })).await
    }

    pub async fn withdraw(&self, token: &str, app: &str) -> Value {
        self.gql(Some(token), WITHDRAW, json!({ "a": app })).await
    }

    /// An application read back as the programme team (or whoever `token` is).
    pub async fn read_application(&self, token: &str, app: &str) -> Value {
        self.gql(
            Some(token),
            "query($id: ID!) { application(id: $id) { id status submittedAt withdrawnAt domain { id name } sponsor { id name } lead { id } leadOrganisation { id } motivation domainSketch memberMap invitationDraft firstMeeting hopedForChange supportWanted viewerIsLead viewerIsInvited coLeads { email state accepted person { id } organisation { id name } honorariumEligible } } }",
            json!({ "id": app }),
        )
        .await
    }

    /// The audit entries of one entity, newest first (as the admin).
    pub async fn audit_of(&self, admin: &str, entity: &str) -> Vec<Value> {
        let v = self
            .gql(
                Some(admin),
                "query($id: ID) { auditLog(entityId: $id, first: 100) { totalCount nodes { action entityType entityId before after at actor { id } } } }",
                json!({ "id": entity }),
            )
            .await;
        ok(&v)["auditLog"]["nodes"].as_array().unwrap().clone()
    }
}
