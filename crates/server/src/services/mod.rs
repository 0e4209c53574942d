//! Application services: gather what a rule needs from the store, then ask the domain.

pub mod honoraria;
pub mod meetings;
pub mod outcomes;
pub mod reporting;
pub mod selection;

/// Today's date in Europe/London, where the network works.
pub fn london_today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive()
}
