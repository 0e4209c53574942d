//! Identity (issue 14): verified addresses, password reset and change, profiles with their
//! organisation history, e-mail changes, sessions, and per-account throttling.

use convene_blackbox::*;
use serde_json::{json, Value};

const ME: &str = "{ viewer { id email emailVerified coLeadInvitations { id } } }";
const NOTES: &str = "{ notifications { nodes { kind message link } } }";
const REQUEST_RESET: &str =
    "mutation($e: String!) { requestPasswordReset(input: { email: $e }) { accepted } }";
const RESET: &str = "mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) { person { id emailVerified } } }";
const SIGN_IN_FULL: &str = "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { accessToken refreshToken } }";
const REFRESH: &str = "mutation($r: String!) { refreshSession(input: { refreshToken: $r }) { accessToken refreshToken } }";
const NEW_PASSWORD: &str = "a brand new passphrase";

fn reason(v: &Value) -> Option<&str> {
    v["errors"][0]["extensions"]["reason"].as_str()
}

/// Sign in; (access, refresh).
async fn session(app: &TestApp, email: &str, password: &str) -> (String, String) {
    let v = app
        .gql(None, SIGN_IN_FULL, json!({ "e": email, "p": password }))
        .await;
    let d = &ok(&v)["signIn"];
    (as_string(&d["accessToken"]), as_string(&d["refreshToken"]))
}

