//! Demo data (`convene seed-demo`, or `CONVENE_DEMO=1` on an empty database): a call modelled
//! on the 2015 one but open now, eight patient-safety domains, a dozen fictional organisations
//! across the sectors, people, and applications in every state. Everything here is invented.

use chrono::{DateTime, Duration, Utc};
use convene_domain::account::{Email, PersonName, Role};
use convene_domain::application::{Answers, ApplicationStatus};
use convene_domain::call::{CallDraft, CallStatus, HonorariumPolicy, NewCall, RankBy};
use convene_domain::catalogue::DomainStatus;
use convene_domain::organisation::OrganisationFacts;
use convene_domain::organisation::Sector;
use convene_store::begin_write;
use convene_store::entities::{domain, organisation, person};

use convene_store::repo::{
    applications as apps, calls, domains, honoraria, organisations, people, selection,
};
use convene_store::sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use std::collections::HashMap;
use uuid::Uuid;

use crate::auth::password;

mod community_life;
mod meetings;
mod practices;

pub const DEMO_PASSWORD: &str = "convene-demo-2026";

const ORGANISATIONS: [(&str, Sector, bool); 12] = [
    (
        "Riverside University Hospitals NHS Foundation Trust",
        Sector::NhsTrust,
        true,
    ),
    (
        "Southbank Community Health NHS Trust",
        Sector::NhsTrust,
        true,
    ),
    ("Northgate Mental Health NHS Trust", Sector::NhsTrust, true),
    ("Elmfield Primary Care Network", Sector::PrimaryCare, true),
    (
        "Thameside Integrated Care Board",
        Sector::Commissioner,
        true,
    ),
    (
        "Borough of Kingsmead Council",
        Sector::LocalAuthority,
        false,
    ),
    (
        "Southbridge University School of Nursing",
        Sector::Academic,
        false,
    ),
    ("Medisafe Devices Ltd", Sector::Industry, false),
    ("Patient Voices Trust", Sector::ThirdSector, false),
    ("Hollowbrook Hospice", Sector::ThirdSector, false),
    ("Westmarsh Hospital NHS Trust", Sector::NhsTrust, false),
    ("Health Innovation Network", Sector::Network, true),
];

const DOMAINS: [(&str, &str); 8] = [
    (
        "Medication safety",
        "Safer prescribing, dispensing and administration of medicines across settings.",
    ),
    (
        "Falls prevention",
        "Preventing falls and harm from falls in hospital, care homes and at home.",
    ),
    (
        "Deteriorating patient",
        "Recognising and responding to the patient whose condition is getting worse.",
    ),
    (
        "Maternity safety",
        "Safer care for mothers and babies before, during and after birth.",
    ),
    (
        "Pressure ulcers",
        "Preventing pressure damage across hospital and community care.",
    ),
    (
        "Sepsis",
        "Early recognition and treatment of sepsis in every setting.",
    ),
    (
        "Safer discharge",
        "Safe transitions of care from hospital to home and community.",
    ),
    (
        "Mental health safety",
        "Reducing harm in mental health services, including self-harm and restraint.",
    ),
];

/// (name, email, organisation index, profession, roles)
const PEOPLE: [(&str, &str, usize, &str, &[Role]); 12] = [
    (
        "Priya Raman",
        "programme@convene.example",
        11,
        "Programme manager",
        &[Role::ProgrammeTeam],
    ),
    (
        "Tom Okafor",
        "panel.chair@convene.example",
        4,
        "Director of nursing",
        &[Role::Panel],
    ),
    (
        "Grace Lindqvist",
        "panel@convene.example",
        6,
        "Senior lecturer",
        &[Role::Panel],
    ),
    (
        "Sam Whitfield",
        "coach@convene.example",
        11,
        "Improvement coach",
        &[Role::Coach],
    ),
    (
        "Amira Haddad",
        "amira@convene.example",
        0,
        "Pharmacist",
        &[],
    ),
    (
        "Ben Carter",
        "ben@convene.example",
        1,
        "Physiotherapist",
        &[],
    ),
    (
        "Chloe Mensah",
        "chloe@convene.example",
        3,
        "Practice nurse",
        &[],
    ),
    (
        "Dev Patel",
        "dev@convene.example",
        7,
        "Product specialist",
        &[],
    ),
    (
        "Eilidh Ross",
        "eilidh@convene.example",
        2,
        "Ward manager",
        &[],
    ),
    (
        "Femi Adeyemi",
        "femi@convene.example",
        8,
        "Patient advocate",
        &[],
    ),
    ("Hannah Brooks", "hannah@convene.example", 0, "Midwife", &[]),
    (
        "Isaac Levy",
        "isaac@convene.example",
        10,
        "Healthcare assistant",
        &[],
    ),
];

