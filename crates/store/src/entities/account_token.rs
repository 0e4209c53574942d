use sea_orm::entity::prelude::*;

/// A one-time token sent to a person: only its SHA-256 is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    /// `verify_email`, `reset_password`, `change_email` or `sign_in_code`.
    pub purpose: String,
    pub token_hash: String,
    /// For `change_email`: the address to move to once confirmed.
    pub new_email: Option<String>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
