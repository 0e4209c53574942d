//! Practice exchanges and the safe forum: one person's account of a practice in six sections,
//! visible to the community, the network or the public as its author chooses, and anonymous
//! when they want (SPEC §5, FAQ 2: "without fear of judgment or blame").

use crate::community::{MemberRole, Stage};
use crate::text::bounded;
use crate::{DomainError, Fields};

pub const MAX_SECTION_CHARS: usize = 4000;
pub const MAX_INQUIRY_CHARS: usize = 2000;

/// Who may read an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeVisibility {
    /// The community's members only.
    Community,
    /// Anyone signed in.
    Network,
    /// Anyone, anonymous visitors too.
    Public,
}

impl ExchangeVisibility {
    pub const ALL: [ExchangeVisibility; 3] = [
        ExchangeVisibility::Community,
        ExchangeVisibility::Network,
        ExchangeVisibility::Public,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ExchangeVisibility::Community => "COMMUNITY",
            ExchangeVisibility::Network => "NETWORK",
            ExchangeVisibility::Public => "PUBLIC",
        }
    }
    // the same shape as every other domain enum's
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// How a reader stands to one exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reader {
    pub signed_in: bool,
    /// A member (any role) of the exchange's community.
    pub member: bool,
    pub author: bool,
}

impl Reader {
    pub const ANONYMOUS: Reader = Reader {
        signed_in: false,
        member: false,
        author: false,
    };
}

/// The safe forum's one rule. The author always reads their own account; a COMMUNITY exchange
/// is for the community's members and nobody else (not the programme team either: the
/// network's reports see only counts).
pub fn can_read_exchange(reader: Reader, visibility: ExchangeVisibility) -> bool {
    reader.author
        || match visibility {
            ExchangeVisibility::Public => true,
            ExchangeVisibility::Network => reader.signed_in,
            ExchangeVisibility::Community => reader.member,
        }
}

/// The visibilities a reader sees of an exchange they did not write (what a list filters on).
pub fn readable_visibilities(reader: Reader) -> Vec<ExchangeVisibility> {
    ExchangeVisibility::ALL
        .into_iter()
        .filter(|v| {
            can_read_exchange(
                Reader {
                    author: false,
                    ..reader
                },
                *v,
            )
        })
        .collect()
}

/// When an exchange is anonymous its author is shown to nobody but the author themselves:
/// not to other members, conveners or the programme team.
pub fn shows_author(anonymous: bool, viewer_is_author: bool) -> bool {
    !anonymous || viewer_is_author
}

/// The six sections of FAQ 10's exchange.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ExchangeSections {
    pub technical: String,
    pub cultural: String,
    pub challenges: String,
    pub barriers_overcome: String,
    pub missing: String,
    pub help_needed: String,
}

impl ExchangeSections {
    /// The section names as the API names them, in the FAQ's order.
    pub const FIELDS: [&'static str; 6] = [
        "technical",
        "cultural",
        "challenges",
        "barriersOvercome",
        "missing",
        "helpNeeded",
    ];

    /// Each section trimmed and at most 4,000 characters; at least one must have text.
    pub fn parse(raw: [&str; 6]) -> Result<Self, DomainError> {
        let labels = [
            "the technical aspects",
            "the cultural aspects",
            "the challenges",
            "how barriers were overcome",
            "what is missing",
            "the help and support needed",
        ];
        let mut f = Fields::new();
        let mut out: Vec<String> = Vec::with_capacity(6);
        for i in 0..6 {
            out.push(
                f.take(bounded(
                    Self::FIELDS[i],
                    labels[i],
                    raw[i],
                    0,
                    MAX_SECTION_CHARS,
                ))
                .unwrap_or_default(),
            );
        }
        if f.is_empty() && out.iter().all(|s| s.is_empty()) {
            f.add("technical", "Write about at least one of the six sections");
        }
        f.finish()?;
        let mut it = out.into_iter();
        let mut next = || it.next().unwrap_or_default();
        Ok(ExchangeSections {
            technical: next(),
            cultural: next(),
            challenges: next(),
            barriers_overcome: next(),
            missing: next(),
            help_needed: next(),
        })
    }
}

/// Any member shares an account of their community's practice, while the community is open.
pub fn check_can_share(role: Option<MemberRole>, stage: Stage) -> Result<(), DomainError> {
    if role.is_none() {
        return Err(DomainError::forbidden(
            "Only members of this community can share an exchange about its practices",
        ));
    }
    super::lifecycle::check_open(stage)
}

/// Only the author chooses who reads their exchange and whether it is anonymous.
pub fn check_is_author(viewer_is_author: bool) -> Result<(), DomainError> {
    if viewer_is_author {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the author of this exchange can change who sees it",
        ))
    }
}

/// Peers ask and reply on an exchange they can read, when signed in.
pub fn check_can_inquire(
    reader: Reader,
    visibility: ExchangeVisibility,
) -> Result<(), DomainError> {
    if !reader.signed_in {
        return Err(DomainError::unauthenticated("Sign in to do this"));
    }
    if can_read_exchange(reader, visibility) {
        Ok(())
    } else {
        Err(DomainError::not_found("The exchange was not found"))
    }
}

pub fn parse_question(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "your question", raw, 1, MAX_INQUIRY_CHARS)
}

pub fn parse_answer(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "your reply", raw, 1, MAX_SECTION_CHARS)
}
