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
