use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("applications")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("domain_id"))
                .col(uuid("lead_id"))
                .col(uuid_null("sponsor_organisation_id"))
                .col(string_len("status", 16))
                .col(text("motivation"))
                .col(text("domain_sketch"))
                .col(text("member_map"))
                .col(text("invitation_draft"))
                .col(text("first_meeting"))
                .col(text("hoped_for_change"))
                .col(text("support_wanted"))
                .col(timestamp_with_time_zone_null("submitted_at"))
                .col(timestamp_with_time_zone_null("withdrawn_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("applications", "call_id", "calls"))
                .foreign_key(&mut fk("applications", "domain_id", "domains"))
                .foreign_key(&mut fk("applications", "lead_id", "people"))
                .foreign_key(&mut fk(
                    "applications",
                    "sponsor_organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("applications", &["call_id", "status"], false))
            .await?;
        // The lead and every co-lead. `holding` is 1 while the person holds this call and
        // domain (FAQ 3) and NULL otherwise; NULLs are distinct in a unique index on both
        // databases, so the index below allows one holding application per call, domain and person.
        m.create_table(
            Table::create()
                .table("participants")
                .col(pk_uuid("id"))
                .col(uuid("application_id"))
                .col(uuid("call_id"))
                .col(uuid("domain_id"))
                .col(uuid_null("person_id"))
                .col(string_len("email", 254))
                .col(boolean("is_lead"))
                .col(integer("position"))
                .col(string_len("state", 16))
                .col(uuid_null("organisation_id"))
                .col(integer_null("holding"))
                .col(uuid_null("invited_by"))
                .col(timestamp_with_time_zone("invited_at"))
                .col(timestamp_with_time_zone_null("answered_at"))
                .foreign_key(&mut fk("participants", "application_id", "applications"))
                .foreign_key(&mut fk("participants", "person_id", "people"))
                .foreign_key(&mut fk("participants", "organisation_id", "organisations"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("participants", &["application_id", "email"], true))
            .await?;
        m.create_index(index(
            "participants",
            &["call_id", "domain_id", "person_id", "holding"],
            true,
        ))
        .await?;
        m.create_index(index("participants", &["person_id"], false))
            .await?;
        m.create_index(index("participants", &["email"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["participants", "applications"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
