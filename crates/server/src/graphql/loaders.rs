//! DataLoaders: every relation edge is loaded in batches, so the number of SQL statements per
//! request does not grow with the length of a list. Made afresh for every request.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::Context;
use convene_domain::account::Role;
use convene_store::entities::{
    application, call, call_question, challenge_reply, community, community_function,
    community_member, criterion, domain, exchange_inquiry, join_request, meeting_attendance,
    organisation, participant, person, practice, practice_exchange, sharing_protocol,
    support_request_event,
};
use convene_store::metrics::RequestStatements;
use convene_store::repo;
use convene_store::sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use convene_store::StoreError;
use uuid::Uuid;

use super::error::ApiResult;
use crate::services::selection::{CallSelection, SelectionCache};
use crate::state::AppState;

pub use convene_store::HasId;

/// A request's loader: batches the keys asked for together and remembers what it loaded, so
/// that a page fetched ahead (`super::prefetch`) or a row asked for twice costs no statement.
/// Requests that write turn the memory off (`Loaders::uncached`): a mutation's answer reads
/// what it has just written.
pub type Dl<L> = DataLoader<L, HashMapCache>;

/// Far above any page (100 items × 100 children): a batch is never cut in two by its size.
const MAX_BATCH: usize = 20_000;

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

/// What a [`Batch`] loader reads: one repository function that answers many keys in one
/// statement (a key with nothing to show may be left out).
pub type Fetch<K, V> = for<'a> fn(
    &'a DatabaseConnection,
    &'a [K],
) -> Pin<
    Box<dyn Future<Output = convene_store::Result<HashMap<K, V>>> + Send + 'a>,
>;

/// A loader over one [`Fetch`]: every relation edge that is not a row by its id (a call's
/// criteria, a community's members …) is one of these, named in [`Loaders`].
pub struct Batch<K, V>(DatabaseConnection, Fetch<K, V>);

impl<K, V> Loader<K> for Batch<K, V>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    V: Send + Sync + Clone + 'static,
{
    type Value = V;
    type Error = Arc<DbErr>;
    async fn load(&self, keys: &[K]) -> Result<HashMap<K, V>, Self::Error> {
        (self.1)(&self.0, keys).await.map_err(store_err)
    }
}

/// The first n members of many communities (key: community and n), one statement per n.
async fn first_members(
    db: &DatabaseConnection,
    keys: &[(Uuid, u32)],
) -> convene_store::Result<HashMap<(Uuid, u32), Vec<community_member::Model>>> {
    let mut by_n: HashMap<u32, Vec<Uuid>> = HashMap::new();
    for (c, n) in keys {
        by_n.entry(*n).or_default().push(*c);
    }
    let mut out = HashMap::new();
    for (n, communities) in by_n {
        let found = repo::communities::first_members_of(db, &communities, n.into()).await?;
        out.extend(found.into_iter().map(|(c, ms)| ((c, n), ms)));
    }
    Ok(out)
}

/// Each community's conveners (every key answered).
async fn conveners(
    db: &DatabaseConnection,
    keys: &[Uuid],
) -> convene_store::Result<HashMap<Uuid, Vec<community_member::Model>>> {
    let role = convene_domain::community::MemberRole::Convener;
    repo::communities::members_in_role(db, keys, role).await
}

/// The viewer's pending requests to join (every key answered).
async fn pending_requests(
    db: &DatabaseConnection,
    keys: &[(Uuid, Uuid)],
) -> convene_store::Result<HashMap<(Uuid, Uuid), Option<join_request::Model>>> {
    repo::communities::pending_requests(db, keys).await
}

/// Whether each application's outcome has been sent (every key answered).
async fn told(
    db: &DatabaseConnection,
    keys: &[Uuid],
) -> convene_store::Result<HashMap<Uuid, bool>> {
    let told = repo::selection::told_applications(db, keys).await?;
    Ok(keys.iter().map(|k| (*k, told.contains(k))).collect())
}

