//! Partner systems read what their scopes cover, at every depth of a query: each field is
//! checked by the type it belongs to and the type it returns, so `node(id)` and nested
//! lists are covered as well as the root fields. Partners never run mutations.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{ServerError, ServerResult, Value};
use convene_domain::partner::{check_partner_read, check_partner_write, Area, Scope};

use super::context::RequestCtx;
use super::error::ApiError;

/// Which part of Convene a GraphQL type belongs to. Types not listed are open reference data
/// (domains, organisations, people's names, page info) that anonymous visitors read too.
pub fn area_of(type_name: &str) -> Area {
    let base = type_name.trim_matches(|c| c == '[' || c == ']' || c == '!');
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
        if let Some(p) = partner {
            if !info.is_for_introspection {
                if info.parent_type == "MutationRoot" || info.parent_type == "SubscriptionRoot" {
                    return Err(refuse(check_partner_write().unwrap_err(), &info));
                }
                for t in [info.parent_type, info.return_type] {
                    check_partner_read(&p.scopes, area_of(t)).map_err(|e| refuse(e, &info))?;
                }
            }
        }
        next.run(ctx, info).await
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
