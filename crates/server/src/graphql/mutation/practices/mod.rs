//! Practices (SPEC §5): practices, exchanges and inquiries, sharing protocols and promising
//! practices, merged into one.

use async_graphql::ID;
use convene_domain::ids::GlobalId;
use convene_domain::{DomainError, Fields};

mod exchanges;
mod lifecycle;
mod promising;
mod protocols;

#[derive(async_graphql::MergedObject, Default)]
pub struct PracticeMutations(
    lifecycle::PracticeLifecycleMutations,
    exchanges::ExchangeMutations,
    protocols::ProtocolMutations,
    promising::PromisingMutations,
);

/// Decode a global ID as part of a form, so that a bad one is reported with the form's other
/// bad fields.
fn decode<T: GlobalId>(f: &mut Fields, field: &str, id: &ID) -> Option<T> {
    f.take(crate::ids::decode(field, id.as_str()))
}

/// Decode a global ID that may be left out.
fn optional_id<T: GlobalId>(field: &str, id: &Option<ID>) -> Result<Option<T>, DomainError> {
    id.as_ref()
        .map(|i| crate::ids::decode(field, i.as_str()))
        .transpose()
}
