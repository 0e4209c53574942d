use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Where each community's agreed domain definition stands on the intranet: the Jive document
/// made for it (created once, then updated), and the state of the last delivery.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("intranet_publications")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len_null("content_id", 100))
                .col(string_len_null("document_url", 500))
                .col(string_len("state", 16))
                .col(integer("attempts"))
                .col(text_null("last_error"))
                .col(integer("published_version"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "intranet_publications",
                    "community_id",
                    "communities",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("intranet_publications", &["community_id"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("intranet_publications").to_owned())
            .await
    }
}
