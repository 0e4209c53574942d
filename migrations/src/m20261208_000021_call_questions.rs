use sea_orm_migration::sea_orm::{ConnectionTrait, QueryResult};
use sea_orm_migration::{prelude::*, schema::*};
use uuid::Uuid;

use crate::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The seven answers that were columns of `applications`, by the key of their question in the
/// default set (SPEC §1), in order.
const ANSWER_COLUMNS: [(&str, &str); 7] = [
    ("motivation", "motivation"),
    ("domain_sketch", "domainSketch"),
    ("member_map", "memberMap"),
    ("invitation_draft", "invitationDraft"),
    ("first_meeting", "firstMeeting"),
    ("hoped_for_change", "hopedForChange"),
    ("support_wanted", "supportWanted"),
];

/// The default set as it stood when calls got their own questions (issue 17): every call made
/// before then gets it. Later changes to the default set apply to new calls only.
const DEFAULT_SET: [(&str, &str, &str); 7] = [
    (
        "motivation",
        "Why do you care about this domain?",
        "Tell us what draws you to this area of patient safety. Passion and energy matter more than job title.",
    ),
    (
        "domainSketch",
        "A first sketch of the domain",
        "What is the shared concern at the heart of the community? What is in and out of scope? It will change as the community forms.",
    ),
    (
        "memberMap",
        "Who would you invite first?",
        "The people you want and need, beyond your usual circle: who has an interest, who should have one, who brings resources, authority or expertise.",
    ),
    (
        "invitationDraft",
        "Your draft invitation",
        "A warm, peer-to-peer message inviting people to join. Joining is always optional.",
    ),
    (
        "firstMeeting",
        "The first meeting you have in mind",
        "When, where or how, who would come, and what you would talk about.",
    ),
    (
        "hopedForChange",
        "The change in patient safety you hope for",
        "What would be different for patients if the community succeeds?",
    ),
    (
        "supportWanted",
        "The support you want from the network",
        "For example, coaching on meeting design, help with an intranet page, or admin help.",
    ),
];
const DEFAULT_WORD_LIMIT: i32 = 1_000;

/// Questions per call (issue 17, point 2):
/// - `call_questions`: a call's questions in order (`position`), keyed in the call by `key`;
///   `kind` is TEXT, CHOICE or YES_NO, `choices` a JSON array of text. Every existing call gets
///   the default set.
/// - `applications.answers`: a JSON object of answers by question key, which replaces the seven
///   answer columns; existing answers move under the default set's keys.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("call_questions")
                .col(uuid("call_id"))
                .col(integer("position"))
                .col(string_len("key", 40))
                .col(string_len("title", 300))
                .col(text("hint"))
                .col(string_len("kind", 16))
                .col(integer_null("word_limit"))
                .col(text("choices"))
                .col(boolean("required"))
                .primary_key(Index::create().col("call_id").col("key"))
                .foreign_key(&mut fk("call_questions", "call_id", "calls"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let calls = db
            .query_all(&Query::select().column("id").from("calls").to_owned())
            .await?;
        for call in calls {
            let id: Uuid = call.try_get_by_index(0)?;
            let mut insert = Query::insert();
            insert.into_table("call_questions").columns([
                "call_id",
                "position",
                "key",
                "title",
                "hint",
                "kind",
                "word_limit",
                "choices",
                "required",
            ]);
            for (i, (key, title, hint)) in DEFAULT_SET.iter().enumerate() {
                insert.values_panic([
                    id.into(),
                    (i as i32).into(),
                    (*key).into(),
                    (*title).into(),
                    (*hint).into(),
                    "TEXT".into(),
                    Some(DEFAULT_WORD_LIMIT).into(),
                    "[]".into(),
                    true.into(),
                ]);
            }
            db.execute(&insert).await?;
        }

        m.alter_table(
            Table::alter()
                .table("applications")
                .add_column(text("answers").default("{}"))
                .to_owned(),
        )
        .await?;
        let mut select = Query::select();
        select.column("id").from("applications");
        for (column, _) in ANSWER_COLUMNS {
            select.column(column);
        }
        for app in db.query_all(&select).await? {
            let answers = answers_of(&app)?;
            let id: Uuid = app.try_get_by_index(0)?;
            db.execute(
                &Query::update()
                    .table("applications")
                    .value("answers", answers)
                    .and_where(Expr::col("id").eq(id))
                    .to_owned(),
            )
            .await?;
        }
        for (column, _) in ANSWER_COLUMNS {
            m.alter_table(
                Table::alter()
                    .table("applications")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (column, _) in ANSWER_COLUMNS {
            m.alter_table(
                Table::alter()
                    .table("applications")
                    .add_column(text(column).default(""))
                    .to_owned(),
            )
            .await?;
        }
        let db = m.get_connection();
        let rows = db
            .query_all(
                &Query::select()
                    .columns(["id", "answers"])
                    .from("applications")
                    .to_owned(),
            )
            .await?;
        for app in rows {
            let id: Uuid = app.try_get_by_index(0)?;
            let text: String = app.try_get_by_index(1)?;
            let answers: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).unwrap_or_default();
            let mut update = Query::update();
            update.table("applications");
            for (column, key) in ANSWER_COLUMNS {
                let v = answers.get(key).and_then(|v| v.as_str()).unwrap_or("");
                update.value(column, v);
            }
            db.execute(&update.and_where(Expr::col("id").eq(id)).to_owned())
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table("applications")
                .drop_column("answers")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table("call_questions").to_owned())
            .await
    }
}

/// The seven answer columns of one row (after its id) as a JSON object by key, without the
/// empty ones. Columns are read by position: just after a schema change SQLite may name a
/// result column by its quoted text.
fn answers_of(row: &QueryResult) -> Result<String, DbErr> {
    let mut out = serde_json::Map::new();
    for (i, (_, key)) in ANSWER_COLUMNS.iter().enumerate() {
        let v: String = row.try_get_by_index(i + 1)?;
        if !v.trim().is_empty() {
            out.insert(String::from(*key), serde_json::Value::String(v));
        }
    }
    Ok(serde_json::Value::Object(out).to_string())
}
