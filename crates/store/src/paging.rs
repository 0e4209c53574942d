//! Pages of a list. A list ordered by a column and the row's id is paged by keyset: a cursor
//! holds the sort key of its row, and the next page starts just past that key, so rows
//! inserted (or removed) between two fetches neither skip nor repeat a row. Other lists are
//! paged by offset. Both kinds come back as one [`Paged`], with a cursor for every row.

use std::future::Future;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Value,
};
use uuid::Uuid;

use crate::{Page, Result, StoreError};

/// The value of a list's sort column in one row.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyValue {
    Text(String),
    Time(DateTime<Utc>),
}

impl From<KeyValue> for Value {
    fn from(k: KeyValue) -> Value {
        match k {
            KeyValue::Text(s) => s.into(),
            KeyValue::Time(t) => t.into(),
        }
    }
}

/// A row's place in a keyset list: its sort column's value, then its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub value: KeyValue,
    pub id: Uuid,
}

/// Where a page starts or ends: after (or before) a row's position in the list.
#[derive(Debug, Clone, PartialEq)]
pub enum Cursor {
    Offset(u64),
    Key(Key),
}

/// What was asked for, already bounded: the `limit` rows after `after` (up to `before`), or the
/// `limit` rows just before `before`.
#[derive(Debug, Clone, PartialEq)]
pub enum Window {
    Forward {
        after: Option<Cursor>,
        before: Option<Cursor>,
        limit: u64,
    },
    Backward {
        before: Cursor,
        limit: u64,
    },
}

/// Which of the caller's cursors a list cannot read (a key cursor given to an offset list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadCursor(pub &'static str);

impl Window {
    /// The window as an offset page (every cursor must be an offset).
    pub fn offset_page(&self) -> std::result::Result<Page, BadCursor> {
        fn offset(c: &Cursor, field: &'static str) -> std::result::Result<u64, BadCursor> {
            match c {
                Cursor::Offset(n) => Ok(*n),
                Cursor::Key(_) => Err(BadCursor(field)),
            }
        }
        match self {
            Window::Backward { before, limit } => {
                let end = offset(before, "before")?;
                let start = end.saturating_sub(*limit);
                Ok(Page {
                    offset: start,
                    limit: end - start,
                })
            }
            Window::Forward {
                after,
                before,
                limit,
            } => {
                let start = match after {
                    Some(a) => offset(a, "after")? + 1,
                    None => 0,
                };
                let mut limit = *limit;
                if let Some(b) = before {
                    limit = limit.min(offset(b, "before")?.saturating_sub(start));
                }
                Ok(Page {
                    offset: start,
                    limit,
                })
            }
        }
    }

    fn has_offset_cursor(&self) -> bool {
        let off = |c: &Option<&Cursor>| matches!(c, Some(Cursor::Offset(_)));
        match self {
            Window::Forward { after, before, .. } => off(&after.as_ref()) || off(&before.as_ref()),
            Window::Backward { before, .. } => off(&Some(before)),
        }
    }
}

/// One page of rows, each with its cursor, and where the page stands in the list.
#[derive(Debug, Clone)]
pub struct Paged<M> {
    pub rows: Vec<M>,
    pub cursors: Vec<Cursor>,
    pub total: u64,
    pub has_next: bool,
    pub has_previous: bool,
}

impl<M> Paged<M> {
    pub fn map<T>(self, f: impl FnMut(M) -> T) -> Paged<T> {
        Paged {
            rows: self.rows.into_iter().map(f).collect(),
            cursors: self.cursors,
            total: self.total,
            has_next: self.has_next,
            has_previous: self.has_previous,
        }
    }

    /// A page read by offset.
    pub fn at_offset(rows: Vec<M>, total: u64, page: Page) -> Self {
        let cursors = (0..rows.len() as u64)
            .map(|i| Cursor::Offset(page.offset + i))
            .collect();
        Paged {
            has_next: page.offset + (rows.len() as u64) < total,
            has_previous: page.offset > 0,
            rows,
            cursors,
            total,
        }
    }
}

