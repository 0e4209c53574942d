//! People's own data (SPEC §7): a person exports everything held about them, and deletes
//! their account; afterwards no table holds their name or e-mail address, what they wrote
//! for communities stays as a former member's, and what the network must keep is kept.

use convene_blackbox::*;
use convene_store::sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{json, Value};

use crate::selection_support::*;

pub const NAME: &str = "Zebedee Quartermaine";
pub const EMAIL: &str = "zq.convener@riverside.nhs.uk";

pub const EXPORT: &str = "mutation { exportMyData { exportedAt json tables { name rows csv } } }";
pub const DELETE: &str = "mutation($p: String!) { deleteMyAccount(input: { password: $p }) { deleted kept { what count reason } } }";

/// A person who has done everything, and the people and things around them.
pub struct Life {
    pub r: Round,
    pub z: Who,
    pub c: Who,
    pub k: Who,
    pub chair: Who,
    /// Z's submitted, funded application (co-led by C), and Z's draft.
    pub a: String,
    pub draft: String,
    /// The application Z reviewed.
    pub b: String,
    pub community: String,
    pub practice: String,
    pub exchange: String,
    pub share: String,
}

async fn must(app: &TestApp, token: &str, q: &str, vars: Value) -> Value {
    let v = app.gql(Some(token), q, vars).await;
    ok(&v).clone()
}

/// Z registers, leads an application with a co-lead (and keeps a draft), sits on the panel
/// and reviews, is funded and paid, joins a community, shares a named and an anonymous
/// exchange, posts a challenge and a reply, asks for support, is put on a member map and
/// invited to another community; mails and notifications follow.
pub async fn everything(app: &TestApp) -> Life {
    let r = round(app, |i| i["reviewersPerApplication"] = json!(1)).await;
    let v = app
        .gql(
            None,
            "mutation($i: RegisterInput!) { register(input: $i) { accessToken person { id } } }",
            json!({ "i": { "email": EMAIL, "password": PASSWORD, "name": NAME, "organisationId": r.nhs, "profession": "Ward pharmacist" } }),
        )
        .await;
    app.verify_from_mail(EMAIL).await;
    let z = Who {
        token: as_string(&ok(&v)["register"]["accessToken"]),
        id: as_string(&ok(&v)["register"]["person"]["id"]),
        email: EMAIL.into(),
    };
    let c = person(app, "c.colead@lakeside.nhs.uk", &r.nhs2).await;
    let a = application(app, &r.call, &r.domains[0], &z, &[&c], None, true).await;
    let draft = application(app, &r.call, &r.domains[1], &z, &[], None, false).await;
    let l = person(app, "l.lead@hillside.nhs.uk", &r.nhs3).await;
    let b = application(app, &r.call, &r.domains[2], &l, &[], None, true).await;
    let chair = person(app, "chair@hin.example", &r.network).await;
    ok(&add_panel(app, &r, &chair, true).await);
    ok(&add_panel(app, &r, &z, false).await);
    close(app, &r).await;
    add_assignment(app, &r, &b, &z).await;
    ok(&review(app, &r, &z.token, &b, &[4, 3]).await);
    ok(&decide(
        app,
        &chair.token,
        &r.call,
        &[&a, &b],
        "Both domains are well led",
    )
    .await);
    must(app, &r.admin, SEND_OUTCOMES, json!({ "c": r.call })).await;
    let h = must(app, &r.admin, HONORARIA, json!({ "c": r.call })).await;
    let share = h["call"]["honoraria"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["shares"].as_array().unwrap().clone())
        .find(|s| s["person"]["id"] == z.id.as_str())
        .map(|s| as_string(&s["id"]))
        .expect("Z has a share");
    must(app, &r.admin, APPROVE, json!({ "s": share })).await;
    let today = chrono::Utc::now().date_naive().to_string();
    must(
        app,
        &r.admin,
        PAY,
        json!({ "i": { "shareId": share, "reference": "BACS-0042", "paidOn": today } }),
    )
    .await;

    let k = person(app, "k.convener@riverside.nhs.uk", &r.nhs).await;
    let create =
        "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
    let v = must(app, &k.token, create, json!({ "i": { "name": "Falls Friends", "domainId": r.domains[3], "membershipMode": "OPEN" } })).await;
    let community = as_string(&v["createCommunity"]["community"]["id"]);
    must(
        app,
        &z.token,
        "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }",
        json!({ "c": community }),
    )
    .await;
    let v = must(app, &k.token, "mutation($i: ProposePracticeInput!) { proposePractice(input: $i) { practice { id } } }", json!({ "i": { "communityId": community, "name": "Hip protectors", "description": "Padded protectors" } })).await;
    let practice = as_string(&v["proposePractice"]["practice"]["id"]);
    let share_ex =
        "mutation($i: ShareExchangeInput!) { shareExchange(input: $i) { exchange { id } } }";
    let v = must(app, &z.token, share_ex, json!({ "i": { "practiceId": practice, "technical": "Protectors on ward 4 since May", "cultural": "Staff liked them" } })).await;
    let exchange = as_string(&v["shareExchange"]["exchange"]["id"]);
    must(app, &z.token, share_ex, json!({ "i": { "practiceId": practice, "challenges": "Night staff forgot them", "anonymous": true } })).await;
    let post =
        "mutation($i: PostChallengeInput!) { postChallenge(input: $i) { challenge { id } } }";
    let reply =
        "mutation($i: ReplyToChallengeInput!) { replyToChallenge(input: $i) { reply { id } } }";
    let v = must(app, &k.token, post, json!({ "i": { "communityId": community, "title": "Handover gaps", "body": "We lose falls risk at handover" } })).await;
    let ks = as_string(&v["postChallenge"]["challenge"]["id"]);
    must(
        app,
        &z.token,
        reply,
        json!({ "i": { "challengeId": ks, "body": "Try a two-minute huddle" } }),
    )
    .await;
    let v = must(app, &z.token, post, json!({ "i": { "communityId": community, "title": "Bed alarms", "body": "Ours go off all night", "anonymous": true } })).await;
    let zs = as_string(&v["postChallenge"]["challenge"]["id"]);
    must(
        app,
        &k.token,
        reply,
        json!({ "i": { "challengeId": zs, "body": "Check the sensitivity" } }),
    )
    .await;
    must(
        app,
        &k.token,
        "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }",
        json!({ "i": { "communityId": community, "personId": z.id, "role": "CORE" } }),
    )
    .await;
    must(app, &z.token, "mutation($i: RequestSupportInput!) { requestSupport(input: $i) { request { id } } }", json!({ "i": { "communityId": community, "kind": "MEETING_DESIGN", "details": "Help us plan the first meeting" } })).await;
    must(app, &k.token, "mutation($i: AddMemberMapEntryInput!) { addMemberMapEntry(input: $i) { entry { id } } }", json!({ "i": { "communityId": community, "name": NAME, "email": EMAIL, "profession": "Pharmacist", "tags": ["HAS_INTEREST"] } })).await;
    let v = must(app, &k.token, create, json!({ "i": { "name": "Night Shift Circle", "domainId": r.domains[3], "membershipMode": "INVITATION" } })).await;
    let night = as_string(&v["createCommunity"]["community"]["id"]);
    must(app, &k.token, "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }", json!({ "i": { "communityId": night, "email": EMAIL, "message": "Would you join our night-shift circle?" } })).await;
    // the outcome reaches Z's inbox (so one of Z's mails has been sent, others may wait)
    app.wait_for_mail(EMAIL, "Subject").await;
    Life {
        r,
        z,
        c,
        k,
        chair,
        a,
        draft,
        b,
        community,
        practice,
        exchange,
        share,
    }
}

