use sea_orm_migration::{prelude::*, schema::*};

use crate::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// For the read path (issue 16):
/// - `data_version`: one row whose number every committed write that records an audit entry
///   raises, in its own transaction; a replica keeps what it computed from the data (a call's
///   selection and ranking) only while the number is the one it read before computing.
/// - `community_members (community_id, joined_at, id)`: a community's first members in the
///   order they joined, read from the index instead of sorting every membership.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("data_version")
                .col(integer("id").primary_key())
                .col(big_integer("version"))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared("INSERT INTO data_version (id, version) VALUES (1, 0)")
            .await?;
        m.create_index(index(
            "community_members",
            &["community_id", "joined_at", "id"],
            false,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_community_members_community_id_joined_at_id")
                .table("community_members")
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table("data_version").to_owned())
            .await
    }
}