#[tokio::test]
async fn squatting_an_invited_address_gains_nothing_and_its_owner_takes_it_back() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (alice, _) = app.register("alice@example.nhs.uk", &w.nhs_org).await;
    let id = app.start_application(&alice, &w.call, &w.domain).await;
    ok(&app.invite(&alice, &id, "victim@example.nhs.uk").await);
    // someone else registers the invited address first; it is never proven
    let (mallory, _) = app
        .register_unverified("victim@example.nhs.uk", &w.nhs_org)
        .await;
    let me = app.gql(Some(&mallory), ME, json!({})).await;
    assert_eq!(ok(&me)["viewer"]["emailVerified"], false);
    assert_eq!(ok(&me)["viewer"]["coLeadInvitations"], json!([]));
    // the draft the invitation guards stays closed
    let read = app.read_application(&mallory, &id).await;
    assert!(read["data"]["application"].is_null(), "{read}");
    assert!(
        matches!(code(&read), Some("NOT_FOUND") | Some("FORBIDDEN")),
        "{read}"
    );
    // the place cannot be taken, and the answer says what to do
    let v = app.gql(Some(&mallory), ACCEPT, json!({ "a": id })).await;
    assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
    assert_eq!(reason(&v), Some("EMAIL_NOT_VERIFIED"), "{v}");
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Confirm your email address"));
    // nor submit, invite or start a community
    // (a draft of their own, in another domain, so that the place stays open to the owner)
    let admin = app.admin().await;
    let other_domain = app.create_domain(&admin, "Sepsis recognition").await;
    let own = app
        .start_application(&mallory, &w.call, &other_domain)
        .await;
    for v in [
        app.submit(&mallory, &own).await,
        app.invite(&mallory, &own, "x@example.nhs.uk").await,
        app.gql(Some(&mallory), "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
            json!({ "i": { "name": "Squatters", "domainId": w.domain, "membershipMode": "OPEN" } })).await,
    ] {
        assert_eq!(reason(&v), Some("EMAIL_NOT_VERIFIED"), "{v}");
    }
    // a community invitation to the address leaves no token in the squatter's notifications
    let c = app.gql(Some(&alice), "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
        json!({ "i": { "name": "Falls peers", "domainId": w.domain, "membershipMode": "OPEN" } })).await;
    let c = as_string(&ok(&c)["createCommunity"]["community"]["id"]);
    ok(&app.gql(Some(&alice), "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }",
        json!({ "i": { "communityId": c, "email": "victim@example.nhs.uk", "message": "Join us, we meet monthly" } })).await);
    let notes = app.gql(Some(&mallory), NOTES, json!({})).await;
    assert_eq!(ok(&notes)["notifications"]["nodes"], json!([]), "{notes}");
    // a guessed verification token does nothing
    let v = app
        .gql(
            None,
            "mutation { verifyEmail(input: { token: \"guess\" }) { person { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(fields(&v), ["token"], "{v}");

    // the address's owner cannot register it, but recovers the account through the mailbox
    ok(&app
        .gql(None, REQUEST_RESET, json!({ "e": "victim@example.nhs.uk" }))
        .await);
    let token = app
        .token_from_mail("victim@example.nhs.uk", "/reset-password?token=")
        .await;
    let v = app
        .gql(None, RESET, json!({ "t": token, "p": NEW_PASSWORD }))
        .await;
    assert_eq!(ok(&v)["resetPassword"]["person"]["emailVerified"], true);
    // the squatter is out
    assert_eq!(
        code(&app.gql(Some(&mallory), ME, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    let (owner, _) = session(&app, "victim@example.nhs.uk", NEW_PASSWORD).await;
    let me = app.gql(Some(&owner), ME, json!({})).await;
    assert_eq!(ok(&me)["viewer"]["coLeadInvitations"][0]["id"], id.as_str());
    ok(&app.gql(Some(&owner), ACCEPT, json!({ "a": id })).await);
}

#[tokio::test]
async fn the_verification_link_works_once_and_is_sent_again_on_request_within_limits() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (t, _) = app
        .register_unverified("new@example.nhs.uk", &w.nhs_org)
        .await;
    let token = app
        .token_from_mail("new@example.nhs.uk", "/verify-email?token=")
        .await;
    // sent again: a minute must pass between sends
    let resend = "mutation { resendVerificationEmail { sent } }";
    let v = app.gql(Some(&t), resend, json!({})).await;
    assert_eq!(code(&v), Some("RATE_LIMITED"), "{v}");
    assert!(v["errors"][0]["extensions"]["retryAfter"].as_u64().unwrap() >= 1);
    let verify =
        "mutation($t: String!) { verifyEmail(input: { token: $t }) { person { emailVerified } } }";
    let v = app.gql(None, verify, json!({ "t": token })).await;
    assert_eq!(ok(&v)["verifyEmail"]["person"]["emailVerified"], true);
    let again = app.gql(None, verify, json!({ "t": token })).await;
    assert_eq!(fields(&again), ["token"], "{again}");
    assert!(again["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("already been used"));
    // nothing to send once verified
    assert_eq!(
        ok(&app.gql(Some(&t), resend, json!({})).await)["resendVerificationEmail"]["sent"],
        false
    );
    // the bootstrap admin is verified from the start
    let admin = app.admin().await;
    assert_eq!(
        ok(&app.gql(Some(&admin), ME, json!({})).await)["viewer"]["emailVerified"],
        true
    );
}

#[tokio::test]
async fn a_reset_answers_alike_for_every_address_works_once_and_ends_every_session() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.register("ann@example.nhs.uk", &w.nhs_org).await;
    let (access, refresh) = session(&app, "ann@example.nhs.uk", PASSWORD).await;
    let unknown = app
        .gql(None, REQUEST_RESET, json!({ "e": "nobody@example.nhs.uk" }))
        .await;
    let known = app
        .gql(None, REQUEST_RESET, json!({ "e": "ann@example.nhs.uk" }))
        .await;
    assert_eq!(unknown["data"], known["data"]);
    assert_eq!(ok(&known)["requestPasswordReset"]["accepted"], true);
    let token = app
        .token_from_mail("ann@example.nhs.uk", "/reset-password?token=")
        .await;
    assert!(!app
        .mails()
        .iter()
        .any(|m| m.contains("To: nobody@example.nhs.uk")));
    // too short a password names the field, and leaves the token unspent
    let v = app
        .gql(None, RESET, json!({ "t": token, "p": "short" }))
        .await;
    assert_eq!(fields(&v), ["newPassword"], "{v}");
    ok(&app
        .gql(None, RESET, json!({ "t": token, "p": NEW_PASSWORD }))
        .await);
    assert_eq!(
        fields(
            &app.gql(None, RESET, json!({ "t": token, "p": NEW_PASSWORD }))
                .await
        ),
        ["token"]
    );
    // every session ended: the access token and the refresh token
    assert_eq!(
        code(&app.gql(Some(&access), ME, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(None, REFRESH, json!({ "r": refresh })).await),
        Some("UNAUTHENTICATED")
    );
    // the old password is gone, the new one works, and the person was told
    let old = app
        .gql(
            None,
            SIGN_IN_FULL,
            json!({ "e": "ann@example.nhs.uk", "p": PASSWORD }),
        )
        .await;
    assert_eq!(code(&old), Some("UNAUTHENTICATED"));
    session(&app, "ann@example.nhs.uk", NEW_PASSWORD).await;
    app.wait_for_mail("ann@example.nhs.uk", "password was changed")
        .await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_the_other_sessions() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.register("bea@example.nhs.uk", &w.nhs_org).await;
    let (here, _) = session(&app, "bea@example.nhs.uk", PASSWORD).await;
    let (there, there_refresh) = session(&app, "bea@example.nhs.uk", PASSWORD).await;
    let change = "mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { accessToken refreshToken person { id } } }";
    let v = app
        .gql(
            Some(&here),
            change,
            json!({ "c": "wrong wrong wrong", "n": NEW_PASSWORD }),
        )
        .await;
    assert_eq!(fields(&v), ["currentPassword"], "{v}");
    let v = app
        .gql(
            Some(&here),
            change,
            json!({ "c": PASSWORD, "n": NEW_PASSWORD }),
        )
        .await;
    let fresh = as_string(&ok(&v)["changePassword"]["accessToken"]);
    let fresh_refresh = as_string(&ok(&v)["changePassword"]["refreshToken"]);
    assert!(ok(&app.gql(Some(&fresh), ME, json!({})).await)["viewer"]["id"].is_string());
    ok(&app.gql(None, REFRESH, json!({ "r": fresh_refresh })).await);
    assert_eq!(
        code(&app.gql(Some(&there), ME, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(None, REFRESH, json!({ "r": there_refresh })).await),
        Some("UNAUTHENTICATED")
    );
    app.wait_for_mail("bea@example.nhs.uk", "every other session")
        .await;
}

#[tokio::test]
async fn a_profile_is_corrected_and_a_move_between_organisations_is_kept() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let admin = app.admin().await;
    let other_org = app
        .create_org(&admin, "Hillside NHS Trust", "NHS_TRUST", true)
        .await;
    let (cat, cat_id) = app.register("cat@example.nhs.uk", &w.nhs_org).await;
    let update = "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { person { name profession organisation { id } } } }";
    let v = app
        .gql(
            Some(&cat),
            update,
            json!({ "i": { "organisationId": unknown_id("Organisation"), "name": "" } }),
        )
        .await;
    assert_eq!(sorted_fields(&v), ["name", "organisationId"], "{v}");
    let v = app.gql(Some(&cat), update, json!({ "i": { "name": "Cat Jones", "profession": "Pharmacist", "organisationId": other_org } })).await;
    let p = &ok(&v)["updateProfile"]["person"];
    assert_eq!(p["name"], "Cat Jones");
    assert_eq!(p["profession"], "Pharmacist");
    assert_eq!(p["organisation"]["id"], other_org.as_str());
    let history = "query($id: ID!) { node(id: $id) { ... on Person { organisationHistory { from { id } to { id } changedAt } } } }";
    for t in [&cat, &admin] {
        let v = app.gql(Some(t), history, json!({ "id": cat_id })).await;
        let h = &ok(&v)["node"]["organisationHistory"];
        assert_eq!(h[0]["from"]["id"], w.nhs_org.as_str(), "{v}");
        assert_eq!(h[0]["to"]["id"], other_org.as_str(), "{v}");
    }
    let (dan, _) = app.register("dan@example.nhs.uk", &w.nhs_org).await;
    let v = app.gql(Some(&dan), history, json!({ "id": cat_id })).await;
    assert!(v["data"]["node"]["organisationHistory"].is_null(), "{v}");
    let log = app.audit_of(&admin, &cat_id).await;
    assert_eq!(log[0]["action"], "update_profile");
}

#[tokio::test]
async fn an_address_changes_only_when_the_new_mailbox_confirms_it() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (t, _) = app.register("dee@example.nhs.uk", &w.nhs_org).await;
    let change = "mutation($e: String!, $p: String!) { changeEmail(input: { newEmail: $e, password: $p }) { pending } }";
    let v = app
        .gql(
            Some(&t),
            change,
            json!({ "e": "dee@lakeside.nhs.uk", "p": "not my password" }),
        )
        .await;
    assert_eq!(fields(&v), ["password"], "{v}");
    let v = app
        .gql(
            Some(&t),
            change,
            json!({ "e": "not an address", "p": PASSWORD }),
        )
        .await;
    assert_eq!(fields(&v), ["newEmail"], "{v}");
    ok(&app
        .gql(
            Some(&t),
            change,
            json!({ "e": "dee@lakeside.nhs.uk", "p": PASSWORD }),
        )
        .await);
    let notice = unfold(
        &app.wait_for_mail("dee@example.nhs.uk", "A change of email address")
            .await,
    );
    assert!(notice.contains("@lakeside.nhs.uk)"), "{notice}");
    assert!(
        !notice.contains("dee@lakeside"),
        "the new address is shown only in part"
    );
    assert_eq!(
        ok(&app.gql(Some(&t), ME, json!({})).await)["viewer"]["email"],
        "dee@example.nhs.uk"
    );
    let token = app
        .token_from_mail("dee@lakeside.nhs.uk", "/confirm-email?token=")
        .await;
    let confirm =
        "mutation($t: String!) { confirmEmailChange(input: { token: $t }) { person { email } } }";
    let v = app.gql(None, confirm, json!({ "t": token })).await;
    assert_eq!(
        ok(&v)["confirmEmailChange"]["person"]["email"],
        "dee@lakeside.nhs.uk"
    );
    let me = app.gql(Some(&t), ME, json!({})).await;
    assert_eq!(ok(&me)["viewer"]["emailVerified"], true);
    session(&app, "dee@lakeside.nhs.uk", PASSWORD).await;
}

#[tokio::test]
async fn people_see_their_sessions_and_end_one_or_all() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.register("eve@example.nhs.uk", &w.nhs_org).await;
    let url = format!("{}/graphql", app.base);
    let sign_in =
        json!({ "query": SIGN_IN_FULL, "variables": { "e": "eve@example.nhs.uk", "p": PASSWORD } });
    let signed_in: Value = app
        .http()
        .post(&url)
        .header("User-Agent", "Trust laptop browser")
        .json(&sign_in)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let laptop_refresh = as_string(&signed_in["data"]["signIn"]["refreshToken"]);
    let laptop = as_string(&signed_in["data"]["signIn"]["accessToken"]);
    let (phone, phone_refresh) = session(&app, "eve@example.nhs.uk", PASSWORD).await;
    let list = "{ viewer { sessions { id userAgent current createdAt lastUsedAt } } }";
    let v = app.gql(Some(&laptop), list, json!({})).await;
    let sessions = ok(&v)["viewer"]["sessions"].as_array().unwrap().clone();
    // the one from `register`, the laptop and the phone
    assert_eq!(sessions.len(), 3, "{v}");
    let mine: Vec<_> = sessions.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["userAgent"], "Trust laptop browser");
    let v = app.gql(Some(&phone), list, json!({})).await;
    let phone_id = ok(&v)["viewer"]["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == true)
        .unwrap()["id"]
        .clone();
    let end = "mutation($s: ID!) { signOutSession(input: { sessionId: $s }) { signedOut } }";
    // nobody else's session can be named
    let (other, _) = app.register("fay@example.nhs.uk", &w.nhs_org).await;
    assert_eq!(
        fields(&app.gql(Some(&other), end, json!({ "s": phone_id })).await),
        ["sessionId"]
    );
    ok(&app.gql(Some(&laptop), end, json!({ "s": phone_id })).await);
    // the phone is out at once: its access token and its refresh token
    assert_eq!(
        code(&app.gql(Some(&phone), ME, json!({})).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(&app.gql(None, REFRESH, json!({ "r": phone_refresh })).await),
        Some("UNAUTHENTICATED")
    );
    // the laptop goes on after fetching a new access token, as the SPA does when refused
    let v = app.gql(None, REFRESH, json!({ "r": laptop_refresh })).await;
    let laptop = as_string(&ok(&v)["refreshSession"]["accessToken"]);
    let v = app.gql(Some(&laptop), list, json!({})).await;
    assert_eq!(ok(&v)["viewer"]["sessions"].as_array().unwrap().len(), 2);
    ok(&app
        .gql(
            Some(&laptop),
            "mutation { signOutEverywhere { signedOut } }",
            json!({}),
        )
        .await);
    assert_eq!(
        code(&app.gql(Some(&laptop), ME, json!({})).await),
        Some("UNAUTHENTICATED")
    );
}

#[tokio::test]
async fn failed_sign_ins_slow_down_one_account_from_any_address_and_not_others() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_RATE_LIMITS".into(), "on".into());
    })
    .await;
    let w = world(&app).await;
    // (signing in needs no proven address; registering unverified spares the address's
    // stricter bucket, which every request of this test takes from)
    app.register_unverified("gus@example.nhs.uk", &w.nhs_org)
        .await;
    app.register_unverified("hal@example.nhs.uk", &w.nhs_org)
        .await;
    let wrong = |e: &str| json!({ "e": e, "p": "not the password at all" });
    for _ in 0..5 {
        let v = app
            .gql(None, SIGN_IN_FULL, wrong("gus@example.nhs.uk"))
            .await;
        assert_eq!(code(&v), Some("UNAUTHENTICATED"), "{v}");
    }
    // the sixth waits, even with the right password
    let v = app
        .gql(
            None,
            SIGN_IN_FULL,
            json!({ "e": "gus@example.nhs.uk", "p": PASSWORD }),
        )
        .await;
    assert_eq!(code(&v), Some("RATE_LIMITED"), "{v}");
    let wait = v["errors"][0]["extensions"]["retryAfter"].as_u64().unwrap();
    assert!((1..=2).contains(&wait), "{v}");
    // another account is not held up
    session(&app, "hal@example.nhs.uk", PASSWORD).await;
    // after the wait the owner gets in (and the address's bucket has a token again)
    tokio::time::sleep(std::time::Duration::from_secs(wait.max(6) + 1)).await;
    session(&app, "gus@example.nhs.uk", PASSWORD).await;
}

