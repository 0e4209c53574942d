#![no_main]
//! `cargo +nightly fuzz run starts_at`: see `convene_domain::fuzzing::starts_at` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::starts_at(data));
