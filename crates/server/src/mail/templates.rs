//! The words of each e-mail, warm and plain, as one colleague writes to another. They live in
//! `templates/*.txt` (minijinja, embedded at compile time), each with three blocks: `subject`,
//! `body` (paragraphs, separated by a blank line) and `link` (the label of the mail's one link).
//! `templates/layout.txt` and `templates/layout.html` lay the paragraphs out as the plain-text
//! and HTML parts.

use std::sync::LazyLock;

use minijinja::{context, AutoEscape, Environment, UndefinedBehavior, Value};

use super::Mail;

/// Stands for a line break inside a value while a rendered body is split into paragraphs at
/// its blank lines (so that a message of several paragraphs stays one paragraph, as written).
const BREAK: &str = "\u{E000}";

macro_rules! template {
    ($name:literal) => {
        ($name, include_str!(concat!("templates/", $name)))
    };
}

const TEMPLATES: [(&str, &str); 23] = [
    template!("layout.txt"),
    template!("layout.html"),
    template!("co_lead_invitation.txt"),
    template!("co_lead_answered.txt"),
    template!("application_submitted.txt"),
    template!("outcome_funded.txt"),
    template!("outcome_not_funded.txt"),
    template!("review_reminder.txt"),
    template!("community_invitation.txt"),
    template!("join_request_accepted.txt"),
    template!("join_request_declined.txt"),
    template!("community_invitation_reminder.txt"),
    template!("meeting_notice.txt"),
    template!("support_request_assigned.txt"),
    template!("verify_email.txt"),
    template!("password_reset.txt"),
    template!("password_changed.txt"),
    template!("email_change_confirm.txt"),
    template!("email_change_notice.txt"),
    template!("call_closing_moved.txt"),
    template!("reviews_due_reminder.txt"),
    template!("decision_due_reminder.txt"),
    template!("member_removed.txt"),
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        let s = value.to_string();
        Ok(match state.auto_escape() {
            AutoEscape::Html => out.write_str(&escape(&s))?,
            _ if state.name().starts_with("layout.") => out.write_str(&s)?,
            _ => out.write_str(&s.replace('\n', BREAK))?,
        })
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("the mail template {name}: {e}"));
    }
    env
});

/// HTML text: `&`, `<`, `>` and `"` escaped.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The mail `template` says to `to` with these values, its one link going to `link`.
fn mail(to: &str, template: &str, values: Value, link: &str) -> Mail {
    render(to, template, values, link)
        .unwrap_or_else(|e| panic!("the mail template {template} did not render: {e:#}"))
}

fn render(to: &str, template: &str, values: Value, link: &str) -> Result<Mail, minijinja::Error> {
    let mut words = ENV.get_template(template)?.render_captured(values)?;
    let (subject, body, link_label) = words.with_state_mut(|state| {
        let mut block = |name: &str| state.render_block(name);
        Ok::<_, minijinja::Error>((block("subject")?, block("body")?, block("link")?))
    })?;
    let restore = |s: &str| s.replace(BREAK, "\n");
    let paragraphs: Vec<String> = body.trim_matches('\n').split("\n\n").map(restore).collect();
    let (subject, link_label) = (restore(&subject), restore(&link_label));
    let page = context! { paragraphs, link_label, link };
    Ok(Mail {
        to: to.to_string(),
        subject,
        text: ENV.get_template("layout.txt")?.render(&page)?,
        html: ENV.get_template("layout.html")?.render(&page)?,
        calendar: None,
        unsubscribe: None,
    })
}

pub fn co_lead_invitation(to: &str, lead: &str, call: &str, domain: &str, link: &str) -> Mail {
    mail(
        to,
        "co_lead_invitation.txt",
        context! { lead, call, domain },
        link,
    )
}

pub fn co_lead_answered(to: &str, who: &str, accepted: bool, domain: &str, link: &str) -> Mail {
    mail(
        to,
        "co_lead_answered.txt",
        context! { who, accepted, domain },
        link,
    )
}

pub fn application_submitted(
    to: &str,
    call: &str,
    domain: &str,
    decision_due: &str,
    link: &str,
) -> Mail {
    let values = context! { call, domain, decision_due };
    mail(to, "application_submitted.txt", values, link)
}

pub fn outcome_funded(to: &str, call: &str, domain: &str, honorarium: &str, link: &str) -> Mail {
    let values = context! { call, domain, honorarium };
    mail(to, "outcome_funded.txt", values, link)
}

