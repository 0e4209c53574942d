use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "community_invitations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub email: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    #[serde(skip)]
    pub token_hash: String,
    pub invited_by: Uuid,
    pub sent_at: DateTimeUtc,
    pub reminded_at: Option<DateTimeUtc>,
    pub accepted: Option<bool>,
    pub answered_at: Option<DateTimeUtc>,
    pub person_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
