//! Secrets at rest (issue 15, point 8).
//!
//! Webhook signing secrets must be read back to sign each delivery, so they cannot be hashed:
//! they are sealed with ChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`) under the key in
//! `CONVENE_SECRET_KEY`. A sealed value reads `sealed:v1:<key id>:<base64url(nonce ‖ ciphertext)>`;
//! the key id (the first 8 hex digits of the key's SHA-256) says which key sealed it, so a
//! rotation works: new writes use the current key, rows sealed under the one before still open
//! with `CONVENE_SECRET_KEY_PREVIOUS`, and [`sweep`] re-seals them (and any plaintext row left
//! from before) under the current key when the server starts. The associated data names what
//! the value is and whose, so a sealed secret copied to another row does not open there.
//!
//! Tokens that mail carries (invitations, address proofs, password resets) need no keeping once
//! the mail has left: a delivered or abandoned mail's stored body is dropped (`Mail::delivered`),
//! and a notification of an invitation stores the invitation's id, its link being written out
//! with the token (derived from the server's secret) only when shown to its person.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::config::Config;
use crate::state::AppState;

const SEALED: &str = "sealed:v1:";
const NONCE_BYTES: usize = 12;

/// The key that `CONVENE_SECRET_KEY` stands in for outside production when it is unset: fixed,
/// so that a development database opens after a restart, and public, so never for real data.
pub fn development_key() -> [u8; 32] {
    Sha256::digest(b"convene development secret key: never use in production").into()
}

/// A 32-byte key as written in `CONVENE_SECRET_KEY`: base64 (standard or URL-safe, padded or
/// not) or 64 hexadecimal digits.
pub fn parse_key(text: &str) -> Option<[u8; 32]> {
    let t = text.trim();
    if t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()) {
        let bytes: Vec<u8> = (0..32)
            .map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16))
            .collect::<Result<_, _>>()
            .ok()?;
        return bytes.try_into().ok();
    }
    let unpadded = t.trim_end_matches('=');
    let engines = [
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    engines
        .iter()
        .find_map(|e| e.decode(unpadded).ok())
        .and_then(|b| b.try_into().ok())
}

struct SealKey {
    id: String,
    cipher: ChaCha20Poly1305,
}

impl SealKey {
    fn new(key: &[u8; 32]) -> SealKey {
        let digest = Sha256::digest(key);
        SealKey {
            id: digest[..4].iter().map(|b| format!("{b:02x}")).collect(),
            cipher: ChaCha20Poly1305::new(&Key::from(*key)),
        }
    }
}

/// Why a stored secret could not be opened.
#[derive(Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Sealed under a key that is neither `CONVENE_SECRET_KEY` nor `…_PREVIOUS`.
    UnknownKey(String),
    /// Not a value we wrote, or changed since.
    Damaged,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::UnknownKey(id) => write!(
                f,
                "sealed under key {id}, which is neither CONVENE_SECRET_KEY nor CONVENE_SECRET_KEY_PREVIOUS"
            ),
            OpenError::Damaged => f.write_str("the sealed value does not open: it was changed"),
        }
    }
}

/// The current sealing key and, during a rotation, the one before it.
pub struct SecretKeys {
    current: SealKey,
    previous: Option<SealKey>,
}

impl SecretKeys {
    pub fn new(current: &[u8; 32], previous: Option<&[u8; 32]>) -> SecretKeys {
        SecretKeys {
            current: SealKey::new(current),
            previous: previous.map(SealKey::new),
        }
    }

    pub fn of(config: &Config) -> SecretKeys {
        SecretKeys::new(&config.secret_key, config.secret_key_previous.as_ref())
    }

    /// `plaintext` sealed under the current key, bound to `purpose` (what it is and whose).
    pub fn seal(&self, purpose: &str, plaintext: &str) -> String {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: purpose.as_bytes(),
        };
        let sealed = self
            .current
            .cipher
            .encrypt(&Nonce::from(nonce), payload)
            .expect("sealing into memory cannot fail");
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        format!("{SEALED}{}:{text}", self.current.id)
    }

    /// The plaintext of a stored value: opened with whichever key sealed it, or as it is when
    /// it was stored before secrets were sealed.
    pub fn open(&self, purpose: &str, stored: &str) -> Result<String, OpenError> {
        let Some(rest) = stored.strip_prefix(SEALED) else {
            return Ok(stored.to_string());
        };
        let (id, text) = rest.split_once(':').ok_or(OpenError::Damaged)?;
        let key = std::iter::once(&self.current)
            .chain(self.previous.as_ref())
            .find(|k| k.id == id)
            .ok_or_else(|| OpenError::UnknownKey(id.to_string()))?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| OpenError::Damaged)?;
        if bytes.len() < NONCE_BYTES {
            return Err(OpenError::Damaged);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().map_err(|_| OpenError::Damaged)?;
        let payload = Payload {
            msg: sealed,
            aad: purpose.as_bytes(),
        };
        let plain = key
            .cipher
            .decrypt(&Nonce::from(nonce), payload)
            .map_err(|_| OpenError::Damaged)?;
        String::from_utf8(plain).map_err(|_| OpenError::Damaged)
    }

    /// Whether a stored value is sealed under the current key (else [`sweep`] re-seals it).
    pub fn is_current(&self, stored: &str) -> bool {
        stored
            .strip_prefix(SEALED)
            .and_then(|r| r.split_once(':'))
            .is_some_and(|(id, _)| id == self.current.id)
    }
}

