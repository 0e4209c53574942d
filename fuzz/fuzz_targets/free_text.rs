#![no_main]
//! `cargo +nightly fuzz run free_text`: see `convene_domain::fuzzing::free_text` for what it checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| convene_domain::fuzzing::free_text(data));
