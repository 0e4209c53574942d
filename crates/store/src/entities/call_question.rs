use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "call_questions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub call_id: Uuid,
    pub position: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub hint: String,
    pub kind: String,
    pub word_limit: Option<i32>,
    /// A JSON array of text.
    #[sea_orm(column_type = "Text")]
    pub choices: String,
    pub required: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
