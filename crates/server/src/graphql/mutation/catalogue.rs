//! Organisations and the domain catalogue (SPEC §1).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::catalogue::{self as rules, DomainStatus};
use convene_domain::{organisation, Fields};
use convene_store::begin_write;
use convene_store::repo::{domains, organisations};

use super::audit;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::ids;
use crate::graphql::types::catalogue::Domain;
use crate::graphql::types::enums::Sector;
use crate::graphql::types::organisation::Organisation;

#[derive(Default)]
pub struct CatalogueMutations;

#[derive(InputObject)]
pub struct CreateOrganisationInput {
    pub name: String,
    pub sector: Sector,
    /// A current NHS member organisation of the network.
    pub nhs_member: bool,
}
#[derive(SimpleObject)]
pub struct CreateOrganisationPayload {
    pub organisation: Organisation,
}

#[derive(InputObject)]
pub struct SetOrganisationNhsMemberInput {
    pub organisation_id: ID,
    pub nhs_member: bool,
}
#[derive(SimpleObject)]
pub struct SetOrganisationNhsMemberPayload {
    pub organisation: Organisation,
}

#[derive(InputObject)]
pub struct CreateDomainInput {
    pub name: String,
    #[graphql(default)]
    pub description: String,
}
#[derive(SimpleObject)]
pub struct CreateDomainPayload {
    pub domain: Domain,
}

#[derive(InputObject)]
pub struct ProposeDomainInput {
    pub name: String,
    #[graphql(default)]
    pub description: String,
}
#[derive(SimpleObject)]
pub struct ProposeDomainPayload {
    pub domain: Domain,
}

#[derive(InputObject)]
pub struct AcceptDomainInput {
    pub domain_id: ID,
    /// Accept under another name.
    pub name: Option<String>,
}
#[derive(SimpleObject)]
pub struct AcceptDomainPayload {
    pub domain: Domain,
}

#[derive(InputObject)]
pub struct RenameDomainInput {
    pub domain_id: ID,
    pub name: String,
    pub description: Option<String>,
}
#[derive(SimpleObject)]
pub struct RenameDomainPayload {
    pub domain: Domain,
}

#[derive(InputObject)]
pub struct MergeDomainInput {
    pub domain_id: ID,
    pub into_domain_id: ID,
}
#[derive(SimpleObject)]
pub struct MergeDomainPayload {
    /// The domain merged into (which now holds the applications).
    pub domain: Domain,
}

async fn create_domain(
    ctx: &Context<'_>,
    name: &str,
    description: &str,
    status: DomainStatus,
) -> ApiResult<Domain> {
    let st = state(ctx);
    let v = require_signed_in(viewer(ctx))?;
    let mut f = Fields::new();
    let name = f.take(rules::parse_name("name", name));
    let description = f.take(rules::parse_description("description", description));
    f.finish()?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let d = domains::create(
        &tx,
        &name.unwrap(),
        &description.unwrap(),
        status,
        Some(v.person.0),
        now,
    )
    .await?;
    audit(
        &tx,
        Some(v.person.0),
        "Domain",
        d.id,
        if status == DomainStatus::Proposed {
            "propose"
        } else {
            "create"
        },
        None,
        Some(&d),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Domain(d))
}

#[Object]
impl CatalogueMutations {
    /// Add an organisation (programme team only).
    async fn create_organisation(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganisationInput,
    ) -> ApiResult<CreateOrganisationPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let name = organisation::parse_name("name", &input.name)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let o = organisations::create(
            &tx,
            &name,
            input.sector.into(),
            input.nhs_member,
            Some(v.person.0),
            now,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Organisation",
            o.id,
            "create",
            None,
            Some(&o),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(CreateOrganisationPayload {
            organisation: Organisation(o),
        })
    }

