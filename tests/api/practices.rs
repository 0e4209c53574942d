//! Practices (SPEC §5): proposing and moving practices on, exchanges and the safe forum
//! (visibility and anonymity through every path), inquiries, sharing protocols, promising
//! practices and the library's search, on whichever database the suite runs against.

use convene_blackbox::*;
use serde_json::{json, Value};

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
const JOIN: &str = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";
const ROLE: &str =
    "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";
const PROPOSE: &str = "mutation($i: ProposePracticeInput!) { proposePractice(input: $i) { practice { id name description tags status domain { id } community { id } proposedBy { id } } } }";
const STATUS: &str = "mutation($p: ID!, $s: PracticeStatus!) { setPracticeStatus(input: { practiceId: $p, status: $s }) { practice { id status } } }";
const SHARE: &str = "mutation($i: ShareExchangeInput!) { shareExchange(input: $i) { exchange { id visibility anonymous viewerIsAuthor author { id } meetingId protocol { id } } } }";
const SET_VIS: &str = "mutation($i: SetExchangeVisibilityInput!) { setExchangeVisibility(input: $i) { exchange { id visibility anonymous } } }";
const ASK: &str = "mutation($e: ID!, $q: String!) { askInquiry(input: { exchangeId: $e, question: $q }) { inquiry { id question askedBy { id } } } }";
const ANSWER: &str = "mutation($i: ID!, $a: String!) { answerInquiry(input: { inquiryId: $i, answer: $a }) { answer { id answer author { id } byExchangeAuthor } inquiry { id } } }";
const MARK: &str = "mutation($i: MarkPromisingInput!) { markPromising(input: $i) { practice { id promising { evidence outcomes visibility organisations { id } markedBy { id } markedAt } } } }";
const CREATE_PROTOCOL: &str = "mutation($i: CreateSharingProtocolInput!) { createSharingProtocol(input: $i) { sharingProtocol { id name network totalMinutes prompts { prompt minutes } } } }";
const ADOPT: &str = "mutation($p: ID!, $c: ID!) { adoptSharingProtocol(input: { protocolId: $p, communityId: $c }) { sharingProtocol { id name network adoptedFrom { id } community { id } prompts { prompt minutes } } } }";
const UPDATE_PROTOCOL: &str = "mutation($i: UpdateSharingProtocolInput!) { updateSharingProtocol(input: $i) { sharingProtocol { id name totalMinutes prompts { prompt minutes } } } }";
const LIBRARY: &str = "query($s: String, $d: ID, $o: ID, $t: String, $f: Int, $a: String) { promisingPractices(search: $s, domainId: $d, organisationId: $o, tag: $t, first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }";

/// A community with a convener, a core member, two members (one of them the author of the
/// exchanges), a signed-in outsider and the programme team.
struct Cop {
    w: World,
    community: String,
    convener: String,
    core: String,
    author: String,
    author_id: String,
    member: String,
    outsider: String,
}

fn id_of(v: &Value, path: &[&str]) -> String {
    let mut x = ok(v);
    for p in path {
        x = &x[*p];
    }
    as_string(x)
}

async fn community(app: &TestApp, token: &str, domain: &str, listed: bool) -> String {
    let v = app
        .gql(
            Some(token),
            CREATE,
            json!({ "i": { "name": "Falls prevention peers", "domainId": domain, "membershipMode": "OPEN", "listed": listed } }),
        )
        .await;
    id_of(&v, &["createCommunity", "community", "id"])
}

async fn cop(app: &TestApp) -> Cop {
    let w = world(app).await;
    let (convener, _) = app.register("convener@example.nhs.uk", &w.nhs_org).await;
    let (core, core_id) = app.register("core@example.nhs.uk", &w.nhs_org).await;
    let (author, author_id) = app.register("author@example.nhs.uk", &w.nhs_org).await;
    let (member, _) = app.register("member@example.nhs.uk", &w.nhs_org).await;
    let (outsider, _) = app.register("outsider@example.nhs.uk", &w.nhs_org).await;
    let c = community(app, &convener, &w.domain, true).await;
    for t in [&core, &author, &member] {
        assert_eq!(
            ok(&app.gql(Some(t), JOIN, json!({ "c": c })).await)["joinCommunity"]["joined"],
            true
        );
    }
    ok(&app
        .gql(
            Some(&convener),
            ROLE,
            json!({ "i": { "communityId": c, "personId": core_id, "role": "CORE" } }),
        )
        .await);
    Cop {
        w,
        community: c,
        convener,
        core,
        author,
        author_id,
        member,
        outsider,
    }
}

async fn propose(app: &TestApp, token: &str, community: &str, name: &str, tags: &[&str]) -> Value {
    app.gql(
        Some(token),
        PROPOSE,
        json!({ "i": { "communityId": community, "name": name, "description": format!("How we do {name}"), "tags": tags } }),
    )
    .await
}

async fn practice(
    app: &TestApp,
    token: &str,
    community: &str,
    name: &str,
    tags: &[&str],
) -> String {
    id_of(
        &propose(app, token, community, name, tags).await,
        &["proposePractice", "practice", "id"],
    )
}

/// A meeting of the community, scheduled by its convener.
async fn schedule_meeting(app: &TestApp, s: &Cop) -> String {
    let scheduled = app
        .gql(
            Some(&s.convener),
            "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }",
            json!({ "i": { "communityId": s.community, "startsAt": "2027-02-02T10:00", "durationMinutes": 60, "mode": "CALL", "joiningDetails": "0300 000 0000" } }),
        )
        .await;
    id_of(&scheduled, &["scheduleMeeting", "meeting", "id"])
}

