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
