//! The OpenID Provider, spoken to with the `openidconnect` crate: discovery (at start, and
//! again lazily while the provider was not reachable, or once its keys are an hour old), the
//! authorization request (code flow, PKCE S256, `state`, `nonce`) and the code exchange with
//! the ID token's validation (signature, issuer, audience, expiry, nonce) by the crate. The
//! address comes from the ID token (`email`, `email_verified`), else from the userinfo endpoint.

use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use tokio::sync::RwLock;

use crate::config::OidcConfig;

/// The id of the one provider in `authProviders`.
pub const PROVIDER_ID: &str = "oidc";

/// How long discovery (and the provider's keys) is kept before it is read again.
const FRESH_FOR: Duration = Duration::from_secs(3600);

/// The configured provider and what discovery found there.
pub struct Provider {
    pub config: OidcConfig,
    /// `{CONVENE_PUBLIC_URL}/auth/oidc/callback`, registered with the provider.
    pub redirect_uri: String,
    http: openidconnect::reqwest::Client,
    discovered: RwLock<Option<(Instant, CoreProviderMetadata)>>,
}

/// What goes to the provider and what must be kept until it sends the person back.
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Who the provider says signed in, from a validated ID token.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
}

/// Why a sign-in with the provider failed; `reason` is the short word the SPA is sent.
#[derive(Debug)]
pub struct Failure {
    pub reason: &'static str,
    pub detail: String,
}

impl Failure {
    fn new(reason: &'static str, detail: impl std::fmt::Display) -> Failure {
        Failure {
            reason,
            detail: detail.to_string(),
        }
    }
}

impl Provider {
    pub fn new(config: OidcConfig, public_url: &str) -> anyhow::Result<Provider> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // following redirects would open the client to SSRF
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Provider {
            redirect_uri: format!("{}/auth/oidc/callback", public_url.trim_end_matches('/')),
            config,
            http,
            discovered: RwLock::new(None),
        })
    }

    /// Read the provider's metadata and keys, unless fresh ones are held.
    pub async fn discover(&self) -> Result<CoreProviderMetadata, Failure> {
        if let Some((at, meta)) = self.discovered.read().await.as_ref() {
            if at.elapsed() < FRESH_FOR {
                return Ok(meta.clone());
            }
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone())
            .map_err(|e| Failure::new("provider_unavailable", e))?;
        let meta = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| Failure::new("provider_unavailable", error_chain(&e)))?;
        *self.discovered.write().await = Some((Instant::now(), meta.clone()));
        Ok(meta)
    }

    async fn client(
        &self,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        Failure,
    > {
        let meta = self.discover().await?;
        let redirect = RedirectUrl::new(self.redirect_uri.clone())
            .map_err(|e| Failure::new("provider_unavailable", e))?;
        Ok(CoreClient::from_provider_metadata(
            meta,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// The authorization request: code flow with PKCE (S256), a random `state` and `nonce`.
    pub async fn authorize(&self) -> Result<Authorization, Failure> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Authorization {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchange the code (with the PKCE verifier) and validate the ID token against `nonce`.
    pub async fn finish(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
    ) -> Result<Identity, Failure> {
        let client = self.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| Failure::new("provider_unavailable", e))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_string()))
            .request_async(&self.http)
            .await
            .map_err(|e| Failure::new("exchange_failed", error_chain(&e)))?;
        let id_token = response
            .id_token()
            .ok_or_else(|| Failure::new("invalid_token", "no ID token in the answer"))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(nonce.to_string()))
            .map_err(|e| Failure::new("invalid_token", error_chain(&e)))?;
        let mut who = Identity {
            issuer: claims.issuer().as_str().to_string(),
            subject: claims.subject().as_str().to_string(),
            email: claims.email().map(|e| e.as_str().to_string()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.as_str().to_string()),
        };
        if who.email.is_none() {
            // a provider that keeps the ID token lean gives the address at its userinfo
            // endpoint, for the same subject (checked by the crate)
            let info: openidconnect::core::CoreUserInfoClaims = client
                .user_info(
                    response.access_token().clone(),
                    Some(claims.subject().clone()),
                )
                .map_err(|e| Failure::new("no_email", e))?
                .request_async(&self.http)
                .await
                .map_err(|e| Failure::new("no_email", error_chain(&e)))?;
            who.email = info.email().map(|e| e.as_str().to_string());
            who.email_verified = info.email_verified().unwrap_or(false);
            if who.name.is_none() {
                who.name = info
                    .name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.as_str().to_string());
            }
        }
        Ok(who)
    }
}

/// An error and its causes, for the log.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