async fn share(
    app: &TestApp,
    token: &str,
    practice: &str,
    visibility: &str,
    anonymous: bool,
) -> Value {
    app.gql(
        Some(token),
        SHARE,
        json!({ "i": { "practiceId": practice, "technical": format!("{visibility} {anonymous}: the huddle board by the nurses' station"), "helpNeeded": "A pharmacist at the huddle", "visibility": visibility, "anonymous": anonymous } }),
    )
    .await
}

async fn mark(
    app: &TestApp,
    token: &str,
    practice: &str,
    evidence: &str,
    outcomes: &str,
    orgs: &[&str],
    visibility: &str,
) -> Value {
    app.gql(
        Some(token),
        MARK,
        json!({ "i": { "practiceId": practice, "evidence": evidence, "outcomes": outcomes, "organisationIds": orgs, "visibility": visibility } }),
    )
    .await
}

#[tokio::test]
async fn members_propose_practices_and_those_who_run_the_community_move_them_on() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let v = propose(
        &app,
        &s.member,
        &s.community,
        "  Safety huddle ",
        &["Huddles", "huddles", "Ward"],
    )
    .await;
    let p = &ok(&v)["proposePractice"]["practice"];
    assert_eq!(p["name"], "Safety huddle");
    assert_eq!(p["tags"], json!(["huddles", "ward"]));
    assert_eq!(p["status"], "PROPOSED");
    assert_eq!(p["domain"]["id"], s.w.domain.as_str());
    assert_eq!(p["community"]["id"], s.community.as_str());
    let huddle = as_string(&p["id"]);

    // who may not propose, and bad input named by field
    assert_eq!(
        code(&propose(&app, &s.outsider, &s.community, "Outsider idea", &[]).await),
        Some("FORBIDDEN")
    );
    let anon = app
        .gql(
            None,
            PROPOSE,
            json!({ "i": { "communityId": s.community, "name": "Anon idea" } }),
        )
        .await;
    assert_eq!(code(&anon), Some("UNAUTHENTICATED"));
    let tags: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let bad = app
        .gql(Some(&s.member), PROPOSE, json!({ "i": { "communityId": s.community, "name": "x", "tags": tags, "description": "d".repeat(5001) } }))
        .await;
    assert_eq!(code(&bad), Some("VALIDATION"));
    assert_eq!(sorted_fields(&bad), ["description", "name", "tags"]);
    let bad = app
        .gql(
            Some(&s.member),
            PROPOSE,
            json!({ "i": { "communityId": unknown_id("Community"), "name": "Fine name" } }),
        )
        .await;
    assert_eq!(fields(&bad), ["communityId"]);

    // only conveners and core members move a practice on, one step at a time
    assert_eq!(
        code(
            &app.gql(
                Some(&s.member),
                STATUS,
                json!({ "p": huddle, "s": "EXPLORING" })
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(
                Some(&s.outsider),
                STATUS,
                json!({ "p": huddle, "s": "EXPLORING" })
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(
                Some(&s.core),
                STATUS,
                json!({ "p": huddle, "s": "EXPLORED" })
            )
            .await
        ),
        Some("INVALID_STATE")
    );
    let v = app
        .gql(
            Some(&s.core),
            STATUS,
            json!({ "p": huddle, "s": "EXPLORING" }),
        )
        .await;
    assert_eq!(
        ok(&v)["setPracticeStatus"]["practice"]["status"],
        "EXPLORING"
    );
    let sepsis = practice(&app, &s.member, &s.community, "Sepsis screening", &[]).await;
    let falls = practice(&app, &s.member, &s.community, "Falls bundle", &[]).await;
    let night = practice(&app, &s.member, &s.community, "Night checks", &[]).await;
    for st in ["EXPLORING", "EXPLORED"] {
        ok(&app
            .gql(Some(&s.convener), STATUS, json!({ "p": falls, "s": st }))
            .await);
    }

    // the home page: being explored, then proposed (oldest first), then explored; anyone
    // who sees the (listed) community sees them
    let q = "query($c: ID!) { community(id: $c) { practices { totalCount nodes { id status } } } }";
    for token in [None, Some(s.outsider.as_str())] {
        let v = app.gql(token, q, json!({ "c": s.community })).await;
        let ids: Vec<&str> = ok(&v)["community"]["practices"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                huddle.as_str(),
                sepsis.as_str(),
                night.as_str(),
                falls.as_str()
            ]
        );
    }
    // the audit log has each change with its actor
    let entries = app.audit_of(&s.w.admin, &huddle).await;
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["set_status", "propose"]);
    assert!(entries[0]["actor"]["id"].is_string());
}

