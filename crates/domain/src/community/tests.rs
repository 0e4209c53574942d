//! Tests of the community rules together.

use super::*;
use chrono::{Duration, TimeZone, Utc};

#[test]
fn stages_move_forward_and_dormant_wakes() {
    use Stage::*;
    assert!(check_stage_change(Forming, Active).is_ok());
    assert!(check_stage_change(Active, Dormant).is_ok());
    assert!(check_stage_change(Dormant, Active).is_ok());
    assert!(check_stage_change(Active, Closed).is_ok());
    assert!(check_stage_change(Closed, Active).is_err());
    assert!(check_stage_change(Forming, Dormant).is_err());
    assert!(check_stage_change(Active, Forming).is_err());
}

#[test]
fn joining_follows_the_mode() {
    assert_eq!(
        join(MembershipMode::Open, Stage::Active).unwrap(),
        JoinOutcome::Joined
    );
    assert_eq!(
        join(MembershipMode::OnRequest, Stage::Forming).unwrap(),
        JoinOutcome::Requested
    );
    assert_eq!(
        join(MembershipMode::Invitation, Stage::Active)
            .unwrap_err()
            .code,
        crate::ErrorCode::Forbidden
    );
    assert_eq!(
        join(MembershipMode::Open, Stage::Closed).unwrap_err().code,
        crate::ErrorCode::InvalidState
    );
}

#[test]
fn a_community_always_keeps_a_convener() {
    assert!(check_can_leave(MemberRole::Member, 1).is_ok());
    assert!(check_can_leave(MemberRole::Convener, 2).is_ok());
    assert_eq!(
        check_can_leave(MemberRole::Convener, 1).unwrap_err().code,
        crate::ErrorCode::InvalidState
    );
    assert!(check_role_change(
        MemberRole::Convener,
        MemberRole::Convener,
        MemberRole::Core,
        2
    )
    .is_ok());
    assert!(check_role_change(
        MemberRole::Convener,
        MemberRole::Convener,
        MemberRole::Core,
        1
    )
    .is_err());
    assert_eq!(
        check_role_change(MemberRole::Core, MemberRole::Member, MemberRole::Core, 1)
            .unwrap_err()
            .code,
        crate::ErrorCode::Forbidden
    );
}

#[test]
fn steps_follow_the_faq_table_then_open_up() {
    let owners: Vec<&str> = StartupStep::ALL
        .iter()
        .map(|s| s.owner().as_str())
        .collect();
    assert_eq!(
        owners,
        [
            "CONVENER",
            "CONVENER",
            "CONVENER",
            "CONVENER_AND_CORE",
            "CORE",
            "CORE"
        ]
    );
    use MemberRole::*;
    assert!(
        check_can_work_on_step(StartupStep::DevelopDomain, Some(Convener), Stage::Forming).is_ok()
    );
    assert!(
        check_can_work_on_step(StartupStep::DevelopDomain, Some(Core), Stage::Forming).is_err()
    );
    assert!(
        check_can_work_on_step(StartupStep::InitialConversation, Some(Core), Stage::Forming)
            .is_ok()
    );
    assert!(check_can_work_on_step(StartupStep::Roles, Some(Core), Stage::Forming).is_ok());
    assert!(check_can_work_on_step(StartupStep::Roles, Some(Member), Stage::Forming).is_err());
    // once active, any core member does the cultivating tasks
    assert!(check_can_work_on_step(StartupStep::DevelopDomain, Some(Core), Stage::Active).is_ok());
    assert!(
        check_can_work_on_step(StartupStep::DevelopDomain, Some(Member), Stage::Active).is_err()
    );
    assert_eq!(
        check_can_work_on_step(StartupStep::Roles, None, Stage::Active)
            .unwrap_err()
            .code,
        crate::ErrorCode::Forbidden
    );
    assert!(check_can_work_on_step(StartupStep::Roles, Some(Convener), Stage::Closed).is_err());
    for s in StartupStep::ALL {
        assert_eq!(StartupStep::from_str(s.as_str()), Some(s));
    }
}

