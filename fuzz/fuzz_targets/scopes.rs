#![no_main]
//! `cargo +nightly fuzz run scopes`: see `convene_domain::fuzzing::scopes` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::scopes(data));