/// Who reads which exchange, and whose name they see, through every path.
#[tokio::test]
async fn the_safe_forum_visibility_and_anonymity_matrix() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let admin = s.w.admin.clone();
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &["huddles"]).await;
    let mut exchanges: Vec<(String, &str, bool)> = Vec::new();
    for vis in ["COMMUNITY", "NETWORK", "PUBLIC"] {
        for anon in [false, true] {
            let v = share(&app, &s.author, &p, vis, anon).await;
            let e = &ok(&v)["shareExchange"]["exchange"];
            assert_eq!(e["viewerIsAuthor"], true);
            assert_eq!(
                e["author"]["id"],
                s.author_id.as_str(),
                "the author sees themselves"
            );
            exchanges.push((as_string(&e["id"]), vis, anon));
        }
    }
    // the practice is promising and PUBLIC, so the library reaches it for everyone
    ok(&mark(
        &app,
        &s.convener,
        &p,
        "Fewer missed escalations",
        "Huddles every shift",
        &[],
        "PUBLIC",
    )
    .await);

    // (name, token, member of the community, the author)
    let viewers: [(&str, Option<&str>, bool, bool); 6] = [
        ("author", Some(&s.author), true, true),
        ("other member", Some(&s.member), true, false),
        ("convener", Some(&s.convener), true, false),
        ("outsider", Some(&s.outsider), false, false),
        ("programme team", Some(&admin), false, false),
        ("anonymous visitor", None, false, false),
    ];
    let sel = "id author { id } viewerIsAuthor visibility anonymous technical";
    let by_node = format!("query($id: ID!) {{ node(id: $id) {{ ... on Exchange {{ {sel} }} }} }}");
    let by_practice = format!("query($p: ID!) {{ practice(id: $p) {{ exchanges(first: 50) {{ totalCount nodes {{ {sel} }} }} }} }}");
    let by_community = format!("query($c: ID!) {{ community(id: $c) {{ practices(first: 5) {{ nodes {{ exchanges(first: 10) {{ totalCount nodes {{ {sel} }} }} }} }} }} }}");
    let by_library = format!("{{ promisingPractices(first: 5, search: \"huddles\") {{ nodes {{ exchanges(first: 10) {{ totalCount nodes {{ {sel} }} }} }} }} }}");
    for (who, token, member, is_author) in viewers {
        let readable = |vis: &str| {
            is_author
                || vis == "PUBLIC"
                || (vis == "NETWORK" && token.is_some())
                || (vis == "COMMUNITY" && member)
        };
        let expected: Vec<&(String, &str, bool)> = exchanges
            .iter()
            .filter(|(_, vis, _)| readable(vis))
            .collect();
        // one by one through node(id)
        for (id, vis, anon) in &exchanges {
            let v = app.gql(token, &by_node, json!({ "id": id })).await;
            let n = &ok(&v)["node"];
            if !readable(vis) {
                assert_eq!(
                    *n,
                    Value::Null,
                    "{who} must not read a {vis} exchange through node"
                );
                continue;
            }
            assert_eq!(n["id"], id.as_str(), "{who} reads a {vis} exchange");
            assert_eq!(n["viewerIsAuthor"], is_author);
            let shown = !anon || is_author;
            if shown {
                assert_eq!(
                    n["author"]["id"],
                    s.author_id.as_str(),
                    "{who}, {vis}, anonymous {anon}"
                );
            } else {
                assert_eq!(
                    n["author"],
                    Value::Null,
                    "{who} must not see an anonymous author"
                );
            }
        }
        // as lists, from the practice, the community's home page and the library
        let lists = [
            ok(&app.gql(token, &by_practice, json!({ "p": p })).await)["practice"]["exchanges"]
                .clone(),
            ok(&app
                .gql(token, &by_community, json!({ "c": s.community }))
                .await)["community"]["practices"]["nodes"][0]["exchanges"]
                .clone(),
            ok(&app.gql(token, &by_library, json!({})).await)["promisingPractices"]["nodes"][0]
                ["exchanges"]
                .clone(),
        ];
        for list in lists {
            assert_eq!(list["totalCount"], expected.len(), "{who}: {list}");
            let nodes = list["nodes"].as_array().unwrap();
            let mut got: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
            let mut want: Vec<&str> = expected.iter().map(|(id, _, _)| id.as_str()).collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{who} sees exactly what they may");
            for n in nodes {
                let anon = n["anonymous"].as_bool().unwrap();
                assert_eq!(
                    n["author"]["id"].is_string(),
                    !anon || is_author,
                    "{who}: {n}"
                );
            }
        }
    }

    // the audit log never names an anonymous author, in its actor or its snapshots
    for (id, _, anon) in &exchanges {
        let entries = app.audit_of(&admin, id).await;
        assert_eq!(entries.len(), 1);
        let e = &entries[0];
        assert_eq!(e["action"], "share");
        assert_eq!(e["actor"]["id"].is_string(), !anon);
        let after = as_string(&e["after"]);
        assert!(
            !after.contains(&uuid_of(&s.author_id)),
            "no author id in {after}"
        );
        assert!(
            !after.contains("huddle board"),
            "no exchange text in the audit log"
        );
    }

    // only the author changes who sees it; someone who cannot read it learns nothing
    let (community_only, _, _) = &exchanges[0];
    let (network_named, _, _) = &exchanges[2];
    let set = |e: &str, vis: &str, anon: bool| json!({ "i": { "exchangeId": e, "visibility": vis, "anonymous": anon } });
    assert_eq!(
        code(
            &app.gql(
                Some(&s.convener),
                SET_VIS,
                set(community_only, "PUBLIC", false)
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    let v = app
        .gql(
            Some(&s.outsider),
            SET_VIS,
            set(community_only, "PUBLIC", false),
        )
        .await;
    assert_eq!(
        (code(&v), fields(&v)),
        (Some("VALIDATION"), vec!["exchangeId".to_string()])
    );
    assert_eq!(
        code(
            &app.gql(None, SET_VIS, set(community_only, "PUBLIC", false))
                .await
        ),
        Some("UNAUTHENTICATED")
    );
    let v = app
        .gql(
            Some(&s.author),
            SET_VIS,
            set(community_only, "PUBLIC", false),
        )
        .await;
    assert_eq!(
        ok(&v)["setExchangeVisibility"]["exchange"]["visibility"],
        "PUBLIC"
    );
    let v = app
        .gql(None, &by_node, json!({ "id": community_only }))
        .await;
    assert_eq!(
        ok(&v)["node"]["author"]["id"],
        s.author_id.as_str(),
        "now public and named"
    );
    // turning anonymous later: the exchange's earlier audit entries stop naming the author
    ok(&app
        .gql(
            Some(&s.author),
            SET_VIS,
            set(network_named, "NETWORK", true),
        )
        .await);
    let v = app
        .gql(Some(&s.convener), &by_node, json!({ "id": network_named }))
        .await;
    assert_eq!(ok(&v)["node"]["author"], Value::Null);
    for e in app.audit_of(&admin, network_named).await {
        assert_eq!(e["actor"], Value::Null, "{e}");
    }
}

/// The author's own id inside the opaque global ID (what a snapshot would hold).
fn uuid_of(global: &str) -> String {
    use base64::Engine;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(global)
        .unwrap();
    String::from_utf8(raw)
        .unwrap()
        .split_once(':')
        .unwrap()
        .1
        .to_string()
}

#[tokio::test]
async fn exchanges_need_a_section_and_members_share_them() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &[]).await;
    let empty = app
        .gql(
            Some(&s.author),
            SHARE,
            json!({ "i": { "practiceId": p, "technical": "  ", "visibility": "COMMUNITY" } }),
        )
        .await;
    assert_eq!(code(&empty), Some("VALIDATION"));
    assert_eq!(fields(&empty), ["technical"]);
    let long = app.gql(Some(&s.author), SHARE, json!({ "i": { "practiceId": p, "technical": "ok", "cultural": "x".repeat(4001), "missing": "y".repeat(4001) } })).await;
    assert_eq!(sorted_fields(&long), ["cultural", "missing"]);
    let bad = app.gql(Some(&s.author), SHARE, json!({ "i": { "practiceId": unknown_id("Practice"), "technical": "ok", "meetingId": "nonsense" } })).await;
    assert_eq!(sorted_fields(&bad), ["meetingId", "practiceId"]);
    assert_eq!(
        code(&share(&app, &s.outsider, &p, "PUBLIC", false).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(
                None,
                SHARE,
                json!({ "i": { "practiceId": p, "technical": "ok" } })
            )
            .await
        ),
        Some("UNAUTHENTICATED")
    );
    // the meeting must be one of the community's own
    let nowhere = app.gql(Some(&s.author), SHARE, json!({ "i": { "practiceId": p, "challenges": "Finding ten minutes", "meetingId": unknown_id("Meeting") } })).await;
    assert_eq!(fields(&nowhere), ["meetingId"]);
    let meeting = schedule_meeting(&app, &s).await;
    // COMMUNITY by default, not anonymous, linked to the meeting
    let v = app.gql(Some(&s.author), SHARE, json!({ "i": { "practiceId": p, "challenges": "Finding ten minutes", "meetingId": meeting } })).await;
    let e = &ok(&v)["shareExchange"]["exchange"];
    assert_eq!(e["visibility"], "COMMUNITY");
    assert_eq!(e["anonymous"], false);
    assert_eq!(e["meetingId"], meeting.as_str());
    let q = "query($id: ID!) { node(id: $id) { ... on Exchange { meeting { id } } } }";
    let seen = app.gql(Some(&s.member), q, json!({ "id": e["id"] })).await;
    assert_eq!(ok(&seen)["node"]["meeting"]["id"], meeting.as_str());
}

