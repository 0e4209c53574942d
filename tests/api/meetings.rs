//! Meetings and calendars (SPEC §4): scheduling in UK time, invitations by e-mail with a
//! calendar part, the members-only feed read back with an iCalendar parser, SEQUENCE and
//! CANCEL, attendance, and who may do and see each thing.

use convene_blackbox::*;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use serde_json::{json, Value};

const CREATE: &str =
    "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { community { id } } }";
const JOIN: &str = "mutation($c: ID!) { joinCommunity(input: { communityId: $c }) { joined } }";
const SCHEDULE: &str = "mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id startsAt startsAtLocal timeZone endsAt durationMinutes mode location joiningDetails agenda status sequence calendarUid calendarUrl } } }";
const UPDATE: &str = "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { id startsAt sequence notes status } } }";
const CANCEL: &str = "mutation($m: ID!) { cancelMeeting(input: { meetingId: $m }) { meeting { id status sequence } } }";
const ATTEND: &str = "mutation($m: ID!, $p: [ID!]!) { recordAttendance(input: { meetingId: $m, attendeeIds: $p }) { meeting { id attendees { id } } } }";
const TOKEN: &str = "{ viewer { calendarFeedToken } }";

struct Setup {
    app: TestApp,
    ada: String,
    bob: String,
    bob_id: String,
    carol: String,
    community: String,
}

/// Ada convenes an open community that Bob has joined; Carol is signed in but outside it.
async fn setup() -> Setup {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (ada, _) = app.register("ada@example.nhs.uk", &w.nhs_org).await;
    let (bob, bob_id) = app.register("bob@example.nhs.uk", &w.nhs_org).await;
    let (carol, _) = app.register("carol@example.nhs.uk", &w.nhs_org).await;
    let v = app
        .gql(
            Some(&ada),
            CREATE,
            json!({ "i": { "name": "Deteriorating patient peers", "domainId": w.domain, "membershipMode": "OPEN", "listed": true } }),
        )
        .await;
    let community = as_string(&ok(&v)["createCommunity"]["community"]["id"]);
    ok(&app.gql(Some(&bob), JOIN, json!({ "c": community })).await);
    Setup {
        app,
        ada,
        bob,
        bob_id,
        carol,
        community,
    }
}

fn video(community: &str, starts: &str) -> Value {
    json!({ "i": {
        "communityId": community,
        "startsAt": starts,
        "durationMinutes": 90,
        "mode": "VIDEO",
        "joiningDetails": "https://video.example.nhs.uk/j/4321, passcode 8765",
        "agenda": "Welcome; what we each bring; our domain in a sentence",
    } })
}

async fn feed(app: &TestApp, path: &str, token: Option<&str>) -> (u16, String, String) {
    let url = match token {
        Some(t) => format!("{}{path}?token={t}", app.base),
        None => format!("{}{path}", app.base),
    };
    let r = app.http().get(url).send().await.unwrap();
    let status = r.status().as_u16();
    let kind = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, r.text().await.unwrap())
}

fn path_of(url: &str) -> String {
    let i = url.find("/calendar/").expect("a calendar path");
    url[i..].to_string()
}

fn events(ics: &str) -> Vec<icalendar::Event> {
    let cal: Calendar = ics.parse().expect("the feed parses as iCalendar");
    cal.components
        .iter()
        .filter_map(|c| c.as_event().cloned())
        .collect()
}

