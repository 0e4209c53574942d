//! Taking a deleted person's name and e-mail address out of the text columns that may hold
//! them. Where a column has an author, their own text loses their name and address, and
//! everyone else's loses only the address (a name in someone else's words is theirs to keep;
//! a one-word match there could be another person). Copies the system made (notification
//! titles, mails, webhook bodies, the audit trail's before and after) lose both everywhere.

use convene_domain::privacy::Redactor;
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, LikeExpr, Query};
use sea_orm::ConnectionTrait;
use serde_json::Value as Json;
use uuid::Uuid;

use super::export::lower;
use crate::Result;

/// Text columns of one table (keyed by `id`), and who wrote them.
pub(super) struct Texts {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    /// The author's column; `None` for text the system wrote or a reference to a person.
    pub author: Option<&'static str>,
    /// The columns hold JSON: strings inside are redacted, the structure kept.
    pub json: bool,
}

const fn t(
    table: &'static str,
    columns: &'static [&'static str],
    author: Option<&'static str>,
) -> Texts {
    Texts {
        table,
        columns,
        author,
        json: false,
    }
}

/// Every text column that may copy a name or an e-mail address.
pub(super) const TEXTS: &[Texts] = &[
    Texts {
        table: "audit_log",
        columns: &["before", "after"],
        author: None,
        json: true,
    },
    Texts {
        table: "outbox",
        columns: &["payload"],
        author: None,
        json: true,
    },
    t("outbox", &["last_error"], None),
    t("notifications", &["title"], None),
    t("plan_needs", &["from_whom"], None),
    t("plan_needs", &["what"], Some("created_by")),
    t("webhook_deliveries", &["last_error"], None),
    t("intranet_publications", &["last_error"], None),
    t("honorarium_shares", &["reference"], Some("person_id")),
    Texts {
        table: "applications",
        columns: &["answers"],
        author: Some("lead_id"),
        json: true,
    },
    t(
        "practice_exchanges",
        &[
            "technical",
            "cultural",
            "challenges",
            "barriers_overcome",
            "missing",
            "help_needed",
        ],
        Some("author_id"),
    ),
    t("exchange_inquiries", &["body"], Some("author_id")),
    t("challenges", &["title", "body"], Some("author_id")),
    t("challenge_replies", &["body"], Some("author_id")),
    t("support_requests", &["details"], Some("requested_by")),
    t("support_request_events", &["note"], Some("author_id")),
    t("community_invitations", &["message"], Some("invited_by")),
    t("join_requests", &["note"], Some("person_id")),
    t("join_requests", &["reason"], Some("decided_by")),
    t(
        "meetings",
        &["location", "joining_details", "agenda", "notes"],
        Some("created_by"),
    ),
    t(
        "practices",
        &["name", "description", "tags_text", "evidence", "outcomes"],
        Some("proposed_by"),
    ),
    t("domain_definitions", &["text"], Some("proposed_by")),
    t("startup_steps", &["notes"], Some("updated_by")),
    t("declared_conflicts", &["reason"], Some("person_id")),
    t("decisions", &["rationale"], Some("chair_id")),
    t(
        "sharing_protocols",
        &["name", "prompts"],
        Some("created_by"),
    ),
    t(
        "member_map_entries",
        &["name", "email", "organisation_name", "profession"],
        Some("created_by"),
    ),
    t("communities", &["name"], Some("created_by")),
    t("calls", &["title", "description"], Some("created_by")),
];

/// Review comments are the reviewer's: keyed through their review.
const REVIEW_COMMENTS: &str = "review_scores";

