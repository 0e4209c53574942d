use sea_orm::entity::prelude::*;

/// One person's account of a practice. Never serialised whole into the audit log (its author
/// may be anonymous): see `repo::practices::ExchangeSnapshot`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_exchanges")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub practice_id: Uuid,
    pub community_id: Uuid,
    pub author_id: Option<Uuid>,
    /// A meeting of the community (no foreign key yet: meetings come from another branch).
    pub meeting_id: Option<Uuid>,
    pub protocol_id: Option<Uuid>,
    #[sea_orm(column_type = "Text")]
    pub technical: String,
    #[sea_orm(column_type = "Text")]
    pub cultural: String,
    #[sea_orm(column_type = "Text")]
    pub challenges: String,
    #[sea_orm(column_type = "Text")]
    pub barriers_overcome: String,
    #[sea_orm(column_type = "Text")]
    pub missing: String,
    #[sea_orm(column_type = "Text")]
    pub help_needed: String,
    pub visibility: String,
    pub anonymous: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
