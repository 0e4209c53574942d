//! Live notifications (SPEC §6). A notification is written in the transaction of what it
//! announces (`add`); a hub in each replica hears of committed ones and hands them to the
//! viewer's open subscriptions. On PostgreSQL the hub LISTENs on a channel that `pg_notify`
//! (sent inside the transaction, so only on commit) feeds, so a notification made on one
//! replica reaches subscribers on another; on SQLite (one process) it polls while anyone
//! listens. The same listener hears whose sessions were ended on any replica, so that their
//! sockets here close too.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use convene_store::entities::notification;
use convene_store::repo::notifications as repo;
use convene_store::sea_orm::{ConnectionTrait, DatabaseBackend};
use tokio::sync::broadcast;

use crate::state::AppState;

/// What a person is told about, and where to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    CoLeadInvitation,
    ReviewAssigned,
    OutcomeSent,
    CommunityInvitation,
    MeetingScheduled,
    ChallengeReply,
    MemberRemoved,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CoLeadInvitation => "CO_LEAD_INVITATION",
            Kind::ReviewAssigned => "REVIEW_ASSIGNED",
            Kind::OutcomeSent => "OUTCOME_SENT",
            Kind::CommunityInvitation => "COMMUNITY_INVITATION",
            Kind::MeetingScheduled => "MEETING_SCHEDULED",
            Kind::ChallengeReply => "CHALLENGE_REPLY",
            Kind::MemberRemoved => "MEMBER_REMOVED",
        }
    }
}

/// Tell a person something, in the caller's transaction. `link` is a path in the SPA.
pub async fn add(
    db: &impl ConnectionTrait,
    person: uuid::Uuid,
    kind: Kind,
    title: &str,
    link: &str,
    now: DateTime<Utc>,
) -> convene_store::Result<notification::Model> {
    repo::add(db, person, kind.as_str(), title, link, now).await
}

/// Each replica's fan-out of committed notifications to its subscribers.
#[derive(Clone)]
pub struct Hub {
    sender: broadcast::Sender<Arc<notification::Model>>,
    /// Rung after a write that made notifications commits: the SQLite poll looks at once.
    wake: Arc<tokio::sync::Notify>,
    /// People whose sessions were all ended (a password reset or change, "sign out
    /// everywhere", a deleted account): their open sockets close.
    ended: broadcast::Sender<uuid::Uuid>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            sender: broadcast::channel(1024).0,
            wake: Arc::new(tokio::sync::Notify::new()),
            ended: broadcast::channel(256).0,
        }
    }
}

impl Hub {
    /// A write with notifications committed (PostgreSQL's LISTEN hears it anyway).
    pub fn wake(&self) {
        self.wake.notify_one();
    }
    /// Every session of `person` has ended: close their sockets on this replica.
    pub fn end_sessions(&self, person: uuid::Uuid) {
        let _ = self.ended.send(person);
    }
    /// Resolves when `person`'s sessions are ended (`None` until the socket knows whose it is).
    pub fn sessions_ended(
        &self,
        person: Arc<std::sync::OnceLock<uuid::Uuid>>,
    ) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.ended.subscribe();
        async move {
            loop {
                match rx.recv().await {
                    Ok(p) if person.get() == Some(&p) => return,
                    Err(broadcast::error::RecvError::Closed) => std::future::pending::<()>().await,
                    _ => {}
                }
            }
        }
    }
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<notification::Model>> {
        self.sender.subscribe()
    }
    fn publish(&self, n: notification::Model) {
        // nobody listening is fine
        let _ = self.sender.send(Arc::new(n));
    }
    fn listening(&self) -> bool {
        self.sender.receiver_count() > 0
    }
}

/// Run the hub beside the server.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if state.db.get_database_backend() == DatabaseBackend::Postgres {
            loop {
                if let Err(e) = listen(&state).await {
                    tracing::warn!(error = %e, "notification listener stopped; reconnecting");
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        } else {
            poll(&state).await
        }
    })
}

async fn listen(state: &AppState) -> anyhow::Result<()> {
    use convene_store::repo::people::SESSIONS_ENDED_CHANNEL;
    use convene_store::sea_orm::sqlx::postgres::PgListener;
    let mut listener = PgListener::connect_with(state.db.get_postgres_connection_pool()).await?;
    listener
        .listen_all([repo::CHANNEL, SESSIONS_ENDED_CHANNEL])
        .await?;
    loop {
        let n = listener.recv().await?;
        let Ok(id) = uuid::Uuid::parse_str(n.payload()) else {
            continue;
        };
        if n.channel() == SESSIONS_ENDED_CHANNEL {
            // a person's sessions were ended, perhaps through another replica
            state.hub.end_sessions(id);
        } else if let Some(row) = repo::get(&state.db, id).await? {
            state.hub.publish(row);
        }
    }
}

/// SQLite: look for new notifications every quarter second while someone is subscribed.
async fn poll(state: &AppState) {
    let mut seen: HashMap<uuid::Uuid, DateTime<Utc>> = HashMap::new();
    let mut from = Utc::now();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
            _ = state.hub.wake.notified() => {}
        }
        if !state.hub.listening() {
            from = Utc::now();
            seen.clear();
            continue;
        }
        // a little overlap, since a transaction may commit a moment after its timestamp
        let since = from - chrono::Duration::seconds(5);
        match repo::since(&state.db, since, 500).await {
            Ok(rows) => {
                for r in rows {
                    if seen.insert(r.id, r.created_at).is_none() {
                        from = from.max(r.created_at);
                        state.hub.publish(r);
                    }
                }
                seen.retain(|_, at| *at >= since);
            }
            Err(e) => tracing::warn!(error = %e, "notification poll"),
        }
    }
}
