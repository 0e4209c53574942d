//! Plain sea-orm models, one per table; they never derive GraphQL traits.

pub mod application;
pub mod audit;
pub mod call;
pub mod criterion;
pub mod domain;
pub mod membership_change;
pub mod organisation;
pub mod outbox;
pub mod participant;
pub mod person;
pub mod refresh_token;
pub mod role_grant;