/// A small RFC 4180 reader: fields may be quoted, with `""` for a quote, and hold commas and
/// line breaks; lines end with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => cell.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, _) => cell.push(ch),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "CSV ends with CRLF"
    );
    rows
}

/// The export's tables by name: (rows, CSV parsed back).
fn tables(export: &Value) -> std::collections::HashMap<String, (i64, Vec<Vec<String>>)> {
    export["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                as_string(&t["name"]),
                (
                    t["rows"].as_i64().unwrap(),
                    parse_csv(t["csv"].as_str().unwrap()),
                ),
            )
        })
        .collect()
}

#[test]
fn the_csv_reader_reads_quotes_commas_and_line_breaks() {
    let rows = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n");
    assert_eq!(rows, [vec!["a", "b"], vec!["x, \"y\"", "two\r\nlines"]]);
}

#[tokio::test]
async fn the_export_holds_every_table_about_the_person_as_json_and_csv() {
    let app = spawn_app().await;
    let life = everything(&app).await;
    let v = must(&app, &life.z.token, EXPORT, json!({})).await;
    let export = &v["exportMyData"];
    let json: Value = serde_json::from_str(export["json"].as_str().unwrap()).unwrap();
    assert_eq!(json["exportedAt"], export["exportedAt"]);
    assert_eq!(json["person"]["email"], EMAIL);
    assert_eq!(json["person"]["name"], NAME);
    assert_eq!(json["person"]["profession"], "Ward pharmacist");
    assert!(json["person"].get("password_hash").is_none(), "{json}");
    let t = tables(export);
    let want_rows: &[(&str, i64)] = &[
        ("person", 1),
        ("organisation", 1),
        ("roles", 1),
        ("applications", 2),
        ("panel_memberships", 1),
        ("review_assignments", 1),
        ("reviews", 1),
        ("review_scores", 2),
        ("honorarium_shares", 1),
        ("outcome_notices", 1),
        ("memberships", 1),
        ("invitations", 1),
        ("member_map_entries", 1),
        ("exchanges", 2),
        ("challenges", 1),
        ("challenge_replies", 1),
        ("support_requests", 1),
    ];
    for (name, n) in want_rows {
        let (rows, csv) = t.get(*name).unwrap_or_else(|| panic!("no table {name}"));
        assert_eq!(rows, n, "{name}");
        assert_eq!(csv.len() as i64, n + 1, "{name}: a header and the rows");
        // JSON and CSV agree
        let j = if *name == "person" {
            vec![json["person"].clone()]
        } else {
            json[*name].as_array().unwrap().clone()
        };
        assert_eq!(j.len() as i64, *n, "{name}");
        for (row, obj) in csv[1..].iter().zip(&j) {
            for (col, cell) in csv[0].iter().zip(row) {
                let want = match &obj[col] {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    x => x.to_string(),
                };
                assert_eq!(*cell, want, "{name}.{col}");
            }
        }
    }
    for name in [
        "sessions",
        "account_tokens",
        "organisation_history",
        "application_roles",
        "conflicts",
        "decisions",
        "membership_history",
        "community_functions",
        "join_requests",
        "meetings_attended",
        "inquiries",
        "notifications",
        "emails",
        "audit_entries",
    ] {
        assert!(t.contains_key(name), "no table {name}");
        assert!(json[name].is_array(), "{name} in the JSON");
    }
    assert!(t["sessions"].0 >= 1);
    assert!(!t["sessions"].1[0].contains(&"token_hash".to_string()));
    // the verification link Z was sent, without its hash
    assert!(t["account_tokens"].0 >= 1);
    assert!(!t["account_tokens"].1[0].contains(&"token_hash".to_string()));
    assert!(t.contains_key("organisation_history"));
    assert!(t["notifications"].0 >= 2, "a review to do, a reply");
    assert!(t["emails"].0 >= 1);
    assert!(t["audit_entries"].0 >= 8);
    assert!(t["membership_history"].0 >= 1);
    assert_eq!(t["application_roles"].0, 2);
    // what they wrote, anonymous or not, is theirs
    let ex: Vec<&Value> = json["exchanges"].as_array().unwrap().iter().collect();
    assert!(ex
        .iter()
        .any(|e| e["technical"] == "Protectors on ward 4 since May"));
    assert!(ex.iter().any(|e| e["anonymous"] == true));
    assert_eq!(json["honorarium_shares"][0]["status"], "PAID");
    assert_eq!(json["honorarium_shares"][0]["reference"], "BACS-0042");
    assert_eq!(
        json["applications"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["answers"]["motivation"] == "I care about this")
            .count(),
        2
    );
    let mut criteria: Vec<String> = json["review_scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| as_string(&s["criterion"]))
        .collect();
    criteria.sort();
    assert_eq!(criteria, ["Clarity of the domain", "Passion and energy"]);
    assert_eq!(json["memberships"][0]["community"], "Falls Friends");
    assert_eq!(json["invitations"][0]["community"], "Night Shift Circle");
    assert!(json["invitations"][0].get("token_hash").is_none());

    // the query answers the same, and both are audited without personal data
    let q = must(
        &app,
        &life.z.token,
        "{ exportMyData { tables { name rows } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        q["exportMyData"]["tables"].as_array().unwrap().len(),
        t.len()
    );
    let v = app
        .gql(
            Some(&life.r.admin),
            "query($f: AuditFilter) { auditLog(filter: $f, first: 10) { totalCount nodes { after actor { id } entityLabel } } }",
            json!({ "f": { "entityType": "Person", "action": "export_data", "actorId": life.z.id } }),
        )
        .await;
    let log = &ok(&v)["auditLog"];
    assert_eq!(log["totalCount"], 2);
    let after = log["nodes"][0]["after"].as_str().unwrap();
    assert!(
        !after.to_lowercase().contains("zebedee") && !after.contains(EMAIL),
        "{after}"
    );
    assert_eq!(log["nodes"][0]["entityLabel"], NAME);
    // signed-out people have nothing to export
    assert_eq!(
        code(&app.gql(None, EXPORT, json!({})).await),
        Some("UNAUTHENTICATED")
    );
}

/// Every text of every row of every table (listed from the database itself, so a new table is
/// scanned too), lower-cased, with where it was found.
async fn every_text(app: &TestApp) -> Vec<(String, String, String)> {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let list = match backend {
        DbBackend::Sqlite => "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        _ => "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    };
    let tables: Vec<String> = db
        .query_all_raw(Statement::from_string(backend, list))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "t").unwrap())
        .collect();
    assert!(tables.len() >= 40, "{tables:?}");
    let mut out = Vec::new();
    for t in tables {
        let cols_sql = match backend {
            DbBackend::Sqlite => format!("SELECT name AS c FROM pragma_table_info('{t}')"),
            _ => format!("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{t}'"),
        };
        let cols: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, cols_sql))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "c").unwrap())
            .collect();
        for c in cols {
            // every value as text: PostgreSQL casts any type; SQLite's bytes are read as they are
            let sql = match backend {
                DbBackend::Sqlite => format!("SELECT CAST(\"{c}\" AS BLOB) AS v FROM \"{t}\""),
                _ => format!("SELECT CAST(\"{c}\" AS TEXT) AS v FROM \"{t}\""),
            };
            for r in db
                .query_all_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
            {
                let v = match backend {
                    DbBackend::Sqlite => r
                        .try_get::<Option<Vec<u8>>>("", "v")
                        .unwrap()
                        .map(|b| String::from_utf8_lossy(&b).to_string()),
                    _ => r.try_get::<Option<String>>("", "v").unwrap(),
                };
                if let Some(v) = v {
                    out.push((t.clone(), c.clone(), v.to_lowercase()));
                }
            }
        }
    }
    out
}