fn answers(topic: &str) -> Answers {
    let texts = [
        format!("I have seen first-hand how much {topic} matters to patients and staff, and how differently teams tackle it."),
        format!("{topic}: the everyday practices, checks and conversations that keep patients safe, across professions and organisations."),
        "Ward pharmacists, nurses, a GP, a patient representative, a care-home manager and a commissioner.".into(),
        format!("Would you join a small group of peers to share what works in {topic}? No hierarchy, just honest conversation."),
        "A 90-minute conversation over lunch at a central venue, with a video link for those who cannot travel.".into(),
        "Fewer avoidable incidents, faster learning between organisations, and staff who feel less alone with hard problems.".into(),
        "Help designing the first meeting, a coach for facilitation, and a place on the intranet.".into(),
    ];
    let keys = convene_domain::question::DEFAULT_QUESTIONS.map(|(key, _, _)| key.to_string());
    Answers(keys.into_iter().zip(texts).collect())
}

/// 5pm (UTC) on a given day.
fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .expect("a valid date")
        .and_hms_opt(17, 0, 0)
        .expect("a valid time")
        .and_utc()
}

/// 5pm (UTC) on the day of `t`: calls open and close at a time people can remember.
fn at_five(t: DateTime<Utc>) -> DateTime<Utc> {
    t.date_naive()
        .and_hms_opt(17, 0, 0)
        .expect("a valid time")
        .and_utc()
}

/// Empty of content: no calls, domains or applications. The first programme-team account
/// (from `CONVENE_ADMIN_EMAIL`) may already be there; the demo is loaded beside it.
pub async fn is_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    use convene_store::entities::{application, call};
    Ok(call::Entity::find().count(db).await? == 0
        && domain::Entity::find().count(db).await? == 0
        && application::Entity::find().count(db).await? == 0)
}

