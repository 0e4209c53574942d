//! Who sees a community is one rule, `convene_domain::community::DirectoryScope`, applied twice:
//! as SQL by the directory (`repo::communities::list`) and to one community by
//! `can_see_community`. On generated worlds (communities listed or not, people with any role in
//! any of them, a viewer who is anonymous, the programme team, a member or an outsider) the
//! directory lists exactly the communities the function lets the viewer see.
//!
//! One database (SQLite, or PostgreSQL with `TEST_POSTGRES_URL`) for every case: each world
//! lives under a domain of its own, and the directory is read narrowed to that domain.

use chrono::{DateTime, TimeZone, Utc};
use convene_domain::access::Viewer;
use convene_domain::account::{Email, PersonName, Role};
use convene_domain::catalogue::DomainStatus;
use convene_domain::community::{can_see_community, directory_scope, MemberRole};
use convene_domain::ids::PersonId;
use convene_domain::organisation::Sector;
use convene_store::paging::Window;
use convene_store::repo::{communities, domains, organisations, people};
use convene_store::sea_orm::DatabaseConnection;
use convene_store::testing;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use uuid::Uuid;

const PEOPLE: usize = 4;

#[derive(Debug, Clone)]
struct World {
    /// Each community: listed or not, and its members (person index, role).
    communities: Vec<(bool, Vec<(usize, MemberRole)>)>,
    viewer: Seat,
}

#[derive(Debug, Clone, Copy)]
enum Seat {
    Anonymous,
    ProgrammeTeam,
    /// One of the world's people (a member of some communities, or of none).
    Person(usize),
    /// Someone signed in who belongs nowhere in this world.
    Outsider,
}

fn role() -> impl Strategy<Value = MemberRole> {
    prop_oneof![
        Just(MemberRole::Convener),
        Just(MemberRole::Core),
        Just(MemberRole::Member)
    ]
}

fn world() -> impl Strategy<Value = World> {
    let community = (
        any::<bool>(),
        prop::collection::btree_map(0..PEOPLE, role(), 0..=PEOPLE)
            .prop_map(|m| m.into_iter().collect::<Vec<_>>()),
    );
    let seat = prop_oneof![
        Just(Seat::Anonymous),
        Just(Seat::ProgrammeTeam),
        Just(Seat::Outsider),
        (0..PEOPLE).prop_map(Seat::Person),
    ];
    (prop::collection::vec(community, 0..7), seat).prop_map(|(communities, viewer)| World {
        communities,
        viewer,
    })
}

fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(Utc::now().timestamp(), 0).unwrap()
}

async fn check(db: &DatabaseConnection, org: Uuid, w: &World) -> Result<(), TestCaseError> {
    let tag = Uuid::new_v4().simple().to_string();
    let domain = domains::create(
        db,
        &format!("Domain {tag}"),
        "",
        DomainStatus::Accepted,
        None,
        now(),
    )
    .await
    .expect("domain")
    .id;
    let mut persons = Vec::new();
    for i in 0..PEOPLE {
        let email = Email::parse("email", &format!("p{i}-{tag}@example.org")).unwrap();
        let name = PersonName::parse("name", "Someone").unwrap();
        let p = people::create(
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
        .expect("person");
        persons.push(p.id);
    }
    let viewer = |person: Uuid, roles: Vec<Role>| Viewer {
        person: PersonId(person),
        email: "viewer@example.org".into(),
        roles,
        email_verified: true,
    };
    let v = match w.viewer {
        Seat::Anonymous => None,
        Seat::ProgrammeTeam => Some(viewer(Uuid::new_v4(), vec![Role::ProgrammeTeam])),
        Seat::Outsider => Some(viewer(Uuid::new_v4(), vec![])),
        Seat::Person(i) => Some(viewer(persons[i], vec![Role::Coach])),
    };

    let mut expected = Vec::new();
    for (n, (listed, members)) in w.communities.iter().enumerate() {
        let c = communities::create(
            db,
            communities::NewCommunity {
                name: &format!("Community {n:02}"),
                domain_id: domain,
                origin: "SELF_ORGANISED",
                application_id: None,
                funded: false,
                membership_mode: "OPEN",
                listed: *listed,
                created_by: persons[0],
            },
            &[],
            now(),
        )
        .await
        .expect("community");
        let mut membership = None;
        for (i, r) in members {
            communities::add_member(db, c.id, persons[*i], r.as_str(), now())
                .await
                .expect("member");
            if matches!(w.viewer, Seat::Person(me) if me == *i) {
                membership = Some(*r);
            }
        }
        if can_see_community(v.as_ref(), *listed, membership) {
            expected.push(c.id);
        }
    }

    let page = communities::list(
        db,
        None,
        Some(domain),
        directory_scope(v.as_ref()),
        &Window::Forward {
            after: None,
            before: None,
            limit: 100,
        },
    )
    .await
    .expect("directory");
    let total = page.total;
    let listed: Vec<Uuid> = page.rows.iter().map(|c| c.id).collect();
    // the names are numbered, so the directory's order is the order of making
    prop_assert_eq!(&listed, &expected, "world {:?}", w);
    prop_assert_eq!(total, expected.len() as u64);
    Ok(())
}

#[test]
fn the_directory_filter_and_the_domain_rule_agree() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let guard = testing::fresh();
    let guard = rt.block_on(guard);
    let db = rt.block_on(async {
        let conn = convene_store::connect(&guard.url, Default::default())
            .await
            .expect("connect");
        convene_store::migrate(&conn).await.expect("migrate");
        conn
    });
    let org = rt
        .block_on(organisations::create(
            &db,
            "Somewhere NHS Trust",
            Sector::NhsTrust,
            true,
            None,
            now(),
        ))
        .expect("organisation")
        .id;
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&world(), |w| rt.block_on(check(&db, org, &w)))
        .unwrap();
}