#[tokio::test]
async fn peers_ask_and_reply_and_an_anonymous_author_stays_anonymous() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &[]).await;
    let network_anon = id_of(
        &share(&app, &s.author, &p, "NETWORK", true).await,
        &["shareExchange", "exchange", "id"],
    );
    let community_only = id_of(
        &share(&app, &s.author, &p, "COMMUNITY", false).await,
        &["shareExchange", "exchange", "id"],
    );
    let outsider_id = app.viewer_id(&s.outsider).await;

    let v = app
        .gql(
            Some(&s.outsider),
            ASK,
            json!({ "e": network_anon, "q": "How long does the huddle take?" }),
        )
        .await;
    let q = &ok(&v)["askInquiry"]["inquiry"];
    assert_eq!(q["askedBy"]["id"], outsider_id.as_str());
    let question = as_string(&q["id"]);
    // not readable: as if it did not exist; anonymous visitors must sign in; text is needed
    let v = app
        .gql(
            Some(&s.outsider),
            ASK,
            json!({ "e": community_only, "q": "Can I see?" }),
        )
        .await;
    assert_eq!(
        (code(&v), fields(&v)),
        (Some("VALIDATION"), vec!["exchangeId".to_string()])
    );
    assert_eq!(
        code(
            &app.gql(None, ASK, json!({ "e": network_anon, "q": "Hello?" }))
                .await
        ),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        fields(
            &app.gql(Some(&s.member), ASK, json!({ "e": network_anon, "q": " " }))
                .await
        ),
        ["question"]
    );
    assert_eq!(
        fields(
            &app.gql(Some(&s.member), ANSWER, json!({ "i": question, "a": "" }))
                .await
        ),
        ["answer"]
    );

    // the anonymous author replies: shown to nobody else as them
    let v = app
        .gql(
            Some(&s.author),
            ANSWER,
            json!({ "i": question, "a": "Ten minutes at 8am." }),
        )
        .await;
    let a = &ok(&v)["answerInquiry"]["answer"];
    assert_eq!(a["byExchangeAuthor"], true);
    assert_eq!(a["author"]["id"], s.author_id.as_str());
    ok(&app
        .gql(
            Some(&s.member),
            ANSWER,
            json!({ "i": question, "a": "Ours is at handover." }),
        )
        .await);
    let read = "query($id: ID!) { node(id: $id) { ... on Exchange { inquiries { question askedBy { id } answers { answer author { id } byExchangeAuthor } } } } }";
    for token in [&s.outsider, &s.convener, &s.w.admin] {
        let v = app
            .gql(Some(token), read, json!({ "id": network_anon }))
            .await;
        let inq = &ok(&v)["node"]["inquiries"][0];
        assert_eq!(inq["askedBy"]["id"], outsider_id.as_str());
        let answers = inq["answers"].as_array().unwrap();
        assert_eq!(answers.len(), 2);
        assert_eq!(
            answers[0]["author"],
            Value::Null,
            "the anonymous author's reply"
        );
        assert_eq!(answers[0]["byExchangeAuthor"], true);
        assert!(answers[1]["author"]["id"].is_string());
    }
    let v = app
        .gql(Some(&s.author), read, json!({ "id": network_anon }))
        .await;
    assert_eq!(
        ok(&v)["node"]["inquiries"][0]["answers"][0]["author"]["id"],
        s.author_id.as_str()
    );
    // their reply's audit entry has no actor
    let entries = app.audit_of(&s.w.admin, &network_anon).await;
    let reply = entries
        .iter()
        .find(|e| e["action"] == "answer_inquiry" && e["actor"].is_null());
    assert!(reply.is_some(), "{entries:#?}");
    assert!(entries
        .iter()
        .all(|e| e["actor"]["id"] != s.author_id.as_str()));
    // node(id) of a question follows its exchange
    let v = app
        .gql(
            None,
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": question }),
        )
        .await;
    assert_eq!(ok(&v)["node"], Value::Null);
    let v = app
        .gql(
            Some(&s.outsider),
            "query($id: ID!) { node(id: $id) { ... on Inquiry { question } } }",
            json!({ "id": question }),
        )
        .await;
    assert_eq!(ok(&v)["node"]["question"], "How long does the huddle take?");
}