fn mentions<'a>(
    texts: &'a [(String, String, String)],
    needle: &str,
) -> Vec<&'a (String, String, String)> {
    let n = needle.to_lowercase();
    texts.iter().filter(|(_, _, v)| v.contains(&n)).collect()
}

#[tokio::test]
async fn deletion_leaves_no_name_or_address_in_any_table() {
    let app = spawn_app().await;
    let life = everything(&app).await;
    let texts = every_text(&app).await;
    // the scan finds them before (so it can fail)
    assert!(
        mentions(&texts, EMAIL).len() >= 5,
        "{:#?}",
        mentions(&texts, EMAIL)
    );
    assert!(!mentions(&texts, NAME).is_empty());

    // a wrong password changes nothing
    let before = texts.len();
    let v = app
        .gql(
            Some(&life.z.token),
            DELETE,
            json!({ "p": "not my password at all" }),
        )
        .await;
    assert_eq!(code(&v), Some("VALIDATION"));
    assert_eq!(fields(&v), ["password"]);
    assert_eq!(
        v["errors"][0]["extensions"]["fields"][0]["message"],
        "The password is not right"
    );
    let v = must(&app, &life.z.token, "{ viewer { name email } }", json!({})).await;
    assert_eq!(v["viewer"]["name"], NAME);
    assert_eq!(every_text(&app).await.len(), before);

    let v = must(&app, &life.z.token, DELETE, json!({ "p": PASSWORD })).await;
    let d = &v["deleteMyAccount"];
    assert_eq!(d["deleted"], true);
    let kept: Vec<(String, i64)> = d["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            assert!(!as_string(&k["reason"]).is_empty());
            (as_string(&k["what"]), k["count"].as_i64().unwrap())
        })
        .collect();
    let count = |what: &str| kept.iter().find(|k| k.0.starts_with(what)).map(|k| k.1);
    assert_eq!(count("Applications you led or co-led"), Some(1), "{kept:?}");
    assert_eq!(count("Reviews and scores"), Some(1), "{kept:?}");
    assert_eq!(
        count("Honorarium payments approved or paid"),
        Some(1),
        "{kept:?}"
    );
    assert_eq!(count("What you wrote for communities"), Some(5), "{kept:?}");
    assert_eq!(count("Selection decisions"), None, "Z was not the chair");

    // THE SCAN
    let texts = every_text(&app).await;
    let found: Vec<_> = mentions(&texts, EMAIL)
        .into_iter()
        .chain(mentions(&texts, NAME))
        .collect();
    assert!(found.is_empty(), "still held: {found:#?}");

    // the old token no longer works, nor the password
    let v = app
        .gql(Some(&life.z.token), "{ viewer { id } }", json!({}))
        .await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));
    let v = app
        .gql(
            None,
            "mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }",
            json!({ "i": { "email": EMAIL, "password": PASSWORD } }),
        )
        .await;
    assert_eq!(code(&v), Some("UNAUTHENTICATED"));

    // the community still has the exchange, written by a former member
    let v = must(&app, &life.k.token, "query($p: ID!) { practice(id: $p) { exchanges(first: 10) { nodes { id technical anonymous author { id name } } } } }", json!({ "p": life.practice })).await;
    let ex = v["practice"]["exchanges"]["nodes"].as_array().unwrap();
    assert_eq!(ex.len(), 2);
    let named = ex
        .iter()
        .find(|e| e["id"] == life.exchange.as_str())
        .unwrap();
    assert_eq!(named["technical"], "Protectors on ward 4 since May");
    assert_eq!(named["author"]["name"], "Former member");
    assert_eq!(named["author"]["id"], life.z.id);
    // the member list no longer has them; the funded application and its decision stay
    let v = must(
        &app,
        &life.k.token,
        "query($c: ID!) { community(id: $c) { members { person { id } } } }",
        json!({ "c": life.community }),
    )
    .await;
    assert!(!v.to_string().contains(&life.z.id), "{v}");
    let v = must(
        &app,
        &life.r.admin,
        "query($a: ID!) { application(id: $a) { status lead { id name } } }",
        json!({ "a": life.a }),
    )
    .await;
    assert_eq!(v["application"]["status"], "FUNDED");
    assert_eq!(v["application"]["lead"]["name"], "Former member");
    let v = app
        .gql(
            Some(&life.r.admin),
            "query($a: ID!) { application(id: $a) { id } }",
            json!({ "a": life.draft }),
        )
        .await;
    assert!(
        v["data"]["application"].is_null() || code(&v) == Some("NOT_FOUND"),
        "the draft went: {v}"
    );
    let h = must(&app, &life.r.admin, HONORARIA, json!({ "c": life.r.call })).await;
    assert!(h.to_string().contains(&life.share), "the paid share stays");
    let _ = (&life.c, &life.chair, &life.b);

    // deletion is audited, without personal data, and findable by the filters
    let v = must(
        &app,
        &life.r.admin,
        "query($f: AuditFilter) { auditLog(filter: $f) { totalCount nodes { action after entityLabel actor { id name } } } }",
        json!({ "f": { "entityType": "Person", "actorId": life.z.id, "action": "delete_account" } }),
    )
    .await;
    assert_eq!(v["auditLog"]["totalCount"], 1);
    let e = &v["auditLog"]["nodes"][0];
    assert_eq!(e["entityLabel"], "Former member");
    assert_eq!(e["actor"]["name"], "Former member");
}

