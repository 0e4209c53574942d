//! `docker-compose.yml` is safe as shipped (issue 15, point 7): production mode, Redis for the
//! rate limits, and no secret with a default that everyone can read. Read as text: every
//! `KEY: value` line whose key or `${VARIABLE}` names a secret must take it from the
//! environment with no default (`${VAR:?message}`, `${VAR}`, or an empty `${VAR:-}`).

fn compose() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docker-compose.yml");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_secret(name: &str) -> bool {
    let n = name.to_ascii_uppercase();
    ["SECRET", "PASSWORD", "TOKEN", "KEY"]
        .iter()
        .any(|s| n.contains(s))
}

/// The `${…}` interpolations of a value: (variable, what follows its name).
fn interpolations(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let end = after
            .find('}')
            .expect("an unclosed ${ in docker-compose.yml");
        let inner = &after[..end];
        let name_len = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        out.push((inner[..name_len].to_string(), inner[name_len..].to_string()));
        rest = &after[end + 1..];
    }
    out
}

/// What is wrong with one line, if anything.
fn secret_with_a_default(line: &str) -> Option<String> {
    let line = line.trim();
    if line.starts_with('#') {
        return None;
    }
    let (key, value) = line.split_once(": ")?;
    let key = key.trim().trim_start_matches("- ");
    let value = value.trim();
    let vars = interpolations(value);
    for (var, tail) in &vars {
        let defaultless = tail.is_empty()
            || tail.starts_with(":?")
            || tail.starts_with('?')
            || tail == ":-"
            || tail == "-";
        if is_secret(var) && !defaultless {
            return Some(format!("{key}: ${{{var}{tail}}} has a default"));
        }
    }
    if is_secret(key) && vars.iter().all(|(v, _)| !is_secret(v)) && !value.is_empty() {
        return Some(format!("{key}: {value} is written in the file"));
    }
    None
}

#[test]
fn docker_compose_ships_no_secret_and_runs_in_production() {
    let text = compose();
    let wrong: Vec<String> = text.lines().filter_map(secret_with_a_default).collect();
    assert!(
        wrong.is_empty(),
        "secrets with a default in docker-compose.yml: {wrong:#?}"
    );
    for must in [
        "CONVENE_ENV: production",
        "CONVENE_JWT_SECRET: ${CONVENE_JWT_SECRET:?",
        // production refuses to start without it
        "CONVENE_SECRET_KEY: ${CONVENE_SECRET_KEY:?",
        "CONVENE_REDIS_URL: redis://redis:6379",
        "image: redis:7",
    ] {
        assert!(text.contains(must), "docker-compose.yml lacks {must}");
    }
    // the demo's people share a published password: never loaded unless asked for
    assert!(text.contains("CONVENE_DEMO: ${CONVENE_DEMO:-0}"));
}

#[test]
fn the_check_catches_what_it_is_for() {
    assert!(
        secret_with_a_default("CONVENE_JWT_SECRET: ${CONVENE_JWT_SECRET:-change-me}").is_some()
    );
    assert!(secret_with_a_default("    POSTGRES_PASSWORD: convene-local-only").is_some());
    assert!(secret_with_a_default(
        "CONVENE_DATABASE_URL: postgres://u:${CONVENE_DB_PASSWORD:-pw}@db/convene"
    )
    .is_some());
    assert!(secret_with_a_default("CONVENE_JWT_SECRET: ${CONVENE_JWT_SECRET:?set it}").is_none());
    assert!(secret_with_a_default("CONVENE_ADMIN_PASSWORD: ${CONVENE_ADMIN_PASSWORD:-}").is_none());
    assert!(secret_with_a_default("CONVENE_LISTEN: 0.0.0.0:8080").is_none());
    assert!(secret_with_a_default("# CONVENE_JWT_SECRET: literal in a comment").is_none());
}
