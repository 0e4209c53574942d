use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("organisations")
                .col(pk_uuid("id"))
                .col(string_len("name", 200))
                .col(string_len("name_key", 200))
                .col(string_len("sector", 32))
                .col(boolean("nhs_member"))
                .col(date_null("nhs_member_changed_on"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("organisations", &["name_key"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("people")
                .col(pk_uuid("id"))
                .col(string_len("email", 254))
                .col(string_len("name", 120))
                .col(string_len_null("profession", 120))
                .col(uuid("organisation_id"))
                .col(string_len("password_hash", 200))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("people", "organisation_id", "organisations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("people", &["email"], true)).await?;
        m.create_table(
            Table::create()
                .table("organisation_membership_changes")
                .col(pk_uuid("id"))
                .col(uuid("organisation_id"))
                .col(boolean("nhs_member"))
                .col(date("changed_on"))
                .col(uuid_null("changed_by"))
                .col(timestamp_with_time_zone("recorded_at"))
                .foreign_key(&mut fk(
                    "organisation_membership_changes",
                    "organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("role_grants")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(string_len("role", 32))
                .col(uuid_null("granted_by"))
                .col(timestamp_with_time_zone("granted_at"))
                .foreign_key(&mut fk("role_grants", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("role_grants", &["person_id", "role"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("refresh_tokens")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(uuid("family_id"))
                .col(string_len("token_hash", 64))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk("refresh_tokens", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("refresh_tokens", &["token_hash"], true))
            .await?;
        m.create_index(index("refresh_tokens", &["family_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "refresh_tokens",
            "role_grants",
            "organisation_membership_changes",
            "people",
            "organisations",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
