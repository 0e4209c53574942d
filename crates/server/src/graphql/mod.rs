//! The GraphQL API: schema, types, resolvers, loaders, errors.

pub mod context;
pub mod error;
pub mod ids;
pub mod limits;
pub mod loaders;
pub mod mutation;
pub mod partner_scopes;
pub mod prefetch;
pub mod query;
pub mod schema;
pub mod subscription;
pub mod types;
