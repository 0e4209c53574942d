//! The authorization matrix (SPEC §7, issue 8): every mutation and every sensitive field, asked
//! by every kind of caller in one world, against one table of expected answers (`table.rs`).
//! Every difference is collected and shown together; the table must name every mutation of
//! `schema.graphql`, so that a new one cannot be added without deciding who may call it.

mod table;
mod world;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use convene_blackbox::*;
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Value};

pub use world::World;

/// Every kind of caller the matrix asks as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Caller {
    Anonymous,
    /// The lead of application A.
    Applicant,
    /// A's accepted co-lead.
    CoLead,
    /// The lead of application B.
    OtherApplicant,
    /// On the panel, reviewing A, B and C.
    PanelMember,
    /// On the panel, with a declared conflict on A.
    ConflictedPanelMember,
    Chair,
    Convener,
    CoreMember,
    Member,
    /// Signed in, related to nothing.
    Outsider,
    /// Signed in with an address never proven: related to nothing, and matching no invitation.
    Unverified,
    /// The community's coach (COACH role, not a member).
    Coach,
    ProgrammeTeam,
    PartnerCalls,
    PartnerCommunities,
    PartnerPractices,
    /// A partner system with every scope.
    PartnerAll,
}

use Caller::*;

impl Caller {
    pub const ALL: [Caller; 18] = [
        Anonymous,
        Applicant,
        CoLead,
        OtherApplicant,
        PanelMember,
        ConflictedPanelMember,
        Chair,
        Convener,
        CoreMember,
        Member,
        Outsider,
        Unverified,
        Coach,
        ProgrammeTeam,
        PartnerCalls,
        PartnerCommunities,
        PartnerPractices,
        PartnerAll,
    ];
    /// Everyone with a personal account.
    pub const PEOPLE: [Caller; 13] = [
        Applicant,
        CoLead,
        OtherApplicant,
        PanelMember,
        ConflictedPanelMember,
        Chair,
        Convener,
        CoreMember,
        Member,
        Outsider,
        Unverified,
        Coach,
        ProgrammeTeam,
    ];

    pub fn is_partner(self) -> bool {
        matches!(
            self,
            PartnerCalls | PartnerCommunities | PartnerPractices | PartnerAll
        )
    }
}

/// The class of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Past authorization: no error, or an error about the input or the world's state
    /// (VALIDATION, CONFLICT, INVALID_STATE); for a field, its value is there.
    Allowed,
    /// FORBIDDEN.
    Forbidden,
    /// Not told the thing exists: NOT_FOUND, a "There is no such …" VALIDATION on a target
    /// that does exist, or (for a field) null or FORBIDDEN.
    Hidden,
    Unauthenticated,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// The variables of a field's query, or the `input` of a mutation, in the world as `Caller`.
pub type Vars = fn(&World, Caller) -> Value;

pub enum Op {
    /// A root mutation by name; the document is made from its signature in `schema.graphql`.
    Mutation(&'static str),
    /// A query, and where in `data` the sensitive value is (a number indexes a list).
    Field {
        label: &'static str,
        doc: &'static str,
        path: &'static [&'static str],
    },
    /// A download (`GET`, `Authorization: Bearer`): `vars` gives `{ "path", "mark" }`; with a
    /// `mark`, a 200 whose body lacks it is `Hidden` (a row left out of the file).
    Export { label: &'static str },
}

/// One row of the table: an operation and the answer every kind of caller should get.
pub struct Row {
    pub op: Op,
    pub vars: Vars,
    pub allow: &'static [Caller],
    /// Signed-in people not in `allow`.
    pub others: Outcome,
    pub anonymous: Outcome,
    pub partners: Outcome,
    pub overrides: Vec<(Caller, Outcome)>,
}

impl Row {
    pub fn label(&self) -> &'static str {
        match self.op {
            Op::Mutation(n) => n,
            Op::Field { label, .. } | Op::Export { label } => label,
        }
    }

    pub fn expected(&self, c: Caller) -> Outcome {
        if let Some((_, o)) = self.overrides.iter().find(|(x, _)| *x == c) {
            *o
        } else if self.allow.contains(&c) {
            Outcome::Allowed
        } else if c == Anonymous {
            self.anonymous
        } else if c.is_partner() {
            self.partners
        } else {
            self.others
        }
    }

