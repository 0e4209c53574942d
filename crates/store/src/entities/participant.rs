use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "participants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub application_id: Uuid,
    pub call_id: Uuid,
    pub domain_id: Uuid,
    pub person_id: Option<Uuid>,
    pub email: String,
    pub is_lead: bool,
    pub position: i32,
    pub state: String,
    pub organisation_id: Option<Uuid>,
    pub holding: Option<i32>,
    pub invited_by: Option<Uuid>,
    pub invited_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
