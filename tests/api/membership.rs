//! Conveners manage membership (issue 18, point 2): removing a member with a reason the person
//! is told, never the last convener; cancelling an invitation not yet answered.

use convene_blackbox::*;
use serde_json::{json, Value};

const REMOVE: &str =
    "mutation($i: RemoveMemberInput!) { removeMember(input: $i) { community { id viewerRole } } }";
const CANCEL: &str =
    "mutation($i: ID!) { cancelInvitation(input: { invitationId: $i }) { community { id } } }";
const INVITE: &str =
    "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id state } } }";
const MEMBERS: &str = "query($id: ID!) { community(id: $id) { members { person { id } role } invitations { id state } } }";
const ROLE: &str =
    "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";
const NOTIFICATIONS: &str = "{ notifications { nodes { kind message link } } }";

fn remove(community: &str, person: &str, reason: &str) -> Value {
    json!({ "i": { "communityId": community, "personId": person, "reason": reason } })
}

async fn member_ids(app: &TestApp, token: &str, community: &str) -> Vec<String> {
    let v = app
        .gql(Some(token), MEMBERS, json!({ "id": community }))
        .await;
    ok(&v)["community"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| as_string(&m["person"]["id"]))
        .collect()
}

#[tokio::test]
async fn a_convener_removes_a_member_who_is_told_why() {
    let app = spawn_app().await;
    let c = app.community_with_members(3).await;
    let (conv, bo, cy, di) = (&c.convener, &c.members[0], &c.members[1], &c.members[2]);
    // a plain member cannot remove anyone
    let v = app
        .gql(Some(&bo.token), REMOVE, remove(&c.id, &cy.id, "No"))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    // the reason is required and bounded
    let v = app
        .gql(Some(&conv.token), REMOVE, remove(&c.id, &cy.id, "  "))
        .await;
    assert_eq!(fields(&v), ["reason"]);
    let long = "a".repeat(1_001);
    let v = app
        .gql(Some(&conv.token), REMOVE, remove(&c.id, &cy.id, &long))
        .await;
    assert_eq!(fields(&v), ["reason"]);
    let reason = "You have moved to a role outside medicines safety.";
    let v = app
        .gql(Some(&conv.token), REMOVE, remove(&c.id, &cy.id, reason))
        .await;
    assert_eq!(ok(&v)["removeMember"]["community"]["id"], c.id.as_str());
    let ids = member_ids(&app, &conv.token, &c.id).await;
    assert!(!ids.contains(&cy.id), "{ids:?}");
    assert!(ids.contains(&bo.id) && ids.contains(&di.id), "{ids:?}");
    // the removed person is told in the product and by e-mail, with the reason
    let n = app.gql(Some(&cy.token), NOTIFICATIONS, json!({})).await;
    let nodes = ok(&n)["notifications"]["nodes"].as_array().unwrap().clone();
    let told = nodes.iter().find(|n| n["kind"] == "MEMBER_REMOVED");
    assert!(
        told.is_some_and(|n| n["message"]
            .as_str()
            .unwrap()
            .contains("Medicines safety peers")),
        "{nodes:?}"
    );
    let mail = unfold(
        &app.wait_for_mail(&cy.email, "Subject: You are no longer a member")
            .await,
    );
    assert!(mail.contains(reason), "{mail}");
    // no longer inside: the members list is closed to them, and removing again names the field
    let v = app
        .gql(Some(&cy.token), MEMBERS, json!({ "id": c.id }))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(Some(&conv.token), REMOVE, remove(&c.id, &cy.id, reason))
        .await;
    assert_eq!(fields(&v), ["personId"]);
    // audited with the reason
    let admin = app.admin().await;
    let log = app.audit_of(&admin, &c.id).await;
    let entry = log
        .iter()
        .find(|e| e["action"] == "remove_member")
        .expect("audited");
    assert_eq!(entry["actor"]["id"], conv.id.as_str());
    assert!(
        entry["before"]
            .as_str()
            .unwrap_or(&entry["before"].to_string())
            .contains(reason),
        "{entry}"
    );
    // the programme team can remove someone too
    let v = app
        .gql(Some(&admin), REMOVE, remove(&c.id, &di.id, reason))
        .await;
    ok(&v);
    let ids = member_ids(&app, &conv.token, &c.id).await;
    assert!(!ids.contains(&di.id), "{ids:?}");
}