#[tokio::test]
async fn sharing_protocols_are_the_networks_and_communities_adapt_their_copies() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let admin = s.w.admin.clone();
    let input = json!({ "i": { "name": "Round of experience", "prompts": [{ "prompt": "What did you try?", "minutes": 10 }, { "prompt": "What got in the way?", "minutes": 15 }] } });
    assert_eq!(
        code(
            &app.gql(Some(&s.convener), CREATE_PROTOCOL, input.clone())
                .await
        ),
        Some("FORBIDDEN")
    );
    let bad = app
        .gql(
            Some(&admin),
            CREATE_PROTOCOL,
            json!({ "i": { "name": "ab", "prompts": [{ "prompt": "", "minutes": 0 }] } }),
        )
        .await;
    assert_eq!(
        sorted_fields(&bad),
        ["name", "prompts.0.minutes", "prompts.0.prompt"]
    );
    assert_eq!(
        fields(
            &app.gql(
                Some(&admin),
                CREATE_PROTOCOL,
                json!({ "i": { "name": "Empty one", "prompts": [] } })
            )
            .await
        ),
        ["prompts"]
    );
    let v = app.gql(Some(&admin), CREATE_PROTOCOL, input).await;
    let proto = &ok(&v)["createSharingProtocol"]["sharingProtocol"];
    assert_eq!(proto["totalMinutes"], 25);
    assert_eq!(proto["network"], true);
    let network = as_string(&proto["id"]);

    let list = "{ sharingProtocols { totalCount nodes { id name } } }";
    assert_eq!(
        code(&app.gql(None, list, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        ok(&app.gql(Some(&s.outsider), list, json!({})).await)["sharingProtocols"]["nodes"][0]
            ["id"],
        network.as_str()
    );

    // conveners and core members copy it into their community
    assert_eq!(
        code(
            &app.gql(
                Some(&s.member),
                ADOPT,
                json!({ "p": network, "c": s.community })
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(
                Some(&s.outsider),
                ADOPT,
                json!({ "p": network, "c": s.community })
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    let v = app
        .gql(
            Some(&s.core),
            ADOPT,
            json!({ "p": network, "c": s.community }),
        )
        .await;
    let copy = &ok(&v)["adoptSharingProtocol"]["sharingProtocol"];
    assert_eq!(copy["network"], false);
    assert_eq!(copy["adoptedFrom"]["id"], network.as_str());
    assert_eq!(copy["community"]["id"], s.community.as_str());
    assert_eq!(copy["prompts"][1]["minutes"], 15);
    let copy = as_string(&copy["id"]);
    let v = app
        .gql(Some(&s.core), ADOPT, json!({ "p": copy, "c": s.community }))
        .await;
    assert_eq!(
        fields(&v),
        ["protocolId"],
        "only the network's protocols are adopted"
    );

    // the owner adapts it: the community's conveners and core group for its copy
    let upd = |id: &str| json!({ "i": { "protocolId": id, "name": "Our round", "prompts": [{ "prompt": "What did you try on the ward?", "minutes": 20 }] } });
    assert_eq!(
        code(&app.gql(Some(&s.member), UPDATE_PROTOCOL, upd(&copy)).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&admin), UPDATE_PROTOCOL, upd(&copy)).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&s.core), UPDATE_PROTOCOL, upd(&network)).await),
        Some("FORBIDDEN")
    );
    let v = app.gql(Some(&s.core), UPDATE_PROTOCOL, upd(&copy)).await;
    assert_eq!(
        ok(&v)["updateSharingProtocol"]["sharingProtocol"]["totalMinutes"],
        20
    );
    let v = app.gql(Some(&admin), UPDATE_PROTOCOL, upd(&network)).await;
    assert_eq!(
        ok(&v)["updateSharingProtocol"]["sharingProtocol"]["name"],
        "Our round"
    );
    let bad = app.gql(Some(&s.core), UPDATE_PROTOCOL, json!({ "i": { "protocolId": copy, "name": "Our round", "prompts": [{ "prompt": "ok", "minutes": 241 }] } })).await;
    assert_eq!(fields(&bad), ["prompts.0.minutes"]);

    // the community's copies are for its members
    let mine = "query($c: ID!) { community(id: $c) { sharingProtocols { id name } } }";
    assert_eq!(
        ok(&app
            .gql(Some(&s.member), mine, json!({ "c": s.community }))
            .await)["community"]["sharingProtocols"][0]["name"],
        "Our round"
    );
    assert_eq!(
        code(
            &app.gql(Some(&s.outsider), mine, json!({ "c": s.community }))
                .await
        ),
        Some("FORBIDDEN")
    );
    let node = "query($id: ID!) { node(id: $id) { id } }";
    assert_eq!(
        ok(&app
            .gql(Some(&s.outsider), node, json!({ "id": copy }))
            .await)["node"],
        Value::Null
    );
    assert_eq!(
        ok(&app.gql(Some(&s.member), node, json!({ "id": copy })).await)["node"]["id"],
        copy.as_str()
    );

    // an exchange follows its community's copy or a network protocol, not another community's
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &[]).await;
    let v = app
        .gql(
            Some(&s.author),
            SHARE,
            json!({ "i": { "practiceId": p, "technical": "ok", "protocolId": copy } }),
        )
        .await;
    assert_eq!(
        ok(&v)["shareExchange"]["exchange"]["protocol"]["id"],
        copy.as_str()
    );
    let other = community(&app, &s.outsider, &s.w.other_domain, true).await;
    let theirs = id_of(
        &app.gql(
            Some(&s.outsider),
            ADOPT,
            json!({ "p": network, "c": other }),
        )
        .await,
        &["adoptSharingProtocol", "sharingProtocol", "id"],
    );
    let v = app
        .gql(
            Some(&s.author),
            SHARE,
            json!({ "i": { "practiceId": p, "technical": "ok", "protocolId": theirs } }),
        )
        .await;
    assert_eq!(fields(&v), ["protocolId"]);
}

