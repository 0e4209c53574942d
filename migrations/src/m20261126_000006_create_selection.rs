use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The panel, declared conflicts, review assignments, reviews and their scores, the decision,
/// outcome notices and honorarium shares (SPEC §2, §3).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("panel_members")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("person_id"))
                .col(boolean("chair"))
                .col(uuid_null("added_by"))
                .col(timestamp_with_time_zone("added_at"))
                .foreign_key(&mut fk("panel_members", "call_id", "calls"))
                .foreign_key(&mut fk("panel_members", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("panel_members", &["call_id", "person_id"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("declared_conflicts")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("application_id"))
                .col(uuid("person_id"))
                .col(text("reason"))
                .col(timestamp_with_time_zone("declared_at"))
                .foreign_key(&mut fk(
                    "declared_conflicts",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("declared_conflicts", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "declared_conflicts",
            &["application_id", "person_id"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("review_assignments")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("application_id"))
                .col(uuid("reviewer_id"))
                .col(boolean("manual"))
                .col(uuid_null("assigned_by"))
                .col(timestamp_with_time_zone("assigned_at"))
                .col(timestamp_with_time_zone_null("reminded_at"))
                .foreign_key(&mut fk(
                    "review_assignments",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("review_assignments", "reviewer_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "review_assignments",
            &["application_id", "reviewer_id"],
            true,
        ))
        .await?;
        m.create_index(index(
            "review_assignments",
            &["call_id", "reviewer_id"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("reviews")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("application_id"))
                .col(uuid("reviewer_id"))
                .col(timestamp_with_time_zone("submitted_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("reviews", "application_id", "applications"))
                .foreign_key(&mut fk("reviews", "reviewer_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("reviews", &["application_id", "reviewer_id"], true))
            .await?;
        m.create_index(index("reviews", &["call_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("review_scores")
                .col(pk_uuid("id"))
                .col(uuid("review_id"))
                .col(uuid("criterion_id"))
                .col(integer("score"))
                .col(text("comment"))
                .foreign_key(&mut fk("review_scores", "review_id", "reviews"))
                .foreign_key(&mut fk("review_scores", "criterion_id", "criteria"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("review_scores", &["review_id", "criterion_id"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("decisions")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("chair_id"))
                .col(text("rationale"))
                .col(text("funded"))
                .col(timestamp_with_time_zone("decided_at"))
                .foreign_key(&mut fk("decisions", "call_id", "calls"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("decisions", &["call_id"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("outcome_notices")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("application_id"))
                .col(uuid_null("person_id"))
                .col(string_len("email", 254))
                .col(string_len("outcome", 16))
                .col(timestamp_with_time_zone("sent_at"))
                .foreign_key(&mut fk("outcome_notices", "application_id", "applications"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("outcome_notices", &["application_id", "email"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("honorarium_shares")
                .col(pk_uuid("id"))
                .col(uuid("call_id"))
                .col(uuid("application_id"))
                .col(uuid("person_id"))
                .col(integer("position"))
                .col(big_integer("amount_pence"))
                .col(boolean("eligible"))
                .col(string_len("route", 16))
                .col(string_len("status", 16))
                .col(string_len_null("reference", 100))
                .col(date_null("paid_on"))
                .col(uuid_null("approved_by"))
                .col(timestamp_with_time_zone_null("approved_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "honorarium_shares",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("honorarium_shares", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "honorarium_shares",
            &["application_id", "person_id"],
            true,
        ))
        .await?;
        m.create_index(index("honorarium_shares", &["call_id"], false))
            .await?;
        // The minimal community: later migrations add the rest of SPEC §4.
        m.create_table(
            Table::create()
                .table("communities")
                .col(pk_uuid("id"))
                .col(string_len("name", 200))
                .col(uuid("domain_id"))
                .col(string_len("origin", 32))
                .col(uuid_null("application_id"))
                .col(boolean("funded"))
                .col(string_len("membership_mode", 16))
                .col(boolean("listed"))
                .col(string_len("stage", 16))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("communities", "domain_id", "domains"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("communities", &["application_id"], true))
            .await?;
        m.create_table(
            Table::create()
                .table("community_members")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(uuid("person_id"))
                .col(string_len("role", 16))
                .col(timestamp_with_time_zone("joined_at"))
                .foreign_key(&mut fk("community_members", "community_id", "communities"))
                .foreign_key(&mut fk("community_members", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "community_members",
            &["community_id", "person_id"],
            true,
        ))
        .await?;
        m.create_index(index("community_members", &["person_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "community_members",
            "communities",
            "honorarium_shares",
            "outcome_notices",
            "decisions",
            "review_scores",
            "reviews",
            "review_assignments",
            "declared_conflicts",
            "panel_members",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
