//! The schema with its limits: depth, complexity (connections weighted by `first`, see
//! `types::connection::page_cost`), directives, aliases and introspection (`limits.rs`).
//! "Did you mean …?" suggestions are left out in production, where they would spell the
//! schema out to anyone guessing at it.

use async_graphql::{SDLExportOptions, Schema};

use super::context::AppState;
use super::mutation::MutationRoot;
use super::query::QueryRoot;
use super::subscription::SubscriptionRoot;

pub type ConveneSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 5_000;
pub const MAX_DIRECTIVES: usize = 10;
pub const MAX_BATCH: usize = 10;

/// The schema people's requests run on: no extension, so that async-graphql resolves every
/// field on its fast path (what is checked of a document is checked before it runs:
/// `limits::admit`).
pub fn build(state: Option<AppState>) -> ConveneSchema {
    builder(state, false)
}

/// The schema partner systems' requests run on: the same, with their scopes checked at every
/// field (`partner_scopes.rs`).
pub fn build_for_partners(state: AppState) -> ConveneSchema {
    builder(Some(state), true)
}

fn builder(state: Option<AppState>, partners: bool) -> ConveneSchema {
    let mut b = Schema::build(QueryRoot, MutationRoot::default(), SubscriptionRoot)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_directives(MAX_DIRECTIVES)
        .limit_recursive_depth(32);
    if partners {
        b = b.extension(super::partner_scopes::PartnerScopes);
    }
    if let Some(s) = state {
        if s.config.production {
            b = b.disable_suggestions();
        }
        b = b.data(s);
    }
    b.finish()
}

/// The SDL of `schema.graphql`: sorted, so that it diffs cleanly.
pub fn sdl() -> String {
    build(None).sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_arguments()
            .sorted_enum_items(),
    )
}
