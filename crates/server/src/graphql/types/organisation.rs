use async_graphql::{Object, SimpleObject, ID};
use convene_store::entities::organisation as m;
use convene_store::repo::organisations::facts;

use super::connection::connection;
use super::enums::{ImportAction, Sector};
use super::scalars::Date;
use crate::graphql::ids;

#[derive(Clone)]
pub struct Organisation(pub m::Model);

/// An organisation people work for, with its sector and network membership.
#[Object]
impl Organisation {
    pub async fn id(&self) -> ID {
        ids::encode("Organisation", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn sector(&self) -> Sector {
        facts(&self.0).sector.into()
    }
    /// A current NHS member organisation of the network (FAQ 7).
    async fn nhs_member(&self) -> bool {
        self.0.nhs_member
    }
    /// When the membership flag last changed.
    async fn nhs_member_changed_on(&self) -> Option<Date> {
        self.0.nhs_member_changed_on.map(Date)
    }
    /// Whether its people can be paid an honorarium (not industry or third sector).
    async fn honorarium_eligible(&self) -> bool {
        facts(&self.0).honorarium_eligible()
    }
}

connection!(OrganisationConnection, OrganisationEdge, Organisation);

/// A line of an organisations import and what it does (or would do, on a dry run).
#[derive(SimpleObject)]
pub struct OrganisationImportLine {
    /// The line of the file (the header is line 1).
    pub line: i32,
    pub name: String,
    pub sector: Sector,
    pub nhs_member: bool,
    pub nhs_member_since: Option<Date>,
    pub action: ImportAction,
}

/// A wrong line of an import, and why.
#[derive(SimpleObject)]
pub struct ImportLineError {
    /// The line of the file (the header is line 1).
    pub line: i32,
    pub message: String,
}
