//! The repositories against a real database: a fresh SQLite file, or a fresh PostgreSQL
//! database when `TEST_POSTGRES_URL` is set. Each test makes its own.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use convene_domain::account::{Email, PersonName};
use convene_domain::application::{Answers, ApplicationStatus};
use convene_domain::call::{CallDraft, CallStatus, HonorariumPolicy, NewCall, RankBy};
use convene_domain::catalogue::DomainStatus;
use convene_domain::organisation::Sector;
use convene_domain::{DomainError, ErrorCode};
use convene_store::entities::{application, call, organisation, person};
use convene_store::repo::{
    applications as apps, audit, calls, domains, organisations, outbox, people, sessions,
};
use convene_store::sea_orm::{ConnectionTrait, DatabaseConnection};
use convene_store::testing::{self, TestDatabase};
use convene_store::{begin_write, StoreError};
use uuid::Uuid;

struct Db {
    conn: DatabaseConnection,
    _guard: TestDatabase,
}

async fn fresh() -> Db {
    let guard = testing::fresh().await;
    let conn = convene_store::connect(&guard.url, Default::default())
        .await
        .expect("connect");
    let applied = convene_store::migrate(&conn).await.expect("migrate");
    assert!(applied > 0, "a fresh database gets every migration");
    Db {
        conn,
        _guard: guard,
    }
}

/// Now, to the second: both databases give back exactly what was stored.
fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(Utc::now().timestamp(), 0).unwrap()
}

#[track_caller]
fn domain_err<T: std::fmt::Debug>(r: Result<T, StoreError>) -> DomainError {
    match r {
        Err(StoreError::Domain(e)) => e,
        other => panic!("expected a domain error, got {other:?}"),
    }
}

#[track_caller]
fn assert_rule(e: &DomainError, code: ErrorCode, field: &str) {
    assert_eq!(e.code, code, "{e:?}");
    let f: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(f, [field], "{e:?}");
}

async fn org(db: &impl ConnectionTrait, name: &str) -> organisation::Model {
    organisations::create(db, name, Sector::NhsTrust, true, None, now())
        .await
        .expect("organisation")
}

async fn person(db: &impl ConnectionTrait, email: &str, org: Uuid) -> person::Model {
    let email = Email::parse("email", email).unwrap();
    let name = PersonName::parse("name", "Someone").unwrap();
    people::create(
        db,
        people::NewPerson {
            email: &email,
            name: &name,
            profession: None,
            organisation_id: org,
            password_hash: "not-a-real-hash".into(),
            verified: true,
        },
        now(),
    )
    .await
    .expect("person")
}

async fn open_call(db: &impl ConnectionTrait) -> call::Model {
    let n = now();
    let new = NewCall::parse(CallDraft {
        title: "Call for Conveners",
        description: "",
        opens_at: n - Duration::days(1),
        closes_at: n + Duration::days(30),
        decision_due_on: NaiveDate::from_ymd_opt(2099, 9, 8).unwrap(),
        funded_places: 5,
        honorarium_pence: 500_000,
        reviewers_per_application: 3,
        criteria: vec![("Passion", 1)],
    })
    .unwrap();
    calls::create(
        db,
        &new,
        HonorariumPolicy::Redistribute,
        RankBy::Weighted,
        CallStatus::Open,
        None,
        n,
    )
    .await
    .expect("call")
}

async fn domain(db: &impl ConnectionTrait, name: &str) -> Uuid {
    domains::create(db, name, "", DomainStatus::Accepted, None, now())
        .await
        .expect("domain")
        .id
}

async fn start(
    db: &impl ConnectionTrait,
    call: Uuid,
    domain: Uuid,
    lead: &person::Model,
) -> Result<application::Model, StoreError> {
    apps::create(
        db,
        apps::NewApplication {
            call_id: call,
            domain_id: domain,
            lead_id: lead.id,
            lead_email: &lead.email,
            lead_organisation_id: lead.organisation_id,
            sponsor_organisation_id: None,
            answers: &Answers::default(),
        },
        now(),
    )
    .await
}

// ---------------------------------------------------------------- migrations

