//! People's own data: the export (JSON, and CSV per table) and what a deletion kept.

use async_graphql::{InputObject, SimpleObject, ID};
use chrono::{DateTime, Utc};
use convene_store::repo::privacy::Table;
use serde_json::{Map, Value};

use super::scalars::Date;
use crate::exports::row;

/// Everything held about the viewer, at once.
#[derive(SimpleObject)]
pub struct MyDataExport {
    pub exported_at: DateTime<Utc>,
    /// One object: `exportedAt`, `person`, and every other table as an array of rows.
    pub json: String,
    pub tables: Vec<MyDataTable>,
}

/// One table of the export: its name (snake_case, as in the JSON), how many rows, and the rows
/// as CSV (header row, UTF-8, formulas neutralised).
#[derive(SimpleObject)]
pub struct MyDataTable {
    pub name: String,
    pub rows: i32,
    pub csv: String,
}

impl MyDataExport {
    pub fn new(exported_at: DateTime<Utc>, tables: &[Table]) -> Self {
        let mut json = Map::new();
        json.insert("exportedAt".into(), Value::String(exported_at.to_rfc3339()));
        for t in tables {
            let rows = t.objects();
            let value = if t.name == "person" {
                rows.into_iter().next().unwrap_or(Value::Null)
            } else {
                Value::Array(rows)
            };
            json.insert(t.name.to_string(), value);
        }
        MyDataExport {
            exported_at,
            json: Value::Object(json).to_string(),
            tables: tables
                .iter()
                .map(|t| MyDataTable {
                    name: t.name.to_string(),
                    rows: t.rows.len() as i32,
                    csv: csv(t),
                })
                .collect(),
        }
    }
}

fn csv(t: &Table) -> String {
    let mut out = row(&t.columns);
    for r in &t.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|v| match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&row(&cells));
    }
    out
}

#[derive(InputObject)]
pub struct DeleteMyAccountInput {
    pub password: String,
}

#[derive(SimpleObject)]
pub struct DeleteMyAccountPayload {
    pub deleted: bool,
    pub kept: Vec<KeptRecord>,
}

/// Something kept after a deletion, without the person's name: what, how many, and why.
#[derive(SimpleObject)]
pub struct KeptRecord {
    pub what: String,
    pub count: i32,
    pub reason: String,
}

/// Filters on the audit trail; all optional, combined with AND. Dates are inclusive UK days.
#[derive(InputObject, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub actor_id: Option<ID>,
    pub action: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}
