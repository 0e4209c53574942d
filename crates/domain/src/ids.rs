//! Typed identifiers: an `ApplicationId` can never be passed where a `CallId` is meant.

use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub Uuid);
        impl $name {
            pub fn new() -> Self { Self(Uuid::new_v4()) }
        }
        impl Default for $name {
            fn default() -> Self { Self::new() }
        }
        impl From<Uuid> for $name {
            fn from(u: Uuid) -> Self { Self(u) }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt(f) }
        }
    )*};
}

id_type!(
    PersonId,
    OrganisationId,
    DomainId,
    CallId,
    CriterionId,
    ApplicationId
);