#[tokio::test]
async fn migrating_twice_changes_nothing() {
    let db = fresh().await;
    assert_eq!(convene_store::migrate(&db.conn).await.expect("again"), 0);
    assert_eq!(
        convene_store::migrate(&db.conn).await.expect("and again"),
        0
    );
    convene_store::check_not_newer(&db.conn)
        .await
        .expect("our own migrations are known");
    // the tables are still there and usable
    let o = org(&db.conn, "Riverside NHS Trust").await;
    assert!(organisations::get(&db.conn, o.id).await.unwrap().is_some());
}

#[tokio::test]
async fn a_database_migrated_by_a_newer_convene_is_refused() {
    let db = fresh().await;
    db.conn
        .execute_unprepared(
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_from_the_future', 0)",
        )
        .await
        .expect("insert a migration from the future");
    for r in [
        convene_store::check_not_newer(&db.conn).await,
        convene_store::migrate(&db.conn).await.map(|_| ()),
    ] {
        match r {
            Err(StoreError::SchemaTooNew(msg)) => {
                assert!(
                    msg.contains("m20991231_000001_from_the_future"),
                    "the message names the unknown migration: {msg}"
                );
                assert!(msg.contains("newer"), "{msg}");
            }
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
    }
}

/// Questions per call (migration 000021): a call made before it gets the default set, and an
/// application's seven answer columns move under the default set's keys.
#[tokio::test]
async fn existing_calls_get_the_default_set_and_answers_move_under_its_keys() {
    use convene_migrations::{Migrator, MigratorTrait};
    use convene_store::sea_orm::sea_query::Query;
    use convene_store::sea_orm::{EntityTrait, Set};

    let guard = testing::fresh().await;
    let db = convene_store::connect(&guard.url, Default::default())
        .await
        .expect("connect");
    let all = Migrator::migrations();
    let questions = all
        .iter()
        .position(|m| m.name() == "m20261208_000021_call_questions")
        .expect("the questions migration");
    let after_it = (all.len() - questions) as u32;
    // the database as it was just before questions per call
    Migrator::up(&db, Some(questions as u32))
        .await
        .expect("migrate to before");
    let o = org(&db, "Riverside NHS Trust").await;
    let lead = person(&db, "ada@example.nhs.uk", o.id).await;
    let d = domain(&db, "Falls").await;
    let n = now();
    let call_id = Uuid::new_v4();
    let before = call::ActiveModel {
        id: Set(call_id),
        title: Set("Call for Conveners 2025".into()),
        description: Set(String::new()),
        opens_at: Set(n),
        closes_at: Set(n + Duration::days(30)),
        decision_due_on: Set(NaiveDate::from_ymd_opt(2099, 9, 8).unwrap()),
        funded_places: Set(5),
        honorarium_pence: Set(500_000),
        honorarium_policy: Set("REDISTRIBUTE".into()),
        reviewers_per_application: Set(3),
        rank_by: Set("WEIGHTED".into()),
        status: Set("OPEN".into()),
        created_by: Set(None),
        created_at: Set(n),
        updated_at: Set(n),
        // a later migration's column: not there yet
        reviews_due_on: convene_store::sea_orm::ActiveValue::NotSet,
    };
    // without RETURNING, which would name every column of today's entity
    call::Entity::insert(before)
        .exec_without_returning(&db)
        .await
        .expect("a call from before");
    let app_id = Uuid::new_v4();
    let texts = ["M", "D", "", "I \"quoted\"", "F", "H", "S\nnext line"];
    let mut insert = Query::insert();
    insert
        .into_table("applications")
        .columns([
            "id",
            "call_id",
            "domain_id",
            "lead_id",
            "status",
            "motivation",
            "domain_sketch",
            "member_map",
            "invitation_draft",
            "first_meeting",
            "hoped_for_change",
            "support_wanted",
            "created_at",
            "updated_at",
        ])
        .values_panic(
            [
                app_id.into(),
                call_id.into(),
                d.into(),
                lead.id.into(),
                "DRAFT".into(),
            ]
            .into_iter()
            .chain(texts.map(Into::into))
            .chain([n.into(), n.into()]),
        );
    db.execute(&insert)
        .await
        .expect("an application from before");

    Migrator::up(&db, None)
        .await
        .expect("migrate questions per call");
    let qs = convene_store::repo::questions::of_call(&db, call_id)
        .await
        .unwrap();
    assert_eq!(qs, convene_domain::question::default_questions());
    let a = apps::get(&db, app_id).await.unwrap().unwrap();
    let answers = apps::answers(&a).unwrap();
    let keys = convene_domain::question::DEFAULT_QUESTIONS.map(|(k, _, _)| k);
    for (k, t) in keys.iter().zip(texts) {
        assert_eq!(answers.get(k), t, "{k}");
    }
    assert!(
        !answers.0.contains_key("memberMap"),
        "an empty answer is no answer"
    );

    // and back down: the columns hold the answers again
    Migrator::down(&db, Some(after_it)).await.expect("down");
    let row = db
        .query_one(
            &Query::select()
                .columns(["motivation", "member_map", "support_wanted"])
                .from("applications")
                .to_owned(),
        )
        .await
        .unwrap()
        .unwrap();
    // by position: SQLite may name a result column by its quoted text just after a schema change
    let col = |i: usize| row.try_get_by_index::<String>(i).unwrap();
    assert_eq!(
        (col(0), col(1), col(2)),
        ("M".into(), String::new(), "S\nnext line".into())
    );
}

// ---------------------------------------------------------------- people and organisations

#[tokio::test]
async fn an_email_address_has_one_account() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    let first = person(&db.conn, "ada@example.nhs.uk", o.id).await;
    let email = Email::parse("email", " ADA@Example.NHS.uk ").unwrap();
    let name = PersonName::parse("name", "Another Ada").unwrap();
    let e = domain_err(
        people::create(
            &db.conn,
            people::NewPerson {
                email: &email,
                name: &name,
                profession: None,
                organisation_id: o.id,
                password_hash: "h".into(),
                verified: true,
            },
            now(),
        )
        .await,
    );
    assert_rule(&e, ErrorCode::Conflict, "email");
    let found = people::find_by_email(&db.conn, "ada@example.nhs.uk")
        .await
        .unwrap()
        .expect("the first account");
    assert_eq!(found.id, first.id);
    assert_eq!(found.name, "Someone");
    // another address is fine
    person(&db.conn, "bea@example.nhs.uk", o.id).await;
}