#[tokio::test]
async fn a_meeting_reaches_members_by_mail_and_feed_and_changes_keep_its_uid() {
    let s = setup().await;
    let app = &s.app;
    // 14:00 in June is British Summer Time: 13:00 UTC.
    let v = app
        .gql(
            Some(&s.ada),
            SCHEDULE,
            video(&s.community, "2027-06-03T14:00"),
        )
        .await;
    let m = ok(&v)["scheduleMeeting"]["meeting"].clone();
    assert_eq!(m["startsAt"], "2027-06-03T13:00:00+00:00");
    assert_eq!(m["startsAtLocal"], "2027-06-03T14:00:00");
    assert_eq!(m["timeZone"], "Europe/London");
    assert_eq!(m["endsAt"], "2027-06-03T14:30:00+00:00");
    assert_eq!(m["sequence"], 0);
    assert_eq!(m["status"], "SCHEDULED");
    assert_eq!(m["location"], Value::Null);
    let id = as_string(&m["id"]);

    // every member, the convener included, gets the invitation with a calendar part
    for to in ["bob@example.nhs.uk", "ada@example.nhs.uk"] {
        let mail = app.wait_for_mail(to, "method=REQUEST").await;
        assert!(mail.contains("text/calendar"), "{mail}");
        assert!(mail.contains("Thursday 3 June 2027 at 2:00pm"), "{mail}");
    }
    assert!(
        !app.mails()
            .iter()
            .any(|m| m.contains("To: carol@") && m.contains("method=REQUEST")),
        "outsiders hear nothing"
    );

    // Bob's calendar program reads the feed with his token
    let token = as_string(
        &ok(&app.gql(Some(&s.bob), TOKEN, json!({})).await)["viewer"]["calendarFeedToken"],
    );
    let q = "query($id: ID!) { community(id: $id) { calendarUrl } }";
    let feed_url = as_string(
        &ok(&app.gql(Some(&s.bob), q, json!({ "id": s.community })).await)["community"]
            ["calendarUrl"],
    );
    let feed_path = path_of(&feed_url);
    let (status, kind, ics) = feed(app, &feed_path, Some(&token)).await;
    assert_eq!(status, 200, "{ics}");
    assert!(kind.starts_with("text/calendar"), "{kind}");
    assert!(ics.contains("BEGIN:VTIMEZONE"), "{ics}");
    let evs = events(&ics);
    assert_eq!(evs.len(), 1);
    let e = &evs[0];
    assert_eq!(e.get_uid(), m["calendarUid"].as_str());
    assert_eq!(e.get_sequence(), Some(0));
    match e.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/London");
            assert_eq!(date_time.to_string(), "2027-06-03 14:00:00");
        }
        other => panic!("start {other:?}"),
    }
    assert!(e.get_description().unwrap().contains("passcode 8765"));

    // moving it raises SEQUENCE, keeps the UID, and tells everyone again
    let v = app
        .gql(
            Some(&s.ada),
            UPDATE,
            json!({ "i": { "meetingId": id, "startsAt": "2027-06-03T15:30" } }),
        )
        .await;
    assert_eq!(ok(&v)["updateMeeting"]["meeting"]["sequence"], 1);
    app.wait_for_mail("bob@example.nhs.uk", "(updated)").await;
    // notes alone change nothing a calendar shows
    let v = app
        .gql(
            Some(&s.ada),
            UPDATE,
            json!({ "i": { "meetingId": id, "notes": "Bring one story of a near miss." } }),
        )
        .await;
    assert_eq!(ok(&v)["updateMeeting"]["meeting"]["sequence"], 1);
    let (_, _, ics) = feed(app, &feed_path, Some(&token)).await;
    let e = &events(&ics)[0];
    assert_eq!(e.get_uid(), m["calendarUid"].as_str());
    assert_eq!(e.get_sequence(), Some(1));
    assert!(
        ics.contains("DTSTART;TZID=Europe/London:20270603T153000"),
        "{ics}"
    );

    // cancelling: STATUS:CANCELLED in the feed, METHOD:CANCEL by mail, SEQUENCE up again
    let v = app.gql(Some(&s.ada), CANCEL, json!({ "m": id })).await;
    let c = &ok(&v)["cancelMeeting"]["meeting"];
    assert_eq!(c["status"], "CANCELLED");
    assert_eq!(c["sequence"], 2);
    let mail = app
        .wait_for_mail("bob@example.nhs.uk", "method=CANCEL")
        .await;
    assert!(mail.contains("cancelled"), "{mail}");
    let (_, _, ics) = feed(app, &feed_path, Some(&token)).await;
    let e = &events(&ics)[0];
    assert_eq!(e.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(e.get_sequence(), Some(2));
    // a cancelled meeting stays cancelled
    assert_eq!(
        code(&app.gql(Some(&s.ada), CANCEL, json!({ "m": id })).await),
        Some("INVALID_STATE")
    );

    // the single meeting's file, by Bearer token this time
    let r = app
        .http()
        .get(format!(
            "{}{}",
            app.base,
            path_of(m["calendarUrl"].as_str().unwrap())
        ))
        .bearer_auth(&s.bob)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(events(&r.text().await.unwrap()).len(), 1);
}

