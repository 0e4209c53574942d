//! Honoraria: the shares of a funded application, made when the decision is recorded.

use std::collections::HashMap;

use convene_domain::application::CoLeadState;
use convene_domain::call::HonorariumPolicy;
use convene_domain::honorarium::{self, Payee, PaymentRoute, PaymentStatus, Share};
use convene_domain::ids::PersonId;
use convene_domain::money::Pence;
use convene_domain::organisation::OrganisationFacts;
use convene_store::entities::{call, honorarium_share, participant};
use convene_store::repo::{applications as apps, honoraria};

/// The split of one funded application: lead first, then accepted co-leads in order; each
/// person's eligibility follows the organisation they applied from.
pub fn shares_for(
    call: &call::Model,
    parts: &[participant::Model],
    orgs: &HashMap<uuid::Uuid, OrganisationFacts>,
) -> Vec<(Share, PaymentRoute)> {
    let mut accepted: Vec<&participant::Model> = parts
        .iter()
        .filter(|p| apps::co_lead_state(p) == CoLeadState::Accepted && p.person_id.is_some())
        .collect();
    accepted.sort_by_key(|p| (!p.is_lead, p.position));
    let payees: Vec<Payee> = accepted
        .iter()
        .map(|p| Payee {
            person: PersonId(p.person_id.expect("filtered")),
            eligible: p
                .organisation_id
                .and_then(|o| orgs.get(&o))
                .is_some_and(|f| f.honorarium_eligible()),
        })
        .collect();
    let policy = HonorariumPolicy::from_str(&call.honorarium_policy)
        .unwrap_or(HonorariumPolicy::Redistribute);
    let total = Pence::parse("honorariumPence", call.honorarium_pence).unwrap_or(Pence::zero());
    honorarium::split(total, &payees, policy)
        .into_iter()
        .map(|s| (s, PaymentRoute::Employer))
        .collect()
}

/// (committed, paid) in pence.
pub fn totals(shares: &[honorarium_share::Model]) -> (i64, i64) {
    let rows: Vec<(PaymentStatus, Pence)> = shares
        .iter()
        .map(|s| {
            (
                honoraria::status(s),
                Pence::parse("amount", s.amount_pence).unwrap_or(Pence::zero()),
            )
        })
        .collect();
    let (c, p) = honorarium::totals(&rows);
    (c.get(), p.get())
}
