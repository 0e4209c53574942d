//! Webhook subscriptions.

#[allow(unused_imports)]
use super::{AppResult, Write};
