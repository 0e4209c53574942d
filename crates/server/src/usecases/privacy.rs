//! Privacy (SPEC §7): exporting and erasing a person's data. Both are in the audit trail,
//! without personal data.

use chrono::{DateTime, Utc};
use convene_domain::access::Viewer;
use convene_domain::account::Role;
use convene_domain::privacy::{self as rules, Kept};
use convene_store::repo::people;
use convene_store::repo::privacy::{erase, export, Table};

use super::{AppResult, Write};
use crate::state::AppState;

/// Everything held about a person, as of a moment.
pub struct MyData {
    pub exported_at: DateTime<Utc>,
    pub tables: Vec<Table>,
}

/// The viewer's data, with an audit entry saying only how many rows of each table left.
pub async fn export_my_data(st: &AppState, v: &Viewer) -> AppResult<MyData> {
    let mut w = Write::by(st, v).await?;
    let tables = export::my_data(w.tx(), v.person.0).await?;
    let counts: serde_json::Map<String, serde_json::Value> = tables
        .iter()
        .map(|t| (t.name.to_string(), t.rows.len().into()))
        .collect();
    let after = serde_json::json!({ "rows": counts });
    w.audit_created("Person", v.person.0, "export_data", &after);
    let exported_at = w.now();
    w.commit().await?;
    Ok(MyData {
        exported_at,
        tables,
    })
}

/// Delete the viewer's account once they have typed their password again: personal data goes,
/// what they wrote for communities stays without their name, and what the network must keep
/// is kept; the answer says what was kept and why.
pub async fn delete_my_account(st: &AppState, v: &Viewer, password: &str) -> AppResult<Vec<Kept>> {
    let person = super::identity::reauthenticate(st, v, password, "password").await?;
    let mut w = Write::by(st, v).await?;
    rules::check_can_delete(
        v.is_programme_team(),
        people::count_with_role(w.tx(), Role::ProgrammeTeam).await?,
        &erase::sole_convener_of(w.tx(), person.id).await?,
    )?;
    let kept = rules::kept(erase::erase(w.tx(), &person, w.now()).await?);
    let summary: Vec<serde_json::Value> = kept
        .iter()
        .map(|k| serde_json::json!({ "what": k.what, "count": k.count }))
        .collect();
    let after = serde_json::json!({ "kept": summary });
    w.audit_created("Person", person.id, "delete_account", &after);
    w.commit().await?;
    st.hub.end_sessions(person.id);
    Ok(kept)
}
