//! Practice exchanges and the library of promising practices (SPEC §5): practices and their
//! status, exchanges and inquiries, sharing protocols, promising practices.

use convene_domain::practice::ProtocolOwner;
use convene_store::entities::sharing_protocol;

pub mod exchanges;
pub mod lifecycle;
pub mod promising;
pub mod protocols;

// The community a practice lives in is locked and read as every community change does it.
pub(crate) use crate::usecases::communities::locks::{
    change_community, community_of as lock_community, held_of, role_in as role,
};

/// Whose a sharing protocol is: a community's adapted copy, or the network's.
fn owner(p: &sharing_protocol::Model) -> ProtocolOwner {
    match p.community_id {
        Some(_) => ProtocolOwner::Community,
        None => ProtocolOwner::Network,
    }
}
