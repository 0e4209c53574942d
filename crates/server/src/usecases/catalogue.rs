//! The catalogue (SPEC §1): organisations and the domains applications are made in.

use std::collections::HashMap;

use convene_domain::access::Viewer;
use convene_domain::catalogue::{self as rules, DomainStatus};
use convene_domain::ids::{DomainId, OrganisationId};
use convene_domain::organisation::Sector;
use convene_domain::organisation_import::{self as import, ImportAction, ImportRow, LineError};
use convene_store::entities::{domain, organisation};
use convene_store::repo::{domains, organisations};

use super::{AppError, AppResult, Write};
use crate::state::AppState;

pub struct NewOrganisation {
    pub name: String,
    pub sector: Sector,
    /// A current NHS member organisation of the network.
    pub nhs_member: bool,
}

/// Add an organisation (the caller has checked that the actor is on the programme team).
pub async fn create_organisation(
    st: &AppState,
    v: &Viewer,
    cmd: NewOrganisation,
) -> AppResult<organisation::Model> {
    let mut w = Write::by(st, v).await?;
    let o = organisations::create(
        w.tx(),
        &cmd.name,
        cmd.sector,
        cmd.nhs_member,
        w.actor_uuid(),
        w.now(),
    )
    .await?;
    w.audit_created("Organisation", o.id, "create", &o);
    w.commit().await?;
    Ok(o)
}

/// Change whether an organisation is a current NHS member of the network (history kept).
pub async fn set_organisation_nhs_member(
    st: &AppState,
    v: &Viewer,
    id: OrganisationId,
    nhs_member: bool,
) -> AppResult<organisation::Model> {
    let mut w = Write::by(st, v).await?;
    let before = organisations::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field("organisationId", "There is no such organisation"))?;
    let after =
        organisations::set_nhs_member(w.tx(), before.clone(), nhs_member, w.actor_uuid(), w.now())
            .await?;
    if after != before {
        w.audit_changed("Organisation", id.0, "set_nhs_member", &before, &after);
    }
    w.commit().await?;
    Ok(after)
}

/// One line of an import and what it does (or would do, on a dry run).
pub struct ImportedLine {
    pub row: ImportRow,
    pub action: ImportAction,
}

/// What an import did, or would do: nothing is saved when `errors` is not empty or on a dry run.
pub struct ImportOutcome {
    pub lines: Vec<ImportedLine>,
    pub errors: Vec<LineError>,
    pub saved: bool,
}

impl ImportOutcome {
    pub fn count(&self, action: ImportAction) -> usize {
        if !self.errors.is_empty() {
            return 0;
        }
        self.lines.iter().filter(|l| l.action == action).count()
    }
}

/// Import organisations from a CSV file (the caller has checked that the actor is on the
/// programme team): a name matching an existing organisation's (any case, spaces trimmed)
/// updates it, any other adds one; all or nothing, each change audited.
pub async fn import_organisations(
    st: &AppState,
    v: &Viewer,
    csv: &str,
    dry_run: bool,
) -> AppResult<ImportOutcome> {
    let mut w = Write::by(st, v).await?;
    let today = w.now().date_naive();
    let parsed = import::parse_csv(csv, today);
    let names: Vec<String> = parsed.rows.iter().map(|r| r.name.clone()).collect();
    // found by the store's unique key, matched to lines by the domain's
    let mut existing: HashMap<String, organisation::Model> =
        organisations::by_names(w.tx(), &names)
            .await?
            .into_iter()
            .map(|o| (import::name_key(&o.name), o))
            .collect();
    let mut planned = Vec::new();
    for row in parsed.rows {
        let found = existing.remove(&import::name_key(&row.name));
        let current = found.as_ref().map(|o| import::Current {
            sector: organisations::facts(o).sector,
            nhs_member: o.nhs_member,
            nhs_member_changed_on: o.nhs_member_changed_on,
        });
        let (action, after) = import::plan(&row, current, today);
        planned.push((row, action, after, found));
    }
    let saved = parsed.errors.is_empty() && !dry_run;
    let mut lines = Vec::new();
    for (row, action, after, found) in planned {
        if saved {
            save_imported(&mut w, &row, action, after, found).await?;
        }
        lines.push(ImportedLine { row, action });
    }
    if saved {
        w.commit().await?;
    }
    Ok(ImportOutcome {
        lines,
        errors: parsed.errors,
        saved,
    })
}

