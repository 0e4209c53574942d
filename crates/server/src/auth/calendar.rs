//! Calendar-feed tokens. Calendar clients cannot send an `Authorization` header, so a person's
//! feeds take `?token=`: their id and an HMAC-SHA256 of it (keyed by the server's secret) with
//! the person's feed version. Bumping the version resets the token; the token opens calendars
//! and nothing else, and nothing needs storing.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

const PURPOSE: &[u8] = b"convene calendar feed v1";
const MAC_BYTES: usize = 20;

fn keyed(secret: &str, person: Uuid, version: i32) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    m.update(PURPOSE);
    m.update(person.as_bytes());
    m.update(&version.to_be_bytes());
    m
}

/// The token for a person's feeds at this version.
pub fn token(secret: &str, person: Uuid, version: i32) -> String {
    let mut bytes = person.as_bytes().to_vec();
    bytes.extend_from_slice(&keyed(secret, person, version).finalize().into_bytes()[..MAC_BYTES]);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whose token this claims to be (still to be checked with `verify`).
pub fn claimed_person(token: &str) -> Option<Uuid> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token.trim())
        .ok()?;
    if bytes.len() != 16 + MAC_BYTES {
        return None;
    }
    Uuid::from_slice(&bytes[..16]).ok()
}

/// Does the token belong to this person at their current version? Compared in constant time.
pub fn verify(secret: &str, token: &str, person: Uuid, version: i32) -> bool {
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token.trim()) else {
        return false;
    };
    if bytes.len() != 16 + MAC_BYTES || bytes[..16] != person.as_bytes()[..] {
        return false;
    }
    keyed(secret, person, version)
        .verify_truncated_left(&bytes[16..])
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_opens_only_its_owners_feeds_at_their_current_version() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let t = token("secret-one", a, 0);
        assert_eq!(claimed_person(&t), Some(a));
        assert!(verify("secret-one", &t, a, 0));
        assert!(!verify("secret-one", &t, a, 1), "a reset token is dead");
        assert!(!verify("secret-one", &t, b, 0), "not someone else's");
        assert!(!verify("secret-two", &t, a, 0), "not under another key");
        assert_ne!(t, token("secret-one", a, 1));
        // tampering with any byte breaks it
        let mut bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&t)
            .unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        assert!(!verify("secret-one", &forged, a, 0));
        assert_eq!(claimed_person("not a token"), None);
        assert!(!verify("secret-one", "", a, 0));
    }
}
