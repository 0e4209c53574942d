//! DataLoaders: every relation edge is loaded in batches, so the number of SQL statements per
//! request does not grow with the length of a list. Made afresh for every request.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::Context;
use convene_domain::account::Role;
use convene_store::entities::{
    application, call, community, criterion, domain, exchange_inquiry, organisation, participant,
    person, practice, practice_exchange, sharing_protocol,
};
use convene_store::metrics::RequestStatements;
use convene_store::repo;
use convene_store::sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use convene_store::StoreError;
use uuid::Uuid;

use super::error::ApiResult;

pub use convene_store::HasId;

pub struct ById<E>(DatabaseConnection, PhantomData<fn() -> E>);

impl<E> Loader<Uuid> for ById<E>
where
    E: EntityTrait + Send + Sync + 'static,
    E::Model: HasId + Clone + Send + Sync + 'static,
{
    type Value = E::Model;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, E::Model>, Self::Error> {
        let rows = convene_store::by_ids::<E>(&self.0, keys)
            .await
            .map_err(Arc::new)?;
        Ok(rows.into_iter().map(|m| (m.id(), m)).collect())
    }
}

fn store_err(e: StoreError) -> Arc<DbErr> {
    match e {
        StoreError::Db(d) => Arc::new(d),
        other => Arc::new(DbErr::Custom(other.to_string())),
    }
}

