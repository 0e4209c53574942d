//! Selection (SPEC §2): the panel, conflicts, assignment, reviews, the decision and outcomes.

use std::collections::{HashMap, HashSet};

use convene_domain::access::Viewer;
use convene_domain::application::ApplicationStatus;
use convene_domain::call::CallStatus;
use convene_domain::honorarium::{budget_pence, check_within_budget};
use convene_domain::ids::{ApplicationId, CallId, DomainId};
use convene_domain::money::Pence;
use convene_domain::organisation::OrganisationFacts;
use convene_domain::selection as rules;
use convene_store::entities::{call, decision, organisation};
use convene_store::repo::{
    applications as apps, calls, honoraria, organisations, selection as repo,
};
use uuid::Uuid;

use super::{AppResult, Write};
use crate::ids;
use crate::services::selection::CallSelection;
use crate::state::AppState;

/// The chair's decision on a call.
pub struct RecordDecision {
    pub call: CallId,
    pub funded: Vec<ApplicationId>,
    pub rationale: String,
}

pub struct Decided {
    pub decision: decision::Model,
    pub call: call::Model,
}

fn status_now(sel: &CallSelection, w: &Write<'_>) -> CallStatus {
    calls::window(&sel.call).status_at(w.now())
}

/// Record the chair's decision: checked against the places and one per domain, made once, by
/// an unconflicted chair. Every submitted application becomes FUNDED or NOT_FUNDED, funded
/// ones get their honorarium shares proposed within the budget, and the call is DECIDED.
pub async fn record_decision(
    st: &AppState,
    chair: &Viewer,
    cmd: RecordDecision,
) -> AppResult<Decided> {
    let mut w = Write::by(st, chair).await?;
    let cid = cmd.call.0;
    let sel = CallSelection::load_for_change(w.tx(), cid).await?;
    let existing = repo::decision(w.tx(), cid).await?;
    rules::check_can_decide(
        status_now(&sel, &w),
        sel.is_chair(chair.person.0),
        existing.is_some(),
    )?;
    let submitted: HashMap<ApplicationId, DomainId> = sel
        .apps
        .iter()
        .filter(|a| apps::status(a) == ApplicationStatus::Submitted)
        .map(|a| (ApplicationId(a.id), DomainId(a.domain_id)))
        .collect();
    let rationale = rules::check_decision(
        &cmd.funded,
        &submitted,
        sel.call.funded_places.max(0) as usize,
        &cmd.rationale,
    )?;
    let chair_conflicts: HashSet<ApplicationId> = cmd
        .funded
        .iter()
        .copied()
        .filter(|a| sel.conflict(a.0, chair.person.0).is_some())
        .collect();
    rules::check_chair_unconflicted(&cmd.funded, &chair_conflicts)?;
    let funded: Vec<Uuid> = cmd.funded.iter().map(|a| a.0).collect();
    let decision =
        repo::record_decision(w.tx(), cid, chair.person.0, &rationale, &funded, w.now()).await?;
    settle_applications(&mut w, &sel, &funded).await?;
    let before = sel.call.clone();
    let call = calls::set_status(w.tx(), sel.call.clone(), CallStatus::Decided, w.now()).await?;
    w.audit("Call", cid, "decide", Some(&before), Some(&call));
    let data = serde_json::json!({
        "callId": ids::encode(cmd.call),
        "callTitle": call.title,
        "fundedApplicationIds": cmd.funded.iter().map(|a| ids::encode(*a)).collect::<Vec<_>>(),
        "decidedAt": w.now(),
    });
    w.webhook("selection.decided", data).await?;
    w.commit().await?;
    Ok(Decided { decision, call })
}

/// Turn every submitted application into FUNDED or NOT_FUNDED, proposing the funded ones'
/// honorarium shares without passing the call's budget.
async fn settle_applications(
    w: &mut Write<'_>,
    sel: &CallSelection,
    funded: &[Uuid],
) -> AppResult<()> {
    let org_ids: Vec<Uuid> = sel
        .parts
        .values()
        .flatten()
        .filter_map(|p| p.organisation_id)
        .collect();
    let orgs: HashMap<Uuid, OrganisationFacts> =
        convene_store::by_ids::<organisation::Entity>(w.tx(), &org_ids)
            .await?
            .iter()
            .map(|o| (o.id, organisations::facts(o)))
            .collect();
    let budget = Pence::parse(
        "budget",
        budget_pence(sel.call.honorarium_pence, sel.call.funded_places),
    )?;
    let mut committed = Pence::zero();
    let submitted = sel
        .apps
        .iter()
        .filter(|a| apps::status(a) == ApplicationStatus::Submitted);
    for a in submitted {
        let to = if funded.contains(&a.id) {
            ApplicationStatus::Funded
        } else {
            ApplicationStatus::NotFunded
        };
        let after = apps::set_status(w.tx(), a.clone(), to, w.now()).await?;
        w.audit("Application", a.id, "decide", Some(a), Some(&after));
        if to != ApplicationStatus::Funded {
            continue;
        }
        let shares = crate::services::honoraria::shares_for(
            &sel.call,
            sel.parts.get(&a.id).map(Vec::as_slice).unwrap_or(&[]),
            &orgs,
        );
        let total = Pence::parse("total", shares.iter().map(|(s, _)| s.amount.get()).sum())?;
        check_within_budget(committed, total, budget)?;
        committed = Pence::parse("committed", committed.get() + total.get())?;
        let made = honoraria::create_shares(w.tx(), sel.call.id, a.id, &shares, w.now()).await?;
        for s in &made {
            w.audit("HonorariumShare", s.id, "propose", None, Some(s));
        }
    }
    Ok(())
}
