//! Applications (SPEC §1): drafts, co-leads, submission, withdrawal.

#[allow(unused_imports)]
use super::{AppResult, Write};
