use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A deleted account (SPEC §7): the row stays for the foreign keys, anonymised, and its
/// access tokens stop working at once because the principal is refused when this is set.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("people")
                .add_column(timestamp_with_time_zone_null("deleted_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("people")
                .drop_column("deleted_at")
                .to_owned(),
        )
        .await
    }
}
