//! GraphQL object types: thin wrappers over store models, relations through the loaders.

pub mod application;
pub mod audit;
pub mod call;
pub mod catalogue;
pub mod community;
pub mod community_work;
pub mod connection;
pub mod enums;
pub mod honoraria;
pub mod identity;
pub mod meeting;
pub mod node;
pub mod notification;
pub mod organisation;
pub mod partner;
pub mod person;
pub mod practice;
pub mod privacy;
pub mod refs;
pub mod reporting;
pub mod scalars;
pub mod selection;
pub mod webhook;