#[tokio::test]
async fn organisation_names_are_unique_ignoring_case_and_spacing() {
    let db = fresh().await;
    let first = org(&db.conn, "Riverside NHS Trust").await;
    for taken in [
        "riverside nhs trust",
        "RIVERSIDE NHS TRUST",
        "Riverside  NHS   Trust",
    ] {
        let e = domain_err(
            organisations::create(&db.conn, taken, Sector::Industry, false, None, now()).await,
        );
        assert_rule(&e, ErrorCode::Conflict, "name");
    }
    let other = org(&db.conn, "Riverside NHS Trust East").await;
    assert_ne!(other.id, first.id);
    let (rows, total) = organisations::list(
        &db.conn,
        Some("RIVERSIDE"),
        convene_store::Page {
            offset: 0,
            limit: 10,
        },
    )
    .await
    .unwrap();
    assert_eq!(total, 2);
    assert_eq!(rows[0].name, "Riverside NHS Trust");
}

#[tokio::test]
async fn nhs_membership_keeps_its_history() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    assert!(o.nhs_member);
    let changed = organisations::set_nhs_member(&db.conn, o.clone(), false, None, now())
        .await
        .unwrap();
    assert!(!changed.nhs_member);
    assert_eq!(changed.nhs_member_changed_on, Some(now().date_naive()));
    // the same value again records nothing
    let same = organisations::set_nhs_member(&db.conn, changed.clone(), false, None, now())
        .await
        .unwrap();
    assert_eq!(same, changed);
    let back = organisations::set_nhs_member(&db.conn, same, true, None, now())
        .await
        .unwrap();
    assert!(back.nhs_member);
    let h: Vec<bool> = organisations::history(&db.conn, o.id)
        .await
        .unwrap()
        .iter()
        .map(|m| m.nhs_member)
        .collect();
    assert_eq!(h, [true, false, true]);
    assert!(
        organisations::get(&db.conn, o.id)
            .await
            .unwrap()
            .unwrap()
            .nhs_member
    );
}

