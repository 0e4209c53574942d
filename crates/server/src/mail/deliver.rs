//! Sending a mail: as an RFC 5322 `.eml` file, or by SMTP. The Message-ID is derived from the
//! outbox row, so a retried message keeps its identity.

use std::path::Path;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::client::{Tls, TlsParameters};
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
    let mut message = Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(message_id(id)));
    if let Some(url) = &mail.unsubscribe {
        message = message
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    Ok(message.multipart(parts)?)
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

/// Send through the SMTP server of `url`, lettre's connection URL: `smtp://host:25` (plain),
/// `smtp://user:pass@host:587?tls=required` (STARTTLS, refusing to go on without it),
/// `?tls=opportunistic` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS from the
/// start); user and password are percent-decoded. `accept_invalid_certs` is for tests against a
/// self-signed certificate only (`CONVENE_SMTP_ACCEPT_INVALID_CERTS`).
pub async fn by_smtp(
    url: &str,
    message: Message,
    accept_invalid_certs: bool,
) -> anyhow::Result<()> {
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
        .timeout(Some(std::time::Duration::from_secs(30)));
    if accept_invalid_certs {
        builder = builder.tls(insecure_tls(url)?);
    }
    builder.build().send(message).await?;
    Ok(())
}

/// The TLS mode of `url`, with certificate checks switched off.
fn insecure_tls(url: &str) -> anyhow::Result<Tls> {
    let u = reqwest::Url::parse(url)?;
    let host = u
        .host_str()
        .ok_or_else(|| anyhow::anyhow!("the SMTP URL has no host"))?;
    let tls = u
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.to_string());
    let params = || {
        TlsParameters::builder(host.trim_matches(['[', ']']).to_string())
            .dangerous_accept_invalid_certs(true)
            .dangerous_accept_invalid_hostnames(true)
            .build()
    };
    Ok(match (u.scheme(), tls.as_deref()) {
        ("smtps", _) => Tls::Wrapper(params()?),
        ("smtp", Some("required")) => Tls::Required(params()?),
        ("smtp", Some("opportunistic")) => Tls::Opportunistic(params()?),
        _ => Tls::None,
    })
}

/// The Message-ID of the mail of outbox row `id`: the same on every retry, so a receiving
/// server (or a person) can tell a resend from a new message.
pub fn message_id(id: uuid::Uuid) -> String {
    format!("<{id}@convene>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail() -> Mail {
        serde_json::from_value(serde_json::json!({
            "to": "ada@example.nhs.uk",
            "subject": "Hello",
            "text": "Plain words",
            "html": "<p>Plain words</p>",
        }))
        .unwrap()
    }

    #[test]
    fn a_mail_that_can_be_unsubscribed_from_says_so_in_its_headers() {
        let id = uuid::Uuid::new_v4();
        let plain =
            String::from_utf8(build(&mail(), "a@b.example", id).unwrap().formatted()).unwrap();
        assert!(!plain.contains("List-Unsubscribe"));
        let m = mail().with_unsubscribe("https://c.example/mail/unsubscribe?t=x".into());
        let text = String::from_utf8(build(&m, "a@b.example", id).unwrap().formatted()).unwrap();
        assert!(
            text.contains("List-Unsubscribe: <https://c.example/mail/unsubscribe?t=x>"),
            "{text}"
        );
        assert!(
            text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{text}"
        );
    }

    #[test]
    fn the_message_id_is_stable_per_outbox_row() {
        let id = uuid::Uuid::new_v4();
        let a = String::from_utf8(
            build(&mail(), "Convene <no-reply@convene.invalid>", id)
                .unwrap()
                .formatted(),
        )
        .unwrap();
        let b = String::from_utf8(
            build(&mail(), "Convene <no-reply@convene.invalid>", id)
                .unwrap()
                .formatted(),
        )
        .unwrap();
        let line = |m: &str| {
            m.lines()
                .find(|l| l.starts_with("Message-ID:"))
                .unwrap()
                .to_string()
        };
        assert_eq!(line(&a), format!("Message-ID: {}", message_id(id)));
        assert_eq!(line(&a), line(&b));
    }

    #[test]
    fn tls_modes_follow_the_url() {
        assert!(matches!(
            insecure_tls("smtp://u:p@127.0.0.1:2525?tls=required").unwrap(),
            Tls::Required(_)
        ));
        assert!(matches!(
            insecure_tls("smtp://127.0.0.1:2525?tls=opportunistic").unwrap(),
            Tls::Opportunistic(_)
        ));
        assert!(matches!(
            insecure_tls("smtps://u:p@127.0.0.1:465").unwrap(),
            Tls::Wrapper(_)
        ));
        assert!(matches!(
            insecure_tls("smtp://127.0.0.1:25").unwrap(),
            Tls::None
        ));
    }
}
