//! Communities (SPEC §4): one module per part of a community's life, merged into one.

mod challenges;
mod definition;
mod lifecycle;
mod meetings;
mod settings;

mod membership;
mod startup;
mod support;
mod work;

#[derive(async_graphql::MergedObject, Default)]
pub struct CommunityMutations(
    lifecycle::CommunityLifecycleMutations,
    startup::StartupStepMutations,
    definition::DomainDefinitionMutations,
    membership::MembershipMutations,
    meetings::MeetingMutations,
    settings::CommunitySettingsMutations,
    work::CommunityWorkMutations,
    support::SupportMutations,
    challenges::ChallengeMutations,
);
