//! Accounts (sign-up, sign-in, roles, tokens).

#[allow(unused_imports)]
use super::{AppResult, Write};
