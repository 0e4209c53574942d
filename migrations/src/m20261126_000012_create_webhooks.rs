use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Webhook subscriptions of partner systems (with the signing secret, kept to sign every
/// delivery) and the delivery log: one row per event sent to a subscription, whose id is the
/// outbox message's (and so the `webhook-id` header, stable across retries).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("webhook_subscriptions")
                .col(pk_uuid("id"))
                .col(string_len("url", 2000))
                .col(text("events"))
                .col(string_len("secret", 200))
                .col(boolean("active"))
                .col(text_null("disabled_reason"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("deleted_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("webhook_deliveries")
                .col(pk_uuid("id"))
                .col(uuid("subscription_id"))
                .col(string_len("event", 100))
                .col(string_len("state", 16))
                .col(integer_null("status_code"))
                .col(integer("attempts"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone_null("delivered_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "webhook_deliveries",
                    "subscription_id",
                    "webhook_subscriptions",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "webhook_deliveries",
            &["subscription_id", "created_at"],
            false,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("webhook_deliveries").to_owned())
            .await?;
        m.drop_table(Table::drop().table("webhook_subscriptions").to_owned())
            .await
    }
}
