//! Relay connections: `first`/`after` (and `last`/`before`), `first` at most 100, `edges`,
//! `nodes`, `pageInfo`, `totalCount`. Cursors are opaque offsets.

use async_graphql::SimpleObject;
use base64::Engine;
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
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("o:{offset}"))
}

fn offset_of(field: &str, c: &str) -> ApiResult<u64> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("o:").and_then(|n| n.parse().ok()))
        .ok_or_else(|| {
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

/// Turn the connection arguments into a page.
pub fn page(
    first: Option<i32>,
    after: Option<&str>,
    last: Option<i32>,
    before: Option<&str>,
) -> ApiResult<Page> {
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
    if let Some(l) = last {
        let Some(b) = before else {
            return Err(ApiError::field("last", "Use last together with before"));
        };
        let end = offset_of("before", b)?;
        let start = end.saturating_sub(l as u64);
        return Ok(Page {
            offset: start,
            limit: end - start,
        });
    }
    let offset = match after {
        Some(a) => offset_of("after", a)? + 1,
        None => 0,
    };
    let mut limit = first.unwrap_or(DEFAULT_PAGE) as u64;
    if let Some(b) = before {
        limit = limit.min(offset_of("before", b)?.saturating_sub(offset));
    }
    Ok(Page { offset, limit })
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
