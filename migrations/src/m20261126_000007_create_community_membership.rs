use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Communities' membership (SPEC §4): invitations by e-mail with a single-use token, requests
/// to join, start-up steps and domain-definition versions; a coach and an intranet place.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table("communities")
                .add_column(uuid_null("coach_id"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("communities")
                .add_column(string_len_null("intranet_place_uri", 500))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("community_invitations")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("email", 254))
                .col(text("message"))
                .col(string_len("token_hash", 64))
                .col(uuid("invited_by"))
                .col(timestamp_with_time_zone("sent_at"))
                .col(timestamp_with_time_zone_null("reminded_at"))
                .col(boolean_null("accepted"))
                .col(timestamp_with_time_zone_null("answered_at"))
                .col(uuid_null("person_id"))
                .foreign_key(&mut fk(
                    "community_invitations",
                    "community_id",
                    "communities",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("community_invitations", &["token_hash"], true))
            .await?;
        m.create_index(index(
            "community_invitations",
            &["community_id", "email"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("join_requests")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(uuid("person_id"))
                .col(text("note"))
                .col(string_len("status", 16))
                .col(text_null("reason"))
                .col(uuid_null("decided_by"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("join_requests", "community_id", "communities"))
                .foreign_key(&mut fk("join_requests", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("join_requests", &["community_id", "status"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("startup_steps")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(string_len("step", 32))
                .col(boolean("done"))
                .col(text("notes"))
                .col(uuid_null("updated_by"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("startup_steps", "community_id", "communities"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("startup_steps", &["community_id", "step"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("domain_definitions")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(integer("version"))
                .col(text("text"))
                .col(uuid("proposed_by"))
                .col(timestamp_with_time_zone("proposed_at"))
                .col(uuid_null("agreed_by"))
                .col(timestamp_with_time_zone_null("agreed_at"))
                .foreign_key(&mut fk("domain_definitions", "community_id", "communities"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "domain_definitions",
            &["community_id", "version"],
            true,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "domain_definitions",
            "startup_steps",
            "join_requests",
            "community_invitations",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table("communities")
                .drop_column("intranet_place_uri")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("communities")
                .drop_column("coach_id")
                .to_owned(),
        )
        .await
    }
}
