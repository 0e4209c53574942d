//! Relay connections: `first`/`after` (and `last`/`before`), `first` at most 100, `edges`,
//! `nodes`, `pageInfo`, `totalCount`. Cursors are opaque: a row's sort key for the lists paged by
//! keyset (`convene_store::paging`), an offset for the others.

use async_graphql::SimpleObject;
use base64::Engine;
use convene_store::paging::{BadCursor, Cursor, Key, KeyValue, Paged, Window};
use convene_store::Page;

use crate::graphql::error::{ApiError, ApiResult};

pub const MAX_PAGE: i32 = 100;
pub const DEFAULT_PAGE: i32 = 20;

#[derive(SimpleObject, Clone, Debug, Default)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub start_cursor: Option<String>,
    pub end_cursor: Option<String>,
}

pub fn cursor(offset: u64) -> String {
    encode(&Cursor::Offset(offset))
}

/// A cursor as the client holds it: opaque, URL-safe base64 of `o:<offset>` or of
/// `k:<id>:<t|s>:<sort value>`.
pub fn encode(c: &Cursor) -> String {
    let text = match c {
        Cursor::Offset(n) => format!("o:{n}"),
        Cursor::Key(Key { value, id }) => match value {
            KeyValue::Time(t) => format!(
                "k:{id}:t:{}",
                t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
            ),
            KeyValue::Text(s) => format!("k:{id}:s:{s}"),
        },
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

fn decode(c: &str) -> Option<Cursor> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    if let Some(n) = text.strip_prefix("o:") {
        return n.parse().ok().map(Cursor::Offset);
    }
    let rest = text.strip_prefix("k:")?;
    let (id, rest) = rest.split_once(':')?;
    let id = uuid::Uuid::parse_str(id).ok()?;
    let value = match rest.split_once(':')? {
        ("t", t) => KeyValue::Time(
            chrono::DateTime::parse_from_rfc3339(t)
                .ok()?
                .with_timezone(&chrono::Utc),
        ),
        ("s", s) => KeyValue::Text(s.to_string()),
        _ => return None,
    };
    Some(Cursor::Key(Key { value, id }))
}

fn cursor_of(field: &str, c: &str) -> ApiResult<Cursor> {
    decode(c).ok_or_else(|| {
        ApiError::field(
            field,
            "This cursor is not valid: use a cursor from a previous page",
        )
    })
}

/// The complexity of a connection field: what is asked of each item, times the page size that
/// was asked for (`first` or `last`, 20 when neither), plus one. A size over the limit is
/// costed at the limit, so that it is refused by `page` as `VALIDATION` naming `first`.
pub fn page_cost(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    let n = first.or(last).unwrap_or(DEFAULT_PAGE).clamp(0, MAX_PAGE) as usize;
    n.saturating_mul(child_complexity).saturating_add(1)
}

/// Turn the connection arguments into a window: `first` (20 when neither is given) rows after
/// `after`, or `last` rows before `before`; at most 100.
pub fn window(
    first: Option<i32>,
    after: Option<&str>,
    last: Option<i32>,
    before: Option<&str>,
) -> ApiResult<Window> {
    for (name, v) in [("first", first), ("last", last)] {
        if let Some(n) = v {
            if !(0..=MAX_PAGE).contains(&n) {
                return Err(ApiError::field(
                    name,
                    format!("{name} must be between 0 and {MAX_PAGE}"),
                ));
            }
        }
    }
    if first.is_some() && last.is_some() {
        return Err(ApiError::field("last", "Use first or last, not both"));
    }
    let before = before.map(|b| cursor_of("before", b)).transpose()?;
    if let Some(l) = last {
        let Some(before) = before else {
            return Err(ApiError::field("last", "Use last together with before"));
        };
        return Ok(Window::Backward {
            before,
            limit: l as u64,
        });
    }
    Ok(Window::Forward {
        after: after.map(|a| cursor_of("after", a)).transpose()?,
        before,
        limit: first.unwrap_or(DEFAULT_PAGE) as u64,
    })
}

/// The arguments as an offset page, for lists read by offset.
pub fn page(
    first: Option<i32>,
    after: Option<&str>,
    last: Option<i32>,
    before: Option<&str>,
) -> ApiResult<Page> {
    window(first, after, last, before)?
        .offset_page()
        .map_err(|BadCursor(field)| {
            ApiError::field(
                field,
                "This cursor is not valid: use a cursor from a previous page",
            )
        })
}

/// One page of a list read by offset: `fetch` reads the rows and the total for the page.
pub async fn by_offset<M, F, Fut>(w: &Window, fetch: F) -> ApiResult<Paged<M>>
where
    F: FnOnce(Page) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<M>, u64), convene_store::StoreError>>,
{
    Ok(convene_store::paging::by_offset(w, fetch).await?)
}