/// Page a list that is read by offset: `fetch` gets the offset page.
pub async fn by_offset<M, F, Fut>(w: &Window, fetch: F) -> Result<Paged<M>>
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = Result<(Vec<M>, u64)>>,
{
    let page = w
        .offset_page()
        .map_err(|BadCursor(field)| bad_cursor(field))?;
    let (rows, total) = fetch(page).await?;
    Ok(Paged::at_offset(rows, total, page))
}

fn bad_cursor(field: &'static str) -> StoreError {
    StoreError::Domain(convene_domain::DomainError::field(
        field,
        "This cursor is not valid: use a cursor from a previous page",
    ))
}

/// How a keyset list is ordered: by `column` (then `id`), and how to read a row's key.
pub struct Sort<E: EntityTrait> {
    pub column: E::Column,
    pub id: E::Column,
    pub descending: bool,
    pub key: fn(&E::Model) -> Key,
}

impl<E: EntityTrait> Sort<E> {
    /// Rows strictly past `k` in the list's order (`forward`), or strictly before it.
    fn past(&self, k: &Key, forward: bool) -> Condition {
        let v: Value = k.value.clone().into();
        let up = forward != self.descending;
        let (col, id) = if up {
            (self.column.gt(v.clone()), self.id.gt(k.id))
        } else {
            (self.column.lt(v.clone()), self.id.lt(k.id))
        };
        Condition::any()
            .add(col)
            .add(Condition::all().add(self.column.eq(v)).add(id))
    }

    fn order(&self, q: Select<E>, reversed: bool) -> Select<E> {
        if self.descending != reversed {
            q.order_by_desc(self.column).order_by_desc(self.id)
        } else {
            q.order_by_asc(self.column).order_by_asc(self.id)
        }
    }
}

/// Page a list by keyset. Offset cursors (from a page read before the list was keyed) are
/// still read, by offset; every row comes back with a key cursor.
pub async fn by_key<E>(
    db: &impl ConnectionTrait,
    q: Select<E>,
    sort: &Sort<E>,
    w: &Window,
) -> Result<Paged<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let total = q.clone().count(db).await?;
    let keyed = |rows: Vec<E::Model>, has_next, has_previous| Paged {
        cursors: rows.iter().map(|r| Cursor::Key((sort.key)(r))).collect(),
        rows,
        total,
        has_next,
        has_previous,
    };
    if w.has_offset_cursor() {
        let page = w
            .offset_page()
            .map_err(|BadCursor(field)| bad_cursor(field))?;
        let rows = sort
            .order(q, false)
            .offset(page.offset)
            .limit(page.limit)
            .all(db)
            .await?;
        let next = page.offset + (rows.len() as u64) < total;
        return Ok(keyed(rows, next, page.offset > 0));
    }
    let key = |c: &Option<Cursor>| match c {
        Some(Cursor::Key(k)) => Some(k.clone()),
        _ => None,
    };
    match w {
        Window::Forward {
            after,
            before,
            limit,
        } => {
            let mut q = q;
            if let Some(k) = key(after) {
                q = q.filter(sort.past(&k, true));
            }
            if let Some(k) = key(before) {
                q = q.filter(sort.past(&k, false));
            }
            let mut rows = sort.order(q, false).limit(limit + 1).all(db).await?;
            let more = rows.len() as u64 > *limit;
            rows.truncate(*limit as usize);
            // the `before` row itself is still to come
            Ok(keyed(rows, more || before.is_some(), after.is_some()))
        }
        Window::Backward { before, limit } => {
            let mut q = q;
            if let Some(k) = key(&Some(before.clone())) {
                q = q.filter(sort.past(&k, false));
            }
            let mut rows = sort.order(q, true).limit(limit + 1).all(db).await?;
            let more = rows.len() as u64 > *limit;
            rows.truncate(*limit as usize);
            rows.reverse();
            Ok(keyed(rows, true, more))
        }
    }
}
