//! What is checked of a request before it runs, on the document parsed once (the schema
//! reuses that parse): how many aliases it may use, who may read the schema by introspection,
//! and the stricter per-address allowance of the mutations that check credentials. These
//! checks are not schema extensions: an extension puts async-graphql off its fast path for
//! every field of every request, and these need only the document.
//!
//! Introspection (`__schema`, `__type`) is open to everyone in development, where GraphiQL
//! needs it, and with `CONVENE_ENV=production` only to signed-in people and partner systems:
//! an anonymous visitor has no use for the schema that `schema.graphql` does not serve better.

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, OperationType, Selection,
    SelectionSet,
};
use async_graphql::{Pos, Request, ServerError};

use super::context::AppState;
use crate::ratelimit::{limited_error, AUTH, AUTH_FIELDS};

/// Aliases let one request ask for the same field many times (`a1: signIn(…) a2: signIn(…)`);
/// the SPA uses none, a hand-written report a few.
pub const MAX_ALIASES: usize = 30;

/// The operation a request would run, read from its document (parsed here, once).
#[derive(Debug, Default, Clone)]
pub struct Operation {
    /// None when the document does not parse or has no such operation (the schema says why).
    pub kind: Option<OperationType>,
    /// The operation's name: the one asked for, or the document's only operation's.
    pub name: Option<String>,
}

impl Operation {
    /// A mutation or a subscription: never from a GET, its answers never compressed or cached.
    pub fn writes(&self) -> bool {
        matches!(
            self.kind,
            Some(OperationType::Mutation | OperationType::Subscription)
        )
    }
}

/// Parses the request's document (kept in the request for the schema) and names its operation.
pub fn inspect(req: &mut Request) -> Operation {
    let asked = req.operation_name.clone();
    let Ok(doc) = req.parsed_query() else {
        return Operation::default();
    };
    match chosen(doc, asked.as_deref()) {
        Some((name, op)) => Operation {
            kind: Some(op.ty),
            name: asked.or(name),
        },
        None => Operation::default(),
    }
}

/// The operation that would run, with its name when it has one.
fn chosen<'d>(
    doc: &'d ExecutableDocument,
    asked: Option<&str>,
) -> Option<(Option<String>, &'d OperationDefinition)> {
    match &doc.operations {
        DocumentOperations::Single(op) => Some((None, &op.node)),
        DocumentOperations::Multiple(ops) => match asked {
            Some(name) => ops.get(name).map(|op| (None, &op.node)),
            None if ops.len() == 1 => ops
                .iter()
                .next()
                .map(|(n, op)| (Some(n.to_string()), &op.node)),
            None => ops.values().next().map(|op| (None, &op.node)),
        },
    }
}

/// Who is asking, as far as admission cares.
pub struct Caller {
    /// A person or a partner system with a valid token.
    pub signed_in: bool,
    pub addr: Option<std::net::IpAddr>,
}

/// The checks a request passes before it runs (call `inspect` first, or this parses). A
/// document that does not parse is let through: the schema answers with the parse error.
pub async fn admit(st: &AppState, caller: &Caller, req: &mut Request) -> Result<(), ServerError> {
    let asked = req.operation_name.clone();
    let Ok(doc) = req.parsed_query() else {
        return Ok(());
    };
    let aliases = count_aliases(doc);
    if aliases > MAX_ALIASES {
        return Err(refusal(
            convene_domain::ErrorCode::QueryTooComplex,
            format!("A request may use at most {MAX_ALIASES} aliases; this one uses {aliases}"),
        ));
    }
    if asks_for_schema(doc) && st.config.production && !caller.signed_in {
        return Err(refusal(
            convene_domain::ErrorCode::Forbidden,
            "The schema is open to signed-in people and partner systems; it is also published as schema.graphql".into(),
        ));
    }
    let checked =
        chosen(doc, asked.as_deref()).map_or_else(Vec::new, |(_, op)| credential_fields(doc, op));
    if checked.is_empty() {
        return Ok(());
    }
    let key = format!(
        "auth:{}",
        caller
            .addr
            .map_or_else(|| "unknown".into(), |a| a.to_string())
    );
    for pos in checked {
        if let Err(wait) = st.limiter.check(&key, AUTH).await {
            return Err(limited_error(wait, Some(pos)));
        }
    }
    Ok(())
}

/// Where a mutation asks for a field that checks credentials (each takes from the address's
/// AUTH allowance, aliases included): the operation's top-level fields, through fragments.
fn credential_fields(doc: &ExecutableDocument, op: &OperationDefinition) -> Vec<Pos> {
    let mut found = Vec::new();
    if op.ty == OperationType::Mutation {
        top_fields(doc, &op.selection_set.node, 0, &mut |f, pos| {
            if AUTH_FIELDS.contains(&f.name.node.as_str()) {
                found.push(pos);
            }
        });
    }
    found
}

/// The top-level fields of a selection set, looking through inline fragments and spreads
/// (to a bounded depth: a fragment that spreads itself is refused by validation anyway).
fn top_fields(
    doc: &ExecutableDocument,
    set: &SelectionSet,
    depth: usize,
    visit: &mut impl FnMut(&async_graphql::parser::types::Field, Pos),
) {
    if depth > 8 {
        return;
    }
    for s in &set.items {
        match &s.node {
            Selection::Field(f) => visit(&f.node, f.pos),
            Selection::InlineFragment(i) => {
                top_fields(doc, &i.node.selection_set.node, depth + 1, visit)
            }
            Selection::FragmentSpread(sp) => {
                if let Some(frag) = doc.fragments.get(&sp.node.fragment_name.node) {
                    top_fields(doc, &frag.node.selection_set.node, depth + 1, visit);
                }
            }
        }
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

    fn credentials(query: &str, name: Option<&str>) -> usize {
        let doc = parse_query(query).unwrap();
        chosen(&doc, name).map_or(0, |(_, op)| credential_fields(&doc, op).len())
    }

    #[test]
    fn credential_fields_are_found_through_aliases_and_fragments_in_mutations_only() {
        assert_eq!(
            credentials("mutation { signIn(input: {}) { token } }", None),
            1
        );
        assert_eq!(
            credentials(
                "mutation { a: signIn(input: {}) { token } b: signIn(input: {}) { token } }",
                None
            ),
            2
        );
        assert_eq!(
            credentials("mutation { ...F } fragment F on MutationRoot { register(input: {}) { token } ... on MutationRoot { signIn(input: {}) { token } } }", None),
            2
        );
        // a query named like one is not a credential check; nor is another operation's field
        assert_eq!(credentials("{ signIn { id } }", None), 0);
        assert_eq!(
            credentials("mutation A { signIn(input: {}) { token } } mutation B { createCall(input: {}) { call { id } } }", Some("B")),
            0
        );
        assert_eq!(
            credentials("mutation { createCall(input: {}) { call { id } } }", None),
            0
        );
    }

    #[test]
    fn the_operation_is_named_and_typed_from_one_parse() {
        let mut r = Request::new("query Directory { communities { totalCount } }");
        let op = inspect(&mut r);
        assert_eq!(op.kind, Some(OperationType::Query));
        assert_eq!(op.name.as_deref(), Some("Directory"));
        assert!(!op.writes());
        let mut m = Request::new("mutation A { x } query B { y }").operation_name("A");
        assert!(inspect(&mut m).writes());
        let mut bad = Request::new("{ unclosed");
        assert_eq!(inspect(&mut bad).kind, None);
    }

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