// ---------------------------------------------------------------- one application per call, domain and person

#[tokio::test]
async fn one_holding_application_per_call_domain_and_person() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    let ada = person(&db.conn, "ada@example.nhs.uk", o.id).await;
    let bea = person(&db.conn, "bea@example.nhs.uk", o.id).await;
    let c = open_call(&db.conn).await;
    let meds = domain(&db.conn, "Medication safety").await;
    let falls = domain(&db.conn, "Falls prevention").await;
    let first = start(&db.conn, c.id, meds, &ada).await.expect("first");
    assert!(apps::holds(&db.conn, ada.id, c.id, meds).await.unwrap());
    assert!(!apps::holds(&db.conn, ada.id, c.id, falls).await.unwrap());
    // the index refuses a second holding application, whatever the caller checked
    let e = domain_err(start(&db.conn, c.id, meds, &ada).await);
    assert_rule(&e, ErrorCode::Conflict, "domainId");
    // another domain, another person, another call: all fine
    start(&db.conn, c.id, falls, &ada)
        .await
        .expect("other domain");
    start(&db.conn, c.id, meds, &bea)
        .await
        .expect("other person");
    let c2 = open_call(&db.conn).await;
    start(&db.conn, c2.id, meds, &ada)
        .await
        .expect("other call");
    // withdrawing frees the place
    let at = now();
    let withdrawn = apps::set_status(&db.conn, first.clone(), ApplicationStatus::Withdrawn, at)
        .await
        .unwrap();
    assert_eq!(withdrawn.status, "WITHDRAWN");
    assert_eq!(withdrawn.withdrawn_at, Some(at));
    let stored = apps::get(&db.conn, first.id).await.unwrap().unwrap();
    assert_eq!(stored.status, "WITHDRAWN");
    assert_eq!(stored.withdrawn_at, Some(at));
    assert!(!apps::holds(&db.conn, ada.id, c.id, meds).await.unwrap());
    let again = start(&db.conn, c.id, meds, &ada).await.expect("free again");
    assert_ne!(again.id, first.id);
    // a submitted application keeps holding it
    apps::set_status(&db.conn, again, ApplicationStatus::Submitted, now())
        .await
        .unwrap();
    assert!(apps::holds(&db.conn, ada.id, c.id, meds).await.unwrap());
    let e = domain_err(start(&db.conn, c.id, meds, &ada).await);
    assert_rule(&e, ErrorCode::Conflict, "domainId");
}

#[tokio::test]
async fn a_co_lead_holds_the_place_once_they_accept() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    let ada = person(&db.conn, "ada@example.nhs.uk", o.id).await;
    let bea = person(&db.conn, "bea@example.nhs.uk", o.id).await;
    let cal = person(&db.conn, "cal@example.nhs.uk", o.id).await;
    let c = open_call(&db.conn).await;
    let meds = domain(&db.conn, "Medication safety").await;
    let a = start(&db.conn, c.id, meds, &ada).await.unwrap();
    let b = start(&db.conn, c.id, meds, &bea).await.unwrap();
    // cal is invited to both: invitations hold nothing
    let ia = apps::invite(&db.conn, &a, &cal.email, ada.id, 1, now())
        .await
        .unwrap();
    let ib = apps::invite(&db.conn, &b, &cal.email, bea.id, 1, now())
        .await
        .unwrap();
    assert!(!apps::holds(&db.conn, cal.id, c.id, meds).await.unwrap());
    // the same address twice on one application
    let e = domain_err(apps::invite(&db.conn, &a, &cal.email, ada.id, 2, now()).await);
    assert_rule(&e, ErrorCode::Conflict, "email");
    let accepted = apps::answer(&db.conn, ia, cal.id, o.id, true, now())
        .await
        .unwrap();
    assert_eq!(accepted.state, "ACCEPTED");
    assert_eq!(accepted.holding, Some(1));
    assert!(apps::holds(&db.conn, cal.id, c.id, meds).await.unwrap());
    // accepting the second one in the same call and domain breaks the index
    let e = domain_err(apps::answer(&db.conn, ib.clone(), cal.id, o.id, true, now()).await);
    assert_eq!(e.code, ErrorCode::Conflict);
    // declining holds nothing
    let declined = apps::answer(&db.conn, ib, cal.id, o.id, false, now())
        .await
        .unwrap();
    assert_eq!(declined.state, "DECLINED");
    assert_eq!(declined.holding, None);
    // when the lead withdraws, the co-lead's place is freed as well
    apps::set_status(&db.conn, a, ApplicationStatus::Withdrawn, now())
        .await
        .unwrap();
    assert!(!apps::holds(&db.conn, cal.id, c.id, meds).await.unwrap());
    start(&db.conn, c.id, meds, &cal)
        .await
        .expect("cal may lead now");
}

