use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "communities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub domain_id: Uuid,
    pub origin: String,
    pub application_id: Option<Uuid>,
    pub funded: bool,
    pub membership_mode: String,
    pub listed: bool,
    pub stage: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub coach_id: Option<Uuid>,
    pub intranet_place_uri: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
