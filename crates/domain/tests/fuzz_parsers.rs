//! The fuzz targets of `convene_domain::fuzzing` (also run by cargo-fuzz from `fuzz/` on
//! nightly), on stable: a bounded run of each over random bytes, random text and text near
//! what each parser expects. `PROPTEST_CASES=100000 cargo test -p convene-domain --test
//! fuzz_parsers` runs longer.

use convene_domain::fuzzing::{self, TARGETS};
use proptest::prelude::*;

/// Inputs: any bytes, any text, and text shaped like what the parsers read.
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        any::<String>().prop_map(String::into_bytes),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?"
            .prop_map(String::into_bytes),
        "[ a-zA-Z0-9._%+-]{0,70}@[a-zA-Z0-9.-]{0,70}( )?".prop_map(String::into_bytes),
        "((read:(calls|communities|practices|people))|x)([ ,]{1,2}(read:(calls|communities|practices))){0,4}"
            .prop_map(String::into_bytes),
        "(([0-9]{1,3}\\.){3}[0-9]{1,3}|\\[?[0-9a-f:]{2,39}\\]?)(/[0-9]{1,3})?(,[a-z0-9.-]{1,20})?"
            .prop_map(String::into_bytes),
        "(application\\.submitted|webhook\\.test|outcome\\.sent|[A-Za-z .]{0,50})(, ?(meeting\\.scheduled|[A-Za-z .]{0,50})){0,5}"
            .prop_map(String::into_bytes),
        "(PROGRAMME_TEAM|PANEL|NHS_TRUST|VIDEO|read:calls| read:practices |[A-Z_]{0,15})"
            .prop_map(String::into_bytes),
        "(https?://|/)?[^\\s]{0,40}( [a-z]{0,5})?".prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn every_target_holds_for_any_input(data in input()) {
        for (_, target) in TARGETS {
            target(&data);
        }
    }
}

#[test]
fn every_target_holds_at_the_edges() {
    let edges: &[&[u8]] = &[
        b"",
        b" ",
        b"\0",
        b"\xff\xfe",
        b"2026-03-29T01:30",
        b"2026-10-25T01:30",
        b"2026-12-03T14:00:00+14:00",
        b"9999-12-31T23:59:59Z",
        b"+275760-09-13T00:00:00Z",
        b"-9-9-2\x0b9:2",
        b"20000-01-01T10:00",
        b"a@b.c",
        b"A@B.CO ",
        b"read:calls read:calls",
        b"0.0.0.0/0",
        b"::/0",
        b"[::1]/129",
        b"255.255.255.255/32",
        b"\xff\xff\xff\xff\xff\xff\xff\x7f",
        b"\x00\x00\x00\x00\x00\x00\x00\x80\x05\x00\x00\x00",
    ];
    for (name, target) in TARGETS {
        for e in edges {
            let r = std::panic::catch_unwind(|| target(e));
            assert!(r.is_ok(), "{name} on {:?}", String::from_utf8_lossy(e));
        }
    }
    assert_eq!(TARGETS.len(), 8);
    let _ = fuzzing::starts_at;
}
