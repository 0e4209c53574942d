//! `convene backup <file>`: a consistent copy of the database, taken while the server runs.
//! SQLite: `VACUUM INTO` the new file (restore by pointing `CONVENE_DATABASE_URL` at it, or by
//! copying it over the database file while the server is stopped). PostgreSQL: `pg_dump` in its
//! custom format when it is on the PATH (restore with `pg_restore`), else the recipe.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};

use crate::config::{redact_url, Config};

pub const PG_RECIPE: &str = "Back up PostgreSQL with pg_dump, and restore with pg_restore:
  pg_dump --format=custom --no-owner --file convene.dump \"$CONVENE_DATABASE_URL\"
  createdb convene_restored
  pg_restore --no-owner --dbname postgres://USER@HOST/convene_restored convene.dump";

pub async fn run(config: &Config, target: Option<&str>) -> anyhow::Result<()> {
    let Some(target) = target.filter(|t| !t.starts_with('-')) else {
        bail!("usage: convene backup <file>  (the file must not exist yet)");
    };
    let target = PathBuf::from(target);
    if target.exists() {
        bail!(
            "{} already exists: name a new file, so that no backup is overwritten",
            target.display()
        );
    }
    let url = &config.database_url;
    if url.starts_with("sqlite:") {
        let source = sqlite_path(url).with_context(|| {
            format!(
                "{} is not an SQLite file that can be backed up",
                redact_url(url)
            )
        })?;
        if !source.exists() {
            bail!(
                "there is no database at {}: check CONVENE_DATABASE_URL",
                source.display()
            );
        }
        let db = convene_store::connect(url, config.db_pool).await?;
        convene_store::backup::sqlite_into(&db, &target)
            .await
            .with_context(|| format!("backing up into {}", target.display()))?;
        db.close().await.ok();
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        println!(
            "Backed up {} to {} ({size} bytes).",
            source.display(),
            target.display()
        );
        return Ok(());
    }
    pg_dump(url, &target)
}

/// `sqlite://data/convene.db?mode=rwc` → `data/convene.db`; nothing for an in-memory database.
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

fn pg_dump(url: &str, target: &Path) -> anyhow::Result<()> {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("pg_dump").is_file()))
        .unwrap_or(false);
    if !found {
        bail!(
            "pg_dump is not on the PATH, so Convene cannot back up PostgreSQL itself.\n{PG_RECIPE}"
        );
    }
    // The password goes to pg_dump by its environment, never on a command line others can read.
    let parsed = reqwest::Url::parse(url).context("CONVENE_DATABASE_URL is not a URL")?;
    let password = parsed.password().map(percent_decode);
    let mut without = parsed.clone();
    let _ = without.set_password(None);
    let mut cmd = std::process::Command::new("pg_dump");
    cmd.args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
        .arg(target)
        .arg("--dbname")
        .arg(without.as_str());
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    let status = cmd.status().context("running pg_dump")?;
    if !status.success() {
        let _ = std::fs::remove_file(target);
        bail!("pg_dump failed ({status}); nothing was written.\n{PG_RECIPE}");
    }
    println!(
        "Backed up {} to {} with pg_dump (restore with pg_restore).",
        redact_url(url),
        target.display()
    );
    Ok(())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(l).unwrap()) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/convene.db?mode=rwc"),
            Some(PathBuf::from("data/convene.db"))
        );
        assert_eq!(
            sqlite_path("sqlite:///srv/convene/convene.db"),
            Some(PathBuf::from("/srv/convene/convene.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }

    #[test]
    fn passwords_are_percent_decoded() {
        assert_eq!(percent_decode("p%40ss%3Aword"), "p@ss:word");
        assert_eq!(percent_decode("plain%2"), "plain%2");
    }
}
