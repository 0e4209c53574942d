//! Organisations and the domain catalogue (SPEC §1).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use convene_domain::access::{require_role, require_signed_in};
use convene_domain::account::Role;
use convene_domain::catalogue::{self as rules, DomainStatus};
use convene_domain::organisation_import::ImportAction;
use convene_domain::{organisation, Fields};

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::ids;
use crate::graphql::types::catalogue::Domain;
use crate::graphql::types::enums::Sector;
use crate::graphql::types::organisation::{ImportLineError, Organisation, OrganisationImportLine};
use crate::graphql::types::scalars::Date;
use crate::usecases::catalogue::{self as usecase, DomainText};

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

#[derive(InputObject)]
pub struct ImportOrganisationsInput {
    /// CSV text: a header line `name,sector,nhsMember[,nhsMemberSince]`, then one
    /// organisation a line (quoted fields and a UTF-8 byte order mark accepted).
    pub csv: String,
    /// Check the file and say what would be created and updated, saving nothing.
    #[graphql(default)]
    pub dry_run: bool,
}
/// What an import did or, on a dry run or while any line is wrong, would do.
#[derive(SimpleObject)]
pub struct ImportOrganisationsPayload {
    /// Organisations added (none while any line is wrong).
    pub created: i32,
    /// Organisations changed (none while any line is wrong).
    pub updated: i32,
    /// Lines that match an organisation as it already is.
    pub unchanged: i32,
    /// Whether anything was saved: false on a dry run or while any line is wrong.
    pub saved: bool,
    /// Every wrong line, with its number and the reason.
    pub errors: Vec<ImportLineError>,
    /// Every good line and what it does.
    pub lines: Vec<OrganisationImportLine>,
}

impl From<usecase::ImportOutcome> for ImportOrganisationsPayload {
    fn from(o: usecase::ImportOutcome) -> Self {
        let n = |a| o.count(a) as i32;
        ImportOrganisationsPayload {
            created: n(ImportAction::Create),
            updated: n(ImportAction::Update),
            unchanged: n(ImportAction::Unchanged),
            saved: o.saved,
            errors: o
                .errors
                .iter()
                .map(|e| ImportLineError {
                    line: e.line as i32,
                    message: e.message.clone(),
                })
                .collect(),
            lines: o
                .lines
                .into_iter()
                .map(|l| OrganisationImportLine {
                    line: l.row.line as i32,
                    name: l.row.name,
                    sector: l.row.sector.into(),
                    nhs_member: l.row.nhs_member,
                    nhs_member_since: l.row.nhs_member_since.map(Date),
                    action: l.action.into(),
                })
                .collect(),
        }
    }
}

/// A domain's name and description, every bad field reported at once.
fn domain_text(name: &str, description: &str) -> ApiResult<DomainText> {
    let mut f = Fields::new();
    let name = f.take(rules::parse_name("name", name));
    let description = f.take(rules::parse_description("description", description));
    f.finish()?;
    Ok(DomainText {
        name: name.unwrap_or_default(),
        description: description.unwrap_or_default(),
    })
}

/// Add a domain as the signed-in viewer.
async fn create_domain(
    ctx: &Context<'_>,
    name: &str,
    description: &str,
    status: DomainStatus,
) -> ApiResult<Domain> {
    let v = require_signed_in(viewer(ctx))?;
    let text = domain_text(name, description)?;
    Ok(Domain(
        usecase::create_domain(state(ctx), v, text, status).await?,
    ))
}

#[Object]
impl CatalogueMutations {
    /// Add an organisation (programme team only).
    async fn create_organisation(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganisationInput,
    ) -> ApiResult<CreateOrganisationPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let cmd = usecase::NewOrganisation {
            name: organisation::parse_name("name", &input.name)?,
            sector: input.sector.into(),
            nhs_member: input.nhs_member,
        };
        let o = usecase::create_organisation(state(ctx), v, cmd).await?;
        Ok(CreateOrganisationPayload {
            organisation: Organisation(o),
        })
    }

    /// Add and update organisations from a CSV file (programme team only): a name matching an
    /// existing organisation's (any case, spaces trimmed) updates it. Nothing is saved while
    /// any line is wrong, nor on a dry run. Audited.
    async fn import_organisations(
        &self,
        ctx: &Context<'_>,
        input: ImportOrganisationsInput,
    ) -> ApiResult<ImportOrganisationsPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let outcome =
            usecase::import_organisations(state(ctx), v, &input.csv, input.dry_run).await?;
        Ok(outcome.into())
    }

    /// Change whether an organisation is a current NHS member of the network (history kept).
    async fn set_organisation_nhs_member(
        &self,
        ctx: &Context<'_>,
        input: SetOrganisationNhsMemberInput,
    ) -> ApiResult<SetOrganisationNhsMemberPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("organisationId", &input.organisation_id)?;
        let o = usecase::set_organisation_nhs_member(state(ctx), v, id, input.nhs_member).await?;
        Ok(SetOrganisationNhsMemberPayload {
            organisation: Organisation(o),
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
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("domainId", &input.domain_id)?;
        let name = input
            .name
            .as_deref()
            .map(|n| rules::parse_name("name", n))
            .transpose()?;
        let d = usecase::accept_domain(state(ctx), v, id, name).await?;
        Ok(AcceptDomainPayload { domain: Domain(d) })
    }

    /// Rename a domain or change its description (programme team only).
    async fn rename_domain(
        &self,
        ctx: &Context<'_>,
        input: RenameDomainInput,
    ) -> ApiResult<RenameDomainPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let id = ids::typed("domainId", &input.domain_id)?;
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
        let (name, description) = (name.unwrap_or_default(), description.flatten());
        let d = usecase::rename_domain(state(ctx), v, id, name, description).await?;
        Ok(RenameDomainPayload { domain: Domain(d) })
    }

    /// Merge a domain into another: its applications move across (programme team only).
    async fn merge_domain(
        &self,
        ctx: &Context<'_>,
        input: MergeDomainInput,
    ) -> ApiResult<MergeDomainPayload> {
        let v = require_role(viewer(ctx), Role::ProgrammeTeam)?;
        let from = ids::typed("domainId", &input.domain_id)?;
        let into = ids::typed("intoDomainId", &input.into_domain_id)?;
        let d = usecase::merge_domain(state(ctx), v, from, into).await?;
        Ok(MergeDomainPayload { domain: Domain(d) })
    }
}
