//! Communities of practice (SPEC §4): definition, lifecycle, membership, meetings and work.

pub mod challenges;
mod locks;
pub mod meetings;
pub mod support;
pub mod work;
