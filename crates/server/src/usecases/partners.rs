//! Partner systems: clients, scopes and tokens.

#[allow(unused_imports)]
use super::{AppResult, Write};
