//! Communities (SPEC §4): creating, the directory, membership, invitations, start-up steps and
//! the domain definition.

use convene_blackbox::*;
use serde_json::{json, Value};

const CREATE: &str = "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id name stage funded origin membershipMode listed viewerRole conveners { id } } } }";
const INVITE: &str = "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id email state } } }";
const ACCEPT: &str = "mutation($t: String!) { acceptInvitation(input: { token: $t }) { community { id viewerRole } } }";
const JOIN: &str = "mutation($c: ID!, $n: String) { joinCommunity(input: { communityId: $c, note: $n }) { joined request { id status } } }";
const LEAVE: &str =
    "mutation($c: ID!) { leaveCommunity(input: { communityId: $c }) { community { id } } }";

async fn create(app: &TestApp, token: &str, domain: &str, mode: &str, listed: bool) -> Value {
    app.gql(Some(token), CREATE, json!({ "i": { "name": "Falls prevention peers", "domainId": domain, "membershipMode": mode, "listed": listed } }))
        .await
}

/// The token in the last invitation mail to `to`.
async fn token_for(app: &TestApp, to: &str) -> String {
    let mail = app
        .wait_for_mail(to, "/invitations/")
        .await
        .replace("=\r\n", "")
        .replace("=\n", "");
    let start = mail.find("/invitations/").unwrap() + "/invitations/".len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn anyone_signed_in_starts_a_community_and_convenes_it() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, ada_id) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let v = create(&app, &ada, &w.domain, "OPEN", true).await;
    let c = &ok(&v)["createCommunity"]["community"];
    assert_eq!(c["stage"], "FORMING");
    assert_eq!(c["origin"], "SELF_ORGANISED");
    assert_eq!(c["funded"], false);
    assert_eq!(c["viewerRole"], "CONVENER");
    assert_eq!(c["conveners"], json!([{ "id": ada_id }]));
    assert_eq!(
        code(&create(&app, "", &w.domain, "OPEN", true).await).is_some(),
        true
    );
    let anon = app.gql(None, CREATE, json!({ "i": { "name": "X community", "domainId": w.domain, "membershipMode": "OPEN" } })).await;
    assert_eq!(code(&anon), Some("UNAUTHENTICATED"));
    let bad = app
        .gql(
            Some(&ada),
            CREATE,
            json!({ "i": { "name": "X", "domainId": "bm9wZQ", "membershipMode": "OPEN" } }),
        )
        .await;
    let mut f = fields(&bad);
    f.sort();
    assert_eq!(f, ["domainId", "name"]);
}