#[tokio::test]
async fn an_invitation_mail_can_be_unsubscribed_from_with_one_click() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let create =
        "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
    let invite =
        "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }";
    let mut communities = Vec::new();
    for name in ["Falls peers", "Sepsis peers"] {
        let v = app
            .gql(
                Some(&ada),
                create,
                json!({ "i": { "name": name, "domainId": w.domain, "membershipMode": "OPEN" } }),
            )
            .await;
        communities.push(as_string(&ok(&v)["createCommunity"]["community"]["id"]));
    }
    let message = "Join a few of us who share what works.";
    ok(&app
        .gql(Some(&ada), invite, json!({ "i": { "communityId": communities[0], "email": "zoe@example.nhs.uk", "message": message } }))
        .await);
    // one pending invitation per address and community
    let again = app
        .gql(Some(&ada), invite, json!({ "i": { "communityId": communities[0], "email": "zoe@example.nhs.uk", "message": message } }))
        .await;
    assert_eq!(
        (code(&again), fields(&again)),
        (Some("CONFLICT"), vec!["email".to_string()]),
        "{again}"
    );
    let mail = unfold(
        &app.wait_for_mail("zoe@example.nhs.uk", "/invitations/")
            .await,
    );
    assert!(
        mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{mail}"
    );
    let start = mail.find("List-Unsubscribe: <").expect("the header") + "List-Unsubscribe: <".len();
    let url = &mail[start..start + mail[start..].find('>').unwrap()];
    assert!(
        url.starts_with("http://127.0.0.1:0/mail/unsubscribe?"),
        "{url}"
    );
    let url = url.replacen("http://127.0.0.1:0", &app.base, 1);
    // a forged link changes nothing; a GET only shows the button
    let forged = url.replace("token=", "token=x");
    let r = app
        .http()
        .post(&forged)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = app.http().get(&url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("<form method=\"post\""));
    // the mail client's one click (RFC 8058)
    let r = app
        .http()
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // the next invitation is made, but no mail goes
    ok(&app
        .gql(Some(&ada), invite, json!({ "i": { "communityId": communities[1], "email": "zoe@example.nhs.uk", "message": message } }))
        .await);
    ok(&app
        .gql(Some(&ada), invite, json!({ "i": { "communityId": communities[1], "email": "yan@example.nhs.uk", "message": message } }))
        .await);
    app.wait_for_mail("yan@example.nhs.uk", "/invitations/")
        .await;
    let to_zoe = app
        .mails()
        .iter()
        .filter(|m| m.contains("To: zoe@example.nhs.uk"))
        .count();
    assert_eq!(
        to_zoe, 1,
        "one invitation mail before the click, none after"
    );
}

