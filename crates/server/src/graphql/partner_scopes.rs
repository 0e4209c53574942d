//! Partner systems read what their scopes cover, at every depth of a query: each field is
//! checked by the type it belongs to and the type it returns, so `node(id)` and nested
//! lists are covered as well as the root fields. Partners never run mutations, and where only
//! a signed-in person may look they are refused, not asked to sign in.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{ServerError, ServerResult, Value};
use convene_domain::partner::{
    check_partner_read, check_partner_write, partner_instead_of, Area, Scope,
};

use super::context::RequestCtx;
use super::error::ApiError;

/// The names (prefixes) of the types of each area.
const CALLS: &[&str] = &[
    "Call",
    "Application",
    "Criterion",
    "Ranking",
    "Review",
    "Allocation",
    "Honorari",
    "Panel",
    "Decision",
    "Outcome",
    "Conflict",
    "CoLead",
    "Participant",
];
const COMMUNITIES: &[&str] = &[
    "Community",
    "Meeting",
    "Challenge",
    "MemberMap",
    "Reach",
    "WorkingPlan",
    "PlanNeed",
    "SupportRequest",
    "JoinRequest",
    "DomainDefinition",
    "StartupStep",
    "IntranetPublication",
];
const PRACTICES: &[&str] = &[
    "Practice",
    "Exchange",
    "Inquiry",
    "SharingProtocol",
    "Promising",
];

/// Which part of Convene a GraphQL type belongs to. Types not listed are open reference data
/// (domains, organisations, people's names, page info) that anonymous visitors read too.
pub fn area_of(type_name: &str) -> Area {
    let base = type_name.trim_matches(|c| c == '[' || c == ']' || c == '!');
    let starts = |list: &[&str]| list.iter().any(|p| base.starts_with(p));
    if starts(PRACTICES) {
        Area::Scoped(Scope::ReadPractices)
    } else if starts(COMMUNITIES) {
        Area::Scoped(Scope::ReadCommunities)
    } else if starts(CALLS) {
        Area::Scoped(Scope::ReadCalls)
    } else {
        Area::Open
    }
}

pub struct PartnerScopes;

impl ExtensionFactory for PartnerScopes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(PartnerScopesExtension)
    }
}

struct PartnerScopesExtension;

fn refuse(e: convene_domain::DomainError, info: &ResolveInfo<'_>) -> ServerError {
    async_graphql::Error::from(ApiError::from(e)).into_server_error(info.field.name.pos)
}

#[async_trait::async_trait]
impl Extension for PartnerScopesExtension {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let partner = ctx
            .data_opt::<RequestCtx>()
            .and_then(|r| r.partner.as_ref());
        let Some(p) = partner else {
            return next.run(ctx, info).await;
        };
        if !info.is_for_introspection {
            if info.parent_type == "MutationRoot" || info.parent_type == "SubscriptionRoot" {
                return Err(refuse(check_partner_write().unwrap_err(), &info));
            }
            for t in [info.parent_type, info.return_type] {
                check_partner_read(&p.scopes, area_of(t)).map_err(|e| refuse(e, &info))?;
            }
        }
        let pos = info.field.name.pos;
        next.run(ctx, info).await.map_err(|e| {
            let code = e.extensions.as_ref().and_then(|x| match x.get("code") {
                Some(Value::String(c)) => Some(c.clone()),
                _ => None,
            });
            match code.as_deref().and_then(partner_instead_of) {
                Some(d) => ServerError {
                    path: e.path,
                    locations: e.locations,
                    ..async_graphql::Error::from(ApiError::from(d)).into_server_error(pos)
                },
                None => e,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_fall_in_their_areas() {
        assert_eq!(
            area_of("PracticeConnection!"),
            Area::Scoped(Scope::ReadPractices)
        );
        assert_eq!(area_of("[Exchange!]!"), Area::Scoped(Scope::ReadPractices));
        assert_eq!(area_of("Community"), Area::Scoped(Scope::ReadCommunities));
        assert_eq!(
            area_of("MeetingConnection!"),
            Area::Scoped(Scope::ReadCommunities)
        );
        assert_eq!(area_of("CallConnection!"), Area::Scoped(Scope::ReadCalls));
        assert_eq!(area_of("Application"), Area::Scoped(Scope::ReadCalls));
        for open in [
            "Domain",
            "Organisation",
            "Person",
            "PageInfo!",
            "String!",
            "QueryRoot",
        ] {
            assert_eq!(area_of(open), Area::Open, "{open}");
        }
    }
}
