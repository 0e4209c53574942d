use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Identity (issue 14): a verified address, sessions that can be listed and ended, one-time
/// account tokens (verification, password reset, e-mail change, sign-in codes) and the history
/// of a person's organisation.
///
/// Existing accounts stay unverified: their addresses were never proven, and what matching an
/// address grants must wait until they are (the bootstrap admin and the demo people are marked
/// verified by the code that creates them).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for (table, col) in [
            ("people", timestamp_with_time_zone_null("email_verified_at")),
            (
                "people",
                integer("session_generation").default(0).to_owned(),
            ),
            ("people", integer("failed_sign_ins").default(0).to_owned()),
            (
                "people",
                timestamp_with_time_zone_null("last_failed_sign_in_at"),
            ),
            ("refresh_tokens", string_len_null("user_agent", 300)),
        ] {
            let mut col = col;
            m.alter_table(Table::alter().table(table).add_column(&mut col).to_owned())
                .await?;
        }
        m.create_table(
            Table::create()
                .table("account_tokens")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(string_len("purpose", 30))
                .col(string_len("token_hash", 64))
                .col(string_len_null("new_email", 320))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(&mut fk("account_tokens", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("account_tokens", &["token_hash"], true))
            .await?;
        m.create_index(index("account_tokens", &["person_id", "purpose"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("organisation_changes")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(uuid("from_organisation_id"))
                .col(uuid("to_organisation_id"))
                .col(timestamp_with_time_zone("changed_at"))
                .foreign_key(&mut fk("organisation_changes", "person_id", "people"))
                .foreign_key(&mut fk(
                    "organisation_changes",
                    "from_organisation_id",
                    "organisations",
                ))
                .foreign_key(&mut fk(
                    "organisation_changes",
                    "to_organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "organisation_changes",
            &["person_id", "changed_at"],
            false,
        ))
        .await?;
        // Addresses that said "no more of these" with a mail's one-click unsubscribe (RFC 8058).
        m.create_table(
            Table::create()
                .table("mail_unsubscribes")
                .col(pk_uuid("id"))
                .col(string_len("email", 320))
                .col(string_len("list", 40))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("mail_unsubscribes", &["email", "list"], true))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("mail_unsubscribes").to_owned())
            .await?;
        m.drop_table(Table::drop().table("organisation_changes").to_owned())
            .await?;
        m.drop_table(Table::drop().table("account_tokens").to_owned())
            .await?;
        for (table, col) in [
            ("refresh_tokens", "user_agent"),
            ("people", "last_failed_sign_in_at"),
            ("people", "failed_sign_ins"),
            ("people", "session_generation"),
            ("people", "email_verified_at"),
        ] {
            m.alter_table(Table::alter().table(table).drop_column(col).to_owned())
                .await?;
        }
        Ok(())
    }
}