pub fn outcome_not_funded(to: &str, call: &str, domain: &str, link: &str) -> Mail {
    mail(
        to,
        "outcome_not_funded.txt",
        context! { call, domain },
        link,
    )
}

pub fn review_reminder(to: &str, call: &str, outstanding: usize, link: &str) -> Mail {
    mail(
        to,
        "review_reminder.txt",
        context! { call, outstanding },
        link,
    )
}

/// An open call's closing time moved: to everyone holding an application in it.
pub fn call_closing_moved(to: &str, call: &str, closes: &str, link: &str) -> Mail {
    mail(
        to,
        "call_closing_moved.txt",
        context! { call, closes },
        link,
    )
}

/// The clock's reminder to a reviewer: `due` is the long date, `today` whether it is today.
pub fn reviews_due_reminder(
    to: &str,
    call: &str,
    outstanding: usize,
    due: &str,
    today: bool,
    link: &str,
) -> Mail {
    let values = context! { call, outstanding, due, today };
    mail(to, "reviews_due_reminder.txt", values, link)
}

/// The clock's reminder to the programme team that outcomes are due.
pub fn decision_due_reminder(to: &str, call: &str, due: &str, owed: usize, link: &str) -> Mail {
    let values = context! { call, due, owed };
    mail(to, "decision_due_reminder.txt", values, link)
}

/// "The Invitation" (FAQ 10): the inviter's own words first, then the practicalities.
pub fn community_invitation(
    to: &str,
    inviter: &str,
    community: &str,
    message: &str,
    link: &str,
) -> Mail {
    let values = context! { inviter, community, message };
    mail(to, "community_invitation.txt", values, link)
}

/// The answer to a request to join an ON_REQUEST community.
pub fn join_request_decided(
    to: &str,
    community: &str,
    approved: bool,
    reason: Option<&str>,
    link: &str,
) -> Mail {
    let template = if approved {
        "join_request_accepted.txt"
    } else {
        "join_request_declined.txt"
    };
    mail(to, template, context! { community, reason }, link)
}

/// A member removed from a community by its conveners, with the reason they gave.
pub fn member_removed(to: &str, community: &str, reason: &str, link: &str) -> Mail {
    mail(
        to,
        "member_removed.txt",
        context! { community, reason },
        link,
    )
}

/// The one reminder, a week after an unanswered invitation: gentle, and joining stays optional.
pub fn community_invitation_reminder(
    to: &str,
    inviter: &str,
    community: &str,
    message: &str,
    link: &str,
) -> Mail {
    let values = context! { inviter, community, message };
    mail(to, "community_invitation_reminder.txt", values, link)
}

/// A meeting scheduled, moved or cancelled: the words, with the calendar invitation attached
/// by the caller.
pub fn meeting_notice(
    to: &str,
    community: &str,
    when: &str,
    where_: &str,
    change: MeetingChange,
    link: &str,
) -> Mail {
    let change = match change {
        MeetingChange::Scheduled => "scheduled",
        MeetingChange::Updated => "updated",
        MeetingChange::Cancelled => "cancelled",
    };
    let values = context! { community, when, where => where_, change };
    mail(to, "meeting_notice.txt", values, link)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingChange {
    Scheduled,
    Updated,
    Cancelled,
}

/// A support request given to a coach or the programme team (SPEC §4).
pub fn support_request_assigned(
    to: &str,
    name: &str,
    community: &str,
    kind: &str,
    details: &str,
    link: &str,
) -> Mail {
    let values = context! { name, community, kind, details };
    mail(to, "support_request_assigned.txt", values, link)
}

/// The link that proves an address (at sign-up, or sent again).
pub fn verify_email(to: &str, name: &str, link: &str) -> Mail {
    mail(to, "verify_email.txt", context! { name }, link)
}

/// "Forgot your password": a link to choose a new one.
pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    mail(to, "password_reset.txt", context! { name }, link)
}

/// The password was reset (every session ended) or changed (every other session ended).
pub fn password_changed(to: &str, name: &str, reset: bool, link: &str) -> Mail {
    let (how, ended) = if reset {
        (
            "reset with a link sent to this address",
            "every session was signed out",
        )
    } else {
        (
            "changed by someone signed in as you",
            "every other session was signed out",
        )
    };
    mail(
        to,
        "password_changed.txt",
        context! { name, how, ended },
        link,
    )
}

/// To the new address: confirm it.
pub fn email_change_confirm(to: &str, name: &str, old: &str, link: &str) -> Mail {
    mail(to, "email_change_confirm.txt", context! { name, old }, link)
}

