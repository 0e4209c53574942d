//! The limits async-graphql has no setting for, checked as soon as a document is parsed: how
//! many aliases it may use, and who may read the schema by introspection.
//!
//! Introspection (`__schema`, `__type`) is open to everyone in development, where GraphiQL
//! needs it, and with `CONVENE_ENV=production` only to signed-in people and partner systems:
//! an anonymous visitor has no use for the schema that `schema.graphql` does not serve better.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, ServerResult, Variables};

use super::context::{AppState, RequestCtx};

/// Aliases let one request ask for the same field many times (`a1: signIn(…) a2: signIn(…)`);
/// the SPA uses none, a hand-written report a few.
pub const MAX_ALIASES: usize = 30;

pub struct DocumentLimits;

impl ExtensionFactory for DocumentLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(DocumentLimitsExtension)
    }
}

struct DocumentLimitsExtension;

#[async_trait::async_trait]
impl Extension for DocumentLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let aliases = count_aliases(&doc);
        if aliases > MAX_ALIASES {
            return Err(refusal(
                convene_domain::ErrorCode::QueryTooComplex,
                format!("A request may use at most {MAX_ALIASES} aliases; this one uses {aliases}"),
            ));
        }
        if asks_for_schema(&doc) && !may_introspect(ctx) {
            return Err(refusal(
                convene_domain::ErrorCode::Forbidden,
                "The schema is open to signed-in people and partner systems; it is also published as schema.graphql".into(),
            ));
        }
        Ok(doc)
    }
}

/// A refusal with its `extensions.code` (also used for what a socket refuses).
pub fn refusal(code: convene_domain::ErrorCode, message: String) -> ServerError {
    let mut e = ServerError::new(message, None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", code.as_str());
    e.extensions = Some(ext);
    e
}

/// Everyone in development; in production, people and partners with a valid token.
fn may_introspect(ctx: &ExtensionContext<'_>) -> bool {
    let production = ctx
        .data_opt::<AppState>()
        .is_some_and(|s| s.config.production);
    !production
        || ctx
            .data_opt::<RequestCtx>()
            .is_some_and(|r| r.viewer.is_some() || r.partner.is_some())
}

/// Every selection set of the document: its operations' and its fragments'.
fn selection_sets(doc: &ExecutableDocument) -> Vec<&SelectionSet> {
    doc.operations
        .iter()
        .map(|(_, op)| &op.node.selection_set.node)
        .chain(doc.fragments.values().map(|f| &f.node.selection_set.node))
        .collect()
}

/// Calls `visit` on every field, at every depth, written in the document (a fragment counts
/// once however often it is spread: its fields are written once).
fn each_field(set: &SelectionSet, visit: &mut impl FnMut(&async_graphql::parser::types::Field)) {
    for s in &set.items {
        match &s.node {
            Selection::Field(f) => {
                visit(&f.node);
                each_field(&f.node.selection_set.node, visit);
            }
            Selection::InlineFragment(i) => each_field(&i.node.selection_set.node, visit),
            Selection::FragmentSpread(_) => {}
        }
    }
}

pub fn count_aliases(doc: &ExecutableDocument) -> usize {
    let mut n = 0;
    for set in selection_sets(doc) {
        each_field(set, &mut |f| n += usize::from(f.alias.is_some()));
    }
    n
}

pub fn asks_for_schema(doc: &ExecutableDocument) -> bool {
    let mut found = false;
    for set in selection_sets(doc) {
        each_field(set, &mut |f| {
            found |= matches!(f.name.node.as_str(), "__schema" | "__type")
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    #[test]
    fn aliases_are_counted_wherever_they_are_written() {
        let doc = parse_query(
            "{ a: viewer { b: id } communities { nodes { ...F } } } fragment F on Community { c: id ... on Community { d: name } }",
        )
        .unwrap();
        assert_eq!(count_aliases(&doc), 4);
        assert_eq!(count_aliases(&parse_query("{ viewer { id } }").unwrap()), 0);
    }

    #[test]
    fn introspection_is_found_even_inside_fragments() {
        assert!(asks_for_schema(
            &parse_query("{ __schema { queryType { name } } }").unwrap()
        ));
        assert!(asks_for_schema(
            &parse_query("{ ...F } fragment F on QueryRoot { t: __type(name: \"Call\") { name } }")
                .unwrap()
        ));
        assert!(!asks_for_schema(
            &parse_query("{ __typename viewer { id } }").unwrap()
        ));
    }
}
