//! A practice in a community and its domain: proposed → exploring → explored.

use crate::community::{MemberRole, Stage};
use crate::text::{bounded, single_line};
use crate::DomainError;

pub const MAX_TAGS: usize = 10;
pub const MAX_TAG_CHARS: usize = 40;

/// proposed → exploring → explored (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PracticeStatus {
    Proposed,
    Exploring,
    Explored,
}

impl PracticeStatus {
    pub const ALL: [PracticeStatus; 3] = [
        PracticeStatus::Proposed,
        PracticeStatus::Exploring,
        PracticeStatus::Explored,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PracticeStatus::Proposed => "PROPOSED",
            PracticeStatus::Exploring => "EXPLORING",
            PracticeStatus::Explored => "EXPLORED",
        }
    }
    // the same shape as every other domain enum's
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// The order of a community's home page: the practices being explored first, then those
    /// proposed, then those already explored.
    pub fn home_page_rank(self) -> i32 {
        match self {
            PracticeStatus::Exploring => 0,
            PracticeStatus::Proposed => 1,
            PracticeStatus::Explored => 2,
        }
    }
}

/// A practice moves on one step at a time, and may go back one step (a practice taken up too
/// early is set aside again); it never jumps from proposed to explored.
pub fn check_status_change(from: PracticeStatus, to: PracticeStatus) -> Result<(), DomainError> {
    use PracticeStatus::*;
    let ok = matches!(
        (from, to),
        (Proposed, Exploring)
            | (Exploring, Explored)
            | (Exploring, Proposed)
            | (Explored, Exploring)
    );
    if ok {
        Ok(())
    } else if from == to {
        Err(DomainError::invalid_state(format!(
            "This practice is already {}",
            from.as_str().to_lowercase()
        )))
    } else {
        Err(DomainError::invalid_state(format!(
            "A {} practice cannot become {}: it moves one step at a time",
            from.as_str().to_lowercase(),
            to.as_str().to_lowercase()
        )))
    }
}

/// Any member proposes a practice, while the community is not closed.
pub fn check_can_propose(role: Option<MemberRole>, stage: Stage) -> Result<(), DomainError> {
    if role.is_none() {
        return Err(DomainError::forbidden(
            "Only members of this community can propose a practice",
        ));
    }
    check_open(stage)
}

/// Conveners and core members move a practice on.
pub fn check_can_set_status(role: Option<MemberRole>, stage: Stage) -> Result<(), DomainError> {
    if !role.is_some_and(|r| r.runs_it()) {
        return Err(DomainError::forbidden(
            "Only the community's conveners and core group can move a practice on",
        ));
    }
    check_open(stage)
}

pub(crate) fn check_open(stage: Stage) -> Result<(), DomainError> {
    if stage == Stage::Closed {
        Err(DomainError::invalid_state("This community has closed"))
    } else {
        Ok(())
    }
}

pub fn parse_practice_name(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "the practice's name", raw, 3, 200)
}

pub fn parse_practice_description(field: &str, raw: &str) -> Result<String, DomainError> {
    bounded(field, "a description", raw, 0, 5000)
}

/// Tags: trimmed, lower case, inner whitespace collapsed, duplicates dropped, order kept; at
/// most ten of at most forty characters.
pub fn parse_tags(field: &str, raw: &[String]) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = Vec::new();
    for t in raw {
        let tag = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if tag.is_empty() {
            continue;
        }
        let tag = bounded(field, "a tag", &tag, 1, MAX_TAG_CHARS)?;
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(DomainError::field(
            field,
            format!("Give at most {MAX_TAGS} tags"),
        ));
    }
    Ok(out)
}

/// A tag as the library filter compares it.
pub fn normalise_tag(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
