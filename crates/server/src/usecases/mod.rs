//! The use cases: one function per operation, named by the domain's words, between the API
//! (`graphql/`, the HTTP routes, jobs) and the store. A use case takes the actor and a command
//! of domain values, decides with `convene_domain`'s rules, reads and writes through the
//! repositories inside a `Write`, and returns domain values or an `AppError`. It never sees
//! GraphQL types; nothing here imports the API layer.

pub mod accounts;
pub mod applications;
pub mod calls;
pub mod catalogue;
pub mod communities;
pub mod error;
pub mod honoraria;
pub mod identity;
pub mod notifications;
pub mod partners;
pub mod practices;
pub mod privacy;
pub mod reminders;
pub mod selection;
pub mod sso;
pub mod webhooks;
pub mod write;

pub use error::{AppError, AppResult};
pub use write::Write;