#[tokio::test]
async fn conveners_and_the_programme_team_mark_practices_promising_for_the_library() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &["huddles"]).await;
    for t in [&s.core, &s.member, &s.outsider] {
        assert_eq!(
            code(&mark(&app, t, &p, "e", "o", &[], "PUBLIC").await),
            Some("FORBIDDEN")
        );
    }
    let bad = mark(&app, &s.convener, &p, " ", "", &["nonsense"], "PUBLIC").await;
    assert_eq!(
        sorted_fields(&bad),
        ["evidence", "organisationIds", "outcomes"]
    );
    let bad = mark(
        &app,
        &s.convener,
        &p,
        "e",
        "o",
        &[&unknown_id("Organisation")],
        "PUBLIC",
    )
    .await;
    assert_eq!(fields(&bad), ["organisationIds"]);
    let v = mark(
        &app,
        &s.convener,
        &p,
        "Audit of 40 shifts",
        "Escalations within the hour",
        &[&s.w.nhs_org, &s.w.third_sector_org],
        "NETWORK",
    )
    .await;
    let pr = &ok(&v)["markPromising"]["practice"]["promising"];
    assert_eq!(pr["visibility"], "NETWORK");
    assert_eq!(
        pr["organisations"],
        json!([{ "id": s.w.nhs_org }, { "id": s.w.third_sector_org }])
    );
    assert_eq!(
        pr["markedBy"]["id"],
        app.viewer_id(&s.convener).await.as_str()
    );

    // NETWORK: for anyone signed in, not for anonymous visitors
    let count = |v: &Value| ok(v)["promisingPractices"]["totalCount"].as_i64().unwrap();
    assert_eq!(count(&app.gql(None, LIBRARY, json!({})).await), 0);
    assert_eq!(
        count(&app.gql(Some(&s.outsider), LIBRARY, json!({})).await),
        1
    );
    let read = "query($id: ID!) { practice(id: $id) { promising { evidence } } }";
    assert_eq!(
        ok(&app.gql(None, read, json!({ "id": p })).await)["practice"]["promising"],
        Value::Null
    );
    // the programme team marks it again, PUBLIC now
    let v = mark(
        &app,
        &s.w.admin,
        &p,
        "Audit of 60 shifts",
        "Escalations within the hour",
        &[],
        "PUBLIC",
    )
    .await;
    assert_eq!(
        ok(&v)["markPromising"]["practice"]["promising"]["organisations"],
        json!([])
    );
    assert_eq!(count(&app.gql(None, LIBRARY, json!({})).await), 1);
    assert_eq!(
        ok(&app.gql(None, read, json!({ "id": p })).await)["practice"]["promising"]["evidence"],
        "Audit of 60 shifts"
    );

    // a promising practice of an unlisted community: the library shows the practice, never
    // the community to those who cannot see it
    let hidden = community(&app, &s.convener, &s.w.other_domain, false).await;
    let hp = practice(&app, &s.convener, &hidden, "Quiet ward rounds", &[]).await;
    let node = "query($id: ID!) { node(id: $id) { ... on Practice { id community { id } } } }";
    assert_eq!(
        ok(&app.gql(Some(&s.outsider), node, json!({ "id": hp })).await)["node"],
        Value::Null
    );
    ok(&mark(
        &app,
        &s.convener,
        &hp,
        "A pilot on two wards",
        "Calmer nights",
        &[],
        "NETWORK",
    )
    .await);
    assert_eq!(
        ok(&app.gql(None, node, json!({ "id": hp })).await)["node"],
        Value::Null
    );
    let v = app.gql(Some(&s.outsider), node, json!({ "id": hp })).await;
    assert_eq!(ok(&v)["node"]["id"], hp.as_str());
    assert_eq!(ok(&v)["node"]["community"], Value::Null);
    let v = app.gql(Some(&s.convener), node, json!({ "id": hp })).await;
    assert_eq!(ok(&v)["node"]["community"]["id"], hidden.as_str());
}

