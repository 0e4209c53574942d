//! A realistic network, written straight through the store's entities (the API would take
//! hours for 50,000 exchanges): organisations and people, calls with applications, panels and
//! reviews, communities with members and start-up steps, practices with exchanges, and the
//! promising ones the library serves. Values are the domain's own stored words.

use anyhow::Result;
use chrono::{Duration, NaiveDate, Utc};
use convene_store::entities::*;
use convene_store::sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

/// How big the network is; `scale` 1.0 is the size.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub organisations: usize,
    pub people: usize,
    pub calls: usize,
    pub applications: usize,
    pub reviews_per_application: usize,
    pub communities: usize,
    pub memberships: usize,
    pub practices_per_community: usize,
    pub exchanges: usize,
    pub promising: usize,
}

impl Size {
    pub fn scaled(scale: f64) -> Size {
        let n = |x: usize| ((x as f64 * scale).round() as usize).max(1);
        Size {
            organisations: n(150).max(10),
            people: n(9_000).max(200),
            calls: 4,
            applications: n(2_000).max(8),
            reviews_per_application: 3,
            communities: n(300).max(4),
            memberships: n(20_000).max(40),
            practices_per_community: 10,
            exchanges: n(50_000).max(40),
            promising: n(1_000).max(4),
        }
    }
}

/// What the load needs to know about the generated network.
pub struct Network {
    pub community_ids: Vec<Uuid>,
}

const SECTORS: [&str; 8] = [
    "NHS_TRUST",
    "NHS_TRUST",
    "NHS_TRUST",
    "PRIMARY_CARE",
    "COMMISSIONER",
    "LOCAL_AUTHORITY",
    "ACADEMIC",
    "THIRD_SECTOR",
];
const PROFESSIONS: [&str; 8] = [
    "Nurse",
    "Midwife",
    "Pharmacist",
    "Doctor",
    "Physiotherapist",
    "Paramedic",
    "Patient safety specialist",
    "Healthcare scientist",
];
/// Words the library's search finds; every practice takes a few.
pub const TOPICS: [&str; 12] = [
    "handover",
    "deterioration",
    "sepsis",
    "falls",
    "medication",
    "discharge",
    "pressure ulcers",
    "maternity",
    "escalation",
    "learning from incidents",
    "human factors",
    "safety huddles",
];
const CHUNK: usize = 400;

async fn insert_all<A, E>(db: &impl ConnectionTrait, rows: Vec<A>) -> Result<()>
where
    A: ActiveModelTrait<Entity = E> + Send,
    E: EntityTrait,
{
    let mut rows = rows;
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(CHUNK));
        E::insert_many(std::mem::replace(&mut rows, rest))
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

