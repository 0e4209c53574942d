//! The catalogue: domains, organisations and their facts.

#[allow(unused_imports)]
use super::{AppResult, Write};