#[tokio::test]
async fn a_merge_that_would_double_a_place_fails_as_a_whole() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    let ada = person(&db.conn, "ada@example.nhs.uk", o.id).await;
    let bea = person(&db.conn, "bea@example.nhs.uk", o.id).await;
    let c = open_call(&db.conn).await;
    let meds = domain(&db.conn, "Medication safety").await;
    let falls = domain(&db.conn, "Falls prevention").await;
    let a1 = start(&db.conn, c.id, meds, &ada).await.unwrap();
    let a2 = start(&db.conn, c.id, falls, &ada).await.unwrap();
    let b = start(&db.conn, c.id, meds, &bea).await.unwrap();
    let tx = begin_write(&db.conn).await.unwrap();
    let from = domains::get(&tx, meds).await.unwrap().unwrap();
    let e = domain_err(domains::merge(&tx, from, falls).await);
    assert_rule(&e, ErrorCode::Validation, "intoDomainId");
    drop(tx);
    // rolled back: every application where it was
    for (id, d) in [(a1.id, meds), (a2.id, falls), (b.id, meds)] {
        assert_eq!(apps::get(&db.conn, id).await.unwrap().unwrap().domain_id, d);
    }
    assert_eq!(
        domains::get(&db.conn, meds).await.unwrap().unwrap().status,
        "ACCEPTED"
    );
    // once ada withdraws one, the merge moves applications and places
    apps::set_status(&db.conn, a2, ApplicationStatus::Withdrawn, now())
        .await
        .unwrap();
    let tx = begin_write(&db.conn).await.unwrap();
    let from = domains::get(&tx, meds).await.unwrap().unwrap();
    let merged = domains::merge(&tx, from, falls).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(merged.status, "MERGED");
    assert_eq!(merged.merged_into_id, Some(falls));
    assert_eq!(
        apps::get(&db.conn, a1.id).await.unwrap().unwrap().domain_id,
        falls
    );
    assert_eq!(
        apps::get(&db.conn, b.id).await.unwrap().unwrap().domain_id,
        falls
    );
    assert!(apps::holds(&db.conn, ada.id, c.id, falls).await.unwrap());
    assert!(!apps::holds(&db.conn, ada.id, c.id, meds).await.unwrap());
}

