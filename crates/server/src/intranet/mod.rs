//! The intranet connector (Jive REST v3 style): each community's agreed domain definition is a
//! document in the community's place, created once (`POST …/api/core/v3/contents`) and then
//! updated in place (`PUT …/contents/{contentID}`). Deliveries come from the outbox; a 5xx or a
//! timeout is retried with backoff, a 409 (same title in the place) is shown to the convener.

use std::time::Duration;

use chrono::Utc;
use convene_store::repo::{communities, intranet};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::outbox::DeliveryError;
use crate::state::AppState;

pub const KIND: &str = "intranet";

/// The outbox payload: publish whatever is agreed for this community when delivered (so a
/// late delivery never publishes an older version over a newer one).
pub fn payload(community_id: Uuid) -> Value {
    json!({ "communityId": community_id })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Jive prefixes JSON answers with `throw 'allowIllegalResourceCall is false.';`.
pub fn parse_jive_json(body: &str) -> Option<Value> {
    let trimmed = body.trim_start();
    let json_part = match trimmed.strip_prefix("throw") {
        Some(rest) => &rest[rest.find(';')? + 1..],
        None => trimmed,
    };
    serde_json::from_str(json_part.trim()).ok()
}

/// The outbox stopped retrying: the publication has failed until someone retries it by hand.
pub async fn give_up(state: &AppState, payload: &str, error: &str) {
    let Some(id) = serde_json::from_str::<Value>(payload).ok().and_then(|v| {
        v["communityId"]
            .as_str()
            .and_then(|s| s.parse::<Uuid>().ok())
    }) else {
        return;
    };
    if let Ok(Some(p)) = intranet::of_community(&state.db, id).await {
        if p.state != intranet::PUBLISHED {
            let mut p = p;
            p.attempts -= 1; // `record` counts an attempt; this is not one
            let _ = intranet::record(
                &state.db,
                p,
                intranet::FAILED,
                None,
                None,
                Some(error.to_string()),
                Utc::now(),
            )
            .await;
        }
    }
}

pub async fn deliver(state: &AppState, payload: &Value) -> Result<(), DeliveryError> {
    let community_id: Uuid = payload["communityId"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| DeliveryError::Permanent("bad intranet payload".into()))?;
    let db = &state.db;
    let store = |e: convene_store::StoreError| DeliveryError::Retry(format!("database: {e}"));
    let Some(c) = communities::get(db, community_id).await.map_err(store)? else {
        return Ok(());
    };
    let Some(def) = communities::agreed_definition(db, community_id)
        .await
        .map_err(store)?
    else {
        return Ok(());
    };
    let p = match intranet::of_community(db, community_id)
        .await
        .map_err(store)?
    {
        Some(p) => p,
        None => intranet::mark_pending(db, community_id, Utc::now())
            .await
            .map_err(store)?,
    };
    let fail = |p, state: &'static str, msg: String, retry: bool| async move {
        intranet::record(db, p, state, None, None, Some(msg.clone()), Utc::now())
            .await
            .map_err(store)?;
        Err::<(), _>(if retry {
            DeliveryError::Retry(msg)
        } else {
            DeliveryError::Permanent(msg)
        })
    };
    let Some(place) = c.intranet_place_uri.clone() else {
        return fail(
            p,
            intranet::FAILED,
            "Set the community's intranet page first, then retry".into(),
            false,
        )
        .await;
    };
    let (Some(base), Some(token)) = (
        state.config.intranet_base_url.clone(),
        state.config.intranet_token.clone(),
    ) else {
        return fail(
            p,
            intranet::FAILED,
            "The intranet is not configured on this server (CONVENE_INTRANET_BASE_URL and CONVENE_INTRANET_TOKEN); retry once it is"
                .into(),
            false,
        )
        .await;
    };
    let body = json!({
        "type": "document",
        "subject": format!("{}: domain definition", c.name),
        "content": { "type": "text/html", "text": format!("<p>{}</p><p><em>Version {}, agreed by the community's core group.</em></p>", escape(&def.text).replace('\n', "<br>"), def.version) },
        "parent": place,
        "visibility": "place",
    });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| DeliveryError::Retry(e.to_string()))?;
    let request = match &p.content_id {
        Some(id) => client.put(format!("{base}/api/core/v3/contents/{id}")),
        None => client.post(format!("{base}/api/core/v3/contents")),
    };
    let response = match request.bearer_auth(token).json(&body).send().await {
        Ok(r) => r,
        Err(e) => {
            return fail(
                p,
                intranet::PENDING,
                format!(
                    "The intranet did not answer: {}",
                    if e.is_timeout() {
                        "timed out".to_string()
                    } else {
                        "connection failed".to_string()
                    }
                ),
                true,
            )
            .await
        }
    };
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    if status.is_success() {
        let parsed = parse_jive_json(&text);
        let content_id = parsed
            .as_ref()
            .and_then(|v| {
                v["contentID"]
                    .as_str()
                    .map(String::from)
                    .or_else(|| v["contentID"].as_i64().map(|n| n.to_string()))
            })
            .or_else(|| p.content_id.clone());
        let Some(content_id) = content_id else {
            return fail(
                p,
                intranet::FAILED,
                "The intranet accepted the document but did not say its contentID".into(),
                false,
            )
            .await;
        };
        let url = parsed
            .as_ref()
            .and_then(|v| v["resources"]["html"]["ref"].as_str().map(String::from));
        intranet::record(
            db,
            p,
            intranet::PUBLISHED,
            Some((content_id, url)),
            Some(def.version),
            None,
            Utc::now(),
        )
        .await
        .map_err(store)?;
        return Ok(());
    }
    let code = status.as_u16();
    if code == 409 {
        return fail(p, intranet::FAILED, "The intranet place already has a document with this title: rename or remove it there, then retry".into(), false).await;
    }
    if status.is_server_error() || code == 429 {
        return fail(
            p,
            intranet::PENDING,
            format!("The intranet answered {code}; retrying"),
            true,
        )
        .await;
    }
    fail(
        p,
        intranet::FAILED,
        format!("The intranet refused the document ({code})"),
        false,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jive_json_prefix_is_tolerated() {
        let v = parse_jive_json(
            "throw 'allowIllegalResourceCall is false.';\n{\"contentID\":\"1234\"}",
        )
        .unwrap();
        assert_eq!(v["contentID"], "1234");
        assert_eq!(
            parse_jive_json("{\"contentID\":5}").unwrap()["contentID"],
            5
        );
        assert!(parse_jive_json("nonsense").is_none());
    }
}