#[tokio::test]
async fn the_last_convener_is_never_removed() {
    let app = spawn_app().await;
    let c = app.community_with_members(1).await;
    let (conv, bo) = (&c.convener, &c.members[0]);
    let admin = app.admin().await;
    let v = app
        .gql(
            Some(&admin),
            REMOVE,
            remove(&c.id, &conv.id, "Stepping down"),
        )
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    assert!(member_ids(&app, &conv.token, &c.id)
        .await
        .contains(&conv.id));
    // with a co-convener, one convener can remove the other
    let v = app
        .gql(
            Some(&conv.token),
            ROLE,
            json!({ "i": { "communityId": c.id, "personId": bo.id, "role": "CONVENER" } }),
        )
        .await;
    ok(&v);
    let v = app
        .gql(
            Some(&bo.token),
            REMOVE,
            remove(&c.id, &conv.id, "Handed over"),
        )
        .await;
    assert_eq!(
        ok(&v)["removeMember"]["community"]["viewerRole"],
        "CONVENER"
    );
    // and now bo is the last one
    let v = app
        .gql(Some(&admin), REMOVE, remove(&c.id, &bo.id, "Handed over"))
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
}

/// The token in the last invitation mail to `to`.
async fn invitation_token(app: &TestApp, to: &str) -> String {
    token_after(
        &unfold(&app.wait_for_mail(to, "/invitations/").await),
        "/invitations/",
    )
}

async fn invite(app: &TestApp, token: &str, community: &str, email: &str) -> String {
    let msg = "Would you join us to share what works in medicines safety?";
    let v = app
        .gql(
            Some(token),
            INVITE,
            json!({ "i": { "communityId": community, "email": email, "message": msg } }),
        )
        .await;
    as_string(&ok(&v)["inviteMember"]["invitation"]["id"])
}

#[tokio::test]
async fn a_cancelled_invitation_link_stops_working_and_an_answered_one_stays() {
    let app = spawn_app().await;
    let c = app.community_with_members(1).await;
    let (conv, bo) = (&c.convener, &c.members[0]);
    let pending = invite(&app, &conv.token, &c.id, "eve@example.nhs.uk").await;
    let link = invitation_token(&app, "eve@example.nhs.uk").await;
    // a plain member cannot cancel it
    let v = app
        .gql(Some(&bo.token), CANCEL, json!({ "i": pending }))
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(Some(&conv.token), CANCEL, json!({ "i": pending }))
        .await;
    assert_eq!(ok(&v)["cancelInvitation"]["community"]["id"], c.id.as_str());
    // its link is dead: not shown, not accepted
    let peek = "query($t: String!) { invitation(token: $t) { state } }";
    let v = app.gql(None, peek, json!({ "t": link })).await;
    assert!(v["data"]["invitation"].is_null(), "{v}");
    let w = world(&app).await;
    let (eve, _) = app.register("eve@example.nhs.uk", &w.nhs_org).await;
    let accept =
        "mutation($t: String!) { acceptInvitation(input: { token: $t }) { community { id } } }";
    let v = app.gql(Some(&eve), accept, json!({ "t": link })).await;
    assert_eq!(fields(&v), ["token"]);
    let v = app
        .gql(Some(&conv.token), CANCEL, json!({ "i": pending }))
        .await;
    assert_eq!(fields(&v), ["invitationId"]);
    // an answered invitation cannot be cancelled
    let answered = invite(&app, &conv.token, &c.id, "fay@example.nhs.uk").await;
    let link = invitation_token(&app, "fay@example.nhs.uk").await;
    let (fay, _) = app.register("fay@example.nhs.uk", &w.nhs_org).await;
    ok(&app.gql(Some(&fay), accept, json!({ "t": link })).await);
    let v = app
        .gql(Some(&conv.token), CANCEL, json!({ "i": answered }))
        .await;
    assert_eq!(code(&v), Some("INVALID_STATE"));
    let v = app
        .gql(Some(&conv.token), MEMBERS, json!({ "id": c.id }))
        .await;
    assert_eq!(
        ok(&v)["community"]["invitations"],
        json!([{ "id": answered, "state": "ACCEPTED" }])
    );
    // audited
    let log = app.audit_of(&w.admin, &c.id).await;
    assert!(
        log.iter().any(|e| e["action"] == "cancel_invitation"),
        "{log:?}"
    );
}
