#![no_main]
//! `cargo +nightly fuzz run words`: see `convene_domain::fuzzing::words` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::words(data));
