//! Convene's schema, one migration per change. Never edit a migration that has been released:
//! add a new one. The same migrations run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261126_000001_create_accounts;
mod m20261126_000002_create_calls;
mod m20261126_000003_create_applications;
mod m20261126_000004_create_outbox;
mod m20261126_000005_create_audit_log;
mod m20261126_000006_create_selection;
mod m20261126_000007_create_community_membership;
mod m20261126_000008_create_intranet_publications;
mod m20261126_000009_create_meetings;
mod m20261126_000010_create_community_work;
mod m20261126_000011_create_practices;
mod m20261126_000012_create_webhooks;
mod m20261126_000013_create_service_clients;
mod m20261126_000014_create_notifications;
mod m20261126_000015_add_people_deleted_at;
mod m20261207_000016_identity;
mod m20261207_000017_oidc;
mod m20261207_000020_read_path;
mod m20261208_000021_call_questions;
mod m20261208_000022_call_deadlines;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_create_accounts::Migration),
            Box::new(m20261126_000002_create_calls::Migration),
            Box::new(m20261126_000003_create_applications::Migration),
            Box::new(m20261126_000004_create_outbox::Migration),
            Box::new(m20261126_000005_create_audit_log::Migration),
            Box::new(m20261126_000006_create_selection::Migration),
            Box::new(m20261126_000007_create_community_membership::Migration),
            Box::new(m20261126_000008_create_intranet_publications::Migration),
            Box::new(m20261126_000009_create_meetings::Migration),
            Box::new(m20261126_000010_create_community_work::Migration),
            Box::new(m20261126_000011_create_practices::Migration),
            Box::new(m20261126_000012_create_webhooks::Migration),
            Box::new(m20261126_000013_create_service_clients::Migration),
            Box::new(m20261126_000014_create_notifications::Migration),
            Box::new(m20261126_000015_add_people_deleted_at::Migration),
            Box::new(m20261207_000016_identity::Migration),
            Box::new(m20261207_000017_oidc::Migration),
            Box::new(m20261207_000020_read_path::Migration),
            Box::new(m20261208_000021_call_questions::Migration),
            Box::new(m20261208_000022_call_deadlines::Migration),
        ]
    }
}

/// Names of every migration this binary knows, in order.
pub fn known_migrations() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect()
}

pub(crate) fn fk(
    from_table: &'static str,
    from_col: &'static str,
    to_table: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

pub(crate) fn index(
    table: &'static str,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(format!(
        "{}_{}_{}",
        if unique { "ux" } else { "ix" },
        table,
        cols.join("_")
    ))
    .table(table);
    for c in cols {
        i.col(*c);
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}