    fn document(&self, signatures: &BTreeMap<String, String>) -> String {
        match self.op {
            Op::Mutation(name) => {
                let args = signatures
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} is not a mutation of schema.graphql"));
                match args.as_str() {
                    "" => format!("mutation {{ {name} {{ __typename }} }}"),
                    t => format!("mutation($i: {t}) {{ {name}(input: $i) {{ __typename }} }}"),
                }
            }
            Op::Field { doc, .. } => doc.to_string(),
            Op::Export { .. } => String::new(),
        }
    }

    /// The class of a download's answer: its status, and whether the marked row is in it.
    fn classify_export(status: u16, body: &str, mark: Option<&str>) -> Result<Outcome, String> {
        match status {
            200 if mark.is_some_and(|m| !body.contains(m)) => Ok(Outcome::Hidden),
            200 => Ok(Outcome::Allowed),
            401 => Ok(Outcome::Unauthenticated),
            403 => Ok(Outcome::Forbidden),
            404 => Ok(Outcome::Hidden),
            other => Err(format!("unexpected status {other}: {body}")),
        }
    }

    /// The class of the answer, or what made it unclassifiable.
    fn classify(&self, v: &Value) -> Result<Outcome, String> {
        let err = &v["errors"][0];
        let code = err["extensions"]["code"].as_str();
        let hides = || {
            err["extensions"]["fields"].as_array().is_some_and(|fs| {
                fs.iter().any(|f| {
                    f["message"]
                        .as_str()
                        .is_some_and(|m| m.starts_with("There is no such"))
                })
            })
        };
        if err.is_null() {
            return match self.op {
                Op::Mutation(_) | Op::Export { .. } => Ok(Outcome::Allowed),
                Op::Field { path, .. } => {
                    let value = path
                        .iter()
                        .fold(&v["data"], |at, k| match k.parse::<usize>() {
                            Ok(i) => &at[i],
                            Err(_) => &at[*k],
                        });
                    Ok(if value.is_null() {
                        Outcome::Hidden
                    } else {
                        Outcome::Allowed
                    })
                }
            };
        }
        match (code, &self.op) {
            (Some("UNAUTHENTICATED"), _) => Ok(Outcome::Unauthenticated),
            (Some("FORBIDDEN"), Op::Mutation(_)) => Ok(Outcome::Forbidden),
            (Some("FORBIDDEN" | "NOT_FOUND"), _) => Ok(Outcome::Hidden),
            (Some("VALIDATION"), Op::Mutation(_)) if hides() => Ok(Outcome::Hidden),
            // RATE_LIMITED too: the caller was let in, and asked to wait
            (
                Some("VALIDATION" | "CONFLICT" | "INVALID_STATE" | "RATE_LIMITED"),
                Op::Mutation(_),
            ) => Ok(Outcome::Allowed),
            _ => Err(format!("unexpected answer {err}")),
        }
    }
}

/// `name → input type` for every mutation of `schema.graphql` ("" when it takes no input).
fn mutation_signatures() -> BTreeMap<String, String> {
    let sdl = include_str!("../../../schema.graphql");
    let start = sdl.find("type MutationRoot {").expect("a MutationRoot");
    let body = &sdl[start..];
    let body = &body[..body.find("\n}").expect("the end of MutationRoot")];
    let mut in_doc = false;
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| {
            if l.starts_with("\"\"\"") {
                // a one-line doc string opens and closes on the same line
                in_doc = !(in_doc || (l.len() > 6 && l.ends_with("\"\"\"")));
                return false;
            }
            !in_doc && !l.is_empty()
        })
        .filter_map(|l| {
            let name_end = l.find(['(', ':'])?;
            let name = &l[..name_end];
            let args = match l[name_end..].strip_prefix("(input: ") {
                Some(rest) => rest[..rest.find(')')?].to_string(),
                None => String::new(),
            };
            Some((name.to_string(), args))
        })
        .collect()
}

struct Difference {
    row: &'static str,
    caller: Caller,
    expected: Outcome,
    got: Result<Outcome, String>,
    said: String,
}

fn render(diffs: &[Difference]) -> String {
    let mut out = format!(
        "{} answers differ from the table:\n{:<48} {:<22} {:<16} {:<16} server said\n",
        diffs.len(),
        "operation",
        "caller",
        "expected",
        "got"
    );
    for d in diffs {
        let got = match &d.got {
            Ok(o) => o.to_string(),
            Err(_) => "?".into(),
        };
        let said: String = match &d.got {
            Err(e) => e.chars().take(160).collect(),
            Ok(_) => d.said.chars().take(100).collect(),
        };
        out.push_str(&format!(
            "{:<48} {:<22} {:<16} {:<16} {}\n",
            d.row,
            format!("{:?}", d.caller),
            d.expected.to_string(),
            got,
            said
        ));
    }
    out
}

