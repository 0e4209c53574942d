//! Communities of practice (SPEC §4): definition, lifecycle, membership, meetings and work.

pub mod challenges;
pub mod definition;
pub mod lifecycle;
pub(crate) mod locks;
pub mod meetings;
pub mod membership;
pub mod settings;
pub mod startup;
pub mod support;
pub mod work;
