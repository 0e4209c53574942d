//! `convene serve | migrate | export-schema [--check] [FILE] | seed-demo | backup FILE`

use std::process::ExitCode;

use convene_server::{backup, config::Config, demo, graphql::schema, startup, telemetry};

/// mimalloc instead of glibc's malloc: a GraphQL answer is thousands of small allocations
/// freed together, which glibc serves slowly from two worker threads (issue 16).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: convene [serve | migrate | export-schema [--check] [FILE] | seed-demo | backup FILE]";

#[tokio::main]
async fn main() -> ExitCode {
    // before any database opens: SQLite's many small allocations from mimalloc too
    convene_store::sqlite_memory::install();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("serve");
    if command == "export-schema" {
        return export_schema(&args[1..]);
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("convene: {e:#}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.production);
    let result = match command {
        "serve" => match startup::build(config).await {
            Ok(app) => {
                println!("Convene is running at http://{}", app.addr);
                app.run().await
            }
            Err(e) => Err(e),
        },
        "migrate" => startup::open_database(&config)
            .await
            .map(|_| println!("The database is up to date.")),
        "seed-demo" => seed_demo(&config).await,
        "backup" => backup::run(&config, args.get(1).map(String::as_str)).await,
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("convene: unknown command {other:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convene: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn seed_demo(config: &Config) -> anyhow::Result<()> {
    let db = startup::open_database(config).await?;
    match demo::seed_if_empty(&db, chrono::Utc::now()).await? {
        Some(info) => println!("{info}"),
        None => println!(
            "The database already has data; the demo is loaded only into an empty database."
        ),
    }
    Ok(())
}

/// Print the SDL, or with `--check` compare it with `schema.graphql` (or FILE).
fn export_schema(args: &[String]) -> ExitCode {
    let sdl = schema::sdl();
    let check = args.iter().any(|a| a == "--check");
    if !check {
        print!("{sdl}");
        return ExitCode::SUCCESS;
    }
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(String::as_str)
        .unwrap_or("schema.graphql");
    match std::fs::read_to_string(path) {
        Ok(existing) if existing == sdl => {
            println!("{path} matches the server's schema.");
            ExitCode::SUCCESS
        }
        Ok(_) => {
            eprintln!("{path} differs from the server's schema: run `convene export-schema > {path}` and review the change.");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("convene: reading {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
