#![no_main]
//! `cargo +nightly fuzz run address_ranges`: see `convene_domain::fuzzing::address_ranges` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::address_ranges(data));
