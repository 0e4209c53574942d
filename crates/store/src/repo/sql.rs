//! Hand-written SQL for what the query builder does not say (aggregates, window functions):
//! written with `?` placeholders and its values in the same order; PostgreSQL gets `$n`.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, Value};

use crate::Result;

pub(crate) struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub(crate) fn new(text: &str) -> Sql {
        Sql {
            text: text.to_string(),
            values: Vec::new(),
        }
    }
    pub(crate) fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }
    /// Append `text`, which holds one `?`, bound to `v`.
    pub(crate) fn bind(&mut self, text: &str, v: impl Into<Value>) -> &mut Sql {
        self.text.push_str(text);
        self.values.push(v.into());
        self
    }
    pub(crate) fn bind_opt<V: Into<Value>>(&mut self, text: &str, v: Option<V>) -> &mut Sql {
        if let Some(v) = v {
            self.bind(text, v);
        }
        self
    }
    fn statement(self, backend: DbBackend) -> Statement {
        let text = if backend == DbBackend::Postgres {
            let mut out = String::with_capacity(self.text.len() + 8);
            let mut n = 0;
            for ch in self.text.chars() {
                if ch == '?' {
                    n += 1;
                    out.push_str(&format!("${n}"));
                } else {
                    out.push(ch);
                }
            }
            out
        } else {
            self.text
        };
        Statement::from_sql_and_values(backend, text, self.values)
    }
    pub(crate) async fn all<T: FromQueryResult>(self, db: &impl ConnectionTrait) -> Result<Vec<T>> {
        let stmt = self.statement(db.get_database_backend());
        Ok(T::find_by_statement(stmt).all(db).await?)
    }
    pub(crate) async fn one<T: FromQueryResult>(self, db: &impl ConnectionTrait) -> Result<T> {
        let stmt = self.statement(db.get_database_backend());
        T::find_by_statement(stmt)
            .one(db)
            .await?
            .ok_or_else(|| sea_orm::DbErr::RecordNotFound("an aggregate row".into()).into())
    }
}