// ---------------------------------------------------------------- outbox

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn outbox_claims_never_overlap() {
    let db = fresh().await;
    let t0 = now();
    let mut all = HashSet::new();
    for i in 0..60 {
        let id = outbox::enqueue(&db.conn, "mail", &serde_json::json!({ "n": i }), t0)
            .await
            .unwrap();
        all.insert(id);
    }
    let claimers: Vec<_> = (0..4)
        .map(|_| {
            let conn = db.conn.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                // keep claiming small batches until nothing is left
                loop {
                    let got = outbox::claim_due(&conn, t0, 7, Duration::minutes(5))
                        .await
                        .unwrap();
                    if got.is_empty() {
                        break;
                    }
                    mine.extend(got.into_iter().map(|m| m.id));
                }
                mine
            })
        })
        .collect();
    let mut seen = HashSet::new();
    let mut total = 0;
    for c in claimers {
        for id in c.await.unwrap() {
            total += 1;
            assert!(seen.insert(id), "{id} was handed to two claimers");
        }
    }
    assert_eq!(total, 60);
    assert_eq!(seen, all);
    // within the lease nobody gets them again; after it, they are free
    assert!(outbox::claim_due(
        &db.conn,
        t0 + Duration::minutes(4),
        100,
        Duration::minutes(5)
    )
    .await
    .unwrap()
    .is_empty());
    let again = outbox::claim_due(
        &db.conn,
        t0 + Duration::minutes(6),
        100,
        Duration::minutes(5),
    )
    .await
    .unwrap();
    assert_eq!(again.len(), 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_simultaneous_claims_of_one_batch_are_disjoint() {
    // many rounds of exactly two claimers racing for the same messages
    let db = fresh().await;
    for round in 0..10 {
        let t = now() + Duration::hours(round);
        let mut ids = HashSet::new();
        for _ in 0..10 {
            ids.insert(
                outbox::enqueue(&db.conn, "mail", &serde_json::json!({}), t)
                    .await
                    .unwrap(),
            );
        }
        let (c1, c2) = (db.conn.clone(), db.conn.clone());
        let a = tokio::spawn(async move {
            outbox::claim_due(&c1, t, 10, Duration::minutes(1))
                .await
                .unwrap()
        });
        let b = tokio::spawn(async move {
            outbox::claim_due(&c2, t, 10, Duration::minutes(1))
                .await
                .unwrap()
        });
        let a: HashSet<Uuid> = a.await.unwrap().into_iter().map(|m| m.id).collect();
        let b: HashSet<Uuid> = b.await.unwrap().into_iter().map(|m| m.id).collect();
        assert!(a.is_disjoint(&b), "round {round}: {:?}", a.intersection(&b));
        let union: HashSet<Uuid> = a.union(&b).copied().collect();
        assert_eq!(
            union, ids,
            "round {round}: every due message is claimed once"
        );
        for id in ids {
            outbox::mark_delivered(&db.conn, id, t, None).await.unwrap();
        }
    }
    assert_eq!(outbox::pending_count(&db.conn).await.unwrap(), 0);
}

#[tokio::test]
async fn a_failed_delivery_is_retried_or_given_up() {
    let db = fresh().await;
    let t0 = now();
    let retry = outbox::enqueue(&db.conn, "mail", &serde_json::json!({ "to": "a" }), t0)
        .await
        .unwrap();
    let give_up = outbox::enqueue(&db.conn, "mail", &serde_json::json!({ "to": "b" }), t0)
        .await
        .unwrap();
    let done = outbox::enqueue(&db.conn, "mail", &serde_json::json!({ "to": "c" }), t0)
        .await
        .unwrap();
    assert_eq!(outbox::pending_count(&db.conn).await.unwrap(), 3);
    let claimed = outbox::claim_due(&db.conn, t0, 10, Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 3);
    let later = t0 + Duration::seconds(30);
    outbox::mark_failed(&db.conn, retry, "SMTP 451 try later", Some(later))
        .await
        .unwrap();
    outbox::mark_failed(&db.conn, give_up, "550 no such mailbox", None)
        .await
        .unwrap();
    outbox::mark_delivered(&db.conn, done, t0, None)
        .await
        .unwrap();

    let r = outbox::get(&db.conn, retry).await.unwrap().unwrap();
    assert_eq!(r.status, outbox::PENDING);
    assert_eq!(r.attempts, 1);
    assert_eq!(r.last_error.as_deref(), Some("SMTP 451 try later"));
    assert_eq!(r.next_attempt_at, later);
    assert_eq!(r.claimed_until, None);
    let g = outbox::get(&db.conn, give_up).await.unwrap().unwrap();
    assert_eq!(g.status, outbox::FAILED);
    assert_eq!(g.attempts, 1);
    assert_eq!(g.last_error.as_deref(), Some("550 no such mailbox"));
    let d = outbox::get(&db.conn, done).await.unwrap().unwrap();
    assert_eq!(d.status, outbox::DELIVERED);
    assert_eq!(d.attempts, 1);
    assert_eq!(d.delivered_at, Some(t0));
    assert_eq!(outbox::pending_count(&db.conn).await.unwrap(), 1);

    // messages done with (delivered or given up) that still hold what they carried are found,
    // and their payload is replaced only if it is still as read
    const KEPT: &str = "\"kept\":true";
    let held = |db| async move {
        let mut ids: Vec<_> = outbox::done_holding(db, "mail", KEPT, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect();
        ids.sort();
        ids
    };
    let mut both = vec![give_up, done];
    both.sort();
    assert_eq!(held(&db.conn).await, both);
    let kept = r#"{"to":"c","kept":true}"#;
    assert!(outbox::replace_payload(&db.conn, done, &d.payload, kept)
        .await
        .unwrap());
    assert!(!outbox::replace_payload(&db.conn, done, &d.payload, "{}")
        .await
        .unwrap());
    assert_eq!(
        outbox::get(&db.conn, done).await.unwrap().unwrap().payload,
        kept
    );
    assert_eq!(held(&db.conn).await, vec![give_up]);

    // the retry is not due before its time, then it is; the failed one never again
    assert!(outbox::claim_due(
        &db.conn,
        later - Duration::seconds(1),
        10,
        Duration::minutes(1)
    )
    .await
    .unwrap()
    .is_empty());
    let due: Vec<Uuid> = outbox::claim_due(&db.conn, later, 10, Duration::minutes(1))
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(due, [retry]);
    assert!(outbox::claim_due(
        &db.conn,
        later + Duration::days(30),
        10,
        Duration::minutes(1)
    )
    .await
    .unwrap()
    .iter()
    .all(|m| m.id == retry));
    // a long error is cut to 2,000 characters
    outbox::mark_failed(&db.conn, retry, &"e".repeat(5000), Some(later))
        .await
        .unwrap();
    let r = outbox::get(&db.conn, retry).await.unwrap().unwrap();
    assert_eq!(r.attempts, 2);
    assert_eq!(r.last_error.unwrap().chars().count(), 2000);
}

// ---------------------------------------------------------------- refresh tokens

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_token_is_spent_once() {
    let db = fresh().await;
    let o = org(&db.conn, "Riverside NHS Trust").await;
    let ada = person(&db.conn, "ada@example.nhs.uk", o.id).await;
    let family = Uuid::new_v4();
    let token = |hash: String| sessions::NewToken {
        person_id: ada.id,
        family_id: family,
        token_hash: hash,
        user_agent: None,
    };
    let t = sessions::insert(
        &db.conn,
        token("hash-1".into()),
        now(),
        now() + Duration::days(30),
    )
    .await
    .unwrap();
    assert_eq!(
        sessions::find_by_hash(&db.conn, "hash-1")
            .await
            .unwrap()
            .map(|m| m.id),
        Some(t.id)
    );
    let spent_at = now();
    assert!(sessions::mark_used(&db.conn, t.id, spent_at).await.unwrap());
    assert!(
        !sessions::mark_used(&db.conn, t.id, spent_at + Duration::seconds(1))
            .await
            .unwrap()
    );
    let used = sessions::find_by_hash(&db.conn, "hash-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(used.used_at, Some(spent_at), "the first spend's time stays");
    // two spends at the same moment: exactly one wins
    for i in 0..10 {
        let tok = sessions::insert(
            &db.conn,
            token(format!("race-{i}")),
            now(),
            now() + Duration::days(30),
        )
        .await
        .unwrap();
        let (c1, c2) = (db.conn.clone(), db.conn.clone());
        let a = tokio::spawn(async move { sessions::mark_used(&c1, tok.id, now()).await.unwrap() });
        let b = tokio::spawn(async move { sessions::mark_used(&c2, tok.id, now()).await.unwrap() });
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        assert!(a ^ b, "round {i}: exactly one spend succeeds ({a}, {b})");
    }
    // the family is revoked together
    assert_eq!(
        sessions::revoke_family(&db.conn, family, now())
            .await
            .unwrap(),
        11
    );
    assert_eq!(
        sessions::revoke_family(&db.conn, family, now())
            .await
            .unwrap(),
        0
    );
}

// ---------------------------------------------------------------- audit

#[tokio::test]
async fn the_audit_log_lists_newest_first_and_filters_by_entity() {
    let db = fresh().await;
    let e1 = Uuid::new_v4();
    let e2 = Uuid::new_v4();
    let t0 = now();
    for (i, (e, action)) in [(e1, "start"), (e2, "create"), (e1, "submit")]
        .into_iter()
        .enumerate()
    {
        audit::record(
            &db.conn,
            audit::Change {
                actor: None,
                entity_type: "Application",
                entity_id: e,
                action,
                before: (i > 0).then(|| serde_json::json!({ "status": "DRAFT" })),
                after: Some(serde_json::json!({ "status": "SUBMITTED" })),
            },
            t0 + Duration::seconds(i as i64),
        )
        .await
        .unwrap();
    }
    let (rows, total) = first_ten(
        &db.conn,
        &audit::Filter {
            entity_id: Some(e1),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(total, 2);
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["submit", "start"]);
    assert_eq!(rows[1].before, None);
    assert_eq!(rows[0].before.as_deref(), Some(r#"{"status":"DRAFT"}"#));
    let (all, total) = first_ten(&db.conn, &audit::Filter::default()).await;
    assert_eq!(total, 3);
    assert_eq!(all[1].entity_id, e2);
    // filters combine with AND; the window is [from, until)
    let only = |from: i64, until: i64| audit::Filter {
        action: Some("submit"),
        from: Some(t0 + Duration::seconds(from)),
        until: Some(t0 + Duration::seconds(until)),
        ..Default::default()
    };
    // the submission was at t0 + 2s
    let (rows, _) = first_ten(&db.conn, &only(2, 3)).await;
    assert_eq!(rows.len(), 1);
    let (rows, _) = first_ten(&db.conn, &only(0, 2)).await;
    assert!(rows.is_empty());
    assert_eq!(
        audit::entity_types(&db.conn).await.unwrap(),
        ["Application"]
    );
}

#[tokio::test]
async fn the_backlog_counts_waiting_messages_and_released_claims_are_taken_again_at_once() {
    let db = fresh().await;
    let t0 = now();
    assert_eq!(outbox::backlog(&db.conn).await.unwrap(), (0, None));
    let first = outbox::enqueue(&db.conn, "mail", &serde_json::json!({ "to": "a" }), t0)
        .await
        .unwrap();
    let second = outbox::enqueue(
        &db.conn,
        "mail",
        &serde_json::json!({ "to": "b" }),
        t0 + Duration::seconds(5),
    )
    .await
    .unwrap();
    let later = t0 + Duration::seconds(10);
    let claimed = outbox::claim_due(&db.conn, later, 10, Duration::minutes(2))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    // claimed, not yet delivered: still the backlog, the oldest first written at t0
    assert_eq!(outbox::backlog(&db.conn).await.unwrap(), (2, Some(t0)));
    // nobody else may take them while the lease runs...
    assert!(outbox::claim_due(&db.conn, later, 10, Duration::minutes(2))
        .await
        .unwrap()
        .is_empty());
    // ...until the worker gives back the one it did not attempt
    outbox::mark_delivered(&db.conn, first, later, None)
        .await
        .unwrap();
    outbox::release(&db.conn, &[second]).await.unwrap();
    let again = outbox::claim_due(&db.conn, later, 10, Duration::minutes(2))
        .await
        .unwrap();
    assert_eq!(again.iter().map(|m| m.id).collect::<Vec<_>>(), [second]);
    assert_eq!(
        outbox::backlog(&db.conn).await.unwrap(),
        (1, Some(t0 + Duration::seconds(5)))
    );
}

/// The audit trail's first ten entries through the filter, as `auditLog` pages them.
async fn first_ten(
    db: &impl convene_store::sea_orm::ConnectionTrait,
    f: &audit::Filter<'_>,
) -> (Vec<convene_store::entities::audit::Model>, u64) {
    let window = convene_store::paging::Window::Forward {
        after: None,
        before: None,
        limit: 10,
    };
    let p = audit::page(db, f, &window).await.unwrap();
    (p.rows, p.total)
}
