use crate::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Every state change of an application, call and role grant: who, when, what, before and after.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("audit_log")
                .col(pk_uuid("id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_id"))
                .col(string_len("entity_type", 32))
                .col(uuid("entity_id"))
                .col(string_len("action", 64))
                .col(text_null("before"))
                .col(text_null("after"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_log", &["entity_id", "at"], false))
            .await?;
        m.create_index(index("audit_log", &["at"], false)).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("audit_log").to_owned())
            .await
    }
}
