//! The promising-practices library: one search over both databases' own full-text engines.
//!
//! SQLite: the FTS5 table `practice_search` (kept in step with `practices` by triggers made
//! in the migration; porter stemming), ranked by `bm25` with the name weighing most, then the
//! tags, then description, evidence and outcomes. PostgreSQL: the generated, weighted
//! `practices.search` tsvector under a GIN index, matched with `plainto_tsquery('english', …)`
//! and ranked by `ts_rank`. Either way the words come from
//! `convene_domain::practice::search_terms`, so nothing typed is ever query syntax, and every
//! word must match.

use sea_orm::sea_query::{Alias, Expr, JoinType, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
};
use uuid::Uuid;

use crate::entities::{practice, practice_tag, promising_organisation};
use crate::{Page, Result};

pub struct LibraryQuery<'a> {
    /// The words to find (already made safe); empty lists everything, newest first.
    pub terms: &'a [String],
    pub domain_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    /// A tag, normalised as tags are stored.
    pub tag: Option<&'a str>,
    /// Anonymous visitors read PUBLIC ones; anyone signed in NETWORK ones too.
    pub signed_in: bool,
}

/// Promising practices, most relevant first when searching, else most recently marked first.
pub async fn search(
    db: &impl ConnectionTrait,
    l: LibraryQuery<'_>,
    page: Page,
) -> Result<(Vec<practice::Model>, u64)> {
    use convene_domain::practice::PromisingVisibility as V;
    let visible: Vec<&str> = if l.signed_in {
        vec![V::Network.as_str(), V::Public.as_str()]
    } else {
        vec![V::Public.as_str()]
    };
    let mut q = practice::Entity::find()
        .filter(practice::Column::PromisingVisibility.is_in(visible.iter().map(|s| s.to_string())));
    if let Some(d) = l.domain_id {
        q = q.filter(practice::Column::DomainId.eq(d));
    }
    if let Some(o) = l.organisation_id {
        q = q.filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(promising_organisation::Column::PracticeId)
                    .from(promising_organisation::Entity)
                    .and_where(promising_organisation::Column::OrganisationId.eq(o))
                    .to_owned(),
            ),
        );
    }
    if let Some(t) = l.tag {
        q = q.filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(practice_tag::Column::PracticeId)
                    .from(practice_tag::Entity)
                    .and_where(practice_tag::Column::Tag.eq(t))
                    .to_owned(),
            ),
        );
    }
    let mut rank: Option<(sea_orm::sea_query::SimpleExpr, Order)> = None;
    if !l.terms.is_empty() {
        match db.get_database_backend() {
            DbBackend::Postgres => {
                let words = l.terms.join(" ");
                q = q.filter(Expr::cust_with_values(
                    "\"practices\".\"search\" @@ plainto_tsquery('english', $1)",
                    [words.clone()],
                ));
                rank = Some((
                    Expr::cust_with_values(
                        "ts_rank(\"practices\".\"search\", plainto_tsquery('english', $1))",
                        [words],
                    ),
                    Order::Desc,
                ));
            }
            _ => {
                // Each word quoted: an FTS5 string, never an operator; words side by side
                // must all match.
                let fts = l
                    .terms
                    .iter()
                    .map(|t| format!("\"{}\"", t.replace('"', "")))
                    .collect::<Vec<_>>()
                    .join(" ");
                // one MATCH for the whole search, joined: its score is read, not asked again
                // for every candidate row
                let mut hits = Query::select();
                hits.expr_as(Expr::cust("practice_id"), Alias::new("practice_id"))
                    .expr_as(
                        Expr::cust("bm25(practice_search, 0.0, 10.0, 5.0, 1.0)"),
                        Alias::new("score"),
                    )
                    .from(Alias::new("practice_search"))
                    .and_where(Expr::cust_with_values("practice_search MATCH ?", [fts]));
                QueryTrait::query(&mut q).join_subquery(
                    JoinType::InnerJoin,
                    hits,
                    Alias::new("hits"),
                    Expr::cust("\"hits\".\"practice_id\" = \"practices\".\"id\""),
                );
                rank = Some((Expr::cust("\"hits\".\"score\""), Order::Asc));
            }
        }
    }
    let total = q.clone().count(db).await?;
    if let Some((expr, order)) = rank {
        q = q.order_by(expr, order);
    }
    let rows = q
        .order_by_desc(practice::Column::MarkedAt)
        .order_by_desc(practice::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
