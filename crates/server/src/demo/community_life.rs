//! Demo data for a community's life beyond meetings: a member map, functions (one rotated),
//! working-plan needs, support requests and challenges (one of them anonymous).

use chrono::{DateTime, Duration, Utc};
use convene_domain::community::{
    parse_function, parse_map_entry, parse_need, FunctionKind, MapTag, NeedKind, RawMapEntry,
    Stage, SupportKind,
};
use convene_domain::ids::OrganisationId;
use convene_domain::organisation::Sector;
use convene_store::entities::person;
use convene_store::repo::community_work as repo;
use convene_store::sea_orm::DatabaseTransaction;
use uuid::Uuid;

/// Who is who in one demo community.
pub struct Cast<'a> {
    pub community: Uuid,
    pub stage: Stage,
    pub convener: &'a person::Model,
    pub core: &'a person::Model,
    pub member: &'a person::Model,
    /// Someone outside the community, from another organisation, for the map.
    pub elsewhere: &'a person::Model,
    pub coach: &'a person::Model,
    pub programme: &'a person::Model,
}

pub async fn seed(tx: &DatabaseTransaction, k: Cast<'_>, now: DateTime<Utc>) -> anyhow::Result<()> {
    if k.stage == Stage::Closed {
        return Ok(());
    }
    let today = now.date_naive();
    // the member map: someone from a catalogue organisation, one from outside the catalogue
    let entries = [
        RawMapEntry {
            name: "Dr Helen Achebe",
            email: Some("helen.achebe@convene.example"),
            organisation_id: Some(OrganisationId(k.elsewhere.organisation_id)),
            organisation_name: None,
            sector: None,
            profession: Some("Geriatrician"),
            tags: &[MapTag::NeededForExpertise, MapTag::HasInterest],
        },
        RawMapEntry {
            name: "Martin Doyle",
            email: None,
            organisation_id: None,
            organisation_name: Some("Hillside Hospice"),
            sector: Some(Sector::ThirdSector),
            profession: Some("Palliative care nurse"),
            tags: &[MapTag::ShouldHaveInterest],
        },
        RawMapEntry {
            name: "Carol Singh",
            email: None,
            organisation_id: Some(OrganisationId(k.convener.organisation_id)),
            organisation_name: None,
            sector: None,
            profession: Some("Director of finance"),
            tags: &[MapTag::NeededForResources, MapTag::NeededForAuthority],
        },
    ];
    for raw in entries {
        let e = parse_map_entry(raw)?;
        repo::add_map_entry(tx, k.community, &e, k.convener.id, now - Duration::days(40)).await?;
    }
    // functions: the agenda rotated from the core member to the member; notes with the convener
    let agenda = parse_function(FunctionKind::Agenda, None)?;
    let first = repo::assign_function(
        tx,
        repo::NewPeriod {
            community_id: k.community,
            function: &agenda,
            person_id: k.core.id,
            starts_on: today - Duration::days(90),
            ends_on: None,
            by: k.convener.id,
        },
        now - Duration::days(90),
    )
    .await?;
    repo::end_function(tx, first, today - Duration::days(31)).await?;
    repo::assign_function(
        tx,
        repo::NewPeriod {
            community_id: k.community,
            function: &agenda,
            person_id: k.member.id,
            starts_on: today - Duration::days(30),
            ends_on: None,
            by: k.convener.id,
        },
        now - Duration::days(30),
    )
    .await?;
    for (f, who) in [
        (
            parse_function(FunctionKind::NoteTaking, None)?,
            k.convener.id,
        ),
        (
            parse_function(FunctionKind::Other, Some("Welcoming newcomers"))?,
            k.core.id,
        ),
    ] {
        repo::assign_function(
            tx,
            repo::NewPeriod {
                community_id: k.community,
                function: &f,
                person_id: who,
                starts_on: today - Duration::days(30),
                ends_on: None,
                by: k.convener.id,
            },
            now - Duration::days(30),
        )
        .await?;
    }
    // the working plan
    for (kind, what, whom, by) in [
        (
            NeedKind::Information,
            "Last year's incident data for our area",
            "The trust's patient-safety team",
            Some(21),
        ),
        (
            NeedKind::Research,
            "What the evidence says about checklists at handover",
            "The regional library service",
            Some(45),
        ),
        (
            NeedKind::Expertise,
            "Someone who has run a quality-improvement collaborative",
            "The network's coaches",
            None,
        ),
    ] {
        let n = parse_need(
            kind,
            what,
            whom,
            by.map(|d| today + Duration::days(d)),
            today,
        )?;
        repo::add_need(tx, k.community, &n, k.convener.id, now - Duration::days(20)).await?;
    }
    // support: a meeting-design request in progress with the coach; an intranet one still open
    let r = repo::create_request(
        tx,
        k.community,
        SupportKind::MeetingDesign.as_str(),
        "We would like help designing a first meeting where everyone speaks, not just the usual voices.",
        k.convener.id,
        now - Duration::days(14),
    )
    .await?;
    let r = repo::update_request(
        tx,
        r,
        "ASSIGNED",
        Some(k.coach.id),
        None,
        k.programme.id,
        now - Duration::days(13),
    )
    .await?;
    repo::update_request(
        tx,
        r,
        "IN_PROGRESS",
        Some(k.coach.id),
        Some("Call booked with the conveners for next week."),
        k.coach.id,
        now - Duration::days(10),
    )
    .await?;
    repo::create_request(
        tx,
        k.community,
        SupportKind::IntranetPresence.as_str(),
        "Could someone show us how to set up our place on the intranet and post our agreed definition?",
        k.core.id,
        now - Duration::days(3),
    )
    .await?;
    // challenges: one named, one anonymous, with replies
    let named = repo::post_challenge(
        tx,
        k.community,
        "Getting night staff to the conversation",
        "Most of our incidents happen at night, but the night team can never come to our meetings. How have others involved them?",
        false,
        k.core.id,
        now - Duration::days(9),
    )
    .await?;
    repo::reply(tx, named.id, "We recorded a short version of each meeting and left questions on the ward board; replies came back within the week.", false, k.convener.id, now - Duration::days(8)).await?;
    let anonymous = repo::post_challenge(
        tx,
        k.community,
        "A near miss I have not stopped thinking about",
        "I nearly gave the wrong dose last month. Nothing happened, but I am not sure our process would have caught it. I would value hearing how others handle the double-check when the ward is short.",
        true,
        k.member.id,
        now - Duration::days(5),
    )
    .await?;
    repo::reply(tx, anonymous.id, "Thank you for bringing this. We moved the double-check to the drug round's start and it made a real difference.", false, k.core.id, now - Duration::days(4)).await?;
    repo::reply(
        tx,
        anonymous.id,
        "The same thing happened to me last year. You are not alone.",
        true,
        k.convener.id,
        now - Duration::days(3),
    )
    .await?;
    Ok(())
}
