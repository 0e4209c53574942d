use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub profession: Option<String>,
    pub organisation_id: Uuid,
    pub password_hash: String,
    pub created_at: DateTimeUtc,
    /// Bumped to reset the person's calendar-feed token.
    pub calendar_feed_version: i32,
    /// Set when the person deleted their account: the row is anonymised and signs nobody in.
    pub deleted_at: Option<DateTimeUtc>,
    /// When the person proved they receive mail at `email` (a link, a reset, or a provider
    /// that vouched for it); `None` until then.
    pub email_verified_at: Option<DateTimeUtc>,
    /// Bumped to end every session at once (a reset, a password change, "sign out
    /// everywhere"): an access token carries the generation it was issued in, and an older one
    /// is refused.
    pub session_generation: i32,
    /// Failed sign-ins since the last success: each one past a few makes the next wait longer.
    pub failed_sign_ins: i32,
    pub last_failed_sign_in_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
