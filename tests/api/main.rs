//! The black-box suite: one binary, a module per area.

mod accounts;
mod applications;
mod audit;
mod calls;
mod catalogue;
mod communities;
mod community_work;
mod demo;
mod durability;
mod honoraria;
mod intranet;
mod lifecycle;
mod limits;
mod meetings;
mod metrics;
mod notifications;
mod outcomes;
mod partners;
mod practices;
mod replicas;
mod schema;
mod selection;
mod selection_support;
mod smtp;
mod transport;
mod webhooks;