#[tokio::test]
async fn the_directory_shows_listed_communities_and_hides_the_inside() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let listed = ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]
        ["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let hidden = ok(&create(&app, &ada, &w.other_domain, "INVITATION", false).await)
        ["createCommunity"]["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let q = "{ communities { totalCount nodes { id name } } }";
    assert_eq!(
        ok(&app.gql(None, q, json!({})).await)["communities"]["totalCount"],
        1
    );
    assert_eq!(
        ok(&app.gql(Some(&ada), q, json!({})).await)["communities"]["totalCount"],
        2
    );
    let one = "query($id: ID!) { community(id: $id) { id members { role } } }";
    assert_eq!(
        ok(&app
            .gql(
                None,
                "query($id: ID!) { community(id: $id) { id } }",
                json!({ "id": hidden })
            )
            .await)["community"],
        Value::Null
    );
    let v = app.gql(None, one, json!({ "id": listed })).await;
    assert_eq!(code(&v), Some("FORBIDDEN"), "members are for members: {v}");
    let v = app.gql(Some(&ada), one, json!({ "id": listed })).await;
    assert_eq!(
        ok(&v)["community"]["members"],
        json!([{ "role": "CONVENER" }])
    );
}

#[tokio::test]
async fn invitations_reach_people_without_an_account_and_work_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let c = ok(&create(&app, &ada, &w.domain, "INVITATION", true).await)["createCommunity"]
        ["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let msg = "Would you join a few of us to share what works in falls prevention?";
    let v = app
        .gql(
            Some(&ada),
            INVITE,
            json!({ "i": { "communityId": c, "email": "bo@example.nhs.uk", "message": msg } }),
        )
        .await;
    assert_eq!(ok(&v)["inviteMember"]["invitation"]["state"], "PENDING");
    let bad = app
        .gql(
            Some(&ada),
            INVITE,
            json!({ "i": { "communityId": c, "email": "nope", "message": "hi" } }),
        )
        .await;
    let mut f = fields(&bad);
    f.sort();
    assert_eq!(f, ["email", "message"]);
    let token = token_for(&app, "bo@example.nhs.uk").await;
    let peek = app
        .gql(
            None,
            "query($t: String!) { invitation(token: $t) { state community { name } } }",
            json!({ "t": token }),
        )
        .await;
    assert_eq!(
        ok(&peek)["invitation"]["community"]["name"],
        "Falls prevention peers"
    );
    // Bo registers, then accepts with the token
    let (bo, _) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let v = app.gql(Some(&bo), ACCEPT, json!({ "t": token })).await;
    assert_eq!(
        ok(&v)["acceptInvitation"]["community"]["viewerRole"],
        "MEMBER"
    );
    let again = app.gql(Some(&bo), ACCEPT, json!({ "t": token })).await;
    assert_eq!(code(&again), Some("INVALID_STATE"));
    let junk = app.gql(Some(&bo), ACCEPT, json!({ "t": "junk" })).await;
    assert_eq!(fields(&junk), ["token"]);
    // a member cannot invite; an outsider cannot join an invitation-only community
    let v = app
        .gql(
            Some(&bo),
            INVITE,
            json!({ "i": { "communityId": c, "email": "cy@example.nhs.uk", "message": msg } }),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let (cy, _) = app.register("cy@example.nhs.uk", &w.nhs_org).await;
    assert_eq!(
        code(&app.gql(Some(&cy), JOIN, json!({ "c": c })).await),
        Some("FORBIDDEN")
    );
    let list = app
        .gql(
            Some(&ada),
            "query($id: ID!) { community(id: $id) { invitations { email state } } }",
            json!({ "id": c }),
        )
        .await;
    assert_eq!(
        ok(&list)["community"]["invitations"],
        json!([{ "email": "bo@example.nhs.uk", "state": "ACCEPTED" }])
    );
}

#[tokio::test]
async fn joining_follows_the_mode_and_the_last_convener_stays() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bo, bo_id) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let open = ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]
        ["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let asked = ok(&create(&app, &ada, &w.other_domain, "ON_REQUEST", true).await)
        ["createCommunity"]["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        ok(&app.gql(Some(&bo), JOIN, json!({ "c": open })).await)["joinCommunity"]["joined"],
        true
    );
    assert_eq!(
        code(&app.gql(Some(&bo), JOIN, json!({ "c": open })).await),
        Some("CONFLICT")
    );
    let v = app
        .gql(
            Some(&bo),
            JOIN,
            json!({ "c": asked, "n": "I lead our falls group" }),
        )
        .await;
    let req = ok(&v)["joinCommunity"]["request"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(ok(&v)["joinCommunity"]["joined"], false);
    let decide = "mutation($i: DecideJoinRequestInput!) { decideJoinRequest(input: $i) { request { status reason } } }";
    let v = app
        .gql(
            Some(&bo),
            decide,
            json!({ "i": { "requestId": req, "approve": true } }),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(
            Some(&ada),
            decide,
            json!({ "i": { "requestId": req, "approve": false } }),
        )
        .await;
    assert_eq!(fields(&v), ["reason"]);
    let v = app
        .gql(
            Some(&ada),
            decide,
            json!({ "i": { "requestId": req, "approve": true } }),
        )
        .await;
    assert_eq!(ok(&v)["decideJoinRequest"]["request"]["status"], "APPROVED");
    let welcome = app
        .wait_for_mail("bo@example.nhs.uk", "Subject: Welcome to")
        .await;
    assert!(welcome.contains("accepted"), "{welcome}");
    // the only convener cannot leave until there is another
    assert_eq!(
        code(&app.gql(Some(&ada), LEAVE, json!({ "c": open })).await),
        Some("INVALID_STATE")
    );
    let role = "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";
    let v = app
        .gql(
            Some(&ada),
            role,
            json!({ "i": { "communityId": open, "personId": bo_id, "role": "CONVENER" } }),
        )
        .await;
    assert_eq!(ok(&v)["setMemberRole"]["member"]["role"], "CONVENER");
    ok(&app.gql(Some(&ada), LEAVE, json!({ "c": open })).await);
    ok(&app.gql(Some(&bo), LEAVE, json!({ "c": asked })).await);
}

#[tokio::test]
async fn start_up_steps_and_the_agreed_definition() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, ada_id) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bo, bo_id) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let c = ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]["community"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&app.gql(Some(&bo), JOIN, json!({ "c": c })).await);
    let steps = "query($id: ID!) { community(id: $id) { startupSteps { step owner done notes } } }";
    let v = app.gql(Some(&ada), steps, json!({ "id": c })).await;
    let order: Vec<&str> = ok(&v)["community"]["startupSteps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "DEVELOP_DOMAIN",
            "MAP_MEMBERS",
            "INVITATION",
            "INITIAL_CONVERSATION",
            "ROLES",
            "DEFINE_COMMUNITY"
        ]
    );
    let complete = "mutation($c: ID!, $s: StartupStep!, $n: String) { completeStartupStep(input: { communityId: $c, step: $s, notes: $n }) { community { startupSteps { step done notes } } } }";
    let v = app
        .gql(
            Some(&ada),
            complete,
            json!({ "c": c, "s": "DEVELOP_DOMAIN", "n": "Sketched with two ward managers" }),
        )
        .await;
    assert_eq!(
        ok(&v)["completeStartupStep"]["community"]["startupSteps"][0],
        json!({ "step": "DEVELOP_DOMAIN", "done": true, "notes": "Sketched with two ward managers" })
    );
    // a plain member cannot; a core member can do core steps
    assert_eq!(
        code(
            &app.gql(Some(&bo), complete, json!({ "c": c, "s": "ROLES" }))
                .await
        ),
        Some("FORBIDDEN")
    );
    let role = "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";
    ok(&app
        .gql(
            Some(&ada),
            role,
            json!({ "i": { "communityId": c, "personId": bo_id, "role": "CORE" } }),
        )
        .await);
    ok(&app
        .gql(Some(&bo), complete, json!({ "c": c, "s": "ROLES" }))
        .await);
    assert_eq!(
        code(
            &app.gql(Some(&bo), complete, json!({ "c": c, "s": "MAP_MEMBERS" }))
                .await
        ),
        Some("FORBIDDEN")
    );
    // the definition: proposed, then agreed by the core group, history kept
    let propose = "mutation($c: ID!, $t: String!) { proposeDomainDefinition(input: { communityId: $c, text: $t }) { version { id version } } }";
    let v1 = ok(&app
        .gql(
            Some(&ada),
            propose,
            json!({ "c": c, "t": "Falls in hospital and at home, across professions" }),
        )
        .await)["proposeDomainDefinition"]["version"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let agree = "mutation($v: ID!) { agreeDomainDefinition(input: { versionId: $v }) { version { version agreed agreedBy { id } } } }";
    let v = app.gql(Some(&bo), agree, json!({ "v": v1 })).await;
    assert_eq!(
        ok(&v)["agreeDomainDefinition"]["version"],
        json!({ "version": 1, "agreed": true, "agreedBy": { "id": bo_id } })
    );
    assert_eq!(
        code(&app.gql(Some(&bo), agree, json!({ "v": v1 })).await),
        Some("INVALID_STATE")
    );
    ok(&app
        .gql(
            Some(&ada),
            propose,
            json!({ "c": c, "t": "Falls everywhere, with patients and carers" }),
        )
        .await);
    let q = "query($id: ID!) { community(id: $id) { domainDefinition { version text proposedBy { id } } domainDefinitionVersions { version agreed } } }";
    let v = app.gql(Some(&ada), q, json!({ "id": c })).await;
    assert_eq!(ok(&v)["community"]["domainDefinition"]["version"], 1);
    assert_eq!(
        ok(&v)["community"]["domainDefinition"]["proposedBy"]["id"],
        ada_id.as_str()
    );
    assert_eq!(
        ok(&v)["community"]["domainDefinitionVersions"],
        json!([{ "version": 2, "agreed": false }, { "version": 1, "agreed": true }])
    );
    let short = app
        .gql(Some(&ada), propose, json!({ "c": c, "t": "short" }))
        .await;
    assert_eq!(fields(&short), ["text"]);
}

