//! Opaque global IDs: base64url of `Type:uuid`, so `node(id)` knows what to load.

use async_graphql::ID;
use base64::Engine;
use uuid::Uuid;

use super::error::ApiError;

pub fn encode(kind: &str, id: Uuid) -> ID {
    ID(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{kind}:{id}")))
}

/// Split an ID into its type and uuid.
pub fn decode_any(id: &ID) -> Option<(String, Uuid)> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.as_str().trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (kind, uuid) = text.split_once(':')?;
    Some((kind.to_string(), Uuid::parse_str(uuid).ok()?))
}

/// Decode an ID that must be of `kind`, as the input field `field`.
pub fn decode(field: &str, kind: &str, id: &ID) -> Result<Uuid, ApiError> {
    match decode_any(id) {
        Some((k, u)) if k == kind => Ok(u),
        _ => Err(ApiError::field(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_typed() {
        let u = Uuid::new_v4();
        let id = encode("Call", u);
        assert_eq!(decode("callId", "Call", &id).unwrap(), u);
        let e = decode("callId", "Application", &id).unwrap_err();
        assert_eq!(e.code, "VALIDATION");
        assert_eq!(e.fields[0].field, "callId");
        assert!(decode("x", "Call", &ID("nonsense".into())).is_err());
    }
}
