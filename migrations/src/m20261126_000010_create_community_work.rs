use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A community's life beyond meetings (SPEC §4): the member map, functions and their periods,
/// the working plan's needs, support requests with their history, the challenges board.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("member_map_entries")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("name", 200))
                .col(string_len_null("email", 254))
                .col(uuid_null("organisation_id"))
                .col(string_len_null("organisation_name", 200))
                .col(string_len_null("sector", 32))
                .col(string_len_null("profession", 120))
                // comma-separated MapTag names, in order
                .col(string_len("tags", 200))
                .col(uuid("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("member_map_entries", "community_id", "communities"))
                .foreign_key(&mut fk(
                    "member_map_entries",
                    "organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("member_map_entries", &["community_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("community_functions")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("kind", 32))
                .col(string_len_null("custom_name", 80))
                // kind, or kind:lower-cased name for OTHER: periods of one key never overlap
                .col(string_len("function_key", 120))
                .col(uuid("person_id"))
                .col(date("starts_on"))
                .col(date_null("ends_on"))
                .col(uuid("assigned_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "community_functions",
                    "community_id",
                    "communities",
                ))
                .foreign_key(&mut fk("community_functions", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "community_functions",
            &["community_id", "function_key"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("plan_needs")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("kind", 16))
                .col(text("what"))
                .col(string_len("from_whom", 200))
                .col(date_null("by_when"))
                .col(uuid("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(uuid_null("completed_by"))
                .col(timestamp_with_time_zone_null("completed_at"))
                .foreign_key(&mut fk("plan_needs", "community_id", "communities"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("plan_needs", &["community_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("support_requests")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("kind", 32))
                .col(text("details"))
                .col(string_len("status", 16))
                .col(uuid("requested_by"))
                .col(uuid_null("assignee_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("support_requests", "community_id", "communities"))
                .foreign_key(&mut fk("support_requests", "assignee_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("support_requests", &["community_id"], false))
            .await?;
        m.create_index(index("support_requests", &["assignee_id", "status"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("support_request_events")
                .col(pk_uuid("id"))
                .col(uuid("request_id"))
                .col(string_len("status", 16))
                .col(text_null("note"))
                .col(uuid_null("assignee_id"))
                .col(uuid("author_id"))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut fk(
                    "support_request_events",
                    "request_id",
                    "support_requests",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("support_request_events", &["request_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("challenges")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("title", 200))
                .col(text("body"))
                .col(boolean("anonymous"))
                .col(uuid("author_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("challenges", "community_id", "communities"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("challenges", &["community_id", "created_at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("challenge_replies")
                .col(pk_uuid("id"))
                .col(uuid("challenge_id"))
                .col(text("body"))
                .col(boolean("anonymous"))
                .col(uuid("author_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("challenge_replies", "challenge_id", "challenges"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("challenge_replies", &["challenge_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "challenge_replies",
            "challenges",
            "support_request_events",
            "support_requests",
            "plan_needs",
            "community_functions",
            "member_map_entries",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
