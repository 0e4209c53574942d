//! `schema.graphql` is the contract: it must be exactly what the server serves.

#[test]
fn schema_graphql_matches_the_server() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql");
    let committed = std::fs::read_to_string(path).expect("schema.graphql at the repository root");
    let served = convene_server::graphql::schema::sdl();
    assert!(
        committed == served,
        "schema.graphql has drifted from the server: run `cargo run -- export-schema > schema.graphql` and review the diff"
    );
}
