//! Demo practices (SPEC §5): a handful per demo community, exchanges in each visibility (some
//! anonymous) with an inquiry and a reply, the network's two sample sharing protocols (one
//! adopted and adapted), and a dozen promising practices across the domains. All invented.

use chrono::{DateTime, Duration, Utc};
use convene_domain::practice::{
    ExchangeSections, ExchangeVisibility, PracticeStatus, PromisingVisibility, Prompt,
};
use convene_store::entities::{community, organisation, person};
use convene_store::repo::{communities, practices as repo};
use convene_store::sea_orm::{DatabaseTransaction, EntityTrait, QueryOrder};

/// (name, description, tags, status, promising: (evidence, outcomes, organisation indices, visibility))
type Demo = (
    &'static str,
    &'static str,
    &'static [&'static str],
    PracticeStatus,
    Option<(
        &'static str,
        &'static str,
        &'static [usize],
        PromisingVisibility,
    )>,
);

const PUBLIC: PromisingVisibility = PromisingVisibility::Public;
const NETWORK: PromisingVisibility = PromisingVisibility::Network;

/// By community name (as `seed_communities` makes them).
const PRACTICES: [(&str, [Demo; 4]); 4] = [
    (
        "Pressure ulcers community of practice",
        [
            ("SSKIN bundle at every handover", "Surface, skin inspection, keep moving, incontinence and nutrition checked together at each nursing handover.", &["handover", "skin inspection", "bundle"], PracticeStatus::Explored,
             Some(("Ward audit over six months: skin checks recorded at 94% of handovers, up from 61%.", "Hospital-acquired category 2 pressure ulcers fell by a third on the two pilot wards.", &[0, 1], PUBLIC))),
            ("Heel off-loading boots in the emergency department", "Patients likely to wait over four hours get off-loading boots before they reach a ward.", &["emergency department", "heels"], PracticeStatus::Exploring,
             Some(("A before-and-after count of heel damage found on admission to the wards.", "No new heel ulcers from long trolley waits in the pilot quarter.", &[0], NETWORK))),
            ("Carers taught to check skin at home", "District nurses show family carers what early pressure damage looks like and whom to call.", &["carers", "community nursing"], PracticeStatus::Explored,
             Some(("Interviews with 18 carers and a three-month caseload review.", "Earlier referrals; carers said they felt confident to ring the team.", &[1, 8], PUBLIC))),
            ("Mattress audit on night shift", "Night staff check that dynamic mattresses are inflated and set for the patient's weight.", &["equipment", "night shift"], PracticeStatus::Proposed, None),
        ],
    ),
    (
        "Sepsis learning circle",
        [
            ("Sepsis screening tool at triage", "A one-page screen with NEWS2 and red flags, started by the triage nurse within 15 minutes of arrival.", &["sepsis", "screening", "triage", "NEWS2"], PracticeStatus::Exploring,
             Some(("Sixty consecutive adult attendances audited: screening within 15 minutes rose from 48% to 87%.", "Antibiotics given within the hour for most patients flagged red.", &[0, 10], PUBLIC))),
            ("Sepsis huddle after each shift", "A five-minute huddle to go over any patient flagged with possible sepsis and what happened next.", &["huddles", "sepsis", "learning"], PracticeStatus::Exploring,
             Some(("Huddle notes kept for three months; themes fed back to the department's teaching.", "Staff reported that escalation felt expected rather than a nuisance.", &[0], NETWORK))),
            ("Community pharmacy sepsis prompts", "Pharmacists ask three questions when someone buys remedies for a fever after surgery or with a wound.", &["pharmacy", "primary care", "sepsis"], PracticeStatus::Proposed,
             Some(("A small pilot in four pharmacies, with a log of conversations and referrals.", "Eleven people were sent on to urgent care the same day.", &[3], PUBLIC))),
            ("Paediatric sepsis safety-netting leaflet", "Parents leave with a leaflet in plain language and the signs that mean come back now.", &["paediatrics", "safety-netting"], PracticeStatus::Proposed, None),
        ],
    ),
    (
        "Safer discharge network",
        [
            ("Medicines reconciliation before the discharge letter", "A pharmacist checks the discharge medicines against the admission list before the letter is signed.", &["medicines", "discharge", "pharmacy"], PracticeStatus::Explored,
             Some(("Review of 200 discharge letters before and after the change.", "Discrepancies reaching the GP halved; fewer readmissions from medicines errors.", &[0, 3], PUBLIC))),
            ("Phone call on the second day home", "A nurse rings patients with complex needs on their second day at home to check medicines, equipment and support.", &["follow-up", "discharge", "telephone"], PracticeStatus::Explored,
             Some(("Call log of 120 patients over four months.", "Problems with equipment and medicines sorted before they became readmissions.", &[1, 5], NETWORK))),
            ("Discharge to assess huddle with social care", "Ward staff and the council's social workers agree the plan together each morning.", &["social care", "huddles"], PracticeStatus::Exploring,
             Some(("Time from medically fit to discharge, tracked weekly for a quarter.", "Delays shortened by a day on average; families felt better informed.", &[5, 4], PUBLIC))),
            ("Teach-back for discharge advice", "Patients explain back in their own words what to watch for and whom to call.", &["teach-back", "communication"], PracticeStatus::Proposed, None),
        ],
    ),
    (
        "Mental health safety forum",
        [
            ("Safety planning with service users", "A shared safety plan written with the person, in their words, kept by them and the team.", &["self-harm", "co-production", "safety planning"], PracticeStatus::Explored,
             Some(("Service-user survey and case-note review on two community teams.", "People said the plan helped them at night; repeat crisis contacts fell.", &[2, 8], PUBLIC))),
            ("Restraint debrief within 72 hours", "Staff and the patient each get a debrief after any restraint, led by someone not involved.", &["restraint", "debrief"], PracticeStatus::Explored,
             Some(("Debrief records over six months across three wards.", "Fewer repeat restraints of the same patient; staff felt supported.", &[2], NETWORK))),
            ("Observation levels reviewed at every handover", "Each patient's observation level is reviewed aloud at handover, with the reason recorded.", &["observation", "handover"], PracticeStatus::Explored,
             Some(("Handover audit of 40 shifts.", "Observation levels matched current risk far more often after the change.", &[2, 6], PUBLIC))),
            ("Ligature point walk-rounds with patients", "Patients join estates staff on walk-rounds to spot ligature points staff overlook.", &["environment", "co-production"], PracticeStatus::Proposed, None),
        ],
    ),
];

