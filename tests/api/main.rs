//! The black-box suite: one binary, a module per area.

mod accounts;
mod schema;
mod transport;