pub async fn network(db: &impl ConnectionTrait, size: Size) -> Result<Network> {
    let mut rng = StdRng::seed_from_u64(20261126);
    let now = Utc::now();
    let ago = |days: i64| now - Duration::days(days);

    let orgs: Vec<Uuid> = (0..size.organisations).map(|_| Uuid::new_v4()).collect();
    insert_all(
        db,
        orgs.iter()
            .enumerate()
            .map(|(i, id)| {
                let name = format!("Bench Organisation {i:04}");
                organisation::ActiveModel {
                    id: Set(*id),
                    name_key: Set(name.to_lowercase()),
                    name: Set(name),
                    sector: Set(SECTORS[i % SECTORS.len()].into()),
                    nhs_member: Set(i % 8 < 4),
                    nhs_member_changed_on: Set(None),
                    created_at: Set(ago(400)),
                }
            })
            .collect(),
    )
    .await?;

    let people: Vec<Uuid> = (0..size.people).map(|_| Uuid::new_v4()).collect();
    insert_all(
        db,
        people
            .iter()
            .enumerate()
            .map(|(i, id)| person::ActiveModel {
                id: Set(*id),
                email: Set(format!("person{i:05}@bench.example")),
                name: Set(format!("Bench Person {i:05}")),
                profession: Set(Some(PROFESSIONS[i % PROFESSIONS.len()].into())),
                organisation_id: Set(orgs[i % orgs.len()]),
                // No password can match: only the administrator signs in.
                password_hash: Set("!".into()),
                created_at: Set(ago(300)),
                ..Default::default()
            })
            .collect(),
    )
    .await?;

    // One domain per community, and as many again for applications that found none.
    let domain_count = size.communities * 2;
    let domains: Vec<Uuid> = (0..domain_count).map(|_| Uuid::new_v4()).collect();
    insert_all(
        db,
        domains
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let name = format!("{} domain {i:04}", TOPICS[i % TOPICS.len()]);
                domain::ActiveModel {
                    id: Set(*id),
                    name_key: Set(name.to_lowercase()),
                    name: Set(name),
                    description: Set("Improving patient safety together.".into()),
                    status: Set("ACCEPTED".into()),
                    merged_into_id: Set(None),
                    proposed_by: Set(None),
                    created_at: Set(ago(400)),
                }
            })
            .collect(),
    )
    .await?;

    // Calls, criteria, panels, applications with their leads, assignments, reviews and scores.
    let per_call = size.applications.div_ceil(size.calls);
    let mut person_cursor = 0usize;
    let mut next_person = || {
        person_cursor = (person_cursor + 1) % people.len();
        people[person_cursor]
    };
    for c in 0..size.calls {
        let call_id = Uuid::new_v4();
        call::ActiveModel {
            id: Set(call_id),
            title: Set(format!("Call for Conveners {}", 2023 + c)),
            description: Set("Convene a patient-safety community of practice.".into()),
            opens_at: Set(ago(200)),
            closes_at: Set(ago(150)),
            decision_due_on: Set(NaiveDate::from_ymd_opt(2026, 12, 15).expect("a date")),
            reviews_due_on: Set(None),
            funded_places: Set(20),
            honorarium_pence: Set(500_000),
            honorarium_policy: Set("REDISTRIBUTE".into()),
            reviewers_per_application: Set(size.reviews_per_application as i32),
            rank_by: Set("WEIGHTED".into()),
            status: Set("IN_REVIEW".into()),
            created_by: Set(None),
            created_at: Set(ago(210)),
            updated_at: Set(ago(150)),
        }
        .insert(db)
        .await?;
        convene_store::repo::questions::replace_for_call(
            db,
            call_id,
            &convene_domain::question::default_questions(),
        )
        .await?;
        let criteria: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
        insert_all(
            db,
            criteria
                .iter()
                .enumerate()
                .map(|(i, id)| criterion::ActiveModel {
                    id: Set(*id),
                    call_id: Set(call_id),
                    position: Set(i as i32),
                    name: Set(format!("Criterion {}", i + 1)),
                    weight: Set(1 + (i as i32 % 2)),
                })
                .collect(),
        )
        .await?;
        let panel: Vec<Uuid> = (0..12).map(|_| next_person()).collect();
        insert_all(
            db,
            panel
                .iter()
                .enumerate()
                .map(|(i, p)| panel_member::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    call_id: Set(call_id),
                    person_id: Set(*p),
                    chair: Set(i == 0),
                    added_by: Set(None),
                    added_at: Set(ago(190)),
                })
                .collect(),
        )
        .await?;
        let count = per_call.min(size.applications - c * per_call);
        let (mut apps, mut parts, mut assigns, mut reviews, mut scores) =
            (vec![], vec![], vec![], vec![], vec![]);
        for a in 0..count {
            let app_id = Uuid::new_v4();
            let lead = next_person();
            let domain_id = domains[(c * per_call + a) % domains.len()];
            let text = |what: &str| format!("{what} for application {a} of call {c}.");
            apps.push(application::ActiveModel {
                id: Set(app_id),
                call_id: Set(call_id),
                domain_id: Set(domain_id),
                lead_id: Set(lead),
                sponsor_organisation_id: Set(None),
                status: Set("SUBMITTED".into()),
                answers: Set(serde_json::json!({
                    "motivation": text("Motivation"),
                    "domainSketch": text("Domain sketch"),
                    "memberMap": text("Member map"),
                    "invitationDraft": text("Invitation"),
                    "firstMeeting": text("First meeting"),
                    "hopedForChange": text("Hoped-for change"),
                    "supportWanted": text("Support"),
                })
                .to_string()),
                submitted_at: Set(Some(ago(160))),
                withdrawn_at: Set(None),
                created_at: Set(ago(180)),
                updated_at: Set(ago(160)),
            });
            parts.push(participant::ActiveModel {
                id: Set(Uuid::new_v4()),
                application_id: Set(app_id),
                call_id: Set(call_id),
                domain_id: Set(domain_id),
                person_id: Set(Some(lead)),
                email: Set(format!("lead-{app_id}@bench.example")),
                is_lead: Set(true),
                position: Set(0),
                state: Set("ACCEPTED".into()),
                organisation_id: Set(None),
                holding: Set(None),
                invited_by: Set(None),
                invited_at: Set(ago(180)),
                answered_at: Set(Some(ago(180))),
            });
            for r in 0..size.reviews_per_application {
                let reviewer = panel[(a + r * 5) % panel.len()];
                assigns.push(review_assignment::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    call_id: Set(call_id),
                    application_id: Set(app_id),
                    reviewer_id: Set(reviewer),
                    manual: Set(false),
                    assigned_by: Set(None),
                    assigned_at: Set(ago(150)),
                    reminded_at: Set(None),
                });
                let review_id = Uuid::new_v4();
                reviews.push(review::ActiveModel {
                    id: Set(review_id),
                    call_id: Set(call_id),
                    application_id: Set(app_id),
                    reviewer_id: Set(reviewer),
                    submitted_at: Set(ago(140)),
                    updated_at: Set(ago(140)),
                });
                for cr in &criteria {
                    scores.push(review_score::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        review_id: Set(review_id),
                        criterion_id: Set(*cr),
                        score: Set(rng.gen_range(1..=5)),
                        comment: Set("A clear case for this community.".into()),
                    });
                }
            }
        }
        insert_all(db, apps).await?;
        insert_all(db, parts).await?;
        insert_all(db, assigns).await?;
        insert_all(db, reviews).await?;
        insert_all(db, scores).await?;
    }

    // Communities with their members and start-up steps.
    let community_ids: Vec<Uuid> = (0..size.communities).map(|_| Uuid::new_v4()).collect();
    insert_all(
        db,
        community_ids
            .iter()
            .enumerate()
            .map(|(i, id)| community::ActiveModel {
                id: Set(*id),
                name: Set(format!(
                    "Community of practice {i:03}: {}",
                    TOPICS[i % TOPICS.len()]
                )),
                domain_id: Set(domains[i]),
                origin: Set("SELF_ORGANISED".into()),
                application_id: Set(None),
                funded: Set(false),
                membership_mode: Set("OPEN".into()),
                listed: Set(true),
                stage: Set(if i % 10 == 0 { "FORMING" } else { "ACTIVE" }.into()),
                created_by: Set(None),
                created_at: Set(ago(100 - (i as i64 % 90))),
                coach_id: Set(None),
                intranet_place_uri: Set(None),
            })
            .collect(),
    )
    .await?;
    const STEPS: [&str; 6] = [
        "DEFINE_COMMUNITY",
        "INITIAL_CONVERSATION",
        "DEVELOP_DOMAIN",
        "MAP_MEMBERS",
        "INVITATION",
        "ROLES",
    ];
    let mut steps = vec![];
    let mut members = vec![];
    // Exactly `memberships` in all: the first communities take one more each for the rest.
    let (per_community, rest) = (
        size.memberships / size.communities,
        size.memberships % size.communities,
    );
    for (i, c) in community_ids.iter().enumerate() {
        let per_community = per_community + usize::from(i < rest);
        for (s, step) in STEPS.iter().enumerate() {
            steps.push(startup_step::ActiveModel {
                id: Set(Uuid::new_v4()),
                community_id: Set(*c),
                step: Set((*step).into()),
                done: Set(s <= i % 7),
                notes: Set(String::new()),
                updated_by: Set(None),
                updated_at: Set(ago(50)),
            });
        }
        // Consecutive people: distinct within a community as long as it has fewer than the
        // network's people.
        let start = (i * 97) % people.len();
        for m in 0..per_community {
            members.push(community_member::ActiveModel {
                id: Set(Uuid::new_v4()),
                community_id: Set(*c),
                person_id: Set(people[(start + m) % people.len()]),
                role: Set(match m {
                    0 => "CONVENER",
                    1..=3 => "CORE",
                    _ => "MEMBER",
                }
                .into()),
                joined_at: Set(ago(90 - (m as i64 % 80))),
            });
        }
    }
    insert_all(db, steps).await?;
    insert_all(db, members).await?;

    // Practices, the promising ones, and the exchanges about them.
    let mut practices = vec![];
    let mut tags = vec![];
    let mut practice_ids = vec![];
    for (i, c) in community_ids.iter().enumerate() {
        for p in 0..size.practices_per_community {
            let id = Uuid::new_v4();
            let n = practice_ids.len();
            let promising = n < size.promising;
            let topic = TOPICS[(i + p) % TOPICS.len()];
            let other = TOPICS[(i + 3 * p + 1) % TOPICS.len()];
            practice_ids.push((id, *c));
            practices.push(practice::ActiveModel {
                id: Set(id),
                community_id: Set(*c),
                domain_id: Set(domains[i]),
                name: Set(format!("{topic} practice {n:04}")),
                description: Set(format!(
                    "How ward teams improved {topic} with attention to {other}."
                )),
                tags_text: Set(format!("{topic} {other}")),
                status: Set(if promising { "EXPLORED" } else { "EXPLORING" }.into()),
                proposed_by: Set(None),
                created_at: Set(ago(60)),
                updated_at: Set(ago(30)),
                promising_visibility: Set(
                    promising.then(|| if n % 2 == 0 { "PUBLIC" } else { "NETWORK" }.to_string())
                ),
                evidence: Set(promising.then(|| format!("Audit of {topic} over six months."))),
                outcomes: Set(promising.then(|| format!("Fewer incidents of {other}."))),
                marked_by: Set(None),
                marked_at: Set(promising.then(|| ago(20 - (n as i64 % 19)))),
            });
            for t in [topic, other] {
                tags.push(practice_tag::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    practice_id: Set(id),
                    tag: Set(t.into()),
                });
            }
        }
    }
    tags.dedup_by(|a, b| a.practice_id == b.practice_id && a.tag == b.tag);
    insert_all(db, practices).await?;
    insert_all(db, tags).await?;
    let mut exchanges = Vec::with_capacity(size.exchanges);
    for e in 0..size.exchanges {
        let (practice_id, community_id) = practice_ids[e % practice_ids.len()];
        let text = |what: &str| format!("{what} ({e}).");
        exchanges.push(practice_exchange::ActiveModel {
            id: Set(Uuid::new_v4()),
            practice_id: Set(practice_id),
            community_id: Set(community_id),
            author_id: Set(Some(people[e % people.len()])),
            meeting_id: Set(None),
            protocol_id: Set(None),
            technical: Set(text("What we changed")),
            cultural: Set(text("How people took to it")),
            challenges: Set(text("What was hard")),
            barriers_overcome: Set(text("What we got past")),
            missing: Set(text("What is still missing")),
            help_needed: Set(text("Help we need")),
            visibility: Set(["COMMUNITY", "NETWORK", "PUBLIC"][e % 3].into()),
            anonymous: Set(e % 7 == 0),
            created_at: Set(ago(40 - (e as i64 % 39))),
            updated_at: Set(ago(10)),
        });
    }
    insert_all(db, exchanges).await?;
    Ok(Network { community_ids })
}
