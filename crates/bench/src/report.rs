//! BENCHMARKS.md, written from one run's numbers.

use std::time::Duration;

use crate::generate::Size;
use crate::peer::Peer;
use crate::server::Scenario;
use crate::Settings;

pub struct Run {
    pub kind: String,
    pub generated_in: Duration,
    pub scenarios: Vec<Scenario>,
    pub peer: Option<Peer>,
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores ({cpu})")
}

/// A ratio with two significant digits however small (0.036, 0.00094), so slow pages are not
/// all printed as 0.001.
fn ratio(r: f64) -> String {
    if !r.is_finite() || r <= 0.0 {
        return format!("{r}");
    }
    let digits = (1 - r.log10().floor() as i32).max(2) as usize;
    format!("{r:.digits$}")
}

pub fn markdown(s: &Settings, size: Size, runs: &[Run]) -> String {
    let mut o = String::new();
    o.push_str("# Benchmarks\n\n");
    o.push_str("Written by `make bench` (crates/bench) from the numbers of its own run; do not edit by hand.\n");
    o.push_str("Rerun with `make bench` (about 10 minutes with the release build); `BENCH_SCALE=0.1 make bench` for a quick look.\n\n");
    o.push_str(&format!(
        "- Run: {} UTC on {}, server binary `{}`, {} concurrent clients, {} s per measurement after 1 s of warm-up, load generator on the same machine.\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M"),
        machine(),
        s.convene_bin,
        s.clients,
        s.seconds
    ));
    o.push_str(&format!(
        "- Data (scale {}): {} organisations, {} people, {} calls with {} applications and {} reviews, {} communities with {} memberships, {} practices ({} promising), {} exchanges.\n",
        s.scale,
        size.organisations,
        size.people,
        size.calls,
        size.applications,
        size.applications * size.reviews_per_application,
        size.communities,
        size.memberships,
        size.communities * size.practices_per_community,
        size.promising,
        size.exchanges
    ));
    o.push_str("- Statements: the server's `x-convene-sql-statements` header (`CONVENE_SQL_COUNT_HEADER=1`) on every answer under load, the fewest and the most seen (the run also checks that `convene_sql_statements_total` in `/metrics` moved). Alone: one client at a time for a third of the time, before the load. CPU: the server process's user and system time (`/proc/<pid>/stat`) over the load, per request. p99 only where at least 1,000 requests stand behind it. Ratios: the scenario's throughput over `{ __typename }`'s, and over PostGraphile's for the same directory page, whose answer is first checked equal to Convene's (same communities, member counts and first members). `ANALYZE` runs after generating.\n\n");
    for r in runs {
        o.push_str(&format!(
            "## {} (generated in {:.0} s)\n\n",
            r.kind,
            r.generated_in.as_secs_f64()
        ));
        o.push_str("| scenario | SQL statements / request under load | alone p50 ms | p50 ms | p99 ms | requests/s | CPU ms / request | requests | × `{ __typename }` |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        let floor = throughput(r, "typename");
        for x in &r.scenarios {
            o.push_str(&format!(
                "| {} — {} | {} | {:.2} | {:.2} | {} | {:.0} | {:.2} | {} | {} |\n",
                x.name,
                x.what,
                statements(x.measured.statements),
                x.solo.p50_ms,
                x.measured.p50_ms,
                p99(x.measured.p99_ms),
                x.measured.throughput,
                x.cpu_ms,
                x.measured.requests,
                ratio(x.measured.throughput / floor)
            ));
        }
        if let Some(p) = &r.peer {
            let ours = throughput(r, "directory");
            o.push_str(&format!(
                "\nPostGraphile {} over the same database, the same directory page (`allCommunities(first: 100)` with `domainByDomainId`, `communityMembersByCommunityId(first: 10)` with person and organisation, and `totalCount`):\n\n| server | alone p50 ms | p50 ms | p99 ms | requests/s |\n|---|---:|---:|---:|---:|\n| PostGraphile {} | {:.2} | {:.2} | {} | {:.0} |\n\n**Convene's directory throughput ÷ PostGraphile's: {:.2}**\n",
                p.version, p.version, p.solo.p50_ms, p.measured.p50_ms, p99(p.measured.p99_ms), p.measured.throughput, ours / p.measured.throughput
            ));
        }
        o.push('\n');
    }
    o.push_str(&targets(runs));
    o
}

fn throughput(r: &Run, name: &str) -> f64 {
    r.scenarios
        .iter()
        .find(|x| x.name == name)
        .map(|x| x.measured.throughput)
        .unwrap_or(f64::NAN)
}

fn statements(range: Option<(u64, u64)>) -> String {
    match range {
        Some((lo, hi)) if lo == hi => lo.to_string(),
        Some((lo, hi)) => format!("{lo}–{hi}"),
        None => "—".into(),
    }
}

fn p99(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.2}"))
}

/// Issue 16's targets, each with what this run measured.
fn targets(runs: &[Run]) -> String {
    let mut o =
        String::from("## Targets (issue 16)\n\n| target | measured | met |\n|---|---|---|\n");
    let mut row = |what: &str, measured: String, met: bool| {
        o.push_str(&format!(
            "| {what} | {measured} | {} |\n",
            if met { "yes" } else { "**no**" }
        ));
    };
    let run = |kind: &str| runs.iter().find(|r| r.kind == kind);
    if let Some(pg) = run("postgres") {
        if let Some(p) = &pg.peer {
            let r = throughput(pg, "directory") / p.measured.throughput;
            row(
                "directory ≥ 2× PostGraphile's throughput (PostgreSQL)",
                format!("{r:.2}×"),
                r >= 2.0,
            );
        }
    }
    if let (Some(pg), Some(lite)) = (run("postgres"), run("sqlite")) {
        for name in ["directory", "directory-member", "directory-anonymous"] {
            let (a, b) = (throughput(lite, name), throughput(pg, name));
            row(
                &format!("{name}: SQLite at least as fast as PostgreSQL"),
                format!("{a:.0} vs {b:.0} req/s"),
                a >= b,
            );
        }
        let (a, b) = (throughput(lite, "library"), throughput(pg, "library"));
        row(
            "library search on SQLite within 1.5× of PostgreSQL",
            format!("{a:.0} vs {b:.0} req/s"),
            a * 1.5 >= b,
        );
    }
    for r in runs {
        let t = throughput(r, "ranking");
        row(
            &format!("ranking ≥ 200 req/s ({})", r.kind),
            format!("{t:.0} req/s"),
            t >= 200.0,
        );
        for x in r
            .scenarios
            .iter()
            .filter(|x| x.name.starts_with("directory"))
        {
            let fixed = x.measured.statements.is_some_and(|(lo, hi)| lo == hi);
            row(
                &format!(
                    "{}: the same statements for every request under load ({})",
                    x.name, r.kind
                ),
                statements(x.measured.statements),
                fixed,
            );
        }
        let of = |name: &str| {
            r.scenarios
                .iter()
                .find(|x| x.name == name)
                .and_then(|x| x.measured.statements)
        };
        if let (Some((_, anon)), Some((_, signed))) = (of("typename"), of("typename-signed-in")) {
            row(
                &format!(
                    "a signed-in `{{ __typename }}` close to the anonymous floor ({})",
                    r.kind
                ),
                format!("{signed} vs {anon} statements"),
                signed <= anon + 1,
            );
        }
    }
    o.push_str("\nThe directory's statements at 10 and at 100 communities are asserted equal by `tests/api/read_path.rs`.\n");
    o
}
