use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub call_id: Uuid,
    pub domain_id: Uuid,
    pub lead_id: Uuid,
    pub sponsor_organisation_id: Option<Uuid>,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub motivation: String,
    #[sea_orm(column_type = "Text")]
    pub domain_sketch: String,
    #[sea_orm(column_type = "Text")]
    pub member_map: String,
    #[sea_orm(column_type = "Text")]
    pub invitation_draft: String,
    #[sea_orm(column_type = "Text")]
    pub first_meeting: String,
    #[sea_orm(column_type = "Text")]
    pub hoped_for_change: String,
    #[sea_orm(column_type = "Text")]
    pub support_wanted: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
