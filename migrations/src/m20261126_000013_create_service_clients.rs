use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Partner systems' service clients: a public client id, a secret kept only as its SHA-256
/// (it is random and long, so a slow hash adds nothing), scopes, and revocation.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("service_clients")
                .col(pk_uuid("id"))
                .col(string_len("client_id", 64))
                .col(string_len("name", 120))
                .col(uuid("organisation_id"))
                .col(string_len("scopes", 200))
                .col(string_len("secret_hash", 64))
                .col(uuid("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .col(timestamp_with_time_zone_null("last_token_at"))
                .foreign_key(&mut fk(
                    "service_clients",
                    "organisation_id",
                    "organisations",
                ))
                .foreign_key(&mut fk("service_clients", "created_by", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("service_clients", &["client_id"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("service_clients").to_owned())
            .await
    }
}
