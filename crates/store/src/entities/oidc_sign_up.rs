use sea_orm::entity::prelude::*;

/// A first single sign-on by somebody without an account, waiting for the one-time code (and
/// their organisation) before the account is made. Only the code's SHA-256 is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_sign_ups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub code_hash: String,
    pub issuer: String,
    pub subject: String,
    pub email: String,
    pub name: String,
    pub email_verified: bool,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// When the code was first presented without an organisation.
    pub presented_at: Option<DateTimeUtc>,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
