//! Honoraria (SPEC §3): shares, claims and payments.

#[allow(unused_imports)]
use super::{AppResult, Write};
