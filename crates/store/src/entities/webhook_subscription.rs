use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_subscriptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub url: String,
    /// Comma-separated event names.
    #[sea_orm(column_type = "Text")]
    pub events: String,
    /// The signing key (`whsec_…`): kept to sign deliveries, never shown again after creation.
    pub secret: String,
    pub active: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub disabled_reason: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

impl Model {
    pub fn event_list(&self) -> Vec<String> {
        self.events
            .split(',')
            .filter(|e| !e.is_empty())
            .map(String::from)
            .collect()
    }
}

/// What the audit log keeps of a subscription: never its secret.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Audited<'a> {
    pub url: &'a str,
    pub events: &'a str,
    pub active: bool,
    pub disabled_reason: Option<&'a str>,
    pub deleted_at: Option<DateTimeUtc>,
}

impl Model {
    pub fn audited(&self) -> Audited<'_> {
        Audited {
            url: &self.url,
            events: &self.events,
            active: self.active,
            disabled_reason: self.disabled_reason.as_deref(),
            deleted_at: self.deleted_at,
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
