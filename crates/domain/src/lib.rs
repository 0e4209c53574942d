//! The rules of Convene, pure: no database, no GraphQL, no clock.
//!
//! Each module is named after a section of `SPEC.md`; `now` is always passed in.

// The enums' `from_str` answers `Option` (an unknown stored word is not an error to report),
// so they deliberately do not implement `std::str::FromStr`.
#![allow(clippy::should_implement_trait)]

pub mod access;
pub mod account;
pub mod application;
pub mod call;
pub mod catalogue;
pub mod community;
pub mod error;
pub mod fuzzing;
pub mod honorarium;
pub mod identity;
pub mod ids;
pub mod money;
pub mod notification;
pub mod organisation;
pub mod organisation_import;
pub mod partner;
pub mod practice;
pub mod privacy;
pub mod question;
pub mod reporting;
pub mod selection;
pub mod stored;
pub mod text;
pub mod webhook;

pub use error::{DomainError, ErrorCode, FieldError, Fields};
pub use stored::StoredEnum;
