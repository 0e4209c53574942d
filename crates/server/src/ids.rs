//! Opaque global IDs: base64url of `Type:uuid`, so `node(id)` knows what to load. Typed by the
//! domain's identifiers (`CommunityId` is `Id<Community>`): `decode::<CallId>("callId", id)`
//! accepts only a call's ID, and `encode(call_id)` can only say "Call".

use base64::Engine;
use convene_domain::ids::GlobalId;
use convene_domain::DomainError;
use uuid::Uuid;

/// The global ID of an entity of `kind` (a GraphQL type name).
pub fn encode_raw(kind: &str, id: Uuid) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{kind}:{id}"))
}

/// The global ID of a typed identifier.
pub fn encode<T: GlobalId>(id: T) -> String {
    encode_raw(T::KIND, id.uuid())
}

/// Split a global ID into its type and uuid.
pub fn decode_any(id: &str) -> Option<(String, Uuid)> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (kind, uuid) = text.split_once(':')?;
    Some((kind.to_string(), Uuid::parse_str(uuid).ok()?))
}

/// Decode a global ID that must be of `kind`, given as the input field `field`.
pub fn decode_raw(field: &str, kind: &str, id: &str) -> Result<Uuid, DomainError> {
    match decode_any(id) {
        Some((k, u)) if k == kind => Ok(u),
        _ => Err(DomainError::field(
            field,
            format!(
                "This is not the ID of a{} {}",
                if kind.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "n"
                } else {
                    ""
                },
                kind.to_lowercase()
            ),
        )),
    }
}

/// Decode the global ID of a `T`, given as the input field `field`.
pub fn decode<T: GlobalId>(field: &str, id: &str) -> Result<T, DomainError> {
    decode_raw(field, T::KIND, id).map(T::from)
}

/// Decode a list of global IDs of `T`; a bad one is named by its place (`field.2`).
pub fn decode_all<T: GlobalId>(
    field: &str,
    ids: &[impl AsRef<str>],
) -> Result<Vec<T>, DomainError> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| decode(&format!("{field}.{i}"), id.as_ref()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use convene_domain::ids::{ApplicationId, CallId};
    use convene_domain::ErrorCode;

    #[test]
    fn ids_round_trip_and_are_typed() {
        let u = CallId(Uuid::new_v4());
        let id = encode(u);
        assert_eq!(decode::<CallId>("callId", &id).unwrap(), u);
        let e = decode::<ApplicationId>("callId", &id).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.fields[0].field, "callId");
        assert!(decode::<CallId>("x", "nonsense").is_err());
        let list = decode_all::<CallId>("ids", &[encode(u), "nonsense".to_string()]).unwrap_err();
        assert_eq!(list.fields[0].field, "ids.1");
    }
}
