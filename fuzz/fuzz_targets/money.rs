#![no_main]
//! `cargo +nightly fuzz run money`: see `convene_domain::fuzzing::money` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::money(data));