#[tokio::test]
async fn a_requester_sees_their_pending_request() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bo, _) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let c = ok(&create(&app, &ada, &w.domain, "ON_REQUEST", true).await)["createCommunity"]
        ["community"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let q = "query($id: ID!) { community(id: $id) { viewerJoinRequest { status note } } }";
    assert_eq!(
        ok(&app.gql(Some(&bo), q, json!({ "id": c })).await)["community"]["viewerJoinRequest"],
        Value::Null
    );
    ok(&app
        .gql(Some(&bo), JOIN, json!({ "c": c, "n": "Hello" }))
        .await);
    assert_eq!(
        ok(&app.gql(Some(&bo), q, json!({ "id": c })).await)["community"]["viewerJoinRequest"],
        json!({ "status": "PENDING", "note": "Hello" })
    );
}

#[tokio::test]
async fn one_reminder_after_a_week_carries_the_same_link() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let c = as_string(
        &ok(&create(&app, &ada, &w.domain, "INVITATION", true).await)["createCommunity"]
            ["community"]["id"],
    );
    let v = app
        .gql(
            Some(&ada),
            INVITE,
            json!({ "i": { "communityId": c, "email": "newcomer@example.nhs.uk", "message": "We would love your view on handovers: no hierarchy, just honest talk." } }),
        )
        .await;
    ok(&v);
    let token = token_for(&app, "newcomer@example.nhs.uk").await;
    let now = chrono::Utc::now();
    let remind = |days: i64| {
        convene_server::jobs::remind_invitations(&app.state, now + chrono::Duration::days(days))
    };
    assert_eq!(remind(6).await.unwrap(), 0, "not before a week");
    assert_eq!(remind(8).await.unwrap(), 1, "one reminder after a week");
    assert_eq!(remind(9).await.unwrap(), 0, "and only one");
    let mail = app
        .wait_for_mail("newcomer@example.nhs.uk", "A reminder")
        .await
        .replace("=\r\n", "")
        .replace("=\n", "");
    assert!(
        mail.contains(&token),
        "the reminder carries the invitation's own link"
    );
    assert!(mail.contains("handovers"), "and the inviter's words");
    let q = "query($id: ID!) { community(id: $id) { invitations { state remindedAt } } }";
    let invs = app.gql(Some(&ada), q, json!({ "id": c })).await;
    let inv = &ok(&invs)["community"]["invitations"][0];
    assert_eq!(inv["state"], "PENDING");
    assert!(inv["remindedAt"].is_string());
    // the original link still works after the reminder
    let (newcomer, _) = app.register("newcomer@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(Some(&newcomer), ACCEPT, json!({ "t": token }))
        .await;
    assert_eq!(
        ok(&v)["acceptInvitation"]["community"]["viewerRole"],
        "MEMBER"
    );
}

