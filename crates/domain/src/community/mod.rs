//! Communities (SPEC §4, FAQ 1, 2, 10), one module per part of a community's life.

mod challenges;
mod functions;
mod invitation;
mod join_request;
mod lifecycle;
mod meeting;
mod member_map;
mod origin;
mod plan;
mod removal;
mod startup;
mod support;
mod visibility;

pub use challenges::*;
pub use functions::*;
pub use invitation::*;
pub use join_request::*;
pub use lifecycle::*;
pub use meeting::*;
pub use member_map::*;
pub use origin::*;
pub use plan::*;
pub use removal::*;
pub use startup::*;
pub use support::*;
pub use visibility::*;

#[cfg(test)]
mod tests;
