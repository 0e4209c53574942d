use sea_orm::entity::prelude::*;

/// A practice, and once marked promising its evidence, outcomes and visibility. On PostgreSQL
/// the table also has a generated `search` column (tsvector) that this model never selects.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "practices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub domain_id: Uuid,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    #[sea_orm(column_type = "Text")]
    pub tags_text: String,
    pub status: String,
    pub proposed_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub promising_visibility: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub evidence: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub outcomes: Option<String>,
    pub marked_by: Option<Uuid>,
    pub marked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