/// What a webhook subscription's signing secret is bound to.
pub fn webhook_purpose(subscription: Uuid) -> String {
    format!("webhook_subscriptions.secret:{subscription}")
}

/// Bring what is at rest up to the rules, once per start (every replica may run it: each
/// change is conditional on the row being as it was read): webhook secrets sealed under the
/// current key, no delivered mail keeping its body, no notification keeping an invitation's
/// token. Returns how many rows changed.
pub async fn sweep(state: &AppState) -> anyhow::Result<usize> {
    let db = &state.db;
    let keys = SecretKeys::of(&state.config);
    let mut changed = 0;
    for (id, stored) in convene_store::repo::webhooks::secrets(db).await? {
        if keys.is_current(&stored) {
            continue;
        }
        let purpose = webhook_purpose(id);
        match keys.open(&purpose, &stored) {
            Ok(plain) => {
                let sealed = keys.seal(&purpose, &plain);
                if convene_store::repo::webhooks::replace_secret(db, id, &stored, &sealed).await? {
                    changed += 1;
                }
            }
            Err(e) => {
                tracing::error!(subscription = %id, error = %e, "a webhook secret cannot be re-sealed")
            }
        }
    }
    changed += crate::mail::purge_delivered(db).await?;
    changed += crate::links::store_invitation_links(db).await?;
    if changed > 0 {
        tracing::info!(changed, "secrets at rest brought up to the rules");
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: [u8; 32] = [7; 32];
    const B: [u8; 32] = [9; 32];

    #[test]
    fn a_sealed_secret_opens_with_its_key_and_purpose_only() {
        let keys = SecretKeys::new(&A, None);
        let sealed = keys.seal("webhook:1", "whsec_abc");
        assert!(sealed.starts_with("sealed:v1:"), "{sealed}");
        assert!(!sealed.contains("whsec_abc"));
        assert_ne!(
            sealed,
            keys.seal("webhook:1", "whsec_abc"),
            "a fresh nonce each time"
        );
        assert_eq!(keys.open("webhook:1", &sealed).unwrap(), "whsec_abc");
        assert!(keys.is_current(&sealed));
        // bound to what it is: copied to another row, it does not open
        assert_eq!(keys.open("webhook:2", &sealed), Err(OpenError::Damaged));
        // changed, it does not open
        let mut bad = sealed.clone();
        bad.pop();
        bad.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(keys.open("webhook:1", &bad), Err(OpenError::Damaged));
        // another key does not open it
        let other = SecretKeys::new(&B, None);
        assert!(matches!(
            other.open("webhook:1", &sealed),
            Err(OpenError::UnknownKey(_))
        ));
        // a value stored before sealing reads as it is, and is not current
        assert_eq!(keys.open("webhook:1", "whsec_old").unwrap(), "whsec_old");
        assert!(!keys.is_current("whsec_old"));
    }

    #[test]
    fn after_a_rotation_old_rows_open_with_the_previous_key_and_new_ones_use_the_current() {
        let before = SecretKeys::new(&A, None);
        let old = before.seal("p", "s1");
        let rotated = SecretKeys::new(&B, Some(&A));
        assert_eq!(rotated.open("p", &old).unwrap(), "s1");
        assert!(!rotated.is_current(&old));
        let new = rotated.seal("p", "s2");
        assert!(rotated.is_current(&new));
        assert!(matches!(
            before.open("p", &new),
            Err(OpenError::UnknownKey(_))
        ));
        // once the previous key is dropped, only re-sealed rows open
        let after = SecretKeys::new(&B, None);
        assert!(after.open("p", &old).is_err());
        assert_eq!(after.open("p", &new).unwrap(), "s2");
    }

    #[test]
    fn keys_are_read_as_base64_or_hex() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(A);
        assert_eq!(parse_key(&b64), Some(A));
        assert_eq!(parse_key(b64.trim_end_matches('=')), Some(A));
        let url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([0xfb; 32]);
        assert_eq!(parse_key(&url), Some([0xfb; 32]));
        assert_eq!(parse_key(&"07".repeat(32)), Some(A));
        assert_eq!(parse_key("too short"), None);
        assert_eq!(
            parse_key(&base64::engine::general_purpose::STANDARD.encode([1u8; 16])),
            None
        );
    }
}
