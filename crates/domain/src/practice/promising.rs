//! Promising practices: a practice curated with its evidence, its outcomes and the
//! organisations where it is used, for the network or the public (SPEC §5).

use crate::community::MemberRole;
use crate::text::bounded;
use crate::{DomainError, Fields};

pub const MAX_ORGANISATIONS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromisingVisibility {
    /// Anyone signed in.
    Network,
    /// Anyone, anonymous visitors too.
    Public,
}

impl PromisingVisibility {
    pub fn as_str(self) -> &'static str {
        match self {
            PromisingVisibility::Network => "NETWORK",
            PromisingVisibility::Public => "PUBLIC",
        }
    }
    // the same shape as every other domain enum's
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Option<Self> {
        [PromisingVisibility::Network, PromisingVisibility::Public]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Who reads a promising practice in the library.
pub fn can_read_promising(visibility: PromisingVisibility, signed_in: bool) -> bool {
    match visibility {
        PromisingVisibility::Public => true,
        PromisingVisibility::Network => signed_in,
    }
}

/// One of the community's conveners, or the programme team, marks a practice promising.
pub fn check_can_mark_promising(
    programme_team: bool,
    role: Option<MemberRole>,
) -> Result<(), DomainError> {
    if programme_team || role == Some(MemberRole::Convener) {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the community's conveners or the programme team can mark a practice promising",
        ))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromisingText {
    pub evidence: String,
    pub outcomes: String,
}

/// Evidence and outcomes are both needed (1–5,000 characters each); at most twenty organisations.
pub fn parse_promising(
    evidence: &str,
    outcomes: &str,
    organisations: usize,
) -> Result<PromisingText, DomainError> {
    let mut f = Fields::new();
    let evidence = f.take(bounded("evidence", "the evidence", evidence, 1, 5000));
    let outcomes = f.take(bounded("outcomes", "the outcomes", outcomes, 1, 5000));
    if organisations > MAX_ORGANISATIONS {
        f.add(
            "organisationIds",
            format!("Name at most {MAX_ORGANISATIONS} organisations"),
        );
    }
    f.finish()?;
    Ok(PromisingText {
        evidence: evidence.expect("checked"),
        outcomes: outcomes.expect("checked"),
    })
}
