//! The unit of work. Every change goes through a `Write`: it owns the transaction, the actor
//! and the clock, and collects what the change leaves behind (audit entries, outbox messages
//! for mail, webhooks and the intranet, notifications). `commit` writes the audit entries in the
//! same transaction, commits, then wakes the outbox worker and the notification hub, so that
//! no write commits without its trail and no message waits for the next poll.

use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;
use convene_domain::ids::PersonId;
use convene_store::entities::notification;
use convene_store::repo::{audit, outbox};
use convene_store::sea_orm::DatabaseTransaction;
use serde::Serialize;
use uuid::Uuid;

use super::error::AppResult;
use crate::mail::Mail;
use crate::notify::Kind;
use crate::state::AppState;

/// One audit entry, kept until commit. For an update only the fields that changed are kept.
struct Entry {
    actor: Option<Uuid>,
    entity_type: &'static str,
    entity_id: Uuid,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

pub struct Write<'s> {
    tx: DatabaseTransaction,
    state: &'s AppState,
    actor: Option<PersonId>,
    now: DateTime<Utc>,
    entries: Vec<Entry>,
    outbox: usize,
    notifications: usize,
}

impl<'s> Write<'s> {
    /// Begin a write (`BEGIN IMMEDIATE` on SQLite) on behalf of `actor` (none: the system or
    /// someone not yet signed in), at the current time.
    pub async fn begin(state: &'s AppState, actor: Option<PersonId>) -> AppResult<Write<'s>> {
        Self::begin_at(state, actor, Utc::now()).await
    }

    /// As `begin`, by a signed-in person.
    pub async fn by(state: &'s AppState, viewer: &Viewer) -> AppResult<Write<'s>> {
        Self::begin(state, Some(viewer.person)).await
    }

    /// Begin a write at a given time (the jobs that run "as of" a moment, and tests).
    pub async fn begin_at(
        state: &'s AppState,
        actor: Option<PersonId>,
        now: DateTime<Utc>,
    ) -> AppResult<Write<'s>> {
        let tx = convene_store::begin_write(&state.db).await?;
        Ok(Write {
            tx,
            state,
            actor,
            now,
            entries: Vec::new(),
            outbox: 0,
            notifications: 0,
        })
    }

    /// The transaction, for repositories.
    pub fn tx(&self) -> &DatabaseTransaction {
        &self.tx
    }
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }
    pub fn actor(&self) -> Option<PersonId> {
        self.actor
    }
    /// The actor's uuid, for the columns that record who did something.
    pub fn actor_uuid(&self) -> Option<Uuid> {
        self.actor.map(|p| p.0)
    }
    pub fn state(&self) -> &'s AppState {
        self.state
    }
    /// An absolute link into the SPA, for mail.
    pub fn link(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.state.config.public_url.trim_end_matches('/'),
            path
        )
    }

    /// Record a change in the audit trail (written at commit, in the same transaction).
    pub fn audit<T: Serialize + ?Sized>(
        &mut self,
        entity_type: &'static str,
        entity_id: Uuid,
        action: &'static str,
        before: Option<&T>,
        after: Option<&T>,
    ) {
        self.audit_as(self.actor, entity_type, entity_id, action, before, after);
    }

    /// Audit a row (or record) that the change brought into being.
    pub fn audit_created<T: Serialize + ?Sized>(
        &mut self,
        entity_type: &'static str,
        entity_id: Uuid,
        action: &'static str,
        after: &T,
    ) {
        self.audit(entity_type, entity_id, action, None, Some(after));
    }

    /// Audit a row that the change altered, as it was and as it is.
    pub fn audit_changed<T: Serialize + ?Sized>(
        &mut self,
        entity_type: &'static str,
        entity_id: Uuid,
        action: &'static str,
        before: &T,
        after: &T,
    ) {
        self.audit(entity_type, entity_id, action, Some(before), Some(after));
    }

    /// Audit a row that the change took away, as it was.
    pub fn audit_removed<T: Serialize + ?Sized>(
        &mut self,
        entity_type: &'static str,
        entity_id: Uuid,
        action: &'static str,
        before: &T,
    ) {
        self.audit(entity_type, entity_id, action, Some(before), None);
    }

    /// As `audit`, naming another actor, or none: an anonymous author's change to their own
    /// exchange must not name them.
    pub fn audit_as<T: Serialize + ?Sized>(
        &mut self,
        actor: Option<PersonId>,
        entity_type: &'static str,
        entity_id: Uuid,
        action: &'static str,
        before: Option<&T>,
        after: Option<&T>,
    ) {
        let (before, after) = changed_only(
            before.map(|b| serde_json::to_value(b).expect("serialisable")),
            after.map(|a| serde_json::to_value(a).expect("serialisable")),
        );
        self.entries.push(Entry {
            actor: actor.map(|p| p.0),
            entity_type,
            entity_id,
            action,
            before,
            after,
        });
    }

    /// Queue a mail: it leaves only if the change commits.
    pub async fn mail(&mut self, mail: &Mail) -> AppResult<Uuid> {
        self.outbox += 1;
        Ok(crate::mail::enqueue(&self.tx, mail, self.now).await?)
    }

    /// Send `event` to every webhook subscription that asked for it, once the change commits.
    pub async fn webhook(&mut self, event: &str, data: serde_json::Value) -> AppResult<usize> {
        let n = crate::webhooks::emit(&self.tx, event, data, self.now).await?;
        self.outbox += n;
        Ok(n)
    }

    /// Send `event` to one subscription, whatever events it asked for (a test event), once the
    /// change commits. Answers the queued delivery's id.
    pub async fn webhook_to(
        &mut self,
        subscription: &convene_store::entities::webhook_subscription::Model,
        event: &str,
        data: &serde_json::Value,
    ) -> AppResult<Uuid> {
        self.outbox += 1;
        Ok(crate::webhooks::enqueue_for(&self.tx, subscription, event, data, self.now).await?)
    }

    /// Queue any other outbound message (the intranet's publications).
    pub async fn outbox(&mut self, kind: &str, payload: &serde_json::Value) -> AppResult<Uuid> {
        self.outbox += 1;
        Ok(outbox::enqueue(&self.tx, kind, payload, self.now).await?)
    }

    /// Tell a person something (a live notification once the change commits).
    pub async fn notify(
        &mut self,
        person: Uuid,
        kind: Kind,
        title: &str,
        link: &str,
    ) -> AppResult<notification::Model> {
        self.notifications += 1;
        Ok(crate::notify::add(&self.tx, person, kind, title, link, self.now).await?)
    }

    /// Commit the change with its audit entries, then wake whoever delivers what it queued.
    pub async fn commit(self) -> AppResult<()> {
        // what replicas computed from the data (a call's selection) is stale from now on;
        // every write raises it, so no rule has to name what a write may change
        convene_store::repo::versions::bump(&self.tx).await?;
        for e in &self.entries {
            audit::record(
                &self.tx,
                audit::Change {
                    actor: e.actor,
                    entity_type: e.entity_type,
                    entity_id: e.entity_id,
                    action: e.action,
                    before: e.before.clone(),
                    after: e.after.clone(),
                },
                self.now,
            )
            .await?;
        }
        self.tx.commit().await?;
        if self.outbox > 0 {
            self.state.outbox_wake.notify_one();
        }
        if self.notifications > 0 {
            self.state.hub.wake();
        }
        Ok(())
    }
}

