//! Convene's server: the `convene` binary's library, so that tests can start the real thing.

pub mod auth;
pub mod backup;
pub mod calendar;
pub mod config;
pub mod delivery;
pub mod demo;
pub mod exports;
pub mod graphql;
pub mod http;
pub mod ids;
pub mod intranet;
pub mod jobs;
pub mod links;
pub mod mail;
pub mod metrics;
pub mod notify;
pub mod outbox;
pub mod ratelimit;
pub mod secrets;
pub mod security;
pub mod services;
pub mod socket;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod unsubscribe;
pub mod usecases;
pub mod webhooks;

pub use config::Config;
pub use startup::{build, App};
