//! Mutations, one module per area, merged into one root.

mod accounts;
mod applications;
mod calls;
mod catalogue;
mod communities;
mod honoraria;
mod identity;
mod notifications;
mod partners;
mod practices;
pub(crate) mod privacy;
mod selection;
mod webhooks;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    accounts::AccountMutations,
    identity::IdentityMutations,
    catalogue::CatalogueMutations,
    calls::CallMutations,
    applications::ApplicationMutations,
    selection::SelectionMutations,
    honoraria::HonorariaMutations,
    communities::CommunityMutations,
    practices::PracticeMutations,
    partners::PartnerMutations,
    notifications::NotificationMutations,
    webhooks::WebhookMutations,
    privacy::PrivacyMutations,
);
