//! Work done on a clock rather than at someone's request, at start and every
//! `CONVENE_CLOCK_INTERVAL_SECS`: the one reminder a week after an unanswered community
//! invitation (SPEC §4, FAQ 10), and the reminders about calls' review and decision dates
//! (`usecases::reminders`). Every replica runs the clock; what each piece of work sends is
//! recorded in the transaction that queues it (the invitation's `reminded_at` under a row lock,
//! a unique `reminders_sent` row), so nothing is sent twice.

use chrono::{DateTime, Duration, Utc};
use convene_domain::community as d;
use convene_store::begin_write;
use convene_store::repo::{communities, mail_unsubscribes, people};

use crate::auth::INVITATION_TOKEN;
use crate::mail::{self, templates};
use crate::state::AppState;

const BATCH: u64 = 200;

/// Queue the reminders that are due at `now`; returns how many. Each invitation is reminded
/// at most once, in the same transaction that records it, so two replicas never both send.
pub async fn remind_invitations(state: &AppState, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let tx = begin_write(&state.db).await?;
    let due = communities::invitations_to_remind(
        &tx,
        now - Duration::days(d::INVITATION_VALID_DAYS),
        now - Duration::days(d::INVITATION_REMINDER_AFTER_DAYS) + Duration::seconds(1),
        BATCH,
    )
    .await?;
    let mut sent = 0;
    // `now` decides what is due (tests pass a later one); the mail leaves at once either way.
    let queued_at = Utc::now().min(now);
    for inv in due {
        let state_now = d::invitation_state(inv.accepted, inv.sent_at, now);
        if !d::reminder_due(state_now, inv.sent_at, inv.reminded_at.is_some(), now) {
            continue;
        }
        let Some(c) = communities::get(&tx, inv.community_id).await? else {
            continue;
        };
        if d::Stage::from_str(&c.stage) == Some(d::Stage::Closed) {
            continue;
        }
        let inviter = people::get(&tx, inv.invited_by)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        // The reminder carries the invitation's own link (derived, so it can be written again);
        // an invitation made before tokens were derived gets a fresh one with its reminder.
        let token = crate::auth::derived_token(&state.config.jwt_secret, INVITATION_TOKEN, inv.id);
        let link = format!(
            "{}{}",
            state.config.public_url.trim_end_matches('/'),
            crate::links::invitation_page(&state.config.jwt_secret, inv.id)
        );
        let list = crate::usecases::identity::INVITATIONS;
        if !mail_unsubscribes::is_unsubscribed(&tx, &inv.email, list).await? {
            let reminder = templates::community_invitation_reminder(
                &inv.email,
                &inviter,
                &c.name,
                &inv.message,
                &link,
            )
            .with_unsubscribe(crate::usecases::identity::unsubscribe_url(
                state, list, &inv.email,
            ));
            mail::enqueue(&tx, &reminder, queued_at).await?;
        }
        communities::mark_reminded(&tx, inv, &crate::auth::token_hash(&token), now).await?;
        sent += 1;
    }
    tx.commit().await?;
    if sent > 0 {
        state.outbox_wake.notify_one();
    }
    Ok(sent)
}

/// Everything the clock does, as of `now` (tests pass a later one).
pub async fn tick(state: &AppState, now: DateTime<Utc>) {
    match remind_invitations(state, now).await {
        Ok(n) if n > 0 => tracing::info!(reminders = n, "invitation reminders queued"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "invitation reminders"),
    }
    let today = now.with_timezone(&chrono_tz::Europe::London).date_naive();
    match crate::usecases::reminders::send_due_reminders(state, today).await {
        Ok(s) if s != Default::default() => tracing::info!(
            reviews = s.reviews,
            decisions = s.decisions,
            "call reminders queued"
        ),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e.message, "call reminders"),
    }
}

/// Run the clock's work at start and every `CONVENE_CLOCK_INTERVAL_SECS`, beside the server.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let every = state.config.clock_interval;
        loop {
            tick(&state, Utc::now()).await;
            tokio::time::sleep(every).await;
        }
    })
}
