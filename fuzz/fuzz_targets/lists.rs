#![no_main]
//! `cargo +nightly fuzz run lists`: see `convene_domain::fuzzing::lists` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::lists(data));