/// A call's whole selection picture, shared by every field of a request that needs it. A call
/// that does not exist has no entry (as with every loader; `must` makes that an internal
/// error where the call has to exist); any other failure fails the load with its own code and
/// message, rather than being turned into a database error or dropped.
pub struct Selections(DatabaseConnection, Arc<SelectionCache>);
impl Loader<Uuid> for Selections {
    type Value = Arc<CallSelection>;
    type Error = Arc<crate::usecases::error::AppError>;
    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let failed = |e: crate::usecases::error::AppError| Arc::new(e);
        // the version first: what is computed after it is at least as new as it says
        let version = repo::versions::current(&self.0)
            .await
            .map_err(|e| failed(e.into()))?;
        let mut out = HashMap::new();
        for k in keys {
            if let Some(kept) = self.1.get(*k, version) {
                out.insert(*k, kept);
            } else if let Some(s) = CallSelection::load_if_any(&self.0, *k)
                .await
                .map_err(failed)?
            {
                let s = Arc::new(s);
                self.1.put(*k, version, s.clone());
                out.insert(*k, s);
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

/// The loaders of one request: rows by their id, then the relation edges, each one batch of
/// its repository.
pub struct Loaders {
    pub people: Dl<ById<person::Entity>>,
    pub organisations: Dl<ById<organisation::Entity>>,
    pub domains: Dl<ById<domain::Entity>>,
    pub calls: Dl<ById<call::Entity>>,
    pub applications: Dl<ById<application::Entity>>,
    pub criterion_by_id: Dl<ById<criterion::Entity>>,
    pub communities: Dl<ById<community::Entity>>,
    pub practices: Dl<ById<practice::Entity>>,
    pub exchanges: Dl<ById<practice_exchange::Entity>>,
    pub protocols: Dl<ById<sharing_protocol::Entity>>,
    pub selections: Dl<Selections>,
    /// The people on each application.
    pub participants: Dl<Batch<Uuid, Vec<participant::Model>>>,
    /// Whether an application's outcome has been sent.
    pub told: Dl<Batch<Uuid, bool>>,
    /// The members of each community.
    pub members: Dl<Batch<Uuid, Vec<community_member::Model>>>,
    /// The viewer's own membership of many communities (key: community and person), one
    /// statement per person: "is a member" without loading everyone in the community.
    pub memberships: Dl<Batch<(Uuid, Uuid), Option<community_member::Model>>>,
    /// The viewer's pending requests to join many communities (key: community and person).
    pub pending_requests: Dl<Batch<(Uuid, Uuid), Option<join_request::Model>>>,
    /// The first n members of each community (key: community and n).
    pub first_members: Dl<Batch<(Uuid, u32), Vec<community_member::Model>>>,
    /// Each community's conveners (their memberships).
    pub conveners: Dl<Batch<Uuid, Vec<community_member::Model>>>,
    /// How many members each community has.
    pub member_counts: Dl<Batch<Uuid, i64>>,
    /// Every period of every function of a community (SPEC §4, roles and responsibilities).
    pub functions: Dl<Batch<Uuid, Vec<community_function::Model>>>,
    /// The history of each support request.
    pub support_events: Dl<Batch<Uuid, Vec<support_request_event::Model>>>,
    /// The replies to each challenge.
    pub challenge_replies: Dl<Batch<Uuid, Vec<challenge_reply::Model>>>,
    /// Who came to each meeting.
    pub attendance: Dl<Batch<Uuid, Vec<meeting_attendance::Model>>>,
    /// Each call's scoring rubric.
    pub criteria: Dl<Batch<Uuid, Vec<criterion::Model>>>,
    /// Each call's questions, in order.
    pub questions: Dl<Batch<Uuid, Vec<call_question::Model>>>,
    /// Each person's roles.
    pub roles: Dl<Batch<Uuid, Vec<Role>>>,
    /// The questions and replies of each exchange.
    pub inquiries: Dl<Batch<Uuid, Vec<exchange_inquiry::Model>>>,
    /// The organisations where each promising practice is used.
    pub promising_organisations: Dl<Batch<Uuid, Vec<Uuid>>>,
}

/// Makes the request's loaders: each batch runs in a task of its own, counted in the
/// request's statements.
struct Make<'a> {
    db: &'a DatabaseConnection,
    scope: Option<RequestStatements>,
    cached: bool,
}

impl Make<'_> {
    fn spawned<K, L>(&self, l: L) -> Dl<L>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        L: Loader<K>,
    {
        let scope = self.scope.clone();
        let dl = DataLoader::with_cache(
            l,
            move |fut| match &scope {
                Some(s) => tokio::spawn(s.scope(fut)),
                None => tokio::spawn(fut),
            },
            HashMapCache::default(),
        )
        .max_batch_size(MAX_BATCH);
        dl.enable_all_cache(self.cached);
        dl
    }

    fn by_id<E>(&self) -> Dl<ById<E>>
    where
        ById<E>: Loader<Uuid>,
    {
        self.spawned(ById(self.db.clone(), PhantomData))
    }

    fn batch<K, V>(&self, fetch: Fetch<K, V>) -> Dl<Batch<K, V>>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        V: Send + Sync + Clone + 'static,
    {
        self.spawned(Batch(self.db.clone(), fetch))
    }
}

impl Loaders {
    /// The loaders of a request that only reads: each remembers what it loaded.
    pub fn new(state: &AppState) -> Self {
        Self::build(state, true)
    }