#[tokio::test]
async fn meetings_and_calendars_are_for_members_only() {
    let s = setup().await;
    let app = &s.app;
    let v = app
        .gql(
            Some(&s.ada),
            SCHEDULE,
            video(&s.community, "2027-01-12T10:00"),
        )
        .await;
    let id = as_string(&ok(&v)["scheduleMeeting"]["meeting"]["id"]);
    let q = "query($id: ID!) { community(id: $id) { calendarUrl meetings { totalCount nodes { id } } } }";
    let member = app.gql(Some(&s.bob), q, json!({ "id": s.community })).await;
    assert_eq!(ok(&member)["community"]["meetings"]["totalCount"], 1);
    // the working plan's next meeting is the soonest one not yet held
    let plan = app
        .gql(
            Some(&s.bob),
            "query($id: ID!) { community(id: $id) { workingPlan { nextMeeting { id mode joiningDetails } } } }",
            json!({ "id": s.community }),
        )
        .await;
    let next = &ok(&plan)["community"]["workingPlan"]["nextMeeting"];
    assert_eq!(next["id"], id.as_str());
    assert_eq!(next["mode"], "VIDEO");
    for who in [Some(s.carol.as_str()), None] {
        let v = app.gql(who, q, json!({ "id": s.community })).await;
        assert_eq!(code(&v), Some("FORBIDDEN"), "{v}");
        let node = app
            .gql(
                who,
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(node["data"]["node"], Value::Null, "{node}");
    }
    let cq = "query($id: ID!) { community(id: $id) { calendarUrl } }";
    assert_eq!(
        ok(&app
            .gql(Some(&s.carol), cq, json!({ "id": s.community }))
            .await)["community"]["calendarUrl"],
        Value::Null
    );

    let path = format!("/calendar/communities/{}.ics", s.community);
    let carol_token = as_string(
        &ok(&app.gql(Some(&s.carol), TOKEN, json!({})).await)["viewer"]["calendarFeedToken"],
    );
    assert_eq!(feed(app, &path, Some(&carol_token)).await.0, 403);
    assert_eq!(feed(app, &path, None).await.0, 401);
    assert_eq!(feed(app, &path, Some("made-up")).await.0, 401);
    // someone else's token is not Carol's to use, and it is not an access token either
    let r = app
        .http()
        .get(format!("{}{path}", app.base))
        .bearer_auth(&carol_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    // nobody reads another's token
    let other = app
        .gql(
            Some(&s.carol),
            "query($id: ID!) { node(id: $id) { ... on Person { calendarFeedToken } } }",
            json!({ "id": s.bob_id }),
        )
        .await;
    assert_eq!(ok(&other)["node"]["calendarFeedToken"], Value::Null);

    // resetting kills the old token and the new one works
    let bob_token = as_string(
        &ok(&app.gql(Some(&s.bob), TOKEN, json!({})).await)["viewer"]["calendarFeedToken"],
    );
    assert_eq!(feed(app, &path, Some(&bob_token)).await.0, 200);
    let v = app
        .gql(
            Some(&s.bob),
            "mutation { resetCalendarFeedToken { calendarFeedToken } }",
            json!({}),
        )
        .await;
    let fresh = as_string(&ok(&v)["resetCalendarFeedToken"]["calendarFeedToken"]);
    assert_ne!(fresh, bob_token);
    assert_eq!(feed(app, &path, Some(&bob_token)).await.0, 401);
    assert_eq!(feed(app, &path, Some(&fresh)).await.0, 200);
    // leaving the community closes the feed
    ok(&app
        .gql(
            Some(&s.bob),
            "mutation($c: ID!) { leaveCommunity(input: { communityId: $c }) { community { id } } }",
            json!({ "c": s.community }),
        )
        .await);
    assert_eq!(feed(app, &path, Some(&fresh)).await.0, 403);
}

#[tokio::test]
async fn only_conveners_and_core_plan_and_bad_input_names_the_field() {
    let s = setup().await;
    let app = &s.app;
    let v = app
        .gql(
            Some(&s.bob),
            SCHEDULE,
            video(&s.community, "2027-01-12T10:00"),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    let v = app
        .gql(
            Some(&s.carol),
            SCHEDULE,
            video(&s.community, "2027-01-12T10:00"),
        )
        .await;
    assert_eq!(code(&v), Some("FORBIDDEN"));
    assert_eq!(
        code(
            &app.gql(None, SCHEDULE, video(&s.community, "2027-01-12T10:00"))
                .await
        ),
        Some("UNAUTHENTICATED")
    );
    let cases = [
        (json!({ "startsAt": "2020-01-01T10:00" }), "startsAt"),
        (json!({ "startsAt": "next Tuesday" }), "startsAt"),
        // the hour skipped when the clocks go forward
        (json!({ "startsAt": "2027-03-28T01:30" }), "startsAt"),
        (json!({ "durationMinutes": 5 }), "durationMinutes"),
        (json!({ "durationMinutes": 600 }), "durationMinutes"),
        (json!({ "mode": "IN_PERSON" }), "location"),
        (json!({ "joiningDetails": "  " }), "joiningDetails"),
    ];
    for (change, field) in cases {
        let mut input = video(&s.community, "2027-01-12T10:00");
        for (k, v) in change.as_object().unwrap() {
            input["i"][k] = v.clone();
        }
        let v = app.gql(Some(&s.ada), SCHEDULE, input).await;
        assert_eq!(code(&v), Some("VALIDATION"), "{v}");
        assert_eq!(fields(&v), [field], "{v}");
    }
    let mut place = video(&s.community, "2027-01-12T10:00");
    place["i"]["mode"] = json!("IN_PERSON");
    place["i"]["location"] = json!("Room 2, Riverside House");
    let v = app.gql(Some(&s.ada), SCHEDULE, place).await;
    let m = &ok(&v)["scheduleMeeting"]["meeting"];
    assert_eq!(m["location"], "Room 2, Riverside House");
    assert_eq!(
        m["joiningDetails"],
        Value::Null,
        "a room keeps no stale link"
    );
    let id = as_string(&m["id"]);
    // a member cannot change or cancel it; an outsider is told nothing
    let upd = json!({ "i": { "meetingId": id, "agenda": "Mine now" } });
    assert_eq!(
        code(&app.gql(Some(&s.bob), UPDATE, upd.clone()).await),
        Some("FORBIDDEN")
    );
    let outsider = app.gql(Some(&s.carol), UPDATE, upd).await;
    assert_eq!(fields(&outsider), ["meetingId"]);
    assert_eq!(
        code(&app.gql(Some(&s.bob), CANCEL, json!({ "m": id })).await),
        Some("FORBIDDEN")
    );
}

#[tokio::test]
async fn attendance_is_recorded_for_members_once_the_meeting_has_started() {
    let s = setup().await;
    let app = &s.app;
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let v = app
        .gql(Some(&s.ada), SCHEDULE, video(&s.community, &soon))
        .await;
    let id = as_string(&ok(&v)["scheduleMeeting"]["meeting"]["id"]);
    let early = app
        .gql(Some(&s.ada), ATTEND, json!({ "m": id, "p": [s.bob_id] }))
        .await;
    assert_eq!(code(&early), Some("INVALID_STATE"));
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    let carol_id = app.viewer_id(&s.carol).await;
    let v = app
        .gql(
            Some(&s.ada),
            ATTEND,
            json!({ "m": id, "p": [s.bob_id, carol_id] }),
        )
        .await;
    assert_eq!(fields(&v), ["attendeeIds"], "only members attend");
    let v = app
        .gql(
            Some(&s.ada),
            ATTEND,
            json!({ "m": id, "p": [s.bob_id, s.bob_id] }),
        )
        .await;
    assert_eq!(
        ok(&v)["recordAttendance"]["meeting"]["attendees"],
        json!([{ "id": s.bob_id }])
    );
    // once started it can no longer be moved or cancelled, but notes are welcome
    let moved = app
        .gql(
            Some(&s.ada),
            UPDATE,
            json!({ "i": { "meetingId": id, "durationMinutes": 60 } }),
        )
        .await;
    assert_eq!(code(&moved), Some("INVALID_STATE"));
    assert_eq!(
        code(&app.gql(Some(&s.ada), CANCEL, json!({ "m": id })).await),
        Some("INVALID_STATE")
    );
    let notes = app
        .gql(
            Some(&s.ada),
            UPDATE,
            json!({ "i": { "meetingId": id, "notes": "Agreed our first three practices." } }),
        )
        .await;
    assert_eq!(
        ok(&notes)["updateMeeting"]["meeting"]["notes"],
        "Agreed our first three practices."
    );
    let held = app
        .gql(
            Some(&s.bob),
            "query($id: ID!) { community(id: $id) { upcoming: meetings(upcoming: true) { totalCount } held: meetings(upcoming: false) { totalCount nodes { attendees { id } } } } }",
            json!({ "id": s.community }),
        )
        .await;
    assert_eq!(ok(&held)["community"]["upcoming"]["totalCount"], 0);
    assert_eq!(ok(&held)["community"]["held"]["totalCount"], 1);
}
