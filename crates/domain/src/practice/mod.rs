//! Practices (SPEC §5, FAQ 2, 10): practices and their status, practice exchanges and the safe
//! forum, sharing protocols, promising practices and the library's search terms.

mod exchange;
mod library;
mod lifecycle;
mod promising;
mod protocol;

pub use exchange::*;
pub use library::*;
pub use lifecycle::*;
pub use promising::*;
pub use protocol::*;

#[cfg(test)]
mod tests;
