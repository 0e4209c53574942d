use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("domains")
                .col(pk_uuid("id"))
                .col(string_len("name", 120))
                .col(string_len("name_key", 120))
                .col(text("description"))
                .col(string_len("status", 16))
                .col(uuid_null("merged_into_id"))
                .col(uuid_null("proposed_by"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("domains", &["name_key"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("calls")
                .col(pk_uuid("id"))
                .col(string_len("title", 200))
                .col(text("description"))
                .col(timestamp_with_time_zone("opens_at"))
                .col(timestamp_with_time_zone("closes_at"))
                .col(date("decision_due_on"))
                .col(integer("funded_places"))
                .col(big_integer("honorarium_pence"))
                .col(string_len("honorarium_policy", 16))
                .col(integer("reviewers_per_application"))
                .col(string_len("rank_by", 16))
                .col(string_len("status", 16))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("criteria")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(integer("position"))
                .col(string_len("name", 200))
                .col(integer("weight"))
                .foreign_key(&mut fk("criteria", "call_id", "calls"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("criteria", &["call_id", "position"], true))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["criteria", "calls", "domains"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
