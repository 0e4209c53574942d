//! Communities of practice (SPEC §4): definition, lifecycle, membership, meetings and work.

pub mod definition;
pub mod lifecycle;
pub mod membership;
pub mod settings;
pub mod startup;
