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
    o.push_str("- Statements: the server's `x-convene-sql-statements` header (`CONVENE_SQL_COUNT_HEADER=1`) for one request, the least of five tries (the run also checks that `convene_sql_statements_total` in `/metrics` moved). Ratios: the scenario's throughput over `{ __typename }`'s, and over PostGraphile's for the same directory page.\n\n");
    for r in runs {
        o.push_str(&format!(
            "## {} (generated in {:.0} s)\n\n",
            r.kind,
            r.generated_in.as_secs_f64()
        ));
        o.push_str("| scenario | SQL statements / request | p50 ms | p99 ms | requests/s | requests | × `{ __typename }` |\n|---|---:|---:|---:|---:|---:|---:|\n");
        let floor = r
            .scenarios
            .iter()
            .find(|x| x.name == "typename")
            .map(|x| x.measured.throughput)
            .unwrap_or(f64::NAN);
        for x in &r.scenarios {
            o.push_str(&format!(
                "| {} — {} | {} | {:.2} | {:.2} | {:.0} | {} | {} |\n",
                x.name,
                x.what,
                x.statements,
                x.measured.p50_ms,
                x.measured.p99_ms,
                x.measured.throughput,
                x.measured.requests,
                ratio(x.measured.throughput / floor)
            ));
        }
        if let Some(p) = &r.peer {
            let ours = r
                .scenarios
                .iter()
                .find(|x| x.name == "directory")
                .map(|x| x.measured.throughput)
                .unwrap_or(f64::NAN);
            o.push_str(&format!(
                "\nPostGraphile {} over the same database, the same directory page (`allCommunities(first: 100)` with `domainByDomainId`, `communityMembersByCommunityId(first: 10)` with person and organisation, and `totalCount`):\n\n| server | p50 ms | p99 ms | requests/s |\n|---|---:|---:|---:|\n| PostGraphile {} | {:.2} | {:.2} | {:.0} |\n\n**Convene's directory throughput ÷ PostGraphile's: {:.2}**\n",
                p.version, p.version, p.measured.p50_ms, p.measured.p99_ms, p.measured.throughput, ours / p.measured.throughput
            ));
        }
        o.push('\n');
    }
    o
}
