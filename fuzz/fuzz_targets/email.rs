#![no_main]
//! `cargo +nightly fuzz run email`: see `convene_domain::fuzzing::email` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::email(data));
