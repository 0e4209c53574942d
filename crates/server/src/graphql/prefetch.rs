//! Fetching ahead for the big pages. A list field looks at what the query asks of its items
//! (`ctx.look_ahead()`) and loads those relations for the whole page at once, one statement
//! each, before the items' fields resolve; the fields then find the rows in the request's
//! loaders. So the statements of a page depend neither on its size nor on how busy the server
//! is (a DataLoader batch alone is cut wherever its 1 ms timer fires).

use std::collections::BTreeSet;

use async_graphql::{Context, Lookahead, Value};
use convene_store::entities::{application, community};
use uuid::Uuid;

use super::context::viewer;
use super::error::ApiResult;
use super::loaders::loaders;

/// The items of a connection as the query asks for them: `nodes { … }` and
/// `edges { node { … } }`.
fn items<'a>(look: &Lookahead<'a>) -> [Lookahead<'a>; 2] {
    [look.field("nodes"), look.field("edges").field("node")]
}

fn asks(items: &[Lookahead<'_>], field: &str) -> bool {
    items.iter().any(|i| i.field(field).exists())
}

/// The page sizes `first: n` asked of a list field of the items (invalid ones are left to the
/// field itself to refuse).
fn firsts(items: &[Lookahead<'_>], field: &str) -> BTreeSet<u32> {
    items
        .iter()
        .flat_map(|i| i.field(field).selection_fields())
        .filter_map(|f| {
            let args = f.arguments().ok()?;
            args.into_iter().find_map(|(name, value)| match value {
                Value::Number(n) if name.as_str() == "first" => {
                    n.as_u64().and_then(|n| u32::try_from(n).ok())
                }
                _ => None,
            })
        })
        .collect()
}

/// The directory's page of communities: their domains, member counts, the viewer's own
/// membership and request to join, and the first members and conveners with their people and
/// organisations.
pub async fn communities(ctx: &Context<'_>, rows: &[community::Model]) -> ApiResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let look = ctx.look_ahead();
    let items = items(&look);
    let l = loaders(ctx);
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    if asks(&items, "domain") {
        l.domains
            .load_many(rows.iter().map(|c| c.domain_id))
            .await?;
    }
    if asks(&items, "memberCount") {
        l.member_counts.load_many(ids.iter().copied()).await?;
    }
    let sizes = firsts(&items, "members");
    let readable = viewers_own(ctx, &items, &ids, !sizes.is_empty()).await?;
    let mut people = BTreeSet::new();
    for n in sizes {
        let lists = l
            .first_members
            .load_many(readable.iter().map(|c| (*c, n)))
            .await?;
        people.extend(lists.values().flatten().map(|m| m.person_id));
    }
    if asks(&items, "conveners") {
        let lists = l.conveners.load_many(ids.iter().copied()).await?;
        people.extend(lists.values().flatten().map(|m| m.person_id));
    }
    // the people the page shows (first members, conveners) and, if asked, their organisations
    let shown: Vec<Lookahead<'_>> = items
        .iter()
        .flat_map(|i| [i.field("members").field("person"), i.field("conveners")])
        .collect();
    people_and_organisations(ctx, &shown, people).await
}

/// The viewer's own membership and request to join of each community, if asked (or needed to
/// know whose members they may read); returns the communities whose members they may read:
/// the programme team every one, others their own, anonymous visitors none.
async fn viewers_own(
    ctx: &Context<'_>,
    items: &[Lookahead<'_>],
    ids: &[Uuid],
    members_asked: bool,
) -> ApiResult<Vec<Uuid>> {
    let Some(v) = viewer(ctx) else {
        return Ok(Vec::new());
    };
    let l = loaders(ctx);
    let (me, team) = (v.person.0, v.is_programme_team());
    if asks(items, "viewerJoinRequest") {
        l.pending_requests
            .load_many(ids.iter().map(|c| (*c, me)))
            .await?;
    }
    let mut readable = ids.to_vec();
    if asks(items, "viewerRole") || (!team && members_asked) {
        let mine = l
            .memberships
            .load_many(ids.iter().map(|c| (*c, me)))
            .await?;
        if !team {
            // the rule `Community.members` applies (`community::check_member`), on the rows
            // just loaded
            readable.retain(|c| {
                let role = mine
                    .get(&(*c, me))
                    .and_then(Option::as_ref)
                    .and_then(|m| convene_store::repo::communities::role(m).ok());
                convene_domain::community::check_member(role).is_ok()
            });
        }
    }
    Ok(readable)
}

/// People shown under `shown` and, if asked of them, their organisations.
async fn people_and_organisations(
    ctx: &Context<'_>,
    shown: &[Lookahead<'_>],
    people: BTreeSet<Uuid>,
) -> ApiResult<()> {
    if !shown.iter().any(Lookahead::exists) || people.is_empty() {
        return Ok(());
    }
    let l = loaders(ctx);
    let found = l.people.load_many(people).await?;
    if shown.iter().any(|p| p.field("organisation").exists()) {
        let orgs: BTreeSet<Uuid> = found.values().map(|p| p.organisation_id).collect();
        l.organisations.load_many(orgs).await?;
    }
    Ok(())
}

/// Applications listed under `look` (a ranking's entries, a call's applications): their
/// domains, their people (leads and co-leads) and, if asked, those people's organisations.
pub async fn applications(
    ctx: &Context<'_>,
    look: &Lookahead<'_>,
    apps: &[&application::Model],
) -> ApiResult<()> {
    if apps.is_empty() {
        return Ok(());
    }
    let l = loaders(ctx);
    if look.field("domain").exists() {
        l.domains
            .load_many(apps.iter().map(|a| a.domain_id))
            .await?;
    }
    let participants = ["leadOrganisation", "coLeads", "participants"]
        .iter()
        .any(|f| look.field(f).exists());
    if participants {
        let found = l.participants.load_many(apps.iter().map(|a| a.id)).await?;
        if look.field("leadOrganisation").exists() {
            let orgs: BTreeSet<Uuid> = found
                .values()
                .flatten()
                .filter(|p| p.is_lead)
                .filter_map(|p| p.organisation_id)
                .collect();
            l.organisations.load_many(orgs).await?;
        }
    }
    let leads: BTreeSet<Uuid> = apps.iter().map(|a| a.lead_id).collect();
    people_and_organisations(ctx, &[look.field("lead")], leads).await
}