/// Write one planned line of an import, with its audit entry.
async fn save_imported(
    w: &mut Write<'_>,
    row: &ImportRow,
    action: ImportAction,
    after: import::Current,
    found: Option<organisation::Model>,
) -> AppResult<()> {
    let on = after.nhs_member_changed_on.unwrap_or(w.now().date_naive());
    match (action, found) {
        (ImportAction::Create, _) => {
            let values = (row.name.as_str(), after.sector, after.nhs_member, on);
            let o = organisations::create_imported(w.tx(), values, w.actor_uuid(), w.now()).await?;
            w.audit_created("Organisation", o.id, "import", &o);
        }
        (ImportAction::Update, Some(before)) => {
            let values = (after.sector, after.nhs_member, after.nhs_member_changed_on);
            let o = organisations::update_imported(
                w.tx(),
                before.clone(),
                values,
                w.actor_uuid(),
                w.now(),
            )
            .await?;
            w.audit_changed("Organisation", o.id, "import", &before, &o);
        }
        _ => {}
    }
    Ok(())
}

/// A domain's name and description, parsed.
pub struct DomainText {
    pub name: String,
    pub description: String,
}

/// Add a domain: ACCEPTED by the programme team, PROPOSED by anyone else signed in (usable by
/// applications straight away).
pub async fn create_domain(
    st: &AppState,
    v: &Viewer,
    text: DomainText,
    status: DomainStatus,
) -> AppResult<domain::Model> {
    let mut w = Write::by(st, v).await?;
    let d = domains::create(
        w.tx(),
        &text.name,
        &text.description,
        status,
        w.actor_uuid(),
        w.now(),
    )
    .await?;
    let action = match status {
        DomainStatus::Proposed => "propose",
        _ => "create",
    };
    w.audit_created("Domain", d.id, action, &d);
    w.commit().await?;
    Ok(d)
}

/// The domain `id`, given as the input field `field`.
async fn domain(w: &Write<'_>, field: &str, id: DomainId) -> AppResult<domain::Model> {
    domains::get(w.tx(), id.0)
        .await?
        .ok_or_else(|| AppError::field(field, "There is no such domain"))
}

/// Change a domain's name, description or status, with the audit entry `action`.
async fn update_domain(
    w: &mut Write<'_>,
    before: domain::Model,
    action: &'static str,
    change: (Option<&str>, Option<&str>, Option<DomainStatus>),
) -> AppResult<domain::Model> {
    let (name, description, status) = change;
    let after = domains::update(w.tx(), before.clone(), name, description, status).await?;
    w.audit_changed("Domain", before.id, action, &before, &after);
    Ok(after)
}

/// Accept a proposed domain, optionally under another name.
pub async fn accept_domain(
    st: &AppState,
    v: &Viewer,
    id: DomainId,
    name: Option<String>,
) -> AppResult<domain::Model> {
    let mut w = Write::by(st, v).await?;
    let before = domain(&w, "domainId", id).await?;
    rules::check_acceptable(domains::status(&before))?;
    let change = (name.as_deref(), None, Some(DomainStatus::Accepted));
    let after = update_domain(&mut w, before, "accept", change).await?;
    w.commit().await?;
    Ok(after)
}

/// Rename a domain, and change its description if one is given.
pub async fn rename_domain(
    st: &AppState,
    v: &Viewer,
    id: DomainId,
    name: String,
    description: Option<String>,
) -> AppResult<domain::Model> {
    let mut w = Write::by(st, v).await?;
    let before = domain(&w, "domainId", id).await?;
    let change = (Some(name.as_str()), description.as_deref(), None);
    let after = update_domain(&mut w, before, "rename", change).await?;
    w.commit().await?;
    Ok(after)
}

/// Merge a domain into another: its applications move across. Answers the domain merged into.
pub async fn merge_domain(
    st: &AppState,
    v: &Viewer,
    from: DomainId,
    into: DomainId,
) -> AppResult<domain::Model> {
    let mut w = Write::by(st, v).await?;
    let source = domain(&w, "domainId", from).await?;
    let target = domain(&w, "intoDomainId", into).await?;
    rules::check_mergeable(
        domains::status(&source),
        from == into,
        domains::status(&target),
    )?;
    let merged = domains::merge(w.tx(), source.clone(), into.0).await?;
    w.audit_changed("Domain", from.0, "merge", &source, &merged);
    w.commit().await?;
    Ok(target)
}
