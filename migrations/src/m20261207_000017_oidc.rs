use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Single sign-on by OpenID Connect (issue 14, point 6): which provider identity (issuer,
/// subject) is which person; the logins under way (kept in the database, not in one process,
/// so that any replica can take the provider's callback), each used once; and the sign-ups that
/// wait for the person to choose their organisation.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("oidc_identities")
                .col(pk_uuid("id"))
                .col(string_len("issuer", 500))
                .col(string_len("subject", 255))
                .col(uuid("person_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("oidc_identities", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("oidc_identities", &["issuer", "subject"], true))
            .await?;
        m.create_index(index("oidc_identities", &["person_id"], false))
            .await?;
        // Only hashes of `state` and of the browser's cookie are kept; the PKCE verifier and
        // the nonce live a few minutes and are deleted when the callback uses them.
        m.create_table(
            Table::create()
                .table("oidc_logins")
                .col(pk_uuid("id"))
                .col(string_len("state_hash", 64))
                .col(string_len("browser_hash", 64))
                .col(string_len("nonce", 200))
                .col(string_len("pkce_verifier", 200))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("oidc_logins", &["state_hash"], true))
            .await?;
        m.create_index(index("oidc_logins", &["expires_at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("oidc_sign_ups")
                .col(pk_uuid("id"))
                .col(string_len("code_hash", 64))
                .col(string_len("issuer", 500))
                .col(string_len("subject", 255))
                .col(string_len("email", 320))
                .col(string_len("name", 200))
                .col(boolean("email_verified"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("presented_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("oidc_sign_ups", &["code_hash"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["oidc_sign_ups", "oidc_logins", "oidc_identities"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