/// To the old address: a change was asked for (the new one shown only in part).
pub fn email_change_notice(to: &str, name: &str, new: &str, link: &str) -> Mail {
    let new_masked = mask(new);
    mail(
        to,
        "email_change_notice.txt",
        context! { name, new_masked },
        link,
    )
}

/// `jane.doe@nhs.net` → `ja…@nhs.net`: enough to recognise, not enough to harvest.
fn mask(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let keep: String = local.chars().take(2).collect();
            format!("{keep}…@{domain}")
        }
        None => "…".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_names_the_people_and_escapes_html() {
        let m = co_lead_invitation(
            "b@x.nhs.uk",
            "Ada <script>",
            "Call 2026",
            "Falls",
            "http://h/applications/1/co-lead",
        );
        assert!(m.subject.contains("Ada <script>"));
        assert!(m.text.contains("http://h/applications/1/co-lead"));
        assert!(m.html.contains("Ada &lt;script&gt;"));
        assert!(!m.html.contains("<script>"));
    }

    #[test]
    fn a_message_of_several_paragraphs_stays_one_paragraph_and_the_layout_holds() {
        let m = community_invitation(
            "b@x.nhs.uk",
            "Ada",
            "Peers",
            "We meet monthly.\n\nBring a friend.",
            "http://h/i?a=1&b=2",
        );
        assert_eq!(m.subject, "Ada invites you to join Peers");
        assert!(m
            .text
            .starts_with("Hello,\n\nWe meet monthly.\n\nBring a friend.\n\nPeers is a community"));
        assert!(m.text.ends_with(
            "on the way.\n\nAccept or decline the invitation:\nhttp://h/i?a=1&b=2\n\nConvene\n"
        ));
        assert!(m.html.starts_with("<!doctype html>\n<html lang=\"en-GB\"><body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5\">\n<p>Hello,</p>\n<p>We meet monthly.\n\nBring a friend.</p>\n"));
        assert!(m.html.ends_with("<p><a href=\"http://h/i?a=1&amp;b=2\">Accept or decline the invitation</a></p>\n<p>Convene</p>\n</body></html>\n"));
        let declined = join_request_decided("b@x.nhs.uk", "Peers", false, None, "http://h/c");
        assert!(declined
            .text
            .contains("They said:\n\n\n\nOther communities"));
        assert!(declined.html.contains("They said:</p>\n<p></p>\n<p>Other"));
    }

    #[test]
    fn deadline_mails_say_reminder_and_when() {
        let m = reviews_due_reminder(
            "r@x.nhs.uk",
            "Call 2026",
            2,
            "5 January 2027",
            false,
            "http://h/reviews",
        );
        assert_eq!(m.subject, "Reminder: 2 reviews due on 5 January 2027");
        assert!(m.text.contains("Call 2026"));
        let m = reviews_due_reminder(
            "r@x.nhs.uk",
            "Call 2026",
            1,
            "5 January 2027",
            true,
            "http://h/reviews",
        );
        assert_eq!(m.subject, "Reminder: 1 review due today");
        let m = decision_due_reminder(
            "t@x.nhs.uk",
            "Call 2026",
            "8 September 2026",
            1,
            "http://h/c",
        );
        assert!(m.subject.starts_with("Reminder: outcomes"));
        assert!(m.text.contains("1 person is still waiting"));
        let m = call_closing_moved(
            "a@x.nhs.uk",
            "Call 2026",
            "Friday 14 August 2026 at 5:00pm",
            "http://h/a",
        );
        assert!(m.text.contains("until Friday 14 August 2026 at 5:00pm"));
    }

    #[test]
    fn identity_mails_carry_their_link_and_mask_the_new_address() {
        let m = verify_email(
            "a@x.nhs.uk",
            "Ann",
            "https://c.example/verify-email?token=abc",
        );
        assert!(m.text.contains("verify-email?token=abc"));
        assert!(m.subject.contains("Confirm"));
        let m = email_change_notice(
            "old@x.nhs.uk",
            "Ann",
            "jane.doe@nhs.net",
            "https://c.example/",
        );
        assert!(m.text.contains("ja…@nhs.net"), "{}", m.text);
        assert!(!m.text.contains("jane.doe"));
        let m = password_changed("a@x.nhs.uk", "Ann", true, "https://c.example/");
        assert!(m.text.contains("every session was signed out"));
    }
}
