//! E-mail: what we say (templates, with plain-text and HTML parts) and how it leaves
//! (an `.eml` file per message in `CONVENE_MAIL_DIR`, or SMTP with `CONVENE_SMTP_URL`).

pub mod deliver;
pub mod templates;

use chrono::{DateTime, Utc};
use convene_store::repo::outbox;
use convene_store::sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An iCalendar part (`text/calendar; method=…`) for meeting invitations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarPart>,
    /// The one-click unsubscribe URL of a mail that is not essential to a process the person is
    /// in (sent as `List-Unsubscribe` with `List-Unsubscribe-Post`, RFC 8058).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe: Option<String>,
}

impl Mail {
    /// The same mail with a one-click unsubscribe link.
    pub fn with_unsubscribe(mut self, url: String) -> Self {
        self.unsubscribe = Some(url);
        self
    }
}

/// What a mail's outbox row keeps once the mail has left (or been given up on): whom it went
/// to and its subject, for the person's own data export; never its body, whose links carry
/// tokens (invitations, address proofs, password resets, unsubscribing).
pub const KEPT: &str = "\"kept\":true";

/// A mail's stored payload as it is kept after delivery (see [`KEPT`]).
pub fn delivered(payload: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(payload).unwrap_or_default();
    serde_json::json!({
        "to": v["to"].as_str().unwrap_or_default(),
        "subject": v["subject"].as_str().unwrap_or_default(),
        "text": "",
        "html": "",
        "kept": true,
    })
    .to_string()
}

/// Drop the bodies that delivered mail still holds (mail delivered before bodies were dropped
/// on delivery, or whose row was marked before its body was); returns how many.
pub async fn purge_delivered(db: &impl ConnectionTrait) -> convene_store::Result<usize> {
    let mut purged = 0;
    loop {
        let rows = outbox::done_holding(db, KIND, KEPT, 200).await?;
        if rows.is_empty() {
            return Ok(purged);
        }
        for r in &rows {
            if outbox::replace_payload(db, r.id, &r.payload, &delivered(&r.payload)).await? {
                purged += 1;
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CalendarPart {
    /// REQUEST or CANCEL (RFC 5546).
    pub method: String,
    pub ics: String,
}

pub const KIND: &str = "email";

/// Queue a mail in the caller's transaction: it leaves only if the change commits.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    mail: &Mail,
    now: DateTime<Utc>,
) -> convene_store::Result<uuid::Uuid> {
    outbox::enqueue(
        db,
        KIND,
        &serde_json::to_value(mail).expect("a mail serialises"),
        now,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivered_mail_keeps_its_address_and_subject_only() {
        let mail = Mail {
            to: "ada@example.nhs.uk".into(),
            subject: "You are invited".into(),
            text: "Open https://convene.example/invitations/SECRET-TOKEN".into(),
            html: "<a href=\"https://convene.example/invitations/SECRET-TOKEN\">Open</a>".into(),
            calendar: None,
            unsubscribe: Some("https://convene.example/unsubscribe?token=U".into()),
        };
        let kept = delivered(&serde_json::to_string(&mail).unwrap());
        assert!(
            !kept.contains("SECRET-TOKEN") && !kept.contains("token="),
            "{kept}"
        );
        assert!(kept.contains(KEPT), "{kept}");
        let back: Mail = serde_json::from_str(&kept).unwrap();
        assert_eq!(
            (back.to.as_str(), back.subject.as_str()),
            ("ada@example.nhs.uk", "You are invited")
        );
        assert_eq!(delivered(&kept), kept, "keeping twice changes nothing");
    }
}
