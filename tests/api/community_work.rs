//! A community's life beyond meetings (SPEC §4): the member map and its reach, roles and
//! responsibilities (functions), the working plan, support requests and the challenges board.

use convene_blackbox::*;
use serde_json::{json, Value};

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
const JOIN: &str = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";
const SET_ROLE: &str =
    "mutation($i: SetMemberRoleInput!) { setMemberRole(input: $i) { member { role } } }";

/// A community with a convener, a core member, a member, and an outsider; the programme team.
struct Cast {
    w: World,
    c: String,
    convener: String,
    core: String,
    core_id: String,
    member: String,
    member_id: String,
    outsider: String,
    outsider_id: String,
}

async fn cast(app: &TestApp) -> Cast {
    let w = world(app).await;
    let (convener, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (core, core_id) = app.register("bo@example.nhs.uk", &w.third_sector_org).await;
    let (member, member_id) = app.register("cy@example.nhs.uk", &w.nhs_org).await;
    let (outsider, outsider_id) = app.register("di@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(Some(&convener), CREATE, json!({ "i": { "name": "Falls prevention peers", "domainId": w.domain, "membershipMode": "OPEN", "listed": true } }))
        .await;
    let c = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    for t in [&core, &member] {
        ok(&app.gql(Some(t), JOIN, json!({ "c": c })).await);
    }
    ok(&app
        .gql(
            Some(&convener),
            SET_ROLE,
            json!({ "i": { "communityId": c, "personId": core_id, "role": "CORE" } }),
        )
        .await);
    Cast {
        w,
        c,
        convener,
        core,
        core_id,
        member,
        member_id,
        outsider,
        outsider_id,
    }
}

/// The uuid inside a global ID.
fn raw(id: &str) -> String {
    use base64::Engine;
    let s = String::from_utf8(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(id)
            .unwrap(),
    )
    .unwrap();
    s.split_once(':').unwrap().1.to_string()
}

fn days(n: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

// ---- the member map

const ADD_ENTRY: &str = "mutation($i: AddMemberMapEntryInput!) { addMemberMapEntry(input: $i) { entry { id name email organisation { id } organisationName profession sector tags } } }";
const MAP: &str = "query($id: ID!) { community(id: $id) { memberMap { entries { id name organisationName sector profession tags } reach { organisations professions sectors } membershipReach { organisations professions sectors } } } }";

#[tokio::test]
async fn the_member_map_is_kept_by_conveners_and_core_and_shows_its_reach() {
    let app = spawn_app().await;
    let k = cast(&app).await;
    let entry = |extra: Value| {
        let mut i = json!({ "communityId": k.c, "name": "Jo Bell", "tags": ["HAS_INTEREST"] });
        i.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({ "i": i })
    };
    // who may
    let v = app.gql(Some(&k.convener), ADD_ENTRY, entry(json!({ "organisationId": k.w.nhs_org, "profession": "Pharmacist", "email": "Jo@Example.nhs.uk", "tags": ["NEEDED_FOR_EXPERTISE", "HAS_INTEREST", "HAS_INTEREST"] }))).await;
    let e = &ok(&v)["addMemberMapEntry"]["entry"];
    assert_eq!(e["organisation"]["id"], json!(k.w.nhs_org));
    assert_eq!(e["organisationName"], "Riverside NHS Trust");
    assert_eq!(e["sector"], "NHS_TRUST");
    assert_eq!(e["email"], "jo@example.nhs.uk");
    assert_eq!(e["tags"], json!(["HAS_INTEREST", "NEEDED_FOR_EXPERTISE"]));
    let first = as_string(&e["id"]);
    ok(&app.gql(Some(&k.core), ADD_ENTRY, entry(json!({ "name": "Kim Lee", "organisationId": k.w.nhs_org, "profession": " pharmacist " }))).await);
    let v = app.gql(Some(&k.core), ADD_ENTRY, entry(json!({ "name": "Lou Moss", "organisationName": "Hillside Hospice", "sector": "THIRD_SECTOR", "profession": "Nurse", "tags": ["NEEDS_DEVELOPMENT"] }))).await;
    let e = &ok(&v)["addMemberMapEntry"]["entry"];
    assert_eq!(
        (
            e["organisation"].clone(),
            e["organisationName"].clone(),
            e["sector"].clone()
        ),
        (
            Value::Null,
            json!("Hillside Hospice"),
            json!("THIRD_SECTOR")
        )
    );
    ok(&app.gql(Some(&k.convener), ADD_ENTRY, entry(json!({ "name": "Max Ng", "organisationId": k.w.industry_org, "tags": ["NEEDED_FOR_RESOURCES"] }))).await);
    // who may not
    assert_eq!(
        code(&app.gql(Some(&k.member), ADD_ENTRY, entry(json!({}))).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(Some(&k.outsider), ADD_ENTRY, entry(json!({})))
                .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&k.w.admin), ADD_ENTRY, entry(json!({}))).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, ADD_ENTRY, entry(json!({}))).await),
        Some("UNAUTHENTICATED")
    );
    // validation names the fields
    let v = app
        .gql(
            Some(&k.convener),
            ADD_ENTRY,
            entry(json!({ "name": " ", "email": "nope", "tags": [] })),
        )
        .await;
    assert_eq!(sorted_fields(&v), ["email", "name", "tags"]);
    let v = app
        .gql(
            Some(&k.convener),
            ADD_ENTRY,
            entry(json!({ "organisationId": k.w.nhs_org, "organisationName": "Also typed" })),
        )
        .await;
    assert_eq!(fields(&v), ["organisationName"]);
    let v = app
        .gql(
            Some(&k.convener),
            ADD_ENTRY,
            entry(json!({ "organisationId": unknown_id("Organisation") })),
        )
        .await;
    assert_eq!(fields(&v), ["organisationId"]);

    // reach: Riverside (x2), Hillside Hospice, Devices Ltd = 3 organisations; pharmacist (x2),
    // nurse = 2 professions; NHS trust, third sector, industry = 3 sectors. The members: Ada
    // and Cy at Riverside, Bo at Patient Voices, no professions.
    let v = app.gql(Some(&k.member), MAP, json!({ "id": k.c })).await;
    let m = &ok(&v)["community"]["memberMap"];
    assert_eq!(m["entries"].as_array().unwrap().len(), 4);
    assert_eq!(
        m["reach"],
        json!({ "organisations": 3, "professions": 2, "sectors": 3 })
    );
    assert_eq!(
        m["membershipReach"],
        json!({ "organisations": 2, "professions": 0, "sectors": 2 })
    );
    // members and the programme team read it; outsiders and anonymous visitors do not
    ok(&app.gql(Some(&k.w.admin), MAP, json!({ "id": k.c })).await);
    assert_eq!(
        code(&app.gql(Some(&k.outsider), MAP, json!({ "id": k.c })).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, MAP, json!({ "id": k.c })).await),
        Some("FORBIDDEN")
    );

    // update and remove
    const UPDATE: &str = "mutation($i: UpdateMemberMapEntryInput!) { updateMemberMapEntry(input: $i) { entry { name organisationName sector profession tags } } }";
    let upd = json!({ "i": { "entryId": first, "name": "Jo Bell", "organisationName": "Devices Ltd", "sector": "INDUSTRY", "profession": "Engineer", "tags": ["NEEDED_FOR_AUTHORITY"] } });
    assert_eq!(
        code(&app.gql(Some(&k.member), UPDATE, upd.clone()).await),
        Some("FORBIDDEN")
    );
    let v = app.gql(Some(&k.core), UPDATE, upd).await;
    assert_eq!(
        ok(&v)["updateMemberMapEntry"]["entry"],
        json!({ "name": "Jo Bell", "organisationName": "Devices Ltd", "sector": "INDUSTRY", "profession": "Engineer", "tags": ["NEEDED_FOR_AUTHORITY"] })
    );
    const REMOVE: &str =
        "mutation($e: ID!) { removeMemberMapEntry(input: { entryId: $e }) { removedEntryId } }";
    assert_eq!(
        code(
            &app.gql(Some(&k.outsider), REMOVE, json!({ "e": first }))
                .await
        ),
        Some("FORBIDDEN")
    );
    ok(&app
        .gql(Some(&k.convener), REMOVE, json!({ "e": first }))
        .await);
    assert_eq!(
        fields(
            &app.gql(Some(&k.convener), REMOVE, json!({ "e": first }))
                .await
        ),
        ["entryId"]
    );
    let v = app.gql(Some(&k.convener), MAP, json!({ "id": k.c })).await;
    let m = &ok(&v)["community"]["memberMap"];
    assert_eq!(m["entries"].as_array().unwrap().len(), 3);
    // Kim at Riverside; Hillside Hospice; Devices Ltd
    assert_eq!(
        m["reach"],
        json!({ "organisations": 3, "professions": 2, "sectors": 3 })
    );
}