#[test]
fn conveners_and_core_run_it_members_see_inside() {
    assert!(check_runs_it(Some(MemberRole::Convener), "invite").is_ok());
    assert!(check_runs_it(Some(MemberRole::Core), "invite").is_ok());
    assert_eq!(
        check_runs_it(Some(MemberRole::Member), "invite")
            .unwrap_err()
            .code,
        crate::ErrorCode::Forbidden
    );
    assert!(check_runs_it(None, "invite").is_err());
    assert_eq!(
        check_member(Some(MemberRole::Member)).unwrap(),
        MemberRole::Member
    );
    assert_eq!(
        check_member(None).unwrap_err().code,
        crate::ErrorCode::Forbidden
    );
    // the member list: members and the team read it; conveners and the team export it
    for role in [MemberRole::Convener, MemberRole::Core, MemberRole::Member] {
        assert_eq!(
            check_can_export_members(Some(role), false).is_ok(),
            role == MemberRole::Convener,
            "{role:?}"
        );
    }
    assert!(check_can_export_members(None, true).is_ok());
    assert_eq!(
        check_can_export_members(None, false).unwrap_err().code,
        crate::ErrorCode::Forbidden
    );
    assert_eq!(
        parse_definition("text", "short").unwrap_err().fields[0].field,
        "text"
    );
    assert!(parse_invitation_message("message", "Would you join us for a conversation?").is_ok());
    assert_eq!(parse_note("note", None).unwrap(), "");
}

#[test]
fn a_request_is_decided_once() {
    assert_eq!(
        decide_request(RequestStatus::Pending, true).unwrap(),
        RequestStatus::Approved
    );
    assert_eq!(
        decide_request(RequestStatus::Pending, false).unwrap(),
        RequestStatus::Declined
    );
    assert_eq!(
        decide_request(RequestStatus::Approved, false)
            .unwrap_err()
            .code,
        crate::ErrorCode::InvalidState
    );
    for s in [
        RequestStatus::Pending,
        RequestStatus::Approved,
        RequestStatus::Declined,
    ] {
        assert_eq!(RequestStatus::from_str(s.as_str()), Some(s));
    }
}

#[test]
fn declining_needs_a_reason_and_places_are_addresses() {
    assert_eq!(
        check_join_decision(false, None).unwrap_err().fields[0].field,
        "reason"
    );
    assert_eq!(
        check_join_decision(false, Some("  ")).unwrap_err().fields[0].field,
        "reason"
    );
    assert_eq!(
        check_join_decision(false, Some("Full for now"))
            .unwrap()
            .as_deref(),
        Some("Full for now")
    );
    assert_eq!(check_join_decision(true, None).unwrap(), None);
    assert!(parse_place_uri("placeUri", "https://jive.example/api/core/v3/places/1").is_ok());
    assert!(parse_place_uri("placeUri", "/places/1").is_ok());
    assert_eq!(
        parse_place_uri("placeUri", "not a uri").unwrap_err().fields[0].field,
        "placeUri"
    );
    assert!(parse_place_uri("placeUri", "ftp://x").is_err());
}

#[test]
fn invitations_expire_and_are_reminded_once() {
    let sent = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let day = |n| sent + Duration::days(n);
    assert_eq!(
        invitation_state(None, sent, day(13)),
        InvitationState::Pending
    );
    assert_eq!(
        invitation_state(None, sent, day(14)),
        InvitationState::Expired
    );
    assert_eq!(
        invitation_state(Some(true), sent, day(30)),
        InvitationState::Accepted
    );
    assert_eq!(
        invitation_state(Some(false), sent, day(1)),
        InvitationState::Declined
    );
    assert!(check_invitation_usable(InvitationState::Pending).is_ok());
    assert!(check_invitation_usable(InvitationState::Accepted).is_err());
    assert!(check_invitation_usable(InvitationState::Expired).is_err());
    assert!(!reminder_due(InvitationState::Pending, sent, false, day(6)));
    assert!(reminder_due(InvitationState::Pending, sent, false, day(7)));
    assert!(!reminder_due(InvitationState::Pending, sent, true, day(8)));
    assert!(!reminder_due(
        InvitationState::Accepted,
        sent,
        false,
        day(8)
    ));
}