pub struct Participants(DatabaseConnection);
impl Loader<Uuid> for Participants {
    type Value = Vec<participant::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::applications::participants_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

pub struct Criteria(DatabaseConnection);
impl Loader<Uuid> for Criteria {
    type Value = Vec<criterion::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::calls::criteria_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

pub struct Roles(DatabaseConnection);
impl Loader<Uuid> for Roles {
    type Value = Vec<Role>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::people::roles_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The members of many communities in one statement.
pub struct Members(DatabaseConnection);
impl Loader<Uuid> for Members {
    type Value = Vec<convene_store::entities::community_member::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::communities::members_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The viewer's own membership of many communities (key: community and person), one statement
/// per person: "is a member" without loading everyone in the community.
pub struct Memberships(DatabaseConnection);
impl Loader<(Uuid, Uuid)> for Memberships {
    type Value = convene_store::entities::community_member::Model;
    type Error = Arc<DbErr>;
    async fn load(
        &self,
        keys: &[(Uuid, Uuid)],
    ) -> Result<HashMap<(Uuid, Uuid), Self::Value>, Self::Error> {
        repo::communities::memberships(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The first n members of many communities (key: community and n), one statement per n.
pub struct FirstMembers(DatabaseConnection);
impl Loader<(Uuid, u32)> for FirstMembers {
    type Value = Vec<convene_store::entities::community_member::Model>;
    type Error = Arc<DbErr>;
    async fn load(
        &self,
        keys: &[(Uuid, u32)],
    ) -> Result<HashMap<(Uuid, u32), Self::Value>, Self::Error> {
        let mut by_n: HashMap<u32, Vec<Uuid>> = HashMap::new();
        for (c, n) in keys {
            by_n.entry(*n).or_default().push(*c);
        }
        let mut out = HashMap::new();
        for (n, communities) in by_n {
            let found = repo::communities::first_members_of(&self.0, &communities, n.into())
                .await
                .map_err(store_err)?;
            out.extend(found.into_iter().map(|(c, ms)| ((c, n), ms)));
        }
        Ok(out)
    }
}

/// How many members many communities have, in one statement.
pub struct MemberCounts(DatabaseConnection);
impl Loader<Uuid> for MemberCounts {
    type Value = i64;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, i64>, Self::Error> {
        repo::communities::member_counts(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// Who came to many meetings, in one statement.
pub struct Attendance(DatabaseConnection);
impl Loader<Uuid> for Attendance {
    type Value = Vec<convene_store::entities::meeting_attendance::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::meetings::attendance_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// Whether an application's outcome has been sent.
pub struct Told(DatabaseConnection);
impl Loader<Uuid> for Told {
    type Value = bool;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, bool>, Self::Error> {
        let told = repo::selection::told_applications(&self.0, keys)
            .await
            .map_err(store_err)?;
        Ok(keys.iter().map(|k| (*k, told.contains(k))).collect())
    }
}

/// A call's whole selection picture, shared by every field of a request that needs it. A call
/// that does not exist has no entry (as with every loader; `must` makes that an internal
/// error where the call has to exist); any other failure fails the load with its own code and
/// message, rather than being turned into a database error or dropped.
pub struct Selections(DatabaseConnection);
impl Loader<Uuid> for Selections {
    type Value = Arc<crate::services::selection::CallSelection>;
    type Error = Arc<crate::usecases::error::AppError>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut out = HashMap::new();
        for k in keys {
            if let Some(s) = crate::services::selection::CallSelection::load_if_any(&self.0, *k)
                .await
                .map_err(Arc::new)?
            {
                out.insert(*k, Arc::new(s));
            }
        }
        Ok(out)
    }
}

impl From<Arc<crate::usecases::error::AppError>> for crate::usecases::error::AppError {
    fn from(e: Arc<crate::usecases::error::AppError>) -> Self {
        Arc::unwrap_or_clone(e)
    }
}

/// The questions and replies of many exchanges in one statement.
pub struct Inquiries(DatabaseConnection);
impl Loader<Uuid> for Inquiries {
    type Value = Vec<exchange_inquiry::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::practices::inquiries_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The organisations where each promising practice is used.
pub struct PromisingOrganisations(DatabaseConnection);
impl Loader<Uuid> for PromisingOrganisations {
    type Value = Vec<Uuid>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::practices::organisations_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// Every period of every function of a community (SPEC §4, roles and responsibilities).
pub struct Functions(DatabaseConnection);
impl Loader<Uuid> for Functions {
    type Value = Vec<convene_store::entities::community_function::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::community_work::functions_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The history of support requests.
pub struct SupportEvents(DatabaseConnection);
impl Loader<Uuid> for SupportEvents {
    type Value = Vec<convene_store::entities::support_request_event::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::community_work::events_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The replies to challenges.
pub struct ChallengeReplies(DatabaseConnection);
impl Loader<Uuid> for ChallengeReplies {
    type Value = Vec<convene_store::entities::challenge_reply::Model>;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        repo::community_work::replies_of(&self.0, keys)
            .await
            .map_err(store_err)
    }
}

/// The loaders of one request.
/// The loaders of one request.
pub struct Loaders {
    pub people: DataLoader<ById<person::Entity>>,
    pub organisations: DataLoader<ById<organisation::Entity>>,
    pub domains: DataLoader<ById<domain::Entity>>,
    pub calls: DataLoader<ById<call::Entity>>,
    pub applications: DataLoader<ById<application::Entity>>,
    pub criterion_by_id: DataLoader<ById<criterion::Entity>>,
    pub communities: DataLoader<ById<community::Entity>>,
    pub participants: DataLoader<Participants>,
    pub selections: DataLoader<Selections>,
    pub told: DataLoader<Told>,
    pub members: DataLoader<Members>,
    pub memberships: DataLoader<Memberships>,
    pub first_members: DataLoader<FirstMembers>,
    pub member_counts: DataLoader<MemberCounts>,
    pub functions: DataLoader<Functions>,
    pub support_events: DataLoader<SupportEvents>,
    pub challenge_replies: DataLoader<ChallengeReplies>,
    pub attendance: DataLoader<Attendance>,
    pub criteria: DataLoader<Criteria>,
    pub roles: DataLoader<Roles>,
    pub practices: DataLoader<ById<practice::Entity>>,
    pub exchanges: DataLoader<ById<practice_exchange::Entity>>,
    pub protocols: DataLoader<ById<sharing_protocol::Entity>>,
    pub inquiries: DataLoader<Inquiries>,
    pub promising_organisations: DataLoader<PromisingOrganisations>,
}

/// A loader whose batch runs in a task of its own, counted in the request's statements.
fn dl<K, L>(l: L, scope: &Option<RequestStatements>) -> DataLoader<L>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    L: Loader<K>,
{
    let scope = scope.clone();
    DataLoader::new(l, move |fut| match &scope {
        Some(s) => tokio::spawn(s.scope(fut)),
        None => tokio::spawn(fut),
    })
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Self {
        let s = &RequestStatements::current();
        Loaders {
            people: dl(ById(db.clone(), PhantomData), s),
            organisations: dl(ById(db.clone(), PhantomData), s),
            domains: dl(ById(db.clone(), PhantomData), s),
            calls: dl(ById(db.clone(), PhantomData), s),
            applications: dl(ById(db.clone(), PhantomData), s),
            criterion_by_id: dl(ById(db.clone(), PhantomData), s),
            communities: dl(ById(db.clone(), PhantomData), s),
            participants: dl(Participants(db.clone()), s),
            selections: dl(Selections(db.clone()), s),
            told: dl(Told(db.clone()), s),
            members: dl(Members(db.clone()), s),
            memberships: dl(Memberships(db.clone()), s),
            first_members: dl(FirstMembers(db.clone()), s),
            member_counts: dl(MemberCounts(db.clone()), s),
            functions: dl(Functions(db.clone()), s),
            support_events: dl(SupportEvents(db.clone()), s),
            challenge_replies: dl(ChallengeReplies(db.clone()), s),
            attendance: dl(Attendance(db.clone()), s),
            criteria: dl(Criteria(db.clone()), s),
            roles: dl(Roles(db.clone()), s),
            practices: dl(ById(db.clone(), PhantomData), s),
            exchanges: dl(ById(db.clone(), PhantomData), s),
            protocols: dl(ById(db.clone(), PhantomData), s),
            inquiries: dl(Inquiries(db.clone()), s),
            promising_organisations: dl(PromisingOrganisations(db.clone()), s),
        }
    }
}

pub fn loaders<'a>(ctx: &Context<'a>) -> &'a Loaders {
    ctx.data_unchecked::<Loaders>()
}

/// Load one row that must exist (a dangling reference is an internal error).
pub async fn must<L>(dl: &DataLoader<L>, id: Uuid, what: &str) -> ApiResult<L::Value>
where
    L: Loader<Uuid>,
    super::error::ApiError: From<L::Error>,
{
    dl.load_one(id)
        .await?
        .ok_or_else(|| super::error::ApiError::internal(format!("{what} {id} is missing")))
}
