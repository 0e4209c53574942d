//! In-app notifications: reading and clearing them.

#[allow(unused_imports)]
use super::{AppResult, Write};
