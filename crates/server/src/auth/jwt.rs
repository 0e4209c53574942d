//! Access tokens: HS256 with the configured secret; `exp`, `iat`, `iss`, `aud` and `sub` are
//! required and checked, and so is `nbf` when a token carries one; a token issued in the
//! future is refused too. 15 minutes unless `CONVENE_ACCESS_TOKEN_TTL_SECS` says otherwise.
//! jsonwebtoken checks only `exp` unless told, so every check is set explicitly below.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "convene";
pub const AUDIENCE: &str = "convene-api";
/// How long an access token lasts unless configured (`CONVENE_ACCESS_TOKEN_TTL_SECS`).
pub const ACCESS_TTL_SECS: u64 = 15 * 60;
/// Clock skew forgiven on `exp`, `nbf` and `iat`.
const LEEWAY_SECONDS: u64 = 5;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: i64,
    pub iat: i64,
    pub iss: String,
    pub aud: String,
    /// `person` for people, `client` for partner systems.
    pub kind: String,
    /// Not before: our tokens do not carry one, but a token that does is held to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// A partner's scopes, space-separated (RFC 6749); absent for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The session (refresh-token family) a person's token belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The person's session generation when it was issued (see `people.session_generation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gen: Option<i32>,
}

/// A person's valid access token: who, in which session, in which generation of sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonToken {
    pub id: Uuid,
    pub session: Option<Uuid>,
    pub generation: i32,
    /// When the token expires (its `exp`): a socket it opened closes then.
    pub expires_at: DateTime<Utc>,
}

/// Who a valid access token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Person(PersonToken),
    /// A partner system's service client (its row id) with the scopes it was given.
    Client {
        id: Uuid,
        scope: String,
    },
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    ttl: Duration,
}

