//! Marking notifications read.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_store::begin_write;
use convene_store::repo::notifications;

use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;

#[derive(InputObject)]
pub struct MarkNotificationsReadInput {
    /// The viewer's notifications to mark read (others' are ignored).
    pub ids: Vec<ID>,
}
#[derive(SimpleObject)]
pub struct MarkNotificationsReadPayload {
    /// How many changed from unread to read.
    pub marked: i32,
    /// How many are still unread.
    pub unread_count: i32,
}

#[derive(Default)]
pub struct NotificationMutations;

#[Object]
impl NotificationMutations {
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        input: MarkNotificationsReadInput,
    ) -> ApiResult<MarkNotificationsReadPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        if input.ids.len() > 100 {
            return Err(ApiError::field("ids", "Mark at most 100 at once"));
        }
        let ids = input
            .ids
            .iter()
            .map(|i| ids::decode("ids", "Notification", i))
            .collect::<ApiResult<Vec<_>>>()?;
        let tx = begin_write(&st.db).await?;
        let marked = notifications::mark_read(&tx, v.person.0, &ids, now()).await?;
        let (_, unread) = notifications::of_person(
            &tx,
            v.person.0,
            true,
            convene_store::Page {
                offset: 0,
                limit: 0,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(MarkNotificationsReadPayload {
            marked: marked as i32,
            unread_count: unread as i32,
        })
    }
}
