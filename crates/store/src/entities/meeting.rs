use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub starts_at: DateTimeUtc,
    pub duration_minutes: i32,
    pub mode: String,
    pub location: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub joining_details: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub agenda: String,
    #[sea_orm(column_type = "Text")]
    pub notes: String,
    pub status: String,
    pub sequence: i32,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