    /// The loaders of a request that writes: nothing is remembered, so that the answer of a
    /// mutation never shows a row as it was before an earlier mutation of the same request.
    pub fn uncached(state: &AppState) -> Self {
        Self::build(state, false)
    }

    fn build(state: &AppState, cached: bool) -> Self {
        let db = &state.db;
        let m = Make {
            db,
            scope: RequestStatements::current(),
            cached,
        };
        Loaders {
            people: m.by_id(),
            organisations: m.by_id(),
            domains: m.by_id(),
            calls: m.by_id(),
            applications: m.by_id(),
            criterion_by_id: m.by_id(),
            communities: m.by_id(),
            practices: m.by_id(),
            exchanges: m.by_id(),
            protocols: m.by_id(),
            selections: m.spawned(Selections(db.clone(), state.selections.clone())),
            participants: m.batch(|db, k| Box::pin(repo::applications::participants_of(db, k))),
            told: m.batch(|db, k| Box::pin(told(db, k))),
            members: m.batch(|db, k| Box::pin(repo::communities::members_of(db, k))),
            memberships: m.batch(|db, k| Box::pin(repo::communities::memberships(db, k))),
            pending_requests: m.batch(|db, k| Box::pin(pending_requests(db, k))),
            first_members: m.batch(|db, k| Box::pin(first_members(db, k))),
            conveners: m.batch(|db, k| Box::pin(conveners(db, k))),
            member_counts: m.batch(|db, k| Box::pin(repo::communities::member_counts(db, k))),
            functions: m.batch(|db, k| Box::pin(repo::community_work::functions_of(db, k))),
            support_events: m.batch(|db, k| Box::pin(repo::community_work::events_of(db, k))),
            challenge_replies: m.batch(|db, k| Box::pin(repo::community_work::replies_of(db, k))),
            attendance: m.batch(|db, k| Box::pin(repo::meetings::attendance_of(db, k))),
            criteria: m.batch(|db, k| Box::pin(repo::calls::criteria_of(db, k))),
            questions: m.batch(|db, k| Box::pin(repo::questions::of_calls(db, k))),
            roles: m.batch(|db, k| Box::pin(repo::people::roles_of(db, k))),
            inquiries: m.batch(|db, k| Box::pin(repo::practices::inquiries_of(db, k))),
            promising_organisations: m
                .batch(|db, k| Box::pin(repo::practices::organisations_of(db, k))),
        }
    }
}

pub fn loaders<'a>(ctx: &Context<'a>) -> &'a Loaders {
    ctx.data_unchecked::<Loaders>()
}

/// Load one row that must exist (a dangling reference is an internal error).
pub async fn must<L>(dl: &Dl<L>, id: Uuid, what: &str) -> ApiResult<L::Value>
where
    L: Loader<Uuid>,
    super::error::ApiError: From<L::Error>,
{
    dl.load_one(id)
        .await?
        .ok_or_else(|| super::error::ApiError::internal(format!("{what} {id} is missing")))
}

/// Load the row a nullable reference points at, as `node`: none when it points nowhere.
pub async fn load_opt<L, N>(
    dl: &Dl<L>,
    id: Option<Uuid>,
    node: impl FnOnce(L::Value) -> N,
) -> ApiResult<Option<N>>
where
    L: Loader<Uuid>,
    super::error::ApiError: From<L::Error>,
{
    match id {
        Some(id) => Ok(dl.load_one(id).await?.map(node)),
        None => Ok(None),
    }
}

/// Load the rows a key has (none is an empty list), each as `node`.
pub async fn load_all<K, T, N>(
    dl: &Dl<Batch<K, Vec<T>>>,
    key: K,
    node: impl FnMut(T) -> N,
) -> ApiResult<Vec<N>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    T: Send + Sync + Clone + 'static,
{
    let rows = dl.load_one(key).await?.unwrap_or_default();
    Ok(rows.into_iter().map(node).collect())
}