/// Seed the demo when the database is empty; returns what to print (the sign-ins).
pub async fn seed_if_empty(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<String>> {
    if !is_empty(db).await? {
        return Ok(None);
    }
    seed(db, now).await.map(Some)
}

pub async fn seed(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<String> {
    let hash = password::hash(DEMO_PASSWORD.to_string()).await?;
    let tx = begin_write(db).await?;
    let mut orgs: Vec<organisation::Model> = Vec::new();
    for (name, sector, member) in ORGANISATIONS {
        let page = convene_store::Page {
            offset: 0,
            limit: 100,
        };
        let existing = organisations::list(&tx, Some(name), page)
            .await?
            .0
            .into_iter()
            .find(|o| o.name == name);
        orgs.push(match existing {
            Some(o) => o,
            None => organisations::create(&tx, name, sector, member, None, now).await?,
        });
    }
    let mut doms: Vec<domain::Model> = Vec::new();
    for (name, description) in DOMAINS {
        doms.push(
            domains::create(&tx, name, description, DomainStatus::Accepted, None, now).await?,
        );
    }
    doms.push(
        domains::create(
            &tx,
            "Diagnostic safety",
            "Proposed by an applicant: reducing missed and delayed diagnoses.",
            DomainStatus::Proposed,
            None,
            now,
        )
        .await?,
    );
    let mut folk: Vec<person::Model> = Vec::new();
    for (name, email, org, profession, roles) in PEOPLE {
        let email = Email::parse("email", email).expect("demo e-mail");
        let name = PersonName::parse("name", name).expect("demo name");
        let p = people::create(
            &tx,
            people::NewPerson {
                email: &email,
                name: &name,
                profession: Some(profession.to_string()),
                organisation_id: orgs[org].id,
                password_hash: hash.clone(),
                verified: true,
            },
            now,
        )
        .await?;
        for r in roles {
            people::grant_role(&tx, p.id, *r, None, now).await?;
        }
        folk.push(p);
    }
    let criteria = vec![
        ("Passion and energy for the domain", 3),
        ("Clarity of the domain", 2),
        ("Reach across professions and organisations", 2),
        ("A workable plan", 2),
        ("Likely effect on patient safety", 3),
    ];
    let open = NewCall::parse(CallDraft {
        title: "Call for Conveners 2026",
        description: "We are looking for conveners of patient-safety communities of practice. Five domains will receive a £5,000 honorarium, split among co-leads; everyone else is strongly encouraged to convene anyway, with the network's admin and coaching support.",
        opens_at: at_five(now - Duration::days(7)),
        closes_at: at_five(now + Duration::days(30)),
        decision_due_on: (now + Duration::days(75)).date_naive(),
        funded_places: 5,
        honorarium_pence: 500_000,
        reviewers_per_application: 3,
        criteria: criteria.clone(),
    })
    .map_err(|e| anyhow::anyhow!("demo call: {e}"))?;
    let open_call = calls::create(
        &tx,
        &open,
        HonorariumPolicy::Redistribute,
        RankBy::Weighted,
        CallStatus::Open,
        Some(folk[0].id),
        now,
    )
    .await?;
    let past = NewCall::parse(CallDraft {
        title: "Call for Conveners 2015",
        description: "The first round, as the 2015 FAQ described it: five domains, a £5,000 honorarium each, everyone told by 8 September 2015.",
        opens_at: day(2015, 6, 15),
        closes_at: day(2015, 7, 31),
        decision_due_on: day(2015, 9, 8).date_naive(),
        funded_places: 5,
        honorarium_pence: 500_000,
        reviewers_per_application: 3,
        criteria,
    })
    .map_err(|e| anyhow::anyhow!("demo call: {e}"))?;
    let past_call = calls::create(
        &tx,
        &past,
        HonorariumPolicy::Redistribute,
        RankBy::Weighted,
        CallStatus::Decided,
        Some(folk[0].id),
        now,
    )
    .await?;

    // The open call's panel: Tom chairs, Grace and Sam sit with him.
    for (who, chair) in [(1, true), (2, false), (3, false)] {
        selection::upsert_member(&tx, open_call.id, folk[who].id, chair, folk[0].id, now).await?;
        selection::upsert_member(&tx, past_call.id, folk[who].id, chair, folk[0].id, now).await?;
        people::grant_role(&tx, folk[who].id, Role::Panel, None, now).await?;
    }

    // (call, domain, lead, status, co-leads accepted)
    let plan: [(Uuid, usize, usize, ApplicationStatus, &[usize]); 10] = [
        (open_call.id, 0, 4, ApplicationStatus::Submitted, &[10]),
        (open_call.id, 1, 5, ApplicationStatus::Submitted, &[]),
        (open_call.id, 2, 8, ApplicationStatus::Draft, &[]),
        (open_call.id, 5, 7, ApplicationStatus::Submitted, &[6]),
        (open_call.id, 3, 10, ApplicationStatus::Withdrawn, &[]),
        (open_call.id, 6, 9, ApplicationStatus::Draft, &[]),
        // the 2015 round: decided, with reviews and honoraria
        (past_call.id, 4, 6, ApplicationStatus::Funded, &[11]),
        (past_call.id, 7, 8, ApplicationStatus::NotFunded, &[]),
        (past_call.id, 0, 7, ApplicationStatus::Funded, &[4, 10]),
        (past_call.id, 1, 5, ApplicationStatus::NotFunded, &[]),
    ];
    let past_criteria = calls::criteria_of(&tx, &[past_call.id])
        .await?
        .remove(&past_call.id)
        .unwrap_or_default();
    let org_facts: HashMap<Uuid, OrganisationFacts> = orgs
        .iter()
        .map(|o| (o.id, organisations::facts(o)))
        .collect();
    let mut funded = Vec::new();
    for (n, (call_id, d, lead, status, co)) in plan.into_iter().enumerate() {
        let l = &folk[lead];
        let text = answers(&doms[d].name.to_lowercase());
        let app = apps::create(
            &tx,
            apps::NewApplication {
                call_id,
                domain_id: doms[d].id,
                lead_id: l.id,
                lead_email: &l.email,
                lead_organisation_id: l.organisation_id,
                sponsor_organisation_id: Some(l.organisation_id),
                answers: &text,
            },
            now,
        )
        .await?;
        for (i, c) in co.iter().enumerate() {
            let p = &folk[*c];
            let inv = apps::invite(&tx, &app, &p.email, l.id, i as i32 + 1, now).await?;
            apps::answer(&tx, inv, p.id, p.organisation_id, true, now).await?;
        }
        if status == ApplicationStatus::Draft && lead == 9 {
            // a third-sector lead still waiting for an NHS co-lead to accept
            apps::invite(&tx, &app, "nhs.colleague@convene.example", l.id, 1, now).await?;
        }
        let mut a = app;
        if status != ApplicationStatus::Draft {
            let when = if call_id == past_call.id {
                day(2015, 7, 20)
            } else {
                now
            };
            a = apps::set_status(&tx, a, ApplicationStatus::Submitted, when).await?;
        }
        if call_id == past_call.id {
            // every panel member reviews every one of last year's applications
            for (k, reviewer) in [1usize, 2, 3].into_iter().enumerate() {
                selection::assign(
                    &tx,
                    call_id,
                    &[(a.id, folk[reviewer].id)],
                    false,
                    folk[0].id,
                    now,
                )
                .await?;
                let strong = status == ApplicationStatus::Funded;
                let scores: Vec<(Uuid, i32, String)> = past_criteria
                    .iter()
                    .map(|c| {
                        let s = if strong {
                            4 + ((n + k) % 2) as i32
                        } else {
                            2 + ((n + k) % 2) as i32
                        };
                        (
                            c.id,
                            s,
                            format!(
                                "{} on {}.",
                                if strong { "Convincing" } else { "Thin" },
                                c.name.to_lowercase()
                            ),
                        )
                    })
                    .collect();
                selection::save_review(&tx, call_id, a.id, folk[reviewer].id, &scores, now).await?;
            }
        }
        if !matches!(
            status,
            ApplicationStatus::Draft | ApplicationStatus::Submitted
        ) {
            let decided = apps::set_status(&tx, a, status, now).await?;
            if status == ApplicationStatus::Funded {
                funded.push(decided);
            }
        }
    }
    // the 2015 outcomes were all sent
    for a in apps::considered_of_call(&tx, past_call.id).await? {
        for p in apps::participants_of(&tx, &[a.id])
            .await?
            .remove(&a.id)
            .unwrap_or_default()
        {
            selection::record_notice(
                &tx,
                past_call.id,
                a.id,
                p.person_id,
                &p.email,
                &a.status,
                day(2015, 9, 7),
            )
            .await?;
        }
    }
    let funded_ids: Vec<Uuid> = funded.iter().map(|a| a.id).collect();
    selection::record_decision(&tx, past_call.id, folk[1].id, "The two strongest applications, in different domains, with the clearest plans for reaching across organisations.", &funded_ids, now).await?;
    // honoraria in every state: paid, approved, proposed, and an ineligible partner's cancelled share
    let mut shares = Vec::new();
    for a in &funded {
        let parts = apps::participants_of(&tx, &[a.id])
            .await?
            .remove(&a.id)
            .unwrap_or_default();
        let split = crate::services::honoraria::shares_for(&past_call, &parts, &org_facts);
        shares.extend(honoraria::create_shares(&tx, past_call.id, a.id, &split, now).await?);
    }
    for (i, s) in shares
        .into_iter()
        .filter(|s| s.amount_pence > 0)
        .enumerate()
    {
        match i % 3 {
            0 => {
                let s = honoraria::approve(&tx, s, folk[0].id, now).await?;
                honoraria::mark_paid(
                    &tx,
                    s,
                    &format!("BACS-2015-{:03}", i + 1),
                    day(2015, 10, 30).date_naive(),
                    now,
                )
                .await?;
            }
            1 => {
                honoraria::approve(&tx, s, folk[0].id, now).await?;
            }
            _ => {}
        }
    }
    seed_communities(&tx, &folk, &doms, &funded, now).await?;
    meetings::seed(&tx, now).await?;
    practices::seed(&tx, &folk, &orgs, now).await?;
    tx.commit().await?;
    let mut out = String::from("Demo data loaded. Sign in with any of these (password: ");
    out.push_str(DEMO_PASSWORD);
    out.push_str("):\n");
    for (name, email, _, _, roles) in PEOPLE.iter().take(8) {
        let r: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        out.push_str(&format!(
            "  {email:<32} {name}{}\n",
            if r.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.join(", "))
            }
        ));
    }
    Ok(out)
}

