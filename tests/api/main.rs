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
mod limits;
mod matrix;
mod meetings;
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
