//! Marking notifications read.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::require_signed_in;
use convene_domain::notification::check_mark_batch;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::usecases::notifications as usecase;

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
        let v = require_signed_in(viewer(ctx))?;
        // too many is said before any of them is decoded
        check_mark_batch(input.ids.len())?;
        let ids = ids::typed_all("ids", &input.ids)?;
        let done = usecase::mark_read(state(ctx), v, &ids).await?;
        Ok(MarkNotificationsReadPayload {
            marked: done.marked as i32,
            unread_count: done.unread as i32,
        })
    }
}