impl JwtKeys {
    pub fn new(secret: &str) -> Self {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            ttl: Duration::seconds(ACCESS_TTL_SECS as i64),
        }
    }

    /// Tokens that last `ttl` instead of 15 minutes.
    pub fn with_ttl(self, ttl: std::time::Duration) -> Self {
        JwtKeys {
            ttl: Duration::from_std(ttl).unwrap_or(self.ttl),
            ..self
        }
    }

    pub fn issue(
        &self,
        person: Uuid,
        session: Option<Uuid>,
        generation: i32,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(String, DateTime<Utc>)> {
        let exp = now + self.ttl;
        let claims = Claims {
            sub: person.to_string(),
            exp: exp.timestamp(),
            iat: now.timestamp(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            kind: "person".into(),
            nbf: None,
            scope: None,
            sid: session.map(|s| s.to_string()),
            gen: Some(generation),
        };
        Ok((
            encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?,
            exp,
        ))
    }

    /// A partner system's token: as long as a person's, carrying its scopes.
    pub fn issue_client(
        &self,
        client: Uuid,
        scope: &str,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(String, DateTime<Utc>)> {
        let exp = now + self.ttl;
        let claims = Claims {
            sub: format!("client:{client}"),
            exp: exp.timestamp(),
            iat: now.timestamp(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            kind: "client".into(),
            nbf: None,
            scope: Some(scope.to_string()),
            sid: None,
            gen: None,
        };
        Ok((
            encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?,
            exp,
        ))
    }

    /// The person or partner a token speaks for, or why it is refused.
    pub fn verify_principal(&self, token: &str) -> Result<Principal, String> {
        let claims = self.claims(token)?;
        let invalid = || "The access token is not valid: sign in again".to_string();
        match claims.kind.as_str() {
            "person" => Ok(Principal::Person(PersonToken {
                id: Uuid::parse_str(&claims.sub).map_err(|_| invalid())?,
                session: claims.sid.as_deref().and_then(|s| Uuid::parse_str(s).ok()),
                generation: claims.gen.unwrap_or(0),
                expires_at: DateTime::from_timestamp(claims.exp, 0).ok_or_else(invalid)?,
            })),
            "client" => {
                let id = claims
                    .sub
                    .strip_prefix("client:")
                    .and_then(|s| Uuid::parse_str(s).ok())
                    .ok_or_else(invalid)?;
                Ok(Principal::Client {
                    id,
                    scope: claims.scope.unwrap_or_default(),
                })
            }
            _ => Err(invalid()),
        }
    }

    /// The person a token speaks for, or why it is refused.
    pub fn verify(&self, token: &str) -> Result<PersonToken, String> {
        match self.verify_principal(token)? {
            Principal::Person(p) => Ok(p),
            Principal::Client { .. } => {
                Err("The access token is not valid: sign in again".to_string())
            }
        }
    }

    fn claims(&self, token: &str) -> Result<Claims, String> {
        let mut v = Validation::new(Algorithm::HS256);
        v.algorithms = vec![Algorithm::HS256];
        v.set_issuer(&[ISSUER]);
        v.set_audience(&[AUDIENCE]);
        v.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        v.validate_exp = true;
        v.validate_nbf = true;
        v.validate_aud = true;
        v.leeway = LEEWAY_SECONDS;
        let data = decode::<Claims>(token, &self.decoding, &v).map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                "Your session has expired: refresh it or sign in again".to_string()
            }
            _ => "The access token is not valid: sign in again".to_string(),
        })?;
        if data.claims.iat > Utc::now().timestamp() + LEEWAY_SECONDS as i64 {
            return Err("The access token is not valid yet: sign in again".to_string());
        }
        Ok(data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    #[test]
    fn round_trip_and_tamper() {
        let k = JwtKeys::new("a-test-secret-that-is-long-enough-0123456789");
        let id = Uuid::new_v4();
        let sid = Uuid::new_v4();
        let (t, exp) = k.issue(id, Some(sid), 0, Utc::now()).unwrap();
        let got = k.verify(&t).unwrap();
        assert_eq!((got.id, got.session), (id, Some(sid)));
        assert!(exp > Utc::now() + Duration::minutes(14));
        let mut bad = t.clone();
        bad.pop();
        bad.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(k.verify(&bad).is_err());
        let other = JwtKeys::new("another-secret-that-is-long-enough-0123456789");
        assert!(other.verify(&t).is_err());
        // the token says when it expires, and the lifetime can be set
        assert_eq!(got.expires_at.timestamp(), exp.timestamp());
        let short = k.with_ttl(std::time::Duration::from_secs(60));
        let (t, exp) = short.issue(id, None, 0, Utc::now()).unwrap();
        assert!(exp <= Utc::now() + Duration::seconds(60));
        assert_eq!(
            short.verify(&t).unwrap().expires_at,
            exp.with_nanosecond(0).unwrap()
        );
    }

    #[test]
    fn client_tokens_carry_scopes_and_never_pass_as_a_person() {
        let k = JwtKeys::new("a-test-secret-that-is-long-enough-0123456789");
        let id = Uuid::new_v4();
        let (t, _) = k
            .issue_client(id, "read:calls read:practices", Utc::now())
            .unwrap();
        assert_eq!(
            k.verify_principal(&t).unwrap(),
            Principal::Client {
                id,
                scope: "read:calls read:practices".into()
            }
        );
        assert!(k.verify(&t).is_err(), "a partner never acts as a person");
        let (p, _) = k.issue(id, None, 0, Utc::now()).unwrap();
        assert!(matches!(k.verify_principal(&p).unwrap(), Principal::Person(t) if t.id == id));
    }

    #[test]
    fn expired_tokens_are_refused() {
        let k = JwtKeys::new("a-test-secret-that-is-long-enough-0123456789");
        let (t, _) = k
            .issue(Uuid::new_v4(), None, 0, Utc::now() - Duration::minutes(16))
            .unwrap();
        assert!(k.verify(&t).unwrap_err().contains("expired"));
    }

    fn forged(secret: &str, claims: serde_json::Value) -> String {
        encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    }

    #[test]
    fn tokens_not_yet_valid_are_refused() {
        let secret = "a-test-secret-that-is-long-enough-0123456789";
        let k = JwtKeys::new(secret);
        let now = Utc::now().timestamp();
        let claims = |nbf: Option<i64>, iat: i64| {
            let mut c = serde_json::json!({ "sub": Uuid::new_v4().to_string(), "exp": now + 600,
                "iat": iat, "iss": ISSUER, "aud": AUDIENCE, "kind": "person" });
            if let Some(n) = nbf {
                c["nbf"] = n.into();
            }
            c
        };
        assert!(k.verify(&forged(secret, claims(None, now))).is_ok());
        assert!(k
            .verify(&forged(secret, claims(Some(now - 60), now)))
            .is_ok());
        assert!(k
            .verify(&forged(secret, claims(Some(now + 300), now)))
            .is_err());
        assert!(k
            .verify(&forged(secret, claims(None, now + 300)))
            .unwrap_err()
            .contains("not valid yet"));
    }

    #[test]
    fn missing_audience_is_refused() {
        #[derive(Serialize)]
        struct NoAud {
            sub: String,
            exp: i64,
            iat: i64,
            iss: String,
            kind: String,
        }
        let secret = "a-test-secret-that-is-long-enough-0123456789";
        let now = Utc::now().timestamp();
        let c = NoAud {
            sub: Uuid::new_v4().to_string(),
            exp: now + 600,
            iat: now,
            iss: ISSUER.into(),
            kind: "person".into(),
        };
        let t = encode(
            &Header::new(Algorithm::HS256),
            &c,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap();
        assert!(JwtKeys::new(secret).verify(&t).is_err());
    }
}
