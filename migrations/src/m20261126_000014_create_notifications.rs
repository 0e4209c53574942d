use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// People's notifications (SPEC §6): what happened, a link, and whether they have read it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("notifications")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(string_len("kind", 40))
                .col(text("title"))
                .col(string_len("link", 500))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .foreign_key(&mut fk("notifications", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("notifications", &["person_id", "created_at"], false))
            .await?;
        m.create_index(index("notifications", &["created_at"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("notifications").to_owned())
            .await
    }
}
