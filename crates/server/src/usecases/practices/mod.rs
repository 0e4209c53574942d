//! Practice exchanges and the library of promising practices (SPEC §5).
