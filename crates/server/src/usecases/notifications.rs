//! In-app notifications: reading and clearing them.

use convene_domain::access::Viewer;
use convene_domain::ids::NotificationId;
use convene_domain::notification as rules;
use convene_store::repo::notifications;
use convene_store::Page;

use super::{AppResult, Write};
use crate::state::AppState;

pub struct MarkedRead {
    /// How many changed from unread to read.
    pub marked: u64,
    /// How many are still unread.
    pub unread: u64,
}

/// Mark some of the viewer's notifications read (others' are ignored), at most a hundred.
pub async fn mark_read(st: &AppState, v: &Viewer, ids: &[NotificationId]) -> AppResult<MarkedRead> {
    rules::check_mark_batch(ids.len())?;
    let w = Write::by(st, v).await?;
    let ids: Vec<_> = ids.iter().map(|i| i.0).collect();
    let marked = notifications::mark_read(w.tx(), v.person.0, &ids, w.now()).await?;
    let everything = Page {
        offset: 0,
        limit: 0,
    };
    let (_, unread) = notifications::of_person(w.tx(), v.person.0, true, everything).await?;
    w.commit().await?;
    Ok(MarkedRead { marked, unread })
}
