//! The reminders the clock sends about calls (SPEC §2): reviewers with reviews outstanding,
//! three days before the review due date and on the day; the programme team, three days before
//! the decision-due date while outcomes are unsent. Each goes to each person once per due date:
//! the row `calls::record_reminder` inserts in the transaction that queues the mail decides,
//! so two replicas running the clock at once never both send it.

use chrono::NaiveDate;
use convene_domain::account::Role;
use convene_domain::call::{self as rules, long_date, Reminder};
use convene_domain::ids::CallId;
use convene_store::entities::{call, person};
use convene_store::repo::{calls, people};
use uuid::Uuid;

use super::selection::outstanding_reviews;
use super::{AppResult, Write};
use crate::mail::templates;
use crate::services::outcomes;
use crate::services::selection::CallSelection;
use crate::state::AppState;

/// What one run of the clock sent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub reviews: usize,
    pub decisions: usize,
}

/// Send the reminders due on `today` (a UK date; tests pass a later one): one `Write` per call.
pub async fn send_due_reminders(st: &AppState, today: NaiveDate) -> AppResult<Sent> {
    let horizon = today + chrono::Duration::days(rules::REMIND_DAYS_BEFORE);
    let due = calls::with_dates_due(&st.db, today, horizon).await?;
    let mut sent = Sent::default();
    for c in due {
        let reviews = c
            .reviews_due_on
            .and_then(|d| rules::reviews_reminder(d, today));
        let owed = outcomes::owed(&st.db, c.id).await?;
        let decision = rules::decision_reminder(c.decision_due_on, today, owed);
        if reviews.is_none() && decision.is_none() {
            continue;
        }
        let mut w = Write::begin(st, None).await?;
        if let Some(kind) = reviews {
            sent.reviews += remind_reviewers(&mut w, &c, kind).await?;
        }
        if let Some(kind) = decision {
            sent.decisions += remind_team(&mut w, &c, kind, owed).await?;
        }
        w.commit().await?;
    }
    Ok(sent)
}

/// The people among `ids` whose accounts still exist: a deleted account is mailed nothing, be
/// it a reviewer's or the programme team's.
async fn still_here(w: &mut Write<'_>, ids: &[Uuid]) -> AppResult<Vec<person::Model>> {
    let found = convene_store::by_ids::<person::Entity>(w.tx(), ids).await?;
    Ok(found
        .into_iter()
        .filter(|p| p.deleted_at.is_none())
        .collect())
}

async fn remind_reviewers(w: &mut Write<'_>, c: &call::Model, kind: Reminder) -> AppResult<usize> {
    let due = c.reviews_due_on.expect("a review reminder has a due date");
    let sel = CallSelection::load_for_change(w.tx(), c.id).await?;
    let outstanding = outstanding_reviews(&sel);
    let mut reviewers: Vec<Uuid> = outstanding.keys().copied().collect();
    reviewers.sort();
    let found = still_here(w, &reviewers).await?;
    let mut n = 0;
    for p in &found {
        if !calls::record_reminder(w.tx(), kind, c.id, p.id, due, w.now()).await? {
            continue;
        }
        let link = w.link("/reviews");
        let today = kind == Reminder::ReviewsDueToday;
        let mail = templates::reviews_due_reminder(
            &p.email,
            &c.title,
            outstanding[&p.id].len(),
            &long_date(due),
            today,
            &link,
        );
        w.mail(&mail).await?;
        n += 1;
    }
    Ok(n)
}

async fn remind_team(
    w: &mut Write<'_>,
    c: &call::Model,
    kind: Reminder,
    owed: usize,
) -> AppResult<usize> {
    let team = people::holding_role(w.tx(), Role::ProgrammeTeam).await?;
    let found = still_here(w, &team).await?;
    let mut n = 0;
    for p in &found {
        if !calls::record_reminder(w.tx(), kind, c.id, p.id, c.decision_due_on, w.now()).await? {
            continue;
        }
        let link = w.link(&format!(
            "/admin/calls/{}",
            crate::ids::encode(CallId(c.id))
        ));
        let mail = templates::decision_due_reminder(
            &p.email,
            &c.title,
            &long_date(c.decision_due_on),
            owed,
            &link,
        );
        w.mail(&mail).await?;
        n += 1;
    }
    Ok(n)
}
