//! Partner systems (SPEC §6): service clients, their scopes and their short-lived tokens. The
//! programme team creates and revokes clients; a client exchanges its id and secret for a token.

use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;
use convene_domain::ids::{OrganisationId, ServiceClientId};
use convene_domain::partner as rules;
use convene_domain::Fields;
use convene_store::entities::service_client;
use convene_store::repo::{organisations, partners};

use super::{AppError, AppResult, Write};
use crate::state::AppState;

/// A new client as entered. Checked here rather than in the API, so that every bad field is
/// reported at once, the organisation's existence (which takes the store) included.
pub struct NewServiceClient {
    pub name: String,
    /// The organisation's global ID.
    pub organisation: String,
    pub scopes: Vec<String>,
}

pub struct Created {
    pub client: service_client::Model,
    /// Shown this once: only a hash is kept.
    pub secret: String,
}

/// Create credentials for a member organisation's system; the secret is in this answer only.
pub async fn create_service_client(
    st: &AppState,
    by: &Viewer,
    cmd: NewServiceClient,
) -> AppResult<Created> {
    let mut f = Fields::new();
    let name = f.take(rules::parse_client_name("name", &cmd.name));
    let scopes = f.take(rules::parse_scopes("scopes", &cmd.scopes));
    let org = f.take(crate::ids::decode::<OrganisationId>(
        "organisationId",
        &cmd.organisation,
    ));
    let mut w = Write::by(st, by).await?;
    if let Some(o) = org {
        if organisations::get(w.tx(), o.0).await?.is_none() {
            f.add("organisationId", "There is no such organisation");
        }
    }
    f.finish()?;
    let (Some(name), Some(scopes), Some(org)) = (name, scopes, org) else {
        return Err(AppError::internal("checked input missing"));
    };
    let client_id = format!("cvn_{}", crate::auth::random_token(12));
    let secret = format!("cvs_{}", crate::auth::random_token(32));
    let new = partners::NewClient {
        client_id: &client_id,
        name: &name,
        organisation_id: org.0,
        scopes: &rules::join_scopes(&scopes),
        secret_hash: &crate::auth::token_hash(&secret),
        created_by: by.person.0,
    };
    let client = partners::create(w.tx(), new, w.now()).await?;
    w.audit_created("ServiceClient", client.id, "create_service_client", &client);
    w.commit().await?;
    Ok(Created { client, secret })
}

/// Revoke a client's credentials, named by its `clientId` or its global ID: its tokens stop
/// working at once. Revoking a revoked client changes nothing.
pub async fn revoke_service_client(
    st: &AppState,
    by: &Viewer,
    client: &str,
) -> AppResult<service_client::Model> {
    let mut w = Write::by(st, by).await?;
    let found = match partners::by_client_id(w.tx(), client.trim()).await? {
        Some(c) => Some(c),
        None => match crate::ids::decode::<ServiceClientId>("clientId", client) {
            Ok(id) => partners::get(w.tx(), id.0).await?,
            Err(_) => None,
        },
    };
    let c = found.ok_or_else(|| AppError::field("clientId", "There is no such client"))?;
    if c.revoked_at.is_some() {
        return Ok(c);
    }
    let after = partners::revoke(w.tx(), c.clone(), w.now()).await?;
    w.audit_changed("ServiceClient", c.id, "revoke_service_client", &c, &after);
    w.commit().await?;
    Ok(after)
}

pub struct Token {
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
    pub scopes: Vec<String>,
}

/// Exchange a client's id and secret for a 15-minute access token carrying its scopes.
pub async fn issue_service_token(
    st: &AppState,
    client_id: &str,
    client_secret: &str,
) -> AppResult<Token> {
    let w = Write::begin(st, None).await?;
    let c = partners::by_client_id(w.tx(), client_id.trim()).await?;
    let hash = crate::auth::token_hash(client_secret.trim());
    let secret_matches = c.as_ref().is_some_and(|c| same(&c.secret_hash, &hash));
    let revoked = c.as_ref().is_some_and(|c| c.revoked_at.is_some());
    rules::check_credentials(c.is_some(), secret_matches, revoked)?;
    let c = c.ok_or_else(|| AppError::internal("checked client missing"))?;
    let (access_token, expires_at) = st
        .keys
        .issue_client(c.id, &c.scopes, w.now())
        .map_err(AppError::internal)?;
    let scopes = rules::split_scopes(&c.scopes)
        .into_iter()
        .map(|s| s.as_str().to_string())
        .collect();
    partners::token_issued(w.tx(), c, w.now()).await?;
    w.commit().await?;
    Ok(Token {
        access_token,
        expires_at,
        scopes,
    })
}

/// Compare two hashes without leaking where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_compare_whole() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
    }
}
