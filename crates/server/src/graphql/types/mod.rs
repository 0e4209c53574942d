//! GraphQL object types: thin wrappers over store models, relations through the loaders.

pub mod application;
pub mod audit;
pub mod call;
pub mod catalogue;
pub mod connection;
pub mod enums;
pub mod node;
pub mod organisation;
pub mod person;
pub mod scalars;
