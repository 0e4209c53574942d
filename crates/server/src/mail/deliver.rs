//! Sending a mail: as an RFC 5322 `.eml` file, or by SMTP. The Message-ID is derived from the
//! outbox row, so a retried message keeps its identity.

use std::path::Path;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::Mail;

pub fn build(mail: &Mail, from: &str, id: uuid::Uuid) -> anyhow::Result<Message> {
    let from: Mailbox = from.parse()?;
    let to: Mailbox = mail.to.parse()?;
    let mut parts = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(mail.text.clone()),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(mail.html.clone()),
        );
    if let Some(cal) = &mail.calendar {
        // Outlook and Gmail show an invitation when the calendar is an alternative of the body.
        let kind = ContentType::parse(&format!(
            "text/calendar; charset=utf-8; method={}",
            cal.method
        ))?;
        parts = parts.singlepart(SinglePart::builder().header(kind).body(cal.ics.clone()));
    }
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{id}@convene>")))
        .multipart(parts)?)
}

/// Write the message as `<id>.eml` (first to a temporary name, then renamed, so a reader never
/// sees half a file).
pub async fn to_dir(dir: &Path, message: &Message, id: uuid::Uuid) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let tmp = dir.join(format!(".{id}.eml.tmp"));
    let path = dir.join(format!("{id}.eml"));
    tokio::fs::write(&tmp, message.formatted()).await?;
    tokio::fs::rename(&tmp, &path).await?;
    Ok(())
}

pub async fn by_smtp(url: &str, message: Message) -> anyhow::Result<()> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build();
    transport.send(message).await?;
    Ok(())
}
