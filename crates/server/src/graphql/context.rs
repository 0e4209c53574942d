//! What every resolver can reach: the shared services and the viewer of this request.

use async_graphql::Context;
use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;

pub use crate::state::{AppState, Partner, RequestCtx};

pub fn partner<'a>(ctx: &Context<'a>) -> Option<&'a Partner> {
    ctx.data_opt::<RequestCtx>()
        .and_then(|r| r.partner.as_ref())
}

pub fn state<'a>(ctx: &Context<'a>) -> &'a AppState {
    ctx.data_unchecked::<AppState>()
}

pub fn viewer<'a>(ctx: &Context<'a>) -> Option<&'a Viewer> {
    ctx.data_opt::<RequestCtx>().and_then(|r| r.viewer.as_ref())
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}
