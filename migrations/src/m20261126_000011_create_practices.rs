use crate::{fk, index};
use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Practices (SPEC §5): practices with their tags and, once marked promising, their evidence,
/// outcomes and organisations; sharing protocols (the network's and communities' copies);
/// practice exchanges with inquiries and replies; and the library's full-text index: an FTS5
/// table kept in step by triggers on SQLite, a weighted `tsvector` column with a GIN index on
/// PostgreSQL.
///
/// `practice_exchanges.meeting_id` has no foreign key yet: meetings are built in another
/// branch, which adds the constraint when the two meet.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("practices")
                .col(pk_uuid("id"))
                .col(uuid("community_id"))
                .col(uuid("domain_id"))
                .col(string_len("name", 200))
                .col(text("description"))
                // the tags, one per line: what the search index reads
                .col(text("tags_text"))
                .col(string_len("status", 16))
                .col(uuid_null("proposed_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                // set once the practice is marked promising
                .col(string_len_null("promising_visibility", 16))
                .col(text_null("evidence"))
                .col(text_null("outcomes"))
                .col(uuid_null("marked_by"))
                .col(timestamp_with_time_zone_null("marked_at"))
                .foreign_key(&mut fk("practices", "community_id", "communities"))
                .foreign_key(&mut fk("practices", "domain_id", "domains"))
                .foreign_key(&mut fk("practices", "proposed_by", "people"))
                .foreign_key(&mut fk("practices", "marked_by", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("practices", &["community_id", "created_at"], false))
            .await?;
        m.create_index(index(
            "practices",
            &["promising_visibility", "marked_at"],
            false,
        ))
        .await?;
        m.create_index(index("practices", &["domain_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("practice_tags")
                .col(pk_uuid("id"))
                .col(uuid("practice_id"))
                .col(string_len("tag", 40))
                .foreign_key(&mut fk("practice_tags", "practice_id", "practices"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("practice_tags", &["practice_id", "tag"], true))
            .await?;
        m.create_index(index("practice_tags", &["tag"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("promising_organisations")
                .col(pk_uuid("id"))
                .col(uuid("practice_id"))
                .col(uuid("organisation_id"))
                .col(integer("position"))
                .foreign_key(&mut fk(
                    "promising_organisations",
                    "practice_id",
                    "practices",
                ))
                .foreign_key(&mut fk(
                    "promising_organisations",
                    "organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "promising_organisations",
            &["practice_id", "organisation_id"],
            true,
        ))
        .await?;
        m.create_index(index(
            "promising_organisations",
            &["organisation_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table("sharing_protocols")
                .col(pk_uuid("id"))
                // null: one of the network's sample protocols
                .col(uuid_null("community_id"))
                .col(uuid_null("adopted_from"))
                .col(string_len("name", 200))
                // the ordered prompts, as JSON: [{ "prompt": …, "minutes": … }]
                .col(text("prompts"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("sharing_protocols", "community_id", "communities"))
                .foreign_key(&mut fk(
                    "sharing_protocols",
                    "adopted_from",
                    "sharing_protocols",
                ))
                .foreign_key(&mut fk("sharing_protocols", "created_by", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sharing_protocols", &["community_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("practice_exchanges")
                .col(pk_uuid("id"))
                .col(uuid("practice_id"))
                .col(uuid("community_id"))
                .col(uuid_null("author_id"))
                // no foreign key yet: meetings arrive from another branch
                .col(uuid_null("meeting_id"))
                .col(uuid_null("protocol_id"))
                .col(text("technical"))
                .col(text("cultural"))
                .col(text("challenges"))
                .col(text("barriers_overcome"))
                .col(text("missing"))
                .col(text("help_needed"))
                .col(string_len("visibility", 16))
                .col(boolean("anonymous"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("practice_exchanges", "practice_id", "practices"))
                .foreign_key(&mut fk("practice_exchanges", "community_id", "communities"))
                .foreign_key(&mut fk("practice_exchanges", "author_id", "people"))
                .foreign_key(&mut fk(
                    "practice_exchanges",
                    "protocol_id",
                    "sharing_protocols",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "practice_exchanges",
            &["practice_id", "created_at"],
            false,
        ))
        .await?;
        m.create_index(index("practice_exchanges", &["author_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table("exchange_inquiries")
                .col(pk_uuid("id"))
                .col(uuid("exchange_id"))
                // null: a question; else the question this replies to
                .col(uuid_null("parent_id"))
                .col(text("body"))
                .col(uuid_null("author_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "exchange_inquiries",
                    "exchange_id",
                    "practice_exchanges",
                ))
                .foreign_key(&mut fk(
                    "exchange_inquiries",
                    "parent_id",
                    "exchange_inquiries",
                ))
                .foreign_key(&mut fk("exchange_inquiries", "author_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "exchange_inquiries",
            &["exchange_id", "created_at"],
            false,
        ))
        .await?;

        let db = m.get_connection();
        match m.get_database_backend() {
            DbBackend::Postgres => {
                // Name weighs most, then tags, then the description, evidence and outcomes.
                db.execute_unprepared(
                    "ALTER TABLE practices ADD COLUMN search tsvector GENERATED ALWAYS AS (\
                     setweight(to_tsvector('english', coalesce(name, '')), 'A') || \
                     setweight(to_tsvector('english', coalesce(tags_text, '')), 'B') || \
                     setweight(to_tsvector('english', coalesce(description, '') || ' ' || \
                     coalesce(evidence, '') || ' ' || coalesce(outcomes, '')), 'C')) STORED",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX ix_practices_search ON practices USING GIN (search)",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE practice_search USING fts5(\
                     practice_id UNINDEXED, name, tags, body, \
                     tokenize = 'porter unicode61 remove_diacritics 2')",
                )
                .await?;
                let row = "new.id, new.name, new.tags_text, \
                           coalesce(new.description, '') || ' ' || coalesce(new.evidence, '') \
                           || ' ' || coalesce(new.outcomes, '')";
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER practices_search_ai AFTER INSERT ON practices BEGIN \
                     INSERT INTO practice_search (practice_id, name, tags, body) VALUES ({row}); END"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER practices_search_au AFTER UPDATE ON practices BEGIN \
                     DELETE FROM practice_search WHERE practice_id = old.id; \
                     INSERT INTO practice_search (practice_id, name, tags, body) VALUES ({row}); END"
                ))
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER practices_search_ad AFTER DELETE ON practices BEGIN \
                     DELETE FROM practice_search WHERE practice_id = old.id; END",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DbBackend::Sqlite {
            let db = m.get_connection();
            for t in [
                "practices_search_ai",
                "practices_search_au",
                "practices_search_ad",
            ] {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {t}"))
                    .await?;
            }
            db.execute_unprepared("DROP TABLE IF EXISTS practice_search")
                .await?;
        }
        for t in [
            "exchange_inquiries",
            "practice_exchanges",
            "sharing_protocols",
            "promising_organisations",
            "practice_tags",
            "practices",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
