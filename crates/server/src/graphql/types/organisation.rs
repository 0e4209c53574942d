use async_graphql::{Object, ID};
use convene_store::entities::organisation as m;
use convene_store::repo::organisations::facts;

use super::connection::connection;
use super::enums::Sector;
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