    /// Change whether an organisation is a current NHS member of the network (history kept).
    async fn set_organisation_nhs_member(
        &self,
        ctx: &Context<'_>,
        input: SetOrganisationNhsMemberInput,
    ) -> ApiResult<SetOrganisationNhsMemberPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::decode("organisationId", "Organisation", &input.organisation_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = organisations::get(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("organisationId", "There is no such organisation"))?;
        let after = organisations::set_nhs_member(
            &tx,
            before.clone(),
            input.nhs_member,
            Some(v.person.0),
            now,
        )
        .await?;
        if after != before {
            audit(
                &tx,
                Some(v.person.0),
                "Organisation",
                id,
                "set_nhs_member",
                Some(&before),
                Some(&after),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(SetOrganisationNhsMemberPayload {
            organisation: Organisation(after),
        })
    }

    /// Add an accepted domain to the catalogue (programme team only).
    async fn create_domain(
        &self,
        ctx: &Context<'_>,
        input: CreateDomainInput,
    ) -> ApiResult<CreateDomainPayload> {
        require_role(viewer(ctx), Role::ProgrammeTeam)?;
        Ok(CreateDomainPayload {
            domain: create_domain(ctx, &input.name, &input.description, DomainStatus::Accepted)
                .await?,
        })
    }

    /// Propose a new domain (anyone signed in); applications can use it straight away.
    async fn propose_domain(
        &self,
        ctx: &Context<'_>,
        input: ProposeDomainInput,
    ) -> ApiResult<ProposeDomainPayload> {
        Ok(ProposeDomainPayload {
            domain: create_domain(ctx, &input.name, &input.description, DomainStatus::Proposed)
                .await?,
        })
    }

    /// Accept a proposed domain, optionally renaming it (programme team only).
    async fn accept_domain(
        &self,
        ctx: &Context<'_>,
        input: AcceptDomainInput,
    ) -> ApiResult<AcceptDomainPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::decode("domainId", "Domain", &input.domain_id)?;
        let name = input
            .name
            .as_deref()
            .map(|n| rules::parse_name("name", n))
            .transpose()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = domains::get(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("domainId", "There is no such domain"))?;
        rules::check_acceptable(domains::status(&before))?;
        let after = domains::update(
            &tx,
            before.clone(),
            name.as_deref(),
            None,
            Some(DomainStatus::Accepted),
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Domain",
            id,
            "accept",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(AcceptDomainPayload {
            domain: Domain(after),
        })
    }

    /// Rename a domain or change its description (programme team only).
    async fn rename_domain(
        &self,
        ctx: &Context<'_>,
        input: RenameDomainInput,
    ) -> ApiResult<RenameDomainPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::decode("domainId", "Domain", &input.domain_id)?;
        let mut f = Fields::new();
        let name = f.take(rules::parse_name("name", &input.name));
        let description = f.take(
            input
                .description
                .as_deref()
                .map(|d| rules::parse_description("description", d))
                .transpose(),
        );
        f.finish()?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let before = domains::get(&tx, id)
            .await?
            .ok_or_else(|| ApiError::field("domainId", "There is no such domain"))?;
        let after = domains::update(
            &tx,
            before.clone(),
            name.as_deref(),
            description.flatten().as_deref(),
            None,
        )
        .await?;
        audit(
            &tx,
            Some(v.person.0),
            "Domain",
            id,
            "rename",
            Some(&before),
            Some(&after),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RenameDomainPayload {
            domain: Domain(after),
        })
    }

    /// Merge a domain into another: its applications move across (programme team only).
    async fn merge_domain(
        &self,
        ctx: &Context<'_>,
        input: MergeDomainInput,
    ) -> ApiResult<MergeDomainPayload> {
        let st = state(ctx);
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let from_id = ids::decode("domainId", "Domain", &input.domain_id)?;
        let into_id = ids::decode("intoDomainId", "Domain", &input.into_domain_id)?;
        let now = now();
        let tx = begin_write(&st.db).await?;
        let from = domains::get(&tx, from_id)
            .await?
            .ok_or_else(|| ApiError::field("domainId", "There is no such domain"))?;
        let into = domains::get(&tx, into_id)
            .await?
            .ok_or_else(|| ApiError::field("intoDomainId", "There is no such domain"))?;
        rules::check_mergeable(
            domains::status(&from),
            from_id == into_id,
            domains::status(&into),
        )?;
        let merged = domains::merge(&tx, from.clone(), into_id).await?;
        audit(
            &tx,
            Some(v.person.0),
            "Domain",
            from_id,
            "merge",
            Some(&from),
            Some(&merged),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(MergeDomainPayload {
            domain: Domain(into),
        })
    }
}
