//! Calls for conveners: creating and opening them.

#[allow(unused_imports)]
use super::{AppResult, Write};
