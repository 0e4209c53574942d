//! People's own data (SPEC §7): export everything held about yourself, and delete your
//! account after typing your password again. Both are in the audit trail, without personal data.

use async_graphql::{Context, Object};
use convene_domain::access::require_signed_in;
use convene_domain::account::Role;
use convene_domain::privacy as rules;
use convene_store::begin_write;
use convene_store::repo::people;
use convene_store::repo::privacy::{erase, export};

use super::audit;
use crate::auth::password;
use crate::graphql::context::{now, state, viewer};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::types::privacy::{
    DeleteMyAccountInput, DeleteMyAccountPayload, KeptRecord, MyDataExport,
};

#[derive(Default)]
pub struct PrivacyMutations;

/// The viewer's data, with an audit entry saying only that it was exported.
pub(crate) async fn export_my_data(ctx: &Context<'_>) -> ApiResult<MyDataExport> {
    let st = state(ctx);
    let v = require_signed_in(viewer(ctx))?;
    let now = now();
    let tx = begin_write(&st.db).await?;
    let tables = export::my_data(&tx, v.person.0).await?;
    let counts: serde_json::Map<String, serde_json::Value> = tables
        .iter()
        .map(|t| (t.name.to_string(), t.rows.len().into()))
        .collect();
    audit(
        &tx,
        Some(v.person.0),
        "Person",
        v.person.0,
        "export_data",
        None,
        Some(&serde_json::json!({ "rows": counts })),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(MyDataExport::new(now, &tables))
}

#[Object]
impl PrivacyMutations {
    /// Everything held about the viewer, at once: JSON, and CSV per table. Audited.
    async fn export_my_data(&self, ctx: &Context<'_>) -> ApiResult<MyDataExport> {
        export_my_data(ctx).await
    }

    /// Re-authenticate with the password; then personal data is removed, what the person wrote
    /// for communities stays without their name, and what the network must keep is kept (with
    /// the reason).
    async fn delete_my_account(
        &self,
        ctx: &Context<'_>,
        input: DeleteMyAccountInput,
    ) -> ApiResult<DeleteMyAccountPayload> {
        let st = state(ctx);
        let v = require_signed_in(viewer(ctx))?;
        let person = people::get(&st.db, v.person.0).await?.ok_or_else(|| {
            ApiError::new(
                convene_domain::ErrorCode::Unauthenticated,
                "Sign in to do this",
            )
        })?;
        if input.password.is_empty()
            || !password::verify(input.password.clone(), Some(person.password_hash.clone())).await
        {
            return Err(rules::wrong_password().into());
        }
        let now = now();
        let tx = begin_write(&st.db).await?;
        rules::check_can_delete(
            v.is_programme_team(),
            people::count_with_role(&tx, Role::ProgrammeTeam).await?,
            &erase::sole_convener_of(&tx, person.id).await?,
        )?;
        let kept = erase::erase(&tx, &person, now).await?;
        let kept = rules::kept(kept);
        let summary: Vec<serde_json::Value> = kept
            .iter()
            .map(|k| serde_json::json!({ "what": k.what, "count": k.count }))
            .collect();
        audit(
            &tx,
            Some(person.id),
            "Person",
            person.id,
            "delete_account",
            None,
            Some(&serde_json::json!({ "kept": summary })),
            now,
        )
        .await?;
        tx.commit().await?;
        st.outbox_wake.notify_one();
        Ok(DeleteMyAccountPayload {
            deleted: true,
            kept: kept
                .into_iter()
                .map(|k| KeptRecord {
                    what: k.what.to_string(),
                    count: k.count as i32,
                    reason: k.reason.to_string(),
                })
                .collect(),
        })
    }
}
