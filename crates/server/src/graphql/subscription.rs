//! Subscriptions over `/graphql/ws` (graphql-transport-ws), authenticated when the connection
//! is opened.

use async_graphql::futures_util::stream::{self, Stream};
use async_graphql::{Context, Subscription};
use convene_domain::access::require_signed_in;
use tokio::sync::broadcast::error::RecvError;

use super::context::{state, viewer};
use super::error::ApiError;
use super::types::notification::Notification;

#[derive(Default)]
pub struct SubscriptionRoot;

#[Subscription]
impl SubscriptionRoot {
    /// The viewer's notifications as they happen (after the change that made them commits).
    async fn notification_added(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = Notification>> {
        let me = require_signed_in(viewer(ctx))
            .map_err(|e| async_graphql::Error::from(ApiError::from(e)))?
            .person
            .0;
        let rx = state(ctx).hub.subscribe();
        Ok(stream::unfold(rx, move |mut rx| async move {
            loop {
                match rx.recv().await {
                    Ok(n) if n.person_id == me => return Some((Notification((*n).clone()), rx)),
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                }
            }
        }))
    }
}