/// Redact every listed column; `full` takes the name and address, `address` only the address.
pub(super) async fn redact_all(
    db: &impl ConnectionTrait,
    person: Uuid,
    full: &Redactor,
    address: &Redactor,
) -> Result<u64> {
    let mut n = 0;
    for t in TEXTS {
        match t.author {
            None => n += pass(db, t, full, Condition::all()).await?,
            Some(col) => {
                n += pass(
                    db,
                    t,
                    full,
                    Condition::all().add(Expr::col(Alias::new(col)).eq(person)),
                )
                .await?;
                let others = Condition::any()
                    .add(Expr::col(Alias::new(col)).ne(person))
                    .add(Expr::col(Alias::new(col)).is_null());
                n += pass(db, t, address, others).await?;
            }
        }
    }
    // review comments: the reviewer's own
    let mine = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("reviews"))
        .and_where(Expr::col(Alias::new("reviewer_id")).eq(person))
        .to_owned();
    let comments = t(REVIEW_COMMENTS, &["comment"], None);
    n += pass(
        db,
        &comments,
        full,
        Condition::all().add(Expr::col(Alias::new("review_id")).in_subquery(mine.clone())),
    )
    .await?;
    n += pass(
        db,
        &comments,
        address,
        Condition::all().add(Expr::col(Alias::new("review_id")).not_in_subquery(mine)),
    )
    .await?;
    Ok(n)
}

/// Redact the rows of `t` within `scope` whose columns mention a needle; how many rows changed.
async fn pass(db: &impl ConnectionTrait, t: &Texts, r: &Redactor, scope: Condition) -> Result<u64> {
    let mut mentions = Condition::any();
    for col in t.columns {
        for needle in r.needles() {
            // LOWER catches every case on PostgreSQL (and ASCII on SQLite); the plain LIKE
            // catches the needle as written on SQLite, whose LOWER leaves non-ASCII alone.
            mentions = mentions
                .add(lower(Alias::new(*col)).like(contains(&needle.to_lowercase())))
                .add(Expr::col(Alias::new(*col)).like(contains(needle)));
        }
    }
    let mut q = Query::select();
    q.column(Alias::new("id"))
        .from(Alias::new(t.table))
        .cond_where(scope)
        .cond_where(mentions);
    for col in t.columns {
        q.column(Alias::new(*col));
    }
    let rows = db.query_all(&q).await?;
    let mut changed = 0;
    for row in rows {
        let id: Uuid = row.try_get("", "id")?;
        let mut update = Query::update();
        update.table(Alias::new(t.table));
        let mut any = false;
        for col in t.columns {
            let Some(old) = row.try_get::<Option<String>>("", col)? else {
                continue;
            };
            let new = if t.json {
                redact_json(r, &old)
            } else {
                r.redact(&old)
            };
            if let Some(new) = new {
                update.value(Alias::new(*col), new);
                any = true;
            }
        }
        if any {
            update.and_where(Expr::col(Alias::new("id")).eq(id));
            db.execute(&update).await?;
            changed += 1;
        }
    }
    Ok(changed)
}

fn contains(s: &str) -> LikeExpr {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Redact the strings (and keys) inside a JSON text, keeping its structure; text that is not
/// JSON is redacted as text.
pub(super) fn redact_json(r: &Redactor, text: &str) -> Option<String> {
    let Ok(mut v) = serde_json::from_str::<Json>(text) else {
        return r.redact(text);
    };
    walk(r, &mut v).then(|| v.to_string())
}

fn walk(r: &Redactor, v: &mut Json) -> bool {
    match v {
        Json::String(s) => match r.redact(s) {
            Some(new) => {
                *s = new;
                true
            }
            None => false,
        },
        Json::Array(items) => items.iter_mut().fold(false, |c, x| walk(r, x) | c),
        Json::Object(map) => {
            let old = std::mem::take(map);
            let mut changed = false;
            for (k, mut x) in old {
                changed |= walk(r, &mut x);
                let k = match r.redact(&k) {
                    Some(new) => {
                        changed = true;
                        new
                    }
                    None => k,
                };
                map.insert(k, x);
            }
            changed
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_shape_and_loses_the_person() {
        let r = Redactor::new("zeb@x.org", "Zeb Q", "d@deleted.invalid");
        let out = redact_json(
            &r,
            r#"{"to":"Zeb Q <ZEB@x.org>","n":[1,"zeb q"],"ok":true}"#,
        )
        .unwrap();
        let v: Json = serde_json::from_str(&out).unwrap();
        assert_eq!(v["to"], "Former member <d@deleted.invalid>");
        assert_eq!(v["n"][1], "Former member");
        assert_eq!(v["ok"], true);
        assert_eq!(redact_json(&r, r#"{"a":"b"}"#), None);
        assert_eq!(
            redact_json(&r, "not json, zeb q").as_deref(),
            Some("not json, Former member")
        );
    }
}