/// Ask `caller` the row's question; a difference from the table, if any.
async fn ask(
    app: &TestApp,
    w: &World,
    row: &Row,
    doc: &str,
    caller: Caller,
    expected: Outcome,
) -> Option<Difference> {
    if let Op::Export { .. } = row.op {
        let target = (row.vars)(w, caller);
        let mut req = app
            .http()
            .get(format!("{}{}", app.base, as_string(&target["path"])));
        if let Some(t) = w.token(caller) {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.expect("the server answers");
        let status = res.status().as_u16();
        let body = res.text().await.unwrap_or_default();
        let got = Row::classify_export(status, &body, target["mark"].as_str());
        return (got != Ok(expected)).then(|| Difference {
            row: row.label(),
            caller,
            expected,
            got,
            said: body.lines().next().unwrap_or("").to_string(),
        });
    }
    let vars = match row.op {
        Op::Mutation(_) => json!({ "i": (row.vars)(w, caller) }),
        _ => (row.vars)(w, caller),
    };
    let v = app.gql(w.token(caller), doc, vars).await;
    let got = row.classify(&v);
    (got != Ok(expected)).then(|| Difference {
        row: row.label(),
        caller,
        expected,
        got,
        said: v["errors"][0]["message"]
            .as_str()
            .unwrap_or("(no error)")
            .to_string(),
    })
}

#[tokio::test]
async fn every_caller_gets_the_answer_the_table_expects() {
    let app = spawn_with(|v| {
        v.insert("CONVENE_OUTBOUND_ALLOW".into(), "127.0.0.1".into());
    })
    .await;
    let w = world::build(&app).await;
    let signatures = mutation_signatures();
    let mut diffs = Vec::new();
    let mut asked = 0;
    for row in table::rows() {
        let doc = row.document(&signatures);
        let (mut allowed, mut denied): (Vec<(Caller, Outcome)>, Vec<(Caller, Outcome)>) =
            Caller::ALL
                .iter()
                .map(|c| (*c, row.expected(*c)))
                .partition(|(_, o)| *o == Outcome::Allowed);
        asked += allowed.len() + denied.len();
        if let Op::Field { .. } | Op::Export { .. } = row.op {
            // reading changes nothing: everyone may be asked at once
            denied.append(&mut allowed);
        }
        // denied callers first (together: a refusal changes nothing), so that an allowed
        // change cannot alter their answers; then the allowed ones, one at a time
        let refused: Vec<Option<Difference>> = stream::iter(&denied)
            .map(|(c, o)| ask(&app, &w, &row, &doc, *c, *o))
            .buffered(8)
            .collect()
            .await;
        diffs.extend(refused.into_iter().flatten());
        for (c, o) in &allowed {
            diffs.extend(ask(&app, &w, &row, &doc, *c, *o).await);
        }
    }
    assert!(diffs.is_empty(), "{}", render(&diffs));
    assert!(asked > 2000, "the matrix asked only {asked} questions");
}

#[test]
fn the_table_has_one_row_for_every_mutation() {
    let schema: BTreeSet<String> = mutation_signatures().into_keys().collect();
    assert!(schema.len() > 90, "read {} mutations", schema.len());
    let mut rows = BTreeSet::new();
    let mut twice = Vec::new();
    for r in table::rows() {
        if let Op::Mutation(n) = r.op {
            if !rows.insert(n.to_string()) {
                twice.push(n);
            }
        }
    }
    let missing: Vec<&String> = schema.difference(&rows).collect();
    let unknown: Vec<&String> = rows.difference(&schema).collect();
    assert!(
        missing.is_empty() && unknown.is_empty() && twice.is_empty(),
        "decide who may call each mutation: without a row {missing:?}; not in the schema \
         {unknown:?}; more than one row {twice:?}"
    );
}

#[test]
fn expectations_are_derived_and_overridden() {
    let r = table::mutation("closeCall", |_, _| json!({}))
        .allow(&[ProgrammeTeam])
        .except(Chair, Outcome::Hidden);
    assert_eq!(r.expected(ProgrammeTeam), Outcome::Allowed);
    assert_eq!(r.expected(Anonymous), Outcome::Unauthenticated);
    assert_eq!(r.expected(PartnerAll), Outcome::Forbidden);
    assert_eq!(r.expected(Outsider), Outcome::Forbidden);
    assert_eq!(r.expected(Chair), Outcome::Hidden);
    let sig = mutation_signatures();
    assert_eq!(sig["closeCall"], "CloseCallInput!");
    assert_eq!(sig["signOut"], "SignOutInput");
    assert_eq!(sig["resetCalendarFeedToken"], "");
}
