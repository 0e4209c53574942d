//! Privacy: exporting and erasing a person's data.

#[allow(unused_imports)]
use super::{AppResult, Write};
