//! People's own data (SPEC §7): everything held about a person, as tables (`export`), and
//! the deletion of an account (`erase`), which anonymises what must stay (`redact`).

pub mod erase;
pub mod export;
mod redact;

use std::collections::HashMap;

use sea_orm::{EntityTrait, Iterable, ModelTrait, Value};
use serde_json::Value as Json;
use uuid::Uuid;

/// One table of a person's data: its columns in order, and the rows' cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Json>>,
}

impl Table {
    /// Every column of `E` except `omit` (secrets such as token and password hashes).
    pub fn of<E: EntityTrait>(name: &'static str, models: &[E::Model], omit: &[&str]) -> Table {
        let cols: Vec<E::Column> = E::Column::iter()
            .filter(|c| !omit.contains(&sea_orm::IdenStatic::as_str(c)))
            .collect();
        Table {
            name,
            columns: cols
                .iter()
                .map(|c| sea_orm::IdenStatic::as_str(c).to_string())
                .collect(),
            rows: models
                .iter()
                .map(|m| cols.iter().map(|c| json(m.get(*c))).collect())
                .collect(),
        }
    }

    /// Add a column `new` holding the name of the row's `id_col` in `names` (a title, a name).
    pub fn label(mut self, id_col: &str, new: &str, names: &HashMap<Uuid, String>) -> Table {
        let Some(i) = self.columns.iter().position(|c| c == id_col) else {
            return self;
        };
        self.columns.insert(i + 1, new.to_string());
        for row in &mut self.rows {
            let name = row[i]
                .as_str()
                .and_then(|s| Uuid::parse_str(s).ok())
                .and_then(|id| names.get(&id))
                .map_or(Json::Null, |n| Json::String(n.clone()));
            row.insert(i + 1, name);
        }
        self
    }

    /// Read the text of column `col` as the JSON it holds (an application's answers), so the
    /// export shows its structure; text that is not JSON stays text.
    pub fn parse_json(mut self, col: &str) -> Table {
        let Some(i) = self.columns.iter().position(|c| c == col) else {
            return self;
        };
        for row in &mut self.rows {
            if let Some(parsed) = row[i].as_str().and_then(|s| serde_json::from_str(s).ok()) {
                row[i] = parsed;
            }
        }
        self
    }

    /// The rows as JSON objects, keyed by column.
    pub fn objects(&self) -> Vec<Json> {
        self.rows
            .iter()
            .map(|r| {
                Json::Object(
                    self.columns
                        .iter()
                        .cloned()
                        .zip(r.iter().cloned())
                        .collect(),
                )
            })
            .collect()
    }
}

/// A database value as JSON: instants in RFC 3339, ids as text.
fn json(v: Value) -> Json {
    match v {
        Value::Bool(Some(b)) => Json::Bool(b),
        Value::TinyInt(Some(n)) => n.into(),
        Value::SmallInt(Some(n)) => n.into(),
        Value::Int(Some(n)) => n.into(),
        Value::BigInt(Some(n)) => n.into(),
        Value::Double(Some(n)) => n.into(),
        Value::Float(Some(n)) => n.into(),
        Value::String(Some(s)) => Json::String(s),
        Value::Uuid(Some(u)) => Json::String(u.to_string()),
        Value::ChronoDateTimeUtc(Some(t)) => Json::String(t.to_rfc3339()),
        Value::ChronoDateTimeWithTimeZone(Some(t)) => Json::String(t.to_rfc3339()),
        Value::ChronoDate(Some(d)) => Json::String(d.to_string()),
        Value::Json(Some(j)) => *j,
        _ => Json::Null,
    }
}