#[tokio::test]
async fn signing_out_everywhere_closes_the_persons_open_sockets() {
    use crate::notifications::{next_json, ws};
    let app = spawn_app().await;
    let w = world(&app).await;
    let (t, _) = app.register("ivy@example.nhs.uk", &w.nhs_org).await;
    let (other, _) = app.register("jon@example.nhs.uk", &w.nhs_org).await;
    let mut mine = ws(&app, json!({ "Authorization": format!("Bearer {t}") })).await;
    let mut theirs = ws(&app, json!({ "Authorization": format!("Bearer {other}") })).await;
    assert_eq!(
        next_json(&mut mine).await.unwrap()["type"],
        "connection_ack"
    );
    assert_eq!(
        next_json(&mut theirs).await.unwrap()["type"],
        "connection_ack"
    );
    ok(&app
        .gql(
            Some(&t),
            "mutation { signOutEverywhere { signedOut } }",
            json!({}),
        )
        .await);
    assert_eq!(next_json(&mut mine).await, None, "the socket closes");
    // someone else's socket stays open and answers
    use futures_util::SinkExt;
    theirs
        .send(tokio_tungstenite::tungstenite::Message::Text(
            json!({ "type": "ping" }).to_string().into(),
        ))
        .await
        .unwrap();
    assert_eq!(next_json(&mut theirs).await.unwrap()["type"], "pong");
}

#[tokio::test]
async fn names_never_carry_line_breaks_into_mail_headers_or_calendars() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v = app
        .gql(
            None,
            "mutation($i: RegisterInput!) { register(input: $i) { accessToken } }",
            json!({ "i": { "email": "eve@example.nhs.uk", "password": PASSWORD, "name": "Eve\r\nBcc: all@example.nhs.uk", "organisationId": w.nhs_org } }),
        )
        .await;
    assert_eq!(
        (code(&v), fields(&v)),
        (Some("VALIDATION"), vec!["name".to_string()]),
        "{v}"
    );
    let (t, _) = app.register("ann@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&t),
            "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }",
            json!({ "i": { "name": "Evil\r\nATTACH:https://example.org/x", "domainId": w.domain, "membershipMode": "OPEN" } }),
        )
        .await;
    assert_eq!(
        (code(&v), fields(&v)),
        (Some("VALIDATION"), vec!["name".to_string()]),
        "{v}"
    );
    let v = app
        .gql(
            Some(&t),
            "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { person { name } } }",
            json!({ "i": { "name": "Ann\tSmith" } }),
        )
        .await;
    assert_eq!(fields(&v), ["name"], "{v}");
}
