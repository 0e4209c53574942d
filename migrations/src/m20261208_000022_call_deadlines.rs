use sea_orm_migration::{prelude::*, schema::*};

use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Call deadlines (issue 17):
/// - `calls.reviews_due_on`: the date reviews are due, when a call sets one.
/// - `reminders_sent`: one row per reminder the clock sent (kind, call, person, the due date it
///   was about), unique, written in the transaction that queues the mail: whichever replica
///   inserts the row sends the mail, and a second insert finds it there and sends nothing.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("calls")
                .add_column(date_null("reviews_due_on"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("reminders_sent")
                .col(pk_uuid("id"))
                .col(string_len("kind", 30))
                .col(uuid("call_id"))
                .col(uuid("person_id"))
                .col(date("due_on"))
                .col(timestamp_with_time_zone("sent_at"))
                .foreign_key(&mut fk("reminders_sent", "call_id", "calls"))
                .foreign_key(&mut fk("reminders_sent", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "reminders_sent",
            &["kind", "call_id", "person_id", "due_on"],
            true,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("reminders_sent").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("calls")
                .drop_column("reviews_due_on")
                .to_owned(),
        )
        .await
    }
}