#[tokio::test]
async fn the_last_programme_team_account_cannot_delete_itself() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let v = app
        .gql(Some(&admin), DELETE, json!({ "p": ADMIN_PASSWORD }))
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    assert!(
        as_string(&v["errors"][0]["message"]).contains("last programme-team account"),
        "{v}"
    );
    ok(&app.gql(Some(&admin), "{ viewer { id } }", json!({})).await);
    // with a second one, it can
    let org = app.create_org(&admin, "HIN", "NETWORK", false).await;
    let (_, other) = app.register("second@hin.example", &org).await;
    app.grant(&admin, &other, "PROGRAMME_TEAM").await;
    let v = app
        .gql(Some(&admin), DELETE, json!({ "p": ADMIN_PASSWORD }))
        .await;
    assert_eq!(ok(&v)["deleteMyAccount"]["deleted"], true);
    assert_eq!(
        code(&app.gql(Some(&admin), "{ viewer { id } }", json!({})).await),
        Some("UNAUTHENTICATED")
    );
}

#[tokio::test]
async fn a_sole_convener_hands_over_before_deleting() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let org = app
        .create_org(&admin, "Riverside NHS Trust", "NHS_TRUST", true)
        .await;
    let domain = app.create_domain(&admin, "Falls prevention").await;
    let (k, _) = app.register("k@riverside.nhs.uk", &org).await;
    let v = app.gql(Some(&k), "mutation($d: ID!) { createCommunity(input: { name: \"Falls Friends\", domainId: $d, membershipMode: OPEN }) { community { id } } }", json!({ "d": domain })).await;
    ok(&v);
    let v = app.gql(Some(&k), DELETE, json!({ "p": PASSWORD })).await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    assert!(
        as_string(&v["errors"][0]["message"]).contains("Falls Friends"),
        "{v}"
    );
    ok(&app.gql(Some(&k), "{ viewer { id } }", json!({})).await);
    // signed-out people cannot delete anything
    assert_eq!(
        code(&app.gql(None, DELETE, json!({ "p": PASSWORD })).await),
        Some("UNAUTHENTICATED")
    );
}