/// (community index, practice index, author: an index into the community's members, visibility,
/// anonymous, sections)
type DemoExchange = (
    usize,
    usize,
    usize,
    ExchangeVisibility,
    bool,
    [&'static str; 6],
);

const EXCHANGES: [DemoExchange; 8] = [
    (0, 0, 0, ExchangeVisibility::Public, false, ["We added the bundle to the electronic handover template, so it cannot be skipped.", "At first it felt like another box to tick; the ward manager modelling it changed that.", "Agency staff did not know the bundle.", "A laminated card on every drugs trolley.", "Nothing for patients who refuse repositioning.", "A tissue viability nurse to join our next meeting."]),
    (0, 0, 1, ExchangeVisibility::Community, true, ["", "Night staff felt blamed when damage was found in the morning.", "Honest talk about the night shift's workload.", "We agreed that finding damage early is a success, not a failure.", "", "Support to speak up about staffing."]),
    (0, 1, 1, ExchangeVisibility::Network, false, ["Boots stocked in resus and majors.", "", "Boots went missing when patients moved wards.", "Boots now travel with the patient and are labelled.", "A way to get boots back from the wards.", ""]),
    (1, 0, 0, ExchangeVisibility::Public, false, ["The screen is part of the triage form.", "Triage nurses own the screen; doctors back their calls.", "Busy evenings when the queue is long.", "A second nurse screens when the wait passes 30 minutes.", "Data on what happened to screened patients.", "Help from the information team to pull the data."]),
    (1, 1, 1, ExchangeVisibility::Community, true, ["", "Junior doctors felt they were being checked up on.", "Starting the huddle without it feeling like blame.", "We open each huddle with one thing that went well.", "", "A facilitator for the first few huddles."]),
    (1, 1, 0, ExchangeVisibility::Network, true, ["Five minutes, standing, by the board.", "", "", "", "A way to share themes with other departments.", ""]),
    (2, 1, 0, ExchangeVisibility::Public, false, ["A simple call script and a shared spreadsheet.", "Patients liked hearing a familiar name.", "Finding time for calls on busy days.", "Calls moved to a protected hour after lunch.", "", "Advice on recording calls in the patient record."]),
    (3, 0, 1, ExchangeVisibility::Community, true, ["", "Some staff worried plans would be used against people.", "Writing plans in the person's words, not ours.", "Peer workers helped write the first plans.", "", "Training for bank staff."]),
];

pub(super) async fn seed(
    tx: &DatabaseTransaction,
    folk: &[person::Model],
    orgs: &[organisation::Model],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let team = folk[0].id;
    // the network's two sample protocols
    let round = repo::create_protocol(
        tx,
        repo::NewProtocol {
            community_id: None,
            adopted_from: None,
            name: "Round of experience",
            prompts: &[
                prompt("What did you try, and where?", 5),
                prompt("What worked, technically and with people?", 10),
                prompt("What got in the way, and how did you get past it?", 10),
                prompt(
                    "What is still missing, and what help would you ask for?",
                    10,
                ),
                prompt("Peers ask questions of inquiry, not judgment", 10),
            ],
            created_by: team,
        },
        now - Duration::days(50),
    )
    .await?;
    repo::create_protocol(
        tx,
        repo::NewProtocol {
            community_id: None,
            adopted_from: None,
            name: "Quick share at a huddle",
            prompts: &[
                prompt("One practice you tried this week", 2),
                prompt("One thing that helped and one that got in the way", 3),
                prompt("Who could help?", 2),
            ],
            created_by: team,
        },
        now - Duration::days(45),
    )
    .await?;

    let all = community::Entity::find()
        .order_by_asc(community::Column::CreatedAt)
        .all(tx)
        .await?;
    for (ci, (name, list)) in PRACTICES.iter().enumerate() {
        let Some(c) = all.iter().find(|c| c.name == *name) else {
            continue;
        };
        let members = communities::members_of(tx, &[c.id])
            .await?
            .remove(&c.id)
            .unwrap_or_default();
        let convener = members
            .iter()
            .find(|m| m.role == "CONVENER")
            .map(|m| m.person_id)
            .unwrap_or(team);
        let others: Vec<uuid::Uuid> = members
            .iter()
            .filter(|m| m.person_id != convener)
            .map(|m| m.person_id)
            .collect();
        let mut ids = Vec::new();
        for (pi, (pname, description, tags, status, promising)) in list.iter().enumerate() {
            let tags: Vec<String> = tags.iter().map(|t| t.to_lowercase()).collect();
            let at = now - Duration::days(40 - (ci * 4 + pi) as i64);
            let p = repo::create(
                tx,
                repo::NewPractice {
                    community_id: c.id,
                    domain_id: c.domain_id,
                    name: pname,
                    description,
                    tags: &tags,
                    proposed_by: *others.get(pi % others.len().max(1)).unwrap_or(&convener),
                },
                at,
            )
            .await?;
            let p = if *status != PracticeStatus::Proposed {
                repo::set_status(tx, p, status.as_str(), at).await?
            } else {
                p
            };
            let p = match promising {
                Some((evidence, outcomes, o, vis)) => {
                    let o: Vec<uuid::Uuid> = o
                        .iter()
                        .filter_map(|i| orgs.get(*i))
                        .map(|x| x.id)
                        .collect();
                    repo::mark_promising(
                        tx,
                        p,
                        repo::Promising {
                            visibility: vis.as_str(),
                            evidence,
                            outcomes,
                            organisations: &o,
                            by: if pi % 2 == 0 { convener } else { team },
                        },
                        at + Duration::days(10),
                    )
                    .await?
                }
                None => p,
            };
            ids.push(p);
        }
        if ci == 0 {
            // the first community adopts the round and shortens it
            let copy = repo::create_protocol(
                tx,
                repo::NewProtocol {
                    community_id: Some(c.id),
                    adopted_from: Some(round.id),
                    name: &round.name,
                    prompts: &repo::prompts(&round),
                    created_by: convener,
                },
                now - Duration::days(30),
            )
            .await?;
            let mut prompts = repo::prompts(&copy);
            prompts.truncate(4);
            prompts[0].minutes = 3;
            repo::update_protocol(
                tx,
                copy,
                "Our round of experience",
                &prompts,
                now - Duration::days(29),
            )
            .await?;
        }
        for (k, (eci, epi, author, vis, anonymous, s)) in EXCHANGES.iter().enumerate() {
            if *eci != ci {
                continue;
            }
            let author_id = *others.get(*author).unwrap_or(&convener);
            let sections = ExchangeSections::parse(*s).map_err(|e| anyhow::anyhow!(e.message))?;
            let e = repo::share(
                tx,
                repo::NewExchange {
                    practice_id: ids[*epi].id,
                    community_id: c.id,
                    author_id,
                    meeting_id: None,
                    protocol_id: (k % 2 == 0).then_some(round.id),
                    sections: &sections,
                    visibility: vis.as_str(),
                    anonymous: *anonymous,
                },
                now - Duration::days(20 - k as i64),
            )
            .await?;
            if k == 0 {
                let q = repo::add_inquiry(
                    tx,
                    e.id,
                    None,
                    "How did you get agency staff to use the bundle?",
                    convener,
                    now - Duration::days(10),
                )
                .await?;
                repo::add_inquiry(
                    tx,
                    e.id,
                    Some(q.id),
                    "A two-minute briefing at the start of each shift, and the card on the trolley.",
                    author_id,
                    now - Duration::days(9),
                )
                .await?;
            }
        }
    }
    Ok(())
}

fn prompt(p: &str, minutes: i32) -> Prompt {
    Prompt {
        prompt: p.to_string(),
        minutes,
    }
}
