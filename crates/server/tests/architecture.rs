//! The layering of DESIGN.md and the README's architecture section, checked on the source:
//! the API (`graphql/`, `http.rs`, `startup.rs`) decodes, calls a use case and maps; the use
//! cases own every write through `Write`; nothing below the API reaches up into it.

use std::fs;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
/// The longest a function of the API layer may be.
const MAX_RESOLVER_LINES: usize = 40;
/// What only a `Write` may do: begin and commit a transaction, queue and wake deliveries.
const WRITE_ONLY: [&str; 7] = [
    ".commit()",
    "begin_write(",
    "outbox_wake",
    "notify::add(",
    "webhooks::emit(",
    "mail::enqueue(",
    "mutation::audit(",
];
/// The API layer: the only modules that may name `crate::graphql` (`socket.rs` is the
/// WebSocket transport beside `http.rs`).
const API: [&str; 4] = ["graphql/", "http.rs", "socket.rs", "startup.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("a source directory") {
        let p = e.expect("an entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every source file, with its path relative to `src/` and its text.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(SRC)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read_to_string(&p).expect("readable"))
        })
        .collect()
}

/// The code of a file without its comments (a line's `//` tail and whole doc lines).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim_start();
        if t.starts_with("//") {
            None
        } else {
            Some((i + 1, l.split(" //").next().unwrap_or(l)))
        }
    })
}

/// `(name, first line, length)` of every function with a body, found by its indentation:
/// a function ends at the first `}` at the indentation of its `fn`.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let Some(at) = t.find("fn ") else { continue };
        let head = &t[..at];
        let is_fn = head.split_whitespace().all(|w| {
            matches!(
                w,
                "pub" | "pub(crate)" | "pub(super)" | "async" | "const" | "unsafe"
            )
        });
        if !is_fn || t.contains('$') {
            continue;
        }
        let name: String = t[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let indent = &l[..l.len() - t.len()];
        let close = format!("{indent}}}");
        let Some(end) = lines[i..]
            .iter()
            .position(|m| m.trim_end() == close || (m.starts_with(&close) && m.trim() == "}"))
        else {
            continue;
        };
        // A declaration without a body; a `$` in the head is a macro's template, not code.
        if t.trim_end().ends_with(';') {
            continue;
        }
        found.push((name, i + 1, end + 1));
    }
    found
}

#[test]
fn no_resolver_is_longer_than_a_screen() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        if !path.starts_with("graphql/") {
            continue;
        }
        for (name, line, len) in functions(&text) {
            if len > MAX_RESOLVER_LINES {
                long.push(format!("{path}:{line} {name} ({len} lines)"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "resolvers decode, call a use case and map; these do more:\n{}",
        long.join("\n")
    );
}

#[test]
fn only_a_write_begins_commits_and_queues() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if !path.starts_with("graphql/") {
            continue;
        }
        for (n, l) in code_lines(&text) {
            for w in WRITE_ONLY {
                if l.contains(w) {
                    found.push(format!("{path}:{n} {w}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the API layer calls use cases; their `Write` does this:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_below_the_api_imports_it() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if API.iter().any(|a| path.starts_with(a)) {
            continue;
        }
        for (n, l) in code_lines(&text) {
            if l.contains("crate::graphql") || l.contains("super::graphql") {
                found.push(format!("{path}:{n}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use cases, services, exports and jobs must not import the GraphQL layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn error_codes_are_compared_as_values() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        for (n, l) in code_lines(&text) {
            let compact: String = l.split_whitespace().collect();
            if compact.contains("code==\"") || compact.contains("code()==\"") {
                found.push(format!("{path}:{n}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "compare ErrorCode values, not their text:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The checks above pass on an empty tree too; make sure they read this one.
    let files = sources();
    assert!(files.iter().any(|(p, _)| p == "graphql/mod.rs"));
    let f =
        functions("pub async fn a() {\n    x;\n}\n\n    fn b(&self) -> u8 {\n        1\n    }\n");
    assert_eq!(f, vec![("a".into(), 1, 3), ("b".into(), 5, 3)]);
    // a `$` in a resolver's text (a GraphQL variable) does not hide it from the length check
    let g = functions("fn q() {\n    let s = \"query($id: ID!)\";\n}\n");
    assert_eq!(g, vec![("q".into(), 1, 3)]);
    let write = files
        .iter()
        .find(|(p, _)| p == "usecases/write.rs")
        .expect("the unit of work");
    assert!(code_lines(&write.1).any(|(_, l)| l.contains(".commit()")));
}
