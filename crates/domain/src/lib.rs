//! The rules of Convene, pure: no database, no GraphQL, no clock.
//!
//! Each module is named after a section of `SPEC.md`; `now` is always passed in.

pub mod access;
pub mod account;
pub mod application;
pub mod call;
pub mod catalogue;
pub mod community;
pub mod error;
pub mod honorarium;
pub mod ids;
pub mod money;
pub mod organisation;
pub mod partner;
pub mod practice;
pub mod selection;
pub mod text;
pub mod webhook;

pub use error::{DomainError, ErrorCode, FieldError, Fields};
