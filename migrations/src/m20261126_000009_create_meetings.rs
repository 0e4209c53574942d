use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Meetings (SPEC §4): when (stored in UTC, shown in Europe/London), how long, face to face or
/// by call or video, agenda, notes and attendance; the calendar SEQUENCE that rises on every
/// change. People get a calendar-feed version: bumping it resets their feed token.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("meetings")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(integer("duration_minutes"))
                .col(string_len("mode", 16))
                .col(string_len_null("location", 500))
                .col(text_null("joining_details"))
                .col(text("agenda"))
                .col(text("notes"))
                .col(string_len("status", 16))
                .col(integer("sequence"))
                .col(uuid("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("meetings", "community_id", "communities"))
                .foreign_key(&mut fk("meetings", "created_by", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("meetings", &["community_id", "starts_at"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("meeting_attendance")
                .col(uuid("meeting_id"))
                .col(uuid("person_id"))
                .col(uuid("recorded_by"))
                .col(timestamp_with_time_zone("recorded_at"))
                .primary_key(Index::create().col("meeting_id").col("person_id"))
                .foreign_key(&mut fk("meeting_attendance", "meeting_id", "meetings"))
                .foreign_key(&mut fk("meeting_attendance", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("people")
                .add_column(integer("calendar_feed_version").default(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("people")
                .drop_column("calendar_feed_version")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table("meeting_attendance").to_owned())
            .await?;
        m.drop_table(Table::drop().table("meetings").to_owned())
            .await
    }
}
