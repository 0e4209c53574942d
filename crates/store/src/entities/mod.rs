//! Plain sea-orm models, one per table; they never derive GraphQL traits.

pub mod application;
pub mod audit;
pub mod call;
pub mod community;
pub mod community_invitation;
pub mod community_member;
pub mod criterion;
pub mod decision;
pub mod declared_conflict;
pub mod domain;
pub mod domain_definition;
pub mod honorarium_share;
pub mod join_request;
pub mod membership_change;
pub mod organisation;
pub mod outbox;
pub mod outcome_notice;
pub mod panel_member;
pub mod participant;
pub mod person;
pub mod refresh_token;
pub mod review;
pub mod review_assignment;
pub mod review_score;
pub mod role_grant;
pub mod startup_step;