#[tokio::test]
async fn expired_or_answered_invitations_get_no_reminder() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let c = as_string(
        &ok(&create(&app, &ada, &w.domain, "INVITATION", true).await)["createCommunity"]
            ["community"]["id"],
    );
    for who in ["late@example.nhs.uk", "quick@example.nhs.uk"] {
        ok(&app
            .gql(
                Some(&ada),
                INVITE,
                json!({ "i": { "communityId": c, "email": who, "message": "Come and share what works on your ward with us." } }),
            )
            .await);
    }
    let token = token_for(&app, "quick@example.nhs.uk").await;
    ok(&app
        .gql(
            None,
            "mutation($t: String!) { declineInvitation(input: { token: $t }) { declined } }",
            json!({ "t": token }),
        )
        .await);
    let now = chrono::Utc::now();
    // after two weeks the invitation has expired: no reminder for anyone
    assert_eq!(
        convene_server::jobs::remind_invitations(&app.state, now + chrono::Duration::days(15))
            .await
            .unwrap(),
        0
    );
    // within the week, only the unanswered one
    assert_eq!(
        convene_server::jobs::remind_invitations(&app.state, now + chrono::Duration::days(8))
            .await
            .unwrap(),
        1
    );
    assert!(!app
        .mails()
        .iter()
        .any(|m| m.contains("To: quick@") && m.contains("A reminder")));
}

