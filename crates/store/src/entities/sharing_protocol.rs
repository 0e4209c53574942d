use sea_orm::entity::prelude::*;

/// A sharing protocol: the network's (`community_id` null) or a community's copy.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "sharing_protocols")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Option<Uuid>,
    pub adopted_from: Option<Uuid>,
    pub name: String,
    /// JSON: `[{ "prompt": …, "minutes": … }]`, in order.
    #[sea_orm(column_type = "Text")]
    pub prompts: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