/// One page of a list read by offset, as the connection of its nodes: `node` wraps each row,
/// `fetch` reads the rows and the total for the page.
pub async fn offset_connection<M, N, C, F, Fut>(
    w: &Window,
    node: impl FnMut(M) -> N,
    fetch: F,
) -> ApiResult<C>
where
    F: FnOnce(Page) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<M>, u64), convene_store::StoreError>>,
    C: From<Paged<N>>,
{
    Ok(by_offset(w, fetch).await?.map(node).into())
}

/// The `PageInfo` and edge cursors of a page.
pub fn page_info<M>(p: &Paged<M>) -> (Vec<String>, PageInfo) {
    let cursors: Vec<String> = p.cursors.iter().map(encode).collect();
    let info = PageInfo {
        has_next_page: p.has_next,
        has_previous_page: p.has_previous,
        start_cursor: cursors.first().cloned(),
        end_cursor: cursors.last().cloned(),
    };
    (cursors, info)
}

/// Define `XConnection` and `XEdge` for a node type.
macro_rules! connection {
    ($conn:ident, $edge:ident, $node:ty) => {
        #[derive(async_graphql::SimpleObject, Clone)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }
        #[derive(async_graphql::SimpleObject, Clone)]
        pub struct $conn {
            pub edges: Vec<$edge>,
            pub nodes: Vec<$node>,
            pub page_info: $crate::graphql::types::connection::PageInfo,
            pub total_count: i64,
        }
        impl From<convene_store::paging::Paged<$node>> for $conn {
            fn from(p: convene_store::paging::Paged<$node>) -> Self {
                let (cursors, page_info) = $crate::graphql::types::connection::page_info(&p);
                let edges = cursors
                    .into_iter()
                    .zip(&p.rows)
                    .map(|(cursor, n)| $edge {
                        cursor,
                        node: n.clone(),
                    })
                    .collect();
                $conn {
                    edges,
                    nodes: p.rows,
                    page_info,
                    total_count: p.total as i64,
                }
            }
        }
        impl $conn {
            pub fn new(nodes: Vec<$node>, total: u64, page: convene_store::Page) -> Self {
                use $crate::graphql::types::connection::{cursor, PageInfo};
                let edges: Vec<$edge> = nodes
                    .iter()
                    .enumerate()
                    .map(|(i, n)| $edge {
                        cursor: cursor(page.offset + i as u64),
                        node: n.clone(),
                    })
                    .collect();
                let page_info = PageInfo {
                    has_next_page: page.offset + (nodes.len() as u64) < total,
                    has_previous_page: page.offset > 0,
                    start_cursor: edges.first().map(|e| e.cursor.clone()),
                    end_cursor: edges.last().map(|e| e.cursor.clone()),
                };
                $conn {
                    edges,
                    nodes,
                    page_info,
                    total_count: total as i64,
                }
            }
        }
    };
}
pub(crate) use connection;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_cursors() {
        let p = page(Some(10), None, None, None).unwrap();
        assert_eq!((p.offset, p.limit), (0, 10));
        let p = page(Some(10), Some(&cursor(9)), None, None).unwrap();
        assert_eq!((p.offset, p.limit), (10, 10));
        let p = page(None, None, Some(5), Some(&cursor(12))).unwrap();
        assert_eq!((p.offset, p.limit), (7, 5));
        assert_eq!(
            page(None, None, None, None).unwrap().limit,
            DEFAULT_PAGE as u64
        );
    }

    #[test]
    fn key_cursors_round_trip() {
        let id = uuid::Uuid::new_v4();
        for value in [
            KeyValue::Text("Café: a name | with: colons".into()),
            KeyValue::Time(chrono::Utc::now()),
        ] {
            let c = Cursor::Key(Key { value, id });
            assert_eq!(decode(&encode(&c)), Some(c));
        }
        let w = window(Some(2), Some(&encode(&Cursor::Offset(3))), None, None).unwrap();
        assert_eq!(w.offset_page().unwrap().offset, 4);
    }

    #[test]
    fn a_page_costs_its_size_times_its_items() {
        assert_eq!(page_cost(Some(100), None, 3), 301);
        assert_eq!(page_cost(None, Some(10), 3), 31);
        assert_eq!(page_cost(None, None, 3), 61, "20 by default");
        assert_eq!(page_cost(Some(5000), None, 3), 301, "costed at the limit");
        assert_eq!(page_cost(Some(-7), None, 3), 1);
        assert_eq!(page_cost(Some(100), None, usize::MAX), usize::MAX);
    }

    #[test]
    fn page_size_is_capped() {
        assert_eq!(
            page(Some(101), None, None, None).unwrap_err().fields[0].field,
            "first"
        );
        assert!(page(Some(-1), None, None, None).is_err());
        assert_eq!(
            page(Some(1), Some("garbage"), None, None)
                .unwrap_err()
                .fields[0]
                .field,
            "after"
        );
    }
}