const UPDATE_COMMUNITY: &str = "mutation($i: UpdateCommunityInput!) { updateCommunity(input: $i) { community { id name stage membershipMode listed } } }";

#[tokio::test]
async fn conveners_steer_the_community_through_its_stages() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bo, bo_id) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let c = as_string(
        &ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]["community"]
            ["id"],
    );
    ok(&app.gql(Some(&bo), JOIN, json!({ "c": c })).await);
    let core = "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";
    ok(&app
        .gql(
            Some(&ada),
            core,
            json!({ "i": { "communityId": c, "personId": bo_id, "role": "CORE" } }),
        )
        .await);
    // the core group runs it day to day, but only conveners change its settings
    let v = app
        .gql(
            Some(&bo),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": c, "stage": "ACTIVE" } }),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(
            Some(&ada),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": c, "stage": "ACTIVE", "name": "Falls peers (North)", "membershipMode": "ON_REQUEST", "listed": false } }),
        )
        .await;
    let got = &ok(&v)["updateCommunity"]["community"];
    assert_eq!(got["stage"], "ACTIVE");
    assert_eq!(got["name"], "Falls peers (North)");
    assert_eq!(got["membershipMode"], "ON_REQUEST");
    assert_eq!(got["listed"], false);
    let bad = app
        .gql(
            Some(&ada),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": c, "name": "x" } }),
        )
        .await;
    assert_eq!(fields(&bad), ["name"]);
    // stages move one way, except that a dormant community wakes
    let v = app
        .gql(
            Some(&ada),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": c, "stage": "FORMING" } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    for stage in ["DORMANT", "ACTIVE", "CLOSED"] {
        let v = app
            .gql(
                Some(&ada),
                UPDATE_COMMUNITY,
                json!({ "i": { "communityId": c, "stage": stage } }),
            )
            .await;
        assert_eq!(ok(&v)["updateCommunity"]["community"]["stage"], stage);
    }
    // closed is final
    let v = app
        .gql(
            Some(&ada),
            UPDATE_COMMUNITY,
            json!({ "i": { "communityId": c, "listed": true } }),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    let audit = app.audit_of(&w.admin, &c).await;
    assert!(
        audit
            .iter()
            .filter(|e| e["action"] == "update_community")
            .count()
            >= 4,
        "{audit:?}"
    );
}

