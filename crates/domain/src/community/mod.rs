//! Communities (SPEC §4, FAQ 1, 2, 10), one module per part of a community's life.

mod invitation;
mod join_request;
mod lifecycle;
mod meeting;
mod origin;
mod startup;

pub use invitation::*;
pub use join_request::*;
pub use lifecycle::*;
pub use meeting::*;
pub use origin::*;
pub use startup::*;

#[cfg(test)]
mod tests;