/// For an update, keep only the fields that changed, before and after.
fn changed_only(
    mut before: Option<serde_json::Value>,
    mut after: Option<serde_json::Value>,
) -> (Option<serde_json::Value>, Option<serde_json::Value>) {
    if let (Some(serde_json::Value::Object(b)), Some(serde_json::Value::Object(a))) =
        (&mut before, &mut after)
    {
        drop_same(b, a);
    }
    (before, after)
}

/// Leave out what is the same on both sides, inside nested objects too (an application's
/// answers by key): an object left empty on both sides goes as well.
fn drop_same(
    b: &mut serde_json::Map<String, serde_json::Value>,
    a: &mut serde_json::Map<String, serde_json::Value>,
) {
    let keys: Vec<String> = b.keys().cloned().collect();
    for k in keys {
        let same = match (b.get_mut(&k), a.get_mut(&k)) {
            (Some(x), Some(y)) if x == y => true,
            (Some(serde_json::Value::Object(x)), Some(serde_json::Value::Object(y))) => {
                drop_same(x, y);
                x.is_empty() && y.is_empty()
            }
            _ => false,
        };
        if same {
            b.remove(&k);
            a.remove(&k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::changed_only;
    use serde_json::json;

    #[test]
    fn an_update_keeps_only_what_changed() {
        let (b, a) = changed_only(
            Some(json!({"name": "A", "size": 1})),
            Some(json!({"name": "B", "size": 1})),
        );
        assert_eq!(b, Some(json!({"name": "A"})));
        assert_eq!(a, Some(json!({"name": "B"})));
        let (b, a) = changed_only(
            Some(json!({"answers": {"why": "A", "how": "same"}, "size": 1})),
            Some(json!({"answers": {"why": "B", "how": "same"}, "size": 1})),
        );
        assert_eq!(b, Some(json!({"answers": {"why": "A"}})));
        assert_eq!(a, Some(json!({"answers": {"why": "B"}})));
        let (b, a) = changed_only(None, Some(json!({"name": "B"})));
        assert_eq!((b, a), (None, Some(json!({"name": "B"}))));
    }
}
