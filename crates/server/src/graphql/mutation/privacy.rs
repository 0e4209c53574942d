//! People's own data (SPEC §7): export everything held about yourself, and delete your
//! account after typing your password again. Both are in the audit trail, without personal data.

use async_graphql::{Context, Object};
use convene_domain::access::require_signed_in;

use crate::graphql::context::{state, viewer};
use crate::graphql::error::ApiResult;
use crate::graphql::types::privacy::{
    DeleteMyAccountInput, DeleteMyAccountPayload, KeptRecord, MyDataExport,
};
use crate::usecases::privacy as usecase;

#[derive(Default)]
pub struct PrivacyMutations;

/// The viewer's data, with an audit entry saying only that it was exported.
pub(crate) async fn export_my_data(ctx: &Context<'_>) -> ApiResult<MyDataExport> {
    let v = require_signed_in(viewer(ctx))?;
    let data = usecase::export_my_data(state(ctx), v).await?;
    Ok(MyDataExport::new(data.exported_at, &data.tables))
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
        let v = require_signed_in(viewer(ctx))?;
        let kept = usecase::delete_my_account(state(ctx), v, &input.password).await?;
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
