//! The black-box suite: one binary, a module per area.

mod accounts;
mod applications;
mod audit;
mod calls;
mod catalogue;
mod communities;
mod community_work;
mod demo;
mod honoraria;
mod intranet;
mod meetings;
mod outcomes;
mod practices;
mod schema;
mod selection;
mod selection_support;
mod smtp;
mod transport;
mod webhooks;
