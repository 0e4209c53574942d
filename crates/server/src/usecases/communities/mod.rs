//! Communities of practice (SPEC §4): definition, lifecycle, membership, meetings and work.
