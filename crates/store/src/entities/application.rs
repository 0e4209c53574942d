use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub call_id: Uuid,
    pub domain_id: Uuid,
    pub lead_id: Uuid,
    pub sponsor_organisation_id: Option<Uuid>,
    pub status: String,
    /// The answers to the call's questions: a JSON object of text by question key (written
    /// out as that object wherever the row is, such as the audit trail).
    #[sea_orm(column_type = "Text")]
    #[serde(serialize_with = "as_json")]
    pub answers: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

fn as_json<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => serde::Serialize::serialize(&v, s),
        Err(_) => s.serialize_str(text),
    }
}
