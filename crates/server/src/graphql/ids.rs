//! Global IDs as GraphQL's `ID`: the codec itself lives in `crate::ids`.

use async_graphql::ID;
use convene_domain::ids::GlobalId;
use uuid::Uuid;

use super::error::ApiError;

pub fn encode(kind: &str, id: Uuid) -> ID {
    ID(crate::ids::encode_raw(kind, id))
}

/// The `ID` of a typed identifier.
pub fn id_of<T: GlobalId>(id: T) -> ID {
    ID(crate::ids::encode(id))
}

/// Split an ID into its type and uuid.
pub fn decode_any(id: &ID) -> Option<(String, Uuid)> {
    crate::ids::decode_any(id.as_str())
}

/// Decode an ID that must be of `kind`, as the input field `field`.
pub fn decode(field: &str, kind: &str, id: &ID) -> Result<Uuid, ApiError> {
    Ok(crate::ids::decode_raw(field, kind, id.as_str())?)
}

/// Decode the `ID` of a `T`, as the input field `field`.
pub fn typed<T: GlobalId>(field: &str, id: &ID) -> Result<T, ApiError> {
    Ok(crate::ids::decode(field, id.as_str())?)
}

/// Decode an ID of `kind` that may be left out, as the input field `field`.
pub fn decode_opt(field: &str, kind: &str, id: Option<&ID>) -> Result<Option<Uuid>, ApiError> {
    id.map(|id| decode(field, kind, id)).transpose()
}

/// Decode the `ID` of a `T` that may be left out, as the input field `field`.
pub fn typed_opt<T: GlobalId>(field: &str, id: Option<&ID>) -> Result<Option<T>, ApiError> {
    id.map(|id| typed(field, id)).transpose()
}

/// Decode a list of `ID`s of `T`s, as the input field `field`.
pub fn typed_all<T: GlobalId>(field: &str, ids: &[ID]) -> Result<Vec<T>, ApiError> {
    ids.iter().map(|id| typed(field, id)).collect()
}
