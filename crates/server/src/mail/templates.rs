//! The words of each e-mail. Warm and plain, as one colleague writes to another.

use super::Mail;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_page(paragraphs: &[String], link: Option<(&str, &str)>) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    if let Some((text, href)) = link {
        body.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>\n",
            escape(href),
            escape(text)
        ));
    }
    format!("<!doctype html>\n<html lang=\"en-GB\"><body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5\">\n{body}<p>Convene</p>\n</body></html>\n")
}

fn mail(to: &str, subject: String, paragraphs: Vec<String>, link: Option<(&str, &str)>) -> Mail {
    let mut text = paragraphs.join("\n\n");
    if let Some((label, href)) = link {
        text.push_str(&format!("\n\n{label}:\n{href}"));
    }
    text.push_str("\n\nConvene\n");
    Mail {
        to: to.to_string(),
        subject,
        html: html_page(&paragraphs, link),
        text,
        calendar: None,
    }
}

pub fn co_lead_invitation(to: &str, lead: &str, call: &str, domain: &str, link: &str) -> Mail {
    mail(
        to,
        format!("{lead} would like you to co-lead an application in {domain}"),
        vec![
            "Hello,".into(),
            format!("{lead} is applying to convene a community of practice in {domain} through \"{call}\", and would like you to co-lead it with them."),
            "Co-leads apply together and share the work of convening. If you agree, sign in (or create an account with this email address) and accept. If you would rather not, you can decline: there is no obligation.".into(),
        ],
        Some(("See the application and answer", link)),
    )
}

pub fn co_lead_answered(to: &str, who: &str, accepted: bool, domain: &str, link: &str) -> Mail {
    let (subject, line) = if accepted {
        (
            format!("{who} accepted your invitation to co-lead"),
            format!("{who} has agreed to co-lead your application in {domain}."),
        )
    } else {
        (format!("{who} declined your invitation to co-lead"), format!("{who} has decided not to co-lead your application in {domain}. You can invite someone else."))
    };
    mail(
        to,
        subject,
        vec!["Hello,".into(), line],
        Some(("Open your application", link)),
    )
}

pub fn application_submitted(
    to: &str,
    call: &str,
    domain: &str,
    decision_due: &str,
    link: &str,
) -> Mail {
    mail(
        to,
        format!("Application submitted: {domain}"),
        vec![
            "Hello,".into(),
            format!("Your application to convene a community of practice in {domain} has been submitted to \"{call}\". Thank you."),
            format!("We hope to let everyone know the outcome by {decision_due}."),
        ],
        Some(("See your application", link)),
    )
}

pub fn outcome_funded(to: &str, call: &str, domain: &str, honorarium: &str, link: &str) -> Mail {
    mail(
        to,
        format!("Your application in {domain} has been funded"),
        vec![
            "Hello,".into(),
            format!("We are delighted to tell you that your application to convene a community of practice in {domain} has been selected for funding through \"{call}\"."),
            format!("It carries an honorarium of {honorarium}, split among the co-leads (industry and third-sector partners are not paid). The programme team will be in touch about payment."),
            "Your next step is to start your community: it takes one click, and the network's coaches are there to help you design your first meeting.".into(),
        ],
        Some(("Start your community", link)),
    )
}

pub fn outcome_not_funded(to: &str, call: &str, domain: &str, link: &str) -> Mail {
    mail(
        to,
        format!("The outcome of your application in {domain}"),
        vec![
            "Hello,".into(),
            format!("Thank you for applying to convene a community of practice in {domain} through \"{call}\". This time your application has not been selected for an honorarium."),
            "We strongly encourage you to convene your community anyway. You will still have the network's administrative and coaching support to get it going, and you can start it in one step.".into(),
        ],
        Some(("Start your community anyway", link)),
    )
}

