//! Sharing protocols: the network's samples (ordered prompts, each with minutes), which a
//! community copies and adapts into its own (SPEC §5).

use crate::community::MemberRole;
use crate::text::{bounded, single_line};
use crate::{DomainError, Fields};

pub const MAX_PROMPTS: usize = 30;
pub const MAX_MINUTES: i32 = 240;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Prompt {
    pub prompt: String,
    pub minutes: i32,
}

/// Who owns a protocol: the network (its programme team) or one community.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolOwner {
    Network,
    Community,
}

pub fn parse_protocol_name(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "the protocol's name", raw, 3, 200)
}

/// One to thirty prompts, each with text and 1–240 minutes; errors name `prompts.<i>.<field>`.
pub fn parse_prompts(field: &str, raw: &[(String, i32)]) -> Result<Vec<Prompt>, DomainError> {
    if raw.is_empty() {
        return Err(DomainError::field(field, "Add at least one prompt"));
    }
    if raw.len() > MAX_PROMPTS {
        return Err(DomainError::field(
            field,
            format!("A protocol has at most {MAX_PROMPTS} prompts"),
        ));
    }
    let mut f = Fields::new();
    let mut out = Vec::with_capacity(raw.len());
    for (i, (text, minutes)) in raw.iter().enumerate() {
        let prefix = format!("{field}.{i}.");
        let p =
            f.take(bounded("prompt", "the prompt", text, 1, 1000).map_err(|e| e.nested(&prefix)));
        if !(1..=MAX_MINUTES).contains(minutes) {
            f.add(
                &format!("{prefix}minutes"),
                format!("Give between 1 and {MAX_MINUTES} minutes"),
            );
        }
        if let Some(p) = p {
            out.push(Prompt {
                prompt: p,
                minutes: *minutes,
            });
        }
    }
    f.finish()?;
    Ok(out)
}

/// The programme team changes the network's protocols; a community's conveners and core group
/// change its own copies.
pub fn check_can_edit_protocol(
    owner: ProtocolOwner,
    programme_team: bool,
    role: Option<MemberRole>,
) -> Result<(), DomainError> {
    let ok = match owner {
        ProtocolOwner::Network => programme_team,
        ProtocolOwner::Community => role.is_some_and(|r| r.runs_it()),
    };
    if ok {
        Ok(())
    } else {
        Err(DomainError::forbidden(match owner {
            ProtocolOwner::Network => "Only the programme team can change the network's protocols",
            ProtocolOwner::Community => {
                "Only the community's conveners and core group can change its protocols"
            }
        }))
    }
}

/// A community copies one of the network's protocols (conveners and core group).
pub fn check_can_adopt(owner: ProtocolOwner, role: Option<MemberRole>) -> Result<(), DomainError> {
    if owner != ProtocolOwner::Network {
        return Err(DomainError::field(
            "protocolId",
            "Choose one of the network's sample protocols",
        ));
    }
    if role.is_some_and(|r| r.runs_it()) {
        Ok(())
    } else {
        Err(DomainError::forbidden(
            "Only the community's conveners and core group can adopt a protocol",
        ))
    }
}

/// The total length of a protocol, in minutes.
pub fn total_minutes(prompts: &[Prompt]) -> i32 {
    prompts.iter().map(|p| p.minutes).sum()
}

/// Who reads a protocol: the network's, anyone signed in; a community's copy, its members
/// and the programme team.
pub fn can_read_protocol(
    owner: ProtocolOwner,
    signed_in: bool,
    programme_team: bool,
    member: bool,
) -> bool {
    match owner {
        ProtocolOwner::Network => signed_in,
        ProtocolOwner::Community => programme_team || member,
    }
}

/// An exchange names the protocol it followed: one of the network's, or its own community's copy.
pub fn check_protocol_usable(
    owner: ProtocolOwner,
    same_community: bool,
) -> Result<(), DomainError> {
    if owner == ProtocolOwner::Network || same_community {
        Ok(())
    } else {
        Err(DomainError::field(
            "protocolId",
            "Choose one of the network's protocols or your community's own",
        ))
    }
}
