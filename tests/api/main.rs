//! The black-box suite: one binary, a module per area.

mod accounts;
mod applications;
mod audit;
mod calls;
mod catalogue;
mod schema;
mod transport;