pub fn review_reminder(to: &str, call: &str, outstanding: usize, link: &str) -> Mail {
    mail(
        to,
        format!("{outstanding} review{} waiting for you", if outstanding == 1 { "" } else { "s" }),
        vec![
            "Hello,".into(),
            format!("You have {outstanding} application{} to review for \"{call}\". Thank you for giving your time to the panel.", if outstanding == 1 { "" } else { "s" }),
        ],
        Some(("Open your reviews", link)),
    )
}

/// "The Invitation" (FAQ 10): the inviter's own words first, then the practicalities.
pub fn community_invitation(
    to: &str,
    inviter: &str,
    community: &str,
    message: &str,
    link: &str,
) -> Mail {
    mail(
        to,
        format!("{inviter} invites you to join {community}"),
        vec![
            "Hello,".into(),
            message.to_string(),
            format!("{community} is a community of practice: a group of peers who share what works and learn together. Joining is always optional, and you can leave at any time."),
            "The link below works once and for two weeks. If you do not have an account yet, you can create one on the way.".into(),
        ],
        Some(("Accept or decline the invitation", link)),
    )
}

/// The answer to a request to join an ON_REQUEST community.
pub fn join_request_decided(
    to: &str,
    community: &str,
    approved: bool,
    reason: Option<&str>,
    link: &str,
) -> Mail {
    if approved {
        let mut lines = vec![
            "Hello,".to_string(),
            format!("Your request to join {community} has been accepted: welcome. You can now see its meetings, members and conversations."),
        ];
        if let Some(r) = reason {
            lines.push(format!("A note from the conveners: {r}"));
        }
        mail(
            to,
            format!("Welcome to {community}"),
            lines,
            Some(("Go to the community", link)),
        )
    } else {
        mail(
            to,
            format!("Your request to join {community}"),
            vec![
                "Hello,".into(),
                format!("The conveners of {community} have not accepted your request to join this time. They said:"),
                reason.unwrap_or("").to_string(),
                "Other communities in the network may be a good fit: the directory lists them all.".into(),
            ],
            Some(("See the community", link)),
        )
    }
}

/// The one reminder, a week after an unanswered invitation: gentle, and joining stays optional.
pub fn community_invitation_reminder(
    to: &str,
    inviter: &str,
    community: &str,
    message: &str,
    link: &str,
) -> Mail {
    mail(
        to,
        format!("A reminder: {inviter} invited you to join {community}"),
        vec![
            "Hello again,".into(),
            format!("A week ago {inviter} invited you to join {community}, a community of practice. In case it slipped past, here is what they wrote:"),
            message.to_string(),
            "Joining is always optional: if now is not the right time, you can decline and nobody will mind. This is the only reminder we will send.".into(),
        ],
        Some(("Accept or decline the invitation", link)),
    )
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
    let (subject, opening) = match change {
        MeetingChange::Scheduled => (
            format!("{community}: meeting on {when}"),
            format!("{community} is meeting on {when}, {where_}. The calendar invitation is attached: open it to add the meeting to your calendar."),
        ),
        MeetingChange::Updated => (
            format!("{community}: meeting on {when} (updated)"),
            format!("The details of {community}'s meeting have changed. It is now on {when}, {where_}. The attached invitation updates your calendar."),
        ),
        MeetingChange::Cancelled => (
            format!("{community}: meeting on {when} cancelled"),
            format!("{community}'s meeting on {when} has been cancelled. The attachment removes it from your calendar."),
        ),
    };
    mail(
        to,
        subject,
        vec![
            "Hello,".into(),
            opening,
            "Coming is always optional; the agenda and how to join are on the meeting's page."
                .into(),
        ],
        Some(("See the meeting", link)),
    )
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
    mail(
        to,
        format!("{community} would like your help with {kind}"),
        vec![
            format!("Hello {name},"),
            format!("{community} has asked the network for help with {kind}, and the programme team has passed the request to you. In their words:"),
            details.to_string(),
            "Please get in touch with the community's conveners, and keep the request's notes up to date as you go, closing it with a note when it is done.".into(),
        ],
        Some(("See the community", link)),
    )
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
}
