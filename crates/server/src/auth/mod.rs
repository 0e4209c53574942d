//! Sign-in: argon2id passwords, HS256 access tokens, rotating refresh tokens.

pub mod calendar;
pub mod jwt;
pub mod oidc;
pub mod oidc_routes;
pub mod password;
pub mod sessions;

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// `n` random bytes, base64url without padding.
pub fn random_token(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What we store instead of a token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    let d = Sha256::digest(token.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A token derived from the server's secret and an id: the server can write it again later
/// (an invitation's reminder carries the same link as the invitation) without storing it.
/// Only its hash is stored, as for random tokens.
pub fn derived_token(secret: &str, purpose: &str, id: uuid::Uuid) -> String {
    use hmac::{Hmac, Mac};
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    m.update(purpose.as_bytes());
    m.update(b":");
    m.update(id.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
}

#[cfg(test)]
mod derived_tests {
    use super::*;

    #[test]
    fn derived_tokens_are_stable_and_distinct() {
        let (a, b) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        assert_eq!(
            derived_token("k", "invitation", a),
            derived_token("k", "invitation", a)
        );
        assert_ne!(
            derived_token("k", "invitation", a),
            derived_token("k", "invitation", b)
        );
        assert_ne!(
            derived_token("k", "invitation", a),
            derived_token("k2", "invitation", a)
        );
        assert_ne!(
            derived_token("k", "invitation", a),
            derived_token("k", "other", a)
        );
        assert_eq!(derived_token("k", "invitation", a).len(), 43);
    }
}

/// The token of a one-click unsubscribe link: the server's HMAC of the list and the address, so
/// that nobody can unsubscribe someone else and nothing needs storing.
pub fn unsubscribe_token(secret: &str, list: &str, email: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    m.update(b"unsubscribe:");
    m.update(list.as_bytes());
    m.update(b":");
    m.update(email.to_lowercase().as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
}

/// The purpose under which invitation tokens are derived (see `auth::derived_token`).
pub const INVITATION_TOKEN: &str = "community-invitation";