#[tokio::test]
async fn the_programme_team_gives_a_community_its_coach() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (_, cath_id) = app.register("cath@example.nhs.uk", &w.nhs_org).await;
    let c = as_string(
        &ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]["community"]
            ["id"],
    );
    let assign = "mutation($i: AssignCoachInput!) { assignCoach(input: $i) { community { coach { id name } } } }";
    let input = json!({ "i": { "communityId": c, "coachId": cath_id } });
    assert_eq!(
        code(&app.gql(Some(&ada), assign, input.clone()).await),
        Some("FORBIDDEN")
    );
    // not yet a coach
    assert_eq!(
        fields(&app.gql(Some(&w.admin), assign, input.clone()).await),
        ["coachId"]
    );
    app.grant(&w.admin, &cath_id, "COACH").await;
    let v = app.gql(Some(&w.admin), assign, input).await;
    assert_eq!(ok(&v)["assignCoach"]["community"]["coach"]["id"], cath_id);
    // members see their coach; outsiders do not
    let q = "query($id: ID!) { community(id: $id) { coach { id } } }";
    assert_eq!(
        ok(&app.gql(Some(&ada), q, json!({ "id": c })).await)["community"]["coach"]["id"],
        cath_id
    );
    assert_eq!(
        ok(&app.gql(None, q, json!({ "id": c })).await)["community"]["coach"],
        Value::Null
    );
    let v = app
        .gql(
            Some(&w.admin),
            assign,
            json!({ "i": { "communityId": c, "coachId": null } }),
        )
        .await;
    assert_eq!(ok(&v)["assignCoach"]["community"]["coach"], Value::Null);
}

#[tokio::test]
async fn people_see_the_communities_they_belong_to() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, ada_id) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bo, _) = app.register("bo@example.nhs.uk", &w.nhs_org).await;
    let c = as_string(
        &ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]["community"]
            ["id"],
    );
    let q = "{ viewer { communities { role community { id name } } } }";
    let mine = app.gql(Some(&ada), q, json!({})).await;
    assert_eq!(
        ok(&mine)["viewer"]["communities"],
        json!([{ "role": "CONVENER", "community": { "id": c, "name": "Falls prevention peers" } }])
    );
    assert_eq!(
        ok(&app.gql(Some(&bo), q, json!({})).await)["viewer"]["communities"],
        json!([])
    );
    let other = app
        .gql(
            Some(&bo),
            "query($id: ID!) { node(id: $id) { ... on Person { communities { role } } } }",
            json!({ "id": ada_id }),
        )
        .await;
    assert_eq!(code(&other), Some("FORBIDDEN"));
}

#[tokio::test]
async fn the_directory_counts_members_and_pages_them() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, ada_id) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let id = ok(&create(&app, &ada, &w.domain, "OPEN", true).await)["createCommunity"]["community"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut joined = vec![];
    for who in ["bo", "cy", "di"] {
        let (t, person) = app
            .register(&format!("{who}@example.nhs.uk"), &w.nhs_org)
            .await;
        ok(&app.gql(Some(&t), JOIN, json!({ "c": id })).await);
        joined.push(person);
    }
    // Anyone sees how many belong; only members see who.
    let count = "query($id: ID!) { community(id: $id) { memberCount } }";
    assert_eq!(
        ok(&app.gql(None, count, json!({ "id": id })).await)["community"]["memberCount"],
        4
    );
    let firsts = "query($id: ID!, $n: Int) { community(id: $id) { members(first: $n) { role person { id } } } }";
    let v = app
        .gql(Some(&ada), firsts, json!({ "id": id, "n": 2 }))
        .await;
    assert_eq!(
        ok(&v)["community"]["members"],
        json!([
            { "role": "CONVENER", "person": { "id": ada_id } },
            { "role": "MEMBER", "person": { "id": joined[0] } }
        ]),
        "the first two to join"
    );
    let all = app.gql(Some(&ada), firsts, json!({ "id": id })).await;
    assert_eq!(
        ok(&all)["community"]["members"].as_array().unwrap().len(),
        4
    );
    let v = app
        .gql(Some(&ada), firsts, json!({ "id": id, "n": -1 }))
        .await;
    assert_eq!(code(&v), Some("VALIDATION"), "{v}");
}