#[tokio::test]
async fn the_library_search_ranks_by_relevance_and_filters_by_domain_organisation_and_tag() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let admin = s.w.admin.clone();
    let other = community(&app, &s.convener, &s.w.other_domain, true).await;
    let sepsis = practice(
        &app,
        &s.convener,
        &s.community,
        "Sepsis screening tool",
        &["Sepsis", "screening"],
    )
    .await;
    let huddle = practice(
        &app,
        &s.convener,
        &s.community,
        "Safety huddle",
        &["huddles"],
    )
    .await;
    let falls = practice(
        &app,
        &s.convener,
        &other,
        "Falls prevention bundle",
        &["falls", "Night shift"],
    )
    .await;
    let quiet = practice(&app, &s.convener, &other, "Quiet hours", &[]).await;
    ok(&mark(
        &app,
        &s.convener,
        &sepsis,
        "A screening audit on admission",
        "Antibiotics sooner",
        &[&s.w.nhs_org],
        "PUBLIC",
    )
    .await);
    ok(&mark(
        &app,
        &s.convener,
        &huddle,
        "Huddles spotted sepsis earlier on two wards",
        "Fewer escalations missed",
        &[],
        "PUBLIC",
    )
    .await);
    ok(&mark(
        &app,
        &admin,
        &falls,
        "Fewer falls at night across three wards",
        "Falls with harm halved",
        &[&s.w.nhs_org, &s.w.third_sector_org],
        "PUBLIC",
    )
    .await);
    // never marked: never in the library
    let _ = quiet;
    let names = |v: &Value| -> Vec<String> {
        ok(v)["promisingPractices"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| as_string(&n["name"]))
            .collect()
    };
    let search = |s: &str| json!({ "s": s });

    // newest first without a search
    let v = app.gql(None, LIBRARY, json!({})).await;
    assert_eq!(
        names(&v),
        [
            "Falls prevention bundle",
            "Safety huddle",
            "Sepsis screening tool"
        ]
    );
    // a word only in the evidence finds it; the practice named for it ranks above
    let v = app.gql(None, LIBRARY, search("sepsis")).await;
    assert_eq!(names(&v), ["Sepsis screening tool", "Safety huddle"]);
    assert_eq!(
        names(&app.gql(None, LIBRARY, search("spotted")).await),
        ["Safety huddle"]
    );
    assert_eq!(
        names(&app.gql(None, LIBRARY, search("harm")).await),
        ["Falls prevention bundle"]
    );
    // stems and case: "Huddle" finds "Huddles"; every word must match
    assert_eq!(
        names(&app.gql(None, LIBRARY, search("HUDDLE")).await),
        ["Safety huddle"]
    );
    assert_eq!(
        names(&app.gql(None, LIBRARY, search("falls night")).await),
        ["Falls prevention bundle"]
    );
    assert!(names(&app.gql(None, LIBRARY, search("falls sepsis")).await).is_empty());
    // query syntax is plain words: never an error
    for hostile in [
        r#"sepsis" OR "falls"#,
        "(sepsis",
        "sepsis)",
        "NEAR(sepsis falls",
        "-sepsis",
        "sep*",
        "name:sepsis",
        "^sepsis",
        "'; DROP TABLE practices; --",
    ] {
        let v = app.gql(None, LIBRARY, search(hostile)).await;
        assert!(v.get("errors").is_none(), "{hostile}: {v}");
    }
    assert_eq!(
        names(&app.gql(None, LIBRARY, search("(sepsis")).await),
        ["Sepsis screening tool", "Safety huddle"]
    );
    // punctuation alone is no search: everything, newest first
    for only in [r#""()*:^-"#, "   ", "\"\""] {
        assert_eq!(
            names(&app.gql(None, LIBRARY, search(only)).await).len(),
            3,
            "{only:?}"
        );
    }

    // filters, alone and with a search
    let v = app
        .gql(None, LIBRARY, json!({ "d": s.w.other_domain }))
        .await;
    assert_eq!(names(&v), ["Falls prevention bundle"]);
    let v = app.gql(None, LIBRARY, json!({ "o": s.w.nhs_org })).await;
    assert_eq!(
        names(&v),
        ["Falls prevention bundle", "Sepsis screening tool"]
    );
    let v = app
        .gql(
            None,
            LIBRARY,
            json!({ "o": s.w.third_sector_org, "s": "sepsis" }),
        )
        .await;
    assert!(names(&v).is_empty());
    let v = app
        .gql(None, LIBRARY, json!({ "t": "  NIGHT shift " }))
        .await;
    assert_eq!(names(&v), ["Falls prevention bundle"]);
    let v = app
        .gql(
            None,
            LIBRARY,
            json!({ "t": "sepsis", "d": s.w.domain, "s": "screening" }),
        )
        .await;
    assert_eq!(names(&v), ["Sepsis screening tool"]);
    let v = app.gql(None, LIBRARY, json!({ "d": "nonsense" })).await;
    assert_eq!(fields(&v), ["domainId"]);

    // pages
    let v = app.gql(None, LIBRARY, json!({ "f": 2 })).await;
    let page = &ok(&v)["promisingPractices"];
    assert_eq!(page["totalCount"], 3);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let v = app
        .gql(
            None,
            LIBRARY,
            json!({ "f": 2, "a": page["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(names(&v), ["Sepsis screening tool"]);
}

#[tokio::test]
async fn the_demo_has_practices_exchanges_protocols_and_a_dozen_promising_practices() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_DEMO".into(), "1".into());
    })
    .await;
    let team = app
        .sign_in("programme@convene.example", "convene-demo-2026")
        .await;
    let v = app
        .gql(
            Some(&team),
            "{ promisingPractices(first: 50) { totalCount nodes { domain { name } } } }",
            json!({}),
        )
        .await;
    let lib = &ok(&v)["promisingPractices"];
    assert_eq!(lib["totalCount"], 12);
    let domains: std::collections::BTreeSet<&str> = lib["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["domain"]["name"].as_str().unwrap())
        .collect();
    assert!(domains.len() >= 4, "{domains:?}");
    let public = app
        .gql(
            None,
            "{ promisingPractices(search: \"sepsis screening\") { totalCount nodes { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&public)["promisingPractices"]["nodes"][0]["name"],
        "Sepsis screening tool at triage"
    );
    let v = app
        .gql(
            Some(&team),
            "{ sharingProtocols { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(ok(&v)["sharingProtocols"]["totalCount"], 2);
    // exchanges in each visibility, some anonymous: the public sees only PUBLIC ones, and
    // never an anonymous author's name
    let q = "{ communities(first: 10) { nodes { practices(first: 5) { nodes { exchanges(first: 10) { nodes { visibility anonymous author { id } } } } } } } }";
    let seen = |v: &Value| -> Vec<(String, bool, bool)> {
        let mut out = Vec::new();
        for c in ok(v)["communities"]["nodes"].as_array().unwrap() {
            for p in c["practices"]["nodes"].as_array().unwrap() {
                for e in p["exchanges"]["nodes"].as_array().unwrap() {
                    out.push((
                        as_string(&e["visibility"]),
                        e["anonymous"].as_bool().unwrap(),
                        e["author"]["id"].is_string(),
                    ));
                }
            }
        }
        out
    };
    let by_team = seen(&app.gql(Some(&team), q, json!({})).await);
    assert!(by_team.iter().any(|(v, _, _)| v == "NETWORK"));
    assert!(by_team.iter().any(|(v, a, _)| v == "NETWORK" && *a));
    assert!(by_team
        .iter()
        .all(|(v, a, named)| v != "COMMUNITY" && (*named != *a)));
    let by_public = seen(&app.gql(None, q, json!({})).await);
    assert!(!by_public.is_empty());
    assert!(by_public.iter().all(|(v, _, _)| v == "PUBLIC"));
    // the sepsis circle's convener reads its COMMUNITY exchanges, anonymous ones unnamed
    let member = app
        .sign_in("ben@convene.example", "convene-demo-2026")
        .await;
    let mine = seen(&app.gql(Some(&member), q, json!({})).await);
    assert!(
        mine.iter()
            .any(|(v, a, named)| v == "COMMUNITY" && *a && !named),
        "{mine:?}"
    );
}

#[tokio::test]
async fn a_meeting_lists_the_exchanges_shared_with_it_as_visible_to_the_viewer() {
    let app = spawn_app().await;
    let s = cop(&app).await;
    let p = practice(&app, &s.member, &s.community, "Safety huddle", &[]).await;
    let meeting = schedule_meeting(&app, &s).await;
    let at_meeting = |vis: &'static str| json!({ "i": { "practiceId": p, "technical": format!("{vis} at the meeting"), "visibility": vis, "meetingId": meeting } });
    let inside = id_of(
        &app.gql(Some(&s.author), SHARE, at_meeting("COMMUNITY"))
            .await,
        &["shareExchange", "exchange", "id"],
    );
    let network = id_of(
        &app.gql(Some(&s.author), SHARE, at_meeting("NETWORK")).await,
        &["shareExchange", "exchange", "id"],
    );
    // one shared with no meeting is not listed
    share(&app, &s.author, &p, "PUBLIC", false).await;
    let q = "query($id: ID!) { node(id: $id) { ... on Meeting { exchanges(first: 10) { totalCount nodes { id } } } } }";
    let listed = |v: &Value| -> Vec<String> {
        ok(v)["node"]["exchanges"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| as_string(&n["id"]))
            .collect()
    };
    // a member reads both, newest first
    let v = app.gql(Some(&s.member), q, json!({ "id": meeting })).await;
    assert_eq!(listed(&v), [network.clone(), inside.clone()]);
    assert_eq!(ok(&v)["node"]["exchanges"]["totalCount"], 2);
    // the programme team reads the meeting, but not what is shared with the community only
    let v = app.gql(Some(&s.w.admin), q, json!({ "id": meeting })).await;
    assert_eq!(listed(&v), [network.clone()]);
    // the author's own always show, whatever their visibility
    let v = app.gql(Some(&s.author), q, json!({ "id": meeting })).await;
    assert_eq!(listed(&v).len(), 2);
    // outsiders do not see the meeting at all
    let v = app
        .gql(Some(&s.outsider), q, json!({ "id": meeting }))
        .await;
    assert!(ok(&v)["node"].is_null(), "{v}");
}