/// Communities in each stage, with members, start-up steps, definitions and invitations.
async fn seed_communities(
    tx: &convene_store::sea_orm::DatabaseTransaction,
    folk: &[person::Model],
    doms: &[domain::Model],
    funded: &[convene_store::entities::application::Model],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    use convene_domain::community::{MemberRole, MembershipMode, Origin, Stage, StartupStep};
    use convene_store::repo::communities;
    let plan: [(&str, usize, usize, Stage, MembershipMode, bool, Origin); 4] = [
        (
            "Pressure ulcers community of practice",
            4,
            6,
            Stage::Active,
            MembershipMode::OnRequest,
            true,
            Origin::FundedApplication,
        ),
        (
            "Sepsis learning circle",
            5,
            5,
            Stage::Forming,
            MembershipMode::Open,
            true,
            Origin::SelfOrganised,
        ),
        (
            "Safer discharge network",
            6,
            9,
            Stage::Dormant,
            MembershipMode::Invitation,
            false,
            Origin::SelfOrganised,
        ),
        (
            "Mental health safety forum",
            7,
            8,
            Stage::Closed,
            MembershipMode::Open,
            true,
            Origin::UnfundedApplication,
        ),
    ];
    for (i, (name, d, convener, stage, mode, listed, origin)) in plan.into_iter().enumerate() {
        let application_id = match origin {
            Origin::FundedApplication => funded
                .iter()
                .find(|a| a.domain_id == doms[d].id)
                .map(|a| a.id),
            _ => None,
        };
        let c = communities::create(
            tx,
            communities::NewCommunity {
                name,
                domain_id: doms[d].id,
                origin: origin.as_str(),
                application_id,
                funded: origin == Origin::FundedApplication,
                membership_mode: mode.as_str(),
                listed,
                created_by: folk[convener].id,
            },
            &[folk[convener].id],
            now - Duration::days(60 - 10 * i as i64),
        )
        .await?;
        // a couple of members, one of them in the core group
        for (k, m) in [4usize, 10, 11]
            .into_iter()
            .filter(|m| *m != convener)
            .take(2)
            .enumerate()
        {
            let role = if k == 0 {
                MemberRole::Core
            } else {
                MemberRole::Member
            };
            communities::add_member(
                tx,
                c.id,
                folk[m].id,
                role.as_str(),
                now - Duration::days(30),
            )
            .await?;
        }
        let cast: Vec<usize> = [4usize, 10, 11]
            .into_iter()
            .filter(|m| *m != convener)
            .take(2)
            .collect();
        community_life::seed(
            tx,
            community_life::Cast {
                community: c.id,
                stage,
                convener: &folk[convener],
                core: &folk[cast[0]],
                member: &folk[cast[1]],
                elsewhere: &folk[1],
                coach: &folk[3],
                programme: &folk[0],
            },
            now,
        )
        .await?;
        let done = match stage {
            Stage::Forming => 2,
            _ => StartupStep::ALL.len(),
        };
        for step in StartupStep::ALL.iter().take(done) {
            communities::set_step(
                tx,
                c.id,
                step.as_str(),
                true,
                Some("Done together at the first meeting."),
                folk[convener].id,
                now - Duration::days(20),
            )
            .await?;
        }
        let sketch = format!("{}: the everyday practices that keep patients safe, shared across professions and organisations.", doms[d].name);
        let v1 = communities::propose_definition(
            tx,
            c.id,
            &sketch,
            folk[convener].id,
            now - Duration::days(25),
        )
        .await?;
        if stage != Stage::Forming {
            communities::agree_definition(tx, v1, folk[convener].id, now - Duration::days(15))
                .await?;
        }
        if stage != Stage::Forming {
            communities::set_stage(tx, c, stage.as_str()).await?;
        } else {
            let token_hash = crate::auth::token_hash(&crate::auth::random_token(32));
            communities::invite(
                tx,
                uuid::Uuid::new_v4(),
                c.id,
                "a.colleague@convene.example",
                "Would you join a few of us to share what works in spotting sepsis early? No hierarchy, just honest conversation.",
                &token_hash,
                folk[convener].id,
                now - Duration::days(2),
            )
            .await?;
        }
    }
    Ok(())
}