// ---- functions

const ASSIGN: &str = "mutation($i: AssignFunctionInput!) { assignFunction(input: $i) { function { id function customName name holder { id } from until current } } }";
const ROTATE: &str = "mutation($i: RotateFunctionInput!) { rotateFunction(input: $i) { previous { id holder { id } from until current } function { id holder { id } from until current history { holder { id } from until } } } }";

#[tokio::test]
async fn functions_go_to_members_do_not_overlap_and_rotate_with_a_history() {
    let app = spawn_app().await;
    let k = cast(&app).await;
    let assign = |kind: &str,
                  person: &str,
                  from: String,
                  until: Option<String>,
                  custom: Option<&str>| {
        json!({ "i": { "communityId": k.c, "function": kind, "personId": person, "from": from, "until": until, "customName": custom } })
    };
    let v = app
        .gql(
            Some(&k.convener),
            ASSIGN,
            assign("AGENDA", &k.member_id, days(-60), None, None),
        )
        .await;
    let f = &ok(&v)["assignFunction"]["function"];
    assert_eq!(
        (f["name"].clone(), f["current"].clone(), f["until"].clone()),
        (json!("Agenda"), json!(true), Value::Null)
    );
    let agenda = as_string(&f["id"]);
    // who may not: a member, an outsider, the programme team, nobody signed in
    for t in [
        Some(k.member.as_str()),
        Some(&k.outsider),
        Some(&k.w.admin),
        None,
    ] {
        let v = app
            .gql(
                t,
                ASSIGN,
                assign("NOTE_TAKING", &k.member_id, days(0), None, None),
            )
            .await;
        assert_eq!(
            code(&v),
            Some(if t.is_none() {
                "UNAUTHENTICATED"
            } else {
                "FORBIDDEN"
            }),
            "{v}"
        );
    }
    // the core group may
    let v = app
        .gql(
            Some(&k.core),
            ASSIGN,
            assign(
                "OTHER",
                &k.core_id,
                days(0),
                Some(days(30)),
                Some("Tea and welcome"),
            ),
        )
        .await;
    assert_eq!(
        ok(&v)["assignFunction"]["function"]["name"],
        "Tea and welcome"
    );
    // rules: OTHER needs a name; holders are members; periods of one function do not overlap
    assert_eq!(
        fields(
            &app.gql(
                Some(&k.convener),
                ASSIGN,
                assign("OTHER", &k.member_id, days(0), None, None)
            )
            .await
        ),
        ["customName"]
    );
    assert_eq!(
        fields(
            &app.gql(
                Some(&k.convener),
                ASSIGN,
                assign("FACILITATION", &k.outsider_id, days(0), None, None)
            )
            .await
        ),
        ["personId"]
    );
    assert_eq!(
        fields(
            &app.gql(
                Some(&k.convener),
                ASSIGN,
                assign("FACILITATION", &k.member_id, days(5), Some(days(1)), None)
            )
            .await
        ),
        ["until"]
    );
    let v = app
        .gql(
            Some(&k.convener),
            ASSIGN,
            assign("AGENDA", &k.core_id, days(10), None, None),
        )
        .await;
    assert_eq!(
        (code(&v), fields(&v)),
        (Some("CONFLICT"), vec!["from".to_string()])
    );
    let v = app
        .gql(
            Some(&k.convener),
            ASSIGN,
            assign(
                "OTHER",
                &k.member_id,
                days(3),
                None,
                Some("tea AND welcome"),
            ),
        )
        .await;
    assert_eq!(
        code(&v),
        Some("CONFLICT"),
        "the same function of their own, however it is typed"
    );

    // rotation: the member's period ends the day before, the core member's starts
    let rot = |person: &str, from: String| json!({ "i": { "functionId": agenda, "personId": person, "from": from } });
    assert_eq!(
        fields(
            &app.gql(Some(&k.convener), ROTATE, rot(&k.outsider_id, days(-10)))
                .await
        ),
        ["personId"]
    );
    assert_eq!(
        code(
            &app.gql(Some(&k.member), ROTATE, rot(&k.core_id, days(-10)))
                .await
        ),
        Some("FORBIDDEN")
    );
    let v = app
        .gql(Some(&k.core), ROTATE, rot(&k.core_id, days(-10)))
        .await;
    let r = &ok(&v)["rotateFunction"];
    assert_eq!(r["previous"]["until"], json!(days(-11)));
    assert_eq!(r["previous"]["current"], false);
    assert_eq!(r["function"]["from"], json!(days(-10)));
    assert_eq!(r["function"]["current"], true);
    assert_eq!(
        r["function"]["history"],
        json!([
            { "holder": { "id": k.member_id }, "from": days(-60), "until": days(-11) },
            { "holder": { "id": k.core_id }, "from": days(-10), "until": null },
        ])
    );
    let q = "query($id: ID!) { community(id: $id) { functions { function name holder { id } } workingPlan { functions { name } } } }";
    let v = app.gql(Some(&k.member), q, json!({ "id": k.c })).await;
    assert_eq!(
        ok(&v)["community"]["functions"],
        json!([
            { "function": "AGENDA", "name": "Agenda", "holder": { "id": k.core_id } },
            { "function": "OTHER", "name": "Tea and welcome", "holder": { "id": k.core_id } },
        ])
    );
    assert_eq!(
        ok(&v)["community"]["workingPlan"]["functions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        code(&app.gql(Some(&k.outsider), q, json!({ "id": k.c })).await),
        Some("FORBIDDEN")
    );

    // ending a period
    let next = as_string(&r["function"]["id"]);
    const END: &str =
        "mutation($i: EndFunctionInput!) { endFunction(input: $i) { function { until current } } }";
    assert_eq!(
        fields(
            &app.gql(
                Some(&k.convener),
                END,
                json!({ "i": { "functionId": next, "until": days(-20) } })
            )
            .await
        ),
        ["until"]
    );
    assert_eq!(
        code(
            &app.gql(Some(&k.member), END, json!({ "i": { "functionId": next } }))
                .await
        ),
        Some("FORBIDDEN")
    );
    let v = app
        .gql(
            Some(&k.convener),
            END,
            json!({ "i": { "functionId": next, "until": days(-1) } }),
        )
        .await;
    assert_eq!(
        ok(&v)["endFunction"]["function"],
        json!({ "until": days(-1), "current": false })
    );
    let v = app.gql(Some(&k.member), q, json!({ "id": k.c })).await;
    assert_eq!(
        ok(&v)["community"]["functions"].as_array().unwrap().len(),
        1,
        "only the function of their own is held now"
    );
}

// ---- the working plan

#[tokio::test]
async fn the_working_plan_lists_what_is_needed_from_whom_by_when() {
    let app = spawn_app().await;
    let k = cast(&app).await;
    const ADD: &str = "mutation($i: AddPlanNeedInput!) { addPlanNeed(input: $i) { need { id kind what fromWhom byWhen completed } } }";
    let need = |what: &str, by: Option<String>| json!({ "i": { "communityId": k.c, "kind": "RESEARCH", "what": what, "fromWhom": "The falls audit team", "byWhen": by } });
    let v = app
        .gql(
            Some(&k.convener),
            ADD,
            need("Last year's falls audit", Some(days(30))),
        )
        .await;
    let n = &ok(&v)["addPlanNeed"]["need"];
    assert_eq!(
        (
            n["kind"].clone(),
            n["byWhen"].clone(),
            n["completed"].clone()
        ),
        (json!("RESEARCH"), json!(days(30)), json!(false))
    );
    let id = as_string(&n["id"]);
    ok(&app
        .gql(
            Some(&k.core),
            ADD,
            need("A pharmacist's view on sedatives", None),
        )
        .await);
    for t in [Some(k.member.as_str()), Some(&k.outsider), None] {
        assert!(matches!(
            code(&app.gql(t, ADD, need("Something useful", None)).await),
            Some("FORBIDDEN" | "UNAUTHENTICATED")
        ));
    }
    let v = app.gql(Some(&k.convener), ADD, json!({ "i": { "communityId": k.c, "kind": "EXPERTISE", "what": "", "fromWhom": "", "byWhen": days(-1) } })).await;
    assert_eq!(sorted_fields(&v), ["byWhen", "fromWhom", "what"]);

    const COMPLETE: &str = "mutation($n: ID!) { completePlanNeed(input: { needId: $n }) { need { completed completedAt } } }";
    assert_eq!(
        code(&app.gql(Some(&k.member), COMPLETE, json!({ "n": id })).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        ok(&app.gql(Some(&k.core), COMPLETE, json!({ "n": id })).await)["completePlanNeed"]["need"]
            ["completed"],
        true
    );
    assert_eq!(
        code(&app.gql(Some(&k.core), COMPLETE, json!({ "n": id })).await),
        Some("INVALID_STATE")
    );

    let q = "query($id: ID!) { community(id: $id) { workingPlan { needs { what completed } } } }";
    let v = app.gql(Some(&k.member), q, json!({ "id": k.c })).await;
    assert_eq!(
        ok(&v)["community"]["workingPlan"]["needs"],
        json!([
            { "what": "A pharmacist's view on sedatives", "completed": false },
            { "what": "Last year's falls audit", "completed": true },
        ])
    );
    assert_eq!(
        code(&app.gql(Some(&k.outsider), q, json!({ "id": k.c })).await),
        Some("FORBIDDEN")
    );
    const REMOVE: &str =
        "mutation($n: ID!) { removePlanNeed(input: { needId: $n }) { removedNeedId } }";
    assert_eq!(
        code(&app.gql(Some(&k.member), REMOVE, json!({ "n": id })).await),
        Some("FORBIDDEN")
    );
    ok(&app.gql(Some(&k.convener), REMOVE, json!({ "n": id })).await);
    let v = app.gql(Some(&k.member), q, json!({ "id": k.c })).await;
    assert_eq!(
        ok(&v)["community"]["workingPlan"]["needs"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

// ---- support requests

const REQUEST: &str = "mutation($i: RequestSupportInput!) { requestSupport(input: $i) { request { id kind status details assignee { id } } } }";
const ASSIGN_REQ: &str = "mutation($i: AssignSupportRequestInput!) { assignSupportRequest(input: $i) { request { status assignee { id } } } }";
const UPDATE_REQ: &str = "mutation($i: UpdateSupportRequestInput!) { updateSupportRequest(input: $i) { request { status history { status note author { id } assignee { id } } } } }";
const QUEUE: &str = "query($s: SupportRequestStatus) { supportQueue(status: $s) { totalCount nodes { id status community { id } } } }";

#[tokio::test]
async fn support_requests_are_assigned_to_a_coach_tracked_and_closed_with_a_note() {
    let app = spawn_app().await;
    let k = cast(&app).await;
    let (coach, coach_id) = app.register("coach@example.nhs.uk", &k.w.nhs_org).await;
    let (other_coach, other_coach_id) = app.register("coach2@example.nhs.uk", &k.w.nhs_org).await;
    app.grant(&k.w.admin, &coach_id, "COACH").await;
    app.grant(&k.w.admin, &other_coach_id, "COACH").await;
    // fresh tokens carry the role
    let coach = {
        let _ = coach;
        app.sign_in("coach@example.nhs.uk", PASSWORD).await
    };
    let other_coach = {
        let _ = other_coach;
        app.sign_in("coach2@example.nhs.uk", PASSWORD).await
    };

    let ask = |details: &str| json!({ "i": { "communityId": k.c, "kind": "MEETING_DESIGN", "details": details } });
    let details = "Help us design a first meeting that gets everyone talking.";
    for t in [Some(k.member.as_str()), Some(&k.outsider), Some(&coach)] {
        assert_eq!(
            code(&app.gql(t, REQUEST, ask(details)).await),
            Some("FORBIDDEN")
        );
    }
    assert_eq!(
        code(&app.gql(None, REQUEST, ask(details)).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        fields(&app.gql(Some(&k.core), REQUEST, ask("Help")).await),
        ["details"]
    );
    let v = app.gql(Some(&k.core), REQUEST, ask(details)).await;
    let r = &ok(&v)["requestSupport"]["request"];
    assert_eq!(
        (r["status"].clone(), r["assignee"].clone()),
        (json!("OPEN"), Value::Null)
    );
    let id = as_string(&r["id"]);

    // only the programme team assigns, and only to a coach or one of themselves
    let to = |p: &str| json!({ "i": { "requestId": id, "personId": p } });
    assert_eq!(
        code(&app.gql(Some(&coach), ASSIGN_REQ, to(&coach_id)).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(Some(&k.convener), ASSIGN_REQ, to(&coach_id)).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        fields(
            &app.gql(Some(&k.w.admin), ASSIGN_REQ, to(&k.member_id))
                .await
        ),
        ["personId"]
    );
    let v = app.gql(Some(&k.w.admin), ASSIGN_REQ, to(&coach_id)).await;
    assert_eq!(
        ok(&v)["assignSupportRequest"]["request"],
        json!({ "status": "ASSIGNED", "assignee": { "id": coach_id } })
    );
    let mail = unfold(
        &app.wait_for_mail("coach@example.nhs.uk", "Falls prevention peers")
            .await,
    );
    assert!(mail.contains("meeting-process design"), "{mail}");

    // the queue: a coach sees what is theirs, another coach nothing, the team everything
    async fn queue(app: &TestApp, t: &str, s: Value) -> Value {
        app.gql(Some(t), QUEUE, json!({ "s": s })).await
    }
    assert_eq!(
        ok(&queue(&app, &coach, Value::Null).await)["supportQueue"]["totalCount"],
        1
    );
    assert_eq!(
        ok(&queue(&app, &coach, json!("CLOSED")).await)["supportQueue"]["totalCount"],
        0
    );
    assert_eq!(
        ok(&queue(&app, &other_coach, Value::Null).await)["supportQueue"]["totalCount"],
        0
    );
    assert_eq!(
        ok(&queue(&app, &k.w.admin, json!("ASSIGNED")).await)["supportQueue"]["nodes"][0]["id"],
        json!(id)
    );
    assert_eq!(
        code(&queue(&app, &k.convener, Value::Null).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, QUEUE, json!({})).await),
        Some("UNAUTHENTICATED")
    );

    // the assignee works on it; another coach and the community cannot
    let upd = |status: Value, note: Value| json!({ "i": { "requestId": id, "status": status, "note": note } });
    assert_eq!(
        code(
            &app.gql(
                Some(&other_coach),
                UPDATE_REQ,
                upd(json!("IN_PROGRESS"), Value::Null)
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(
                Some(&k.convener),
                UPDATE_REQ,
                upd(json!("IN_PROGRESS"), Value::Null)
            )
            .await
        ),
        Some("FORBIDDEN")
    );
    ok(&app
        .gql(
            Some(&coach),
            UPDATE_REQ,
            upd(json!("IN_PROGRESS"), json!("Call booked for Tuesday")),
        )
        .await);
    assert_eq!(
        fields(
            &app.gql(
                Some(&coach),
                UPDATE_REQ,
                upd(json!("ASSIGNED"), Value::Null)
            )
            .await
        ),
        ["status"]
    );
    assert_eq!(
        fields(
            &app.gql(Some(&coach), UPDATE_REQ, upd(json!("CLOSED"), Value::Null))
                .await
        ),
        ["note"]
    );
    let v = app
        .gql(
            Some(&coach),
            UPDATE_REQ,
            upd(
                json!("CLOSED"),
                json!("Agenda template shared; first meeting went well"),
            ),
        )
        .await;
    let h = &ok(&v)["updateSupportRequest"]["request"];
    assert_eq!(h["status"], "CLOSED");
    let statuses: Vec<&str> = h["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["OPEN", "ASSIGNED", "IN_PROGRESS", "CLOSED"]);
    assert_eq!(
        h["history"][3]["note"],
        "Agenda template shared; first meeting went well"
    );
    assert_eq!(h["history"][3]["author"]["id"], json!(coach_id));
    assert_eq!(h["history"][1]["assignee"]["id"], json!(coach_id));
    assert_eq!(
        code(
            &app.gql(
                Some(&k.w.admin),
                UPDATE_REQ,
                upd(json!("IN_PROGRESS"), json!("Again"))
            )
            .await
        ),
        Some("INVALID_STATE")
    );

    // who sees the community's requests
    let q = "query($id: ID!) { community(id: $id) { supportRequests { id status } } }";
    for t in [&k.convener, &k.core, &coach, &k.w.admin] {
        let v = app.gql(Some(t), q, json!({ "id": k.c })).await;
        assert_eq!(
            ok(&v)["community"]["supportRequests"][0]["status"],
            "CLOSED",
            "{v}"
        );
    }
    for t in [&k.member, &k.outsider, &other_coach] {
        assert_eq!(
            code(&app.gql(Some(t), q, json!({ "id": k.c })).await),
            Some("FORBIDDEN")
        );
    }
}

// ---- the challenges board

const POST: &str = "mutation($i: PostChallengeInput!) { postChallenge(input: $i) { challenge { id title anonymous author { id } viewerIsAuthor } } }";
const REPLY: &str = "mutation($i: ReplyToChallengeInput!) { replyToChallenge(input: $i) { reply { id anonymous author { id } viewerIsAuthor } } }";
const BOARD: &str = "query($id: ID!) { community(id: $id) { challenges(first: 10) { totalCount nodes { id title anonymous author { id } viewerIsAuthor replies { body anonymous author { id } viewerIsAuthor } } } } }";
const NODE: &str = "query($id: ID!) { node(id: $id) { id ... on Challenge { title author { id } viewerIsAuthor replies { author { id } } } } }";

#[tokio::test]
async fn an_anonymous_challenge_names_nobody_but_to_its_author_in_every_path() {
    let app = spawn_app().await;
    let k = cast(&app).await;
    let post = |title: &str, anonymous: bool| json!({ "i": { "communityId": k.c, "title": title, "body": "We had three falls on nights last month and I think I missed something.", "anonymous": anonymous } });
    ok(&app
        .gql(Some(&k.core), POST, post("Handover on nights", false))
        .await);
    let v = app
        .gql(
            Some(&k.member),
            POST,
            post("A fall I keep thinking about", true),
        )
        .await;
    let c = &ok(&v)["postChallenge"]["challenge"];
    assert_eq!(
        (c["author"]["id"].clone(), c["viewerIsAuthor"].clone()),
        (json!(k.member_id), json!(true)),
        "the author sees themselves"
    );
    let id = as_string(&c["id"]);
    // replies: an anonymous one from the convener, a named one from the core member
    let reply = |body: &str, anonymous: bool| json!({ "i": { "challengeId": id, "body": body, "anonymous": anonymous } });
    ok(&app
        .gql(
            Some(&k.convener),
            REPLY,
            reply("That happened to me too.", true),
        )
        .await);
    ok(&app
        .gql(
            Some(&k.core),
            REPLY,
            reply("Shall we look at it together?", false),
        )
        .await);

    // members only: not outsiders, not anonymous visitors, not through node(id) either
    assert_eq!(
        code(
            &app.gql(Some(&k.outsider), POST, post("Let me in", false))
                .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(
            &app.gql(Some(&k.outsider), REPLY, reply("Hello", false))
                .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, POST, post("Let me in", false)).await),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        code(
            &app.gql(Some(&k.outsider), BOARD, json!({ "id": k.c }))
                .await
        ),
        Some("FORBIDDEN")
    );
    assert_eq!(
        code(&app.gql(None, BOARD, json!({ "id": k.c })).await),
        Some("FORBIDDEN")
    );
    assert_eq!(
        ok(&app.gql(Some(&k.outsider), NODE, json!({ "id": id })).await)["node"],
        Value::Null
    );
    assert_eq!(
        ok(&app.gql(None, NODE, json!({ "id": id })).await)["node"],
        Value::Null
    );
    // validation
    let v = app
        .gql(
            Some(&k.member),
            POST,
            json!({ "i": { "communityId": k.c, "title": "x", "body": " " } }),
        )
        .await;
    assert_eq!(sorted_fields(&v), ["body", "title"]);

    // the board, newest first: another member, the convener and the programme team see no author
    for t in [&k.core, &k.convener, &k.w.admin] {
        let v = app.gql(Some(t), BOARD, json!({ "id": k.c })).await;
        let b = &ok(&v)["community"]["challenges"];
        assert_eq!(b["totalCount"], 2);
        let top = &b["nodes"][0];
        assert_eq!(top["title"], "A fall I keep thinking about", "newest first");
        assert_eq!(
            (
                top["anonymous"].clone(),
                top["author"].clone(),
                top["viewerIsAuthor"].clone()
            ),
            (json!(true), Value::Null, json!(false)),
            "{v}"
        );
        assert_eq!(b["nodes"][1]["author"]["id"], json!(k.core_id));
        assert_eq!(top["replies"][1]["author"]["id"], json!(k.core_id));
        let v = app.gql(Some(t), NODE, json!({ "id": id })).await;
        assert_eq!(
            ok(&v)["node"]["author"],
            Value::Null,
            "node(id) hides the author too"
        );
    }
    // the convener sees their own anonymous reply as theirs; the member sees it as nobody's
    let v = app
        .gql(Some(&k.convener), BOARD, json!({ "id": k.c }))
        .await;
    assert_eq!(
        ok(&v)["community"]["challenges"]["nodes"][0]["replies"][0]["viewerIsAuthor"],
        true
    );
    let v = app.gql(Some(&k.member), BOARD, json!({ "id": k.c })).await;
    let top = &ok(&v)["community"]["challenges"]["nodes"][0];
    assert_eq!(top["author"]["id"], json!(k.member_id));
    assert_eq!(
        (
            top["replies"][0]["author"].clone(),
            top["replies"][0]["viewerIsAuthor"].clone()
        ),
        (Value::Null, json!(false))
    );
    let v = app.gql(Some(&k.member), NODE, json!({ "id": id })).await;
    assert_eq!(ok(&v)["node"]["author"]["id"], json!(k.member_id));

    // the audit log: the anonymous post and reply have no actor, and no snapshot names the author
    let entries = app.audit_of(&k.w.admin, &id).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["actor"], Value::Null);
    assert_eq!(entries[0]["action"], "post_challenge");
    let v = app
        .gql(
            Some(&k.w.admin),
            "{ auditLog(first: 100) { nodes { entityType action actor { id } before after } } }",
            json!({}),
        )
        .await;
    let all = ok(&v)["auditLog"]["nodes"].as_array().unwrap().clone();
    let (member_raw, convener_raw) = (raw(&k.member_id), raw(&app.viewer_id(&k.convener).await));
    let mut anonymous_entries = 0;
    for e in all
        .iter()
        .filter(|e| e["entityType"] == "Challenge" || e["entityType"] == "ChallengeReply")
    {
        let text = e.to_string();
        let anonymous = e["after"].as_str().unwrap().contains("\"anonymous\":true");
        if anonymous {
            anonymous_entries += 1;
            assert_eq!(e["actor"], Value::Null, "{e}");
            assert!(
                !text.contains(&member_raw) && !text.contains(&convener_raw),
                "{e}"
            );
            assert!(!text.contains("author_id"), "{e}");
        } else {
            assert_eq!(e["actor"]["id"], json!(k.core_id));
        }
    }
    assert_eq!(
        anonymous_entries, 2,
        "the anonymous post and the anonymous reply"
    );
    assert_eq!(
        all.iter()
            .filter(|e| e["action"] == "reply_to_challenge")
            .count(),
        2
    );
}

// ---- statements per request, and the demo

/// The statements one request cost, as the server counts them (its own scope, so the
/// outbox worker's polls are not in it).
async fn cost(app: &TestApp, token: &str, q: &str, vars: Value) -> u64 {
    let (v, n) = app.gql_counted(Some(token), q, vars).await;
    ok(&v);
    n
}

#[tokio::test]
async fn the_board_and_functions_cost_the_same_statements_however_long_they_are() {
    let app = spawn_with(count_statements).await;
    let k = cast(&app).await;
    let q = "query($id: ID!) { community(id: $id) { challenges(first: 50) { nodes { title author { name } replies { body author { name } } } } functions { name holder { name } history { holder { name } } } } }";
    let add = |n: usize| {
        let (app, k) = (&app, &k);
        async move {
            for i in 0..n {
                let t = [&k.convener, &k.core, &k.member][i % 3];
                let v = app.gql(Some(t), POST, json!({ "i": { "communityId": k.c, "title": format!("Challenge {i} {}", uuid::Uuid::new_v4()), "body": "Body", "anonymous": i % 2 == 0 } })).await;
                let id = as_string(&ok(&v)["postChallenge"]["challenge"]["id"]);
                ok(&app.gql(Some(&k.core), REPLY, json!({ "i": { "challengeId": id, "body": "A reply", "anonymous": false } })).await);
                let f = [
                    "AGENDA",
                    "NOTE_TAKING",
                    "COMMUNICATION",
                    "FACILITATION",
                    "INTRANET_POSTING",
                ][i % 5];
                app.gql(Some(&k.convener), ASSIGN, json!({ "i": { "communityId": k.c, "function": f, "personId": k.member_id, "from": days(-(i as i64)) } })).await;
            }
        }
    };
    add(2).await;
    let small = cost(&app, &k.member, q, json!({ "id": k.c })).await;
    add(8).await;
    let large = cost(&app, &k.member, q, json!({ "id": k.c })).await;
    // A loader's batch can split by timing, never by length: one statement per row would add
    // at least 16 here (8 more challenges' replies, and their authors).
    assert!(
        large <= small + 2,
        "statements per request grow with the list: {small} → {large}"
    );
}

#[tokio::test]
async fn the_demo_communities_have_a_life_beyond_meetings() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_DEMO".into(), "1".into());
    })
    .await;
    let team = app
        .sign_in("programme@convene.example", "convene-demo-2026")
        .await;
    let coach = app
        .sign_in("coach@convene.example", "convene-demo-2026")
        .await;
    let v = app.gql(Some(&team), "{ communities(first: 10) { nodes { name stage memberMap { entries { name } reach { organisations professions sectors } } functions { name history { from } } workingPlan { needs { what } } supportRequests { status assignee { name } } challenges { nodes { anonymous author { name } replies { anonymous author { name } } } } } } }", json!({})).await;
    let all = ok(&v)["communities"]["nodes"].as_array().unwrap().clone();
    let active = all
        .iter()
        .find(|c| c["stage"] == "ACTIVE")
        .expect("an active community");
    assert_eq!(active["memberMap"]["entries"].as_array().unwrap().len(), 3);
    assert_eq!(
        active["memberMap"]["reach"],
        json!({ "organisations": 3, "professions": 3, "sectors": 3 }),
        "{active}"
    );
    let agenda = active["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Agenda")
        .unwrap();
    assert_eq!(
        agenda["history"].as_array().unwrap().len(),
        2,
        "rotated once"
    );
    assert_eq!(active["workingPlan"]["needs"].as_array().unwrap().len(), 3);
    assert_eq!(active["supportRequests"].as_array().unwrap().len(), 2);
    let anonymous = active["challenges"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["anonymous"] == true)
        .unwrap();
    assert_eq!(
        anonymous["author"],
        Value::Null,
        "not even the programme team sees who"
    );
    let v = app
        .gql(
            Some(&coach),
            "{ supportQueue(status: IN_PROGRESS) { totalCount } }",
            json!({}),
        )
        .await;
    assert!(ok(&v)["supportQueue"]["totalCount"].as_i64().unwrap() >= 1);
}
