//! The shared fixtures, spoken to through typed operations: what they build is what they say.

use convene_blackbox::fixtures::*;
use convene_blackbox::*;

#[tokio::test]
async fn a_community_with_members_has_its_convener_and_members_and_keeps_outsiders_out() {
    let app = spawn_app().await;
    let c = app.community_with_members(2).await;
    let seen = app
        .run::<CommunityMembers>(
            Some(&c.convener.token),
            community_members::Variables { id: c.id.clone() },
        )
        .await
        .community
        .expect("the convener sees the community");
    assert_eq!(seen.member_count, 3);
    let role_of = |id: &str| {
        seen.members
            .iter()
            .find(|m| m.person.id == id)
            .map(|m| format!("{:?}", m.role))
    };
    assert_eq!(role_of(&c.convener.id).as_deref(), Some("CONVENER"));
    for m in &c.members {
        assert_eq!(role_of(&m.id).as_deref(), Some("MEMBER"));
    }

    let admin = app.admin().await;
    let outsider = app.person(&admin, "outsider").await;
    let refused = app
        .typed::<CommunityMembers>(
            Some(&outsider.token),
            community_members::Variables { id: c.id.clone() },
        )
        .await;
    assert_eq!(first_code(&refused).as_deref(), Some("FORBIDDEN"));
    let path = &refused.errors.as_ref().expect("errors")[0].path;
    let path = format!("{path:?}");
    assert!(
        path.contains("members"),
        "the members are what is refused: {path}"
    );
}

#[tokio::test]
async fn a_call_with_a_panel_has_one_chair_and_its_members() {
    let app = spawn_app().await;
    let p = app.call_with_panel(2).await;
    let call = app
        .run::<CallPanel>(Some(&p.admin), call_panel::Variables { id: p.call.clone() })
        .await
        .call
        .expect("the programme team sees the call");
    let chairs: Vec<&str> = call
        .panel
        .iter()
        .filter(|m| m.chair)
        .map(|m| m.person.id.as_str())
        .collect();
    assert_eq!(chairs, vec![p.chair.id.as_str()]);
    let mut members: Vec<&str> = call.panel.iter().map(|m| m.person.id.as_str()).collect();
    members.sort();
    let mut expected: Vec<&str> = p
        .members
        .iter()
        .chain([&p.chair])
        .map(|m| m.id.as_str())
        .collect();
    expected.sort();
    assert_eq!(members, expected);
}
