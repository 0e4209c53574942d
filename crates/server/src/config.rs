//! Settings: defaults, then an optional file (`CONVENE_CONFIG`, lines of `KEY=value`), then the
//! `CONVENE_*` environment variables of API.md. Secrets are never logged.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    pub jwt_secret: String,
    pub admin_email: Option<String>,
    pub admin_password: Option<String>,
    pub mail_dir: Option<PathBuf>,
    pub smtp_url: Option<String>,
    pub demo: bool,
    pub static_dir: Option<PathBuf>,
    /// `CONVENE_SERVE_SOURCEMAPS=1`: serve the SPA's `*.map` files (refused with 404 otherwise).
    pub serve_sourcemaps: bool,
    pub data_dir: PathBuf,
    pub public_url: String,
    pub production: bool,
    pub outbox_backoff_ms: u64,
    /// `CONVENE_RATE_LIMITS`: on unless set to `off`.
    pub rate_limits: bool,
    pub outbox_poll_ms: u64,
    pub mail_from: String,
    pub intranet_base_url: Option<String>,
    pub intranet_token: Option<String>,
    /// Hosts and address ranges that webhooks may reach although they are not public
    /// (`CONVENE_OUTBOUND_ALLOW`; empty by default).
    pub outbound_allow: convene_domain::webhook::AllowList,
    /// Peers whose `X-Forwarded-For` is believed (`CONVENE_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<convene_domain::webhook::Cidr>,
    /// Test only: accept the SMTP server's certificate without checking it
    /// (`CONVENE_SMTP_ACCEPT_INVALID_CERTS=1`; refused with `CONVENE_ENV=production`).
    pub smtp_accept_invalid_certs: bool,
    /// The connection pool's bound and acquire timeout (`CONVENE_DB_POOL_MAX`,
    /// `CONVENE_DB_ACQUIRE_TIMEOUT_MS`).
    pub db_pool: convene_store::PoolSettings,
    /// `CONVENE_METRICS_TOKEN`: when set, `/metrics` needs it as a Bearer token; when unset,
    /// `/metrics` answers only direct requests from the machine itself.
    pub metrics_token: Option<String>,
    /// `CONVENE_SQL_COUNT_HEADER=1`: every `/graphql` answer carries
    /// `x-convene-sql-statements`, the statements it cost (development and tests).
    pub sql_count_header: bool,
    /// `CONVENE_OUTBOX_LEASE_SECS`: how long a worker holds the messages it claimed; after a
    /// crash, another worker (or the restarted one) takes them up once it has run out.
    pub outbox_lease_secs: u64,
    /// `CONVENE_CLOCK_INTERVAL_SECS` (900 by default): how often the clock's work (reminders)
    /// runs, besides once at start.
    pub clock_interval: std::time::Duration,
    /// How long one GraphQL request may run before it is stopped (`CONVENE_REQUEST_TIMEOUT_MS`).
    pub request_timeout: std::time::Duration,
    /// How long an access token lasts (`CONVENE_ACCESS_TOKEN_TTL_SECS`, 15 minutes by default):
    /// a socket it opened closes then.
    pub access_token_ttl: std::time::Duration,
    /// `CONVENE_REDIS_URL`: when set, rate-limit buckets live in Redis, shared by every replica.
    pub redis_url: Option<String>,
    /// `CONVENE_REDIS_PREFIX` (`convene:` by default): the start of every key Convene writes there.
    pub redis_prefix: String,
    /// `CONVENE_SECRET_KEY`: the key that seals secrets at rest (webhook signing secrets).
    /// Required in production; elsewhere a fixed development key stands in, with a warning.
    pub secret_key: [u8; 32],
    /// `CONVENE_SECRET_KEY_PREVIOUS`: the key before a rotation, to open what it sealed.
    pub secret_key_previous: Option<[u8; 32]>,
    /// Whether `secret_key` is the development key (`CONVENE_SECRET_KEY` unset).
    pub secret_key_is_development: bool,
    /// Single sign-on by OpenID Connect, when `CONVENE_OIDC_ISSUER`, `CONVENE_OIDC_CLIENT_ID`
    /// and `CONVENE_OIDC_CLIENT_SECRET` are all set.
    pub oidc: Option<OidcConfig>,
}

/// The OpenID Provider and this service's client there.
#[derive(Clone)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// What the sign-in button says after "Sign in with" (`CONVENE_OIDC_LABEL`).
    pub label: String,
}

impl std::fmt::Debug for OidcConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcConfig")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database", &redact_url(&self.database_url))
            .field("listen", &self.listen)
            .field("mail_dir", &self.mail_dir)
            .field("smtp", &self.smtp_url.as_deref().map(redact_url))
            .field("demo", &self.demo)
            .field("static_dir", &self.static_dir)
            .field("serve_sourcemaps", &self.serve_sourcemaps)
            .field("production", &self.production)
            .field("redis", &self.redis_url.as_deref().map(redact_url))
            .field("oidc", &self.oidc)
            .finish_non_exhaustive()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..s], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

impl Config {
    /// Read the process environment (and the optional config file).
    pub fn from_env() -> anyhow::Result<Config> {
        let mut vars: HashMap<String, String> = HashMap::new();
        if let Ok(path) = std::env::var("CONVENE_CONFIG") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading CONVENE_CONFIG file {path}"))?;
            for line in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                if let Some((k, v)) = line.split_once('=') {
                    vars.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
        }
        for (k, v) in std::env::vars() {
            if k.starts_with("CONVENE_") {
                vars.insert(k, v);
            }
        }
        Config::from_map(&vars)
    }

    pub fn from_map(vars: &HashMap<String, String>) -> anyhow::Result<Config> {
        let get = |k: &str| {
            vars.get(k)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let production = get("CONVENE_ENV").is_some_and(|e| e == "production");
        let data_dir = PathBuf::from(get("CONVENE_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = match get("CONVENE_DATABASE_URL") {
            Some(u) => u,
            None => {
                std::fs::create_dir_all(&data_dir)
                    .with_context(|| format!("creating the data folder {}", data_dir.display()))?;
                format!(
                    "sqlite://{}?mode=rwc",
                    data_dir.join("convene.db").display()
                )
            }
        };
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!(
                "CONVENE_DATABASE_URL must start with sqlite: or postgres:// (got {})",
                redact_url(&database_url)
            );
        }
        let listen: SocketAddr = get("CONVENE_LISTEN")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .context("CONVENE_LISTEN must be an address like 127.0.0.1:8080")?;
        let jwt_secret = match get("CONVENE_JWT_SECRET") {
            Some(s) if s.len() >= 32 => s,
            Some(_) => bail!("CONVENE_JWT_SECRET must be at least 32 characters"),
            None if production => {
                bail!("CONVENE_JWT_SECRET is required when CONVENE_ENV=production")
            }
            None => kept_secret(&data_dir)?,
        };
        let key = |name: &str| -> anyhow::Result<Option<[u8; 32]>> {
            get(name)
                .map(|k| {
                    crate::secrets::parse_key(&k).with_context(|| {
                        format!("{name} must be 32 bytes in base64 or 64 hex digits (make one with: openssl rand -base64 32)")
                    })
                })
                .transpose()
        };
        let (secret_key, secret_key_is_development) = match key("CONVENE_SECRET_KEY")? {
            Some(k) => (k, false),
            None if production => bail!(
                "CONVENE_SECRET_KEY is required when CONVENE_ENV=production (make one with: openssl rand -base64 32)"
            ),
            None => (crate::secrets::development_key(), true),
        };
        let secret_key_previous = key("CONVENE_SECRET_KEY_PREVIOUS")?;
        let static_dir = match get("CONVENE_STATIC_DIR") {
            Some(d) => Some(PathBuf::from(d)),
            None => Some(PathBuf::from("frontend/dist")).filter(|d| d.join("index.html").exists()),
        };
        let outbox_backoff_ms = match get("CONVENE_OUTBOX_BACKOFF_MS") {
            Some(v) => v
                .parse()
                .context("CONVENE_OUTBOX_BACKOFF_MS must be a whole number of milliseconds")?,
            None => 5000,
        };
        let rate_limits = match get("CONVENE_RATE_LIMITS").as_deref().map(str::trim) {
            None | Some("on") | Some("") => true,
            Some("off") => false,
            Some(other) => bail!("CONVENE_RATE_LIMITS must be on or off (got {other})"),
        };
        let trusted_proxies = get("CONVENE_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                convene_domain::webhook::Cidr::parse(s).ok_or_else(|| {
                    anyhow::anyhow!(
                        "CONVENE_TRUSTED_PROXIES: {s:?} is not an address or CIDR range"
                    )
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let outbound_allow = convene_domain::webhook::AllowList::parse(
            &get("CONVENE_OUTBOUND_ALLOW").unwrap_or_default(),
        )
        .map_err(|e| anyhow::anyhow!("CONVENE_OUTBOUND_ALLOW: {e}"))?;
        let smtp_accept_invalid_certs = get("CONVENE_SMTP_ACCEPT_INVALID_CERTS")
            .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        if smtp_accept_invalid_certs && production {
            bail!(
                "CONVENE_SMTP_ACCEPT_INVALID_CERTS is for tests and cannot be used with CONVENE_ENV=production"
            );
        }
        let number =
            |key: &str, default: u64, what: &str| -> anyhow::Result<u64> {
                match get(key) {
                    Some(v) => v.parse::<u64>().ok().filter(|n| *n > 0).with_context(|| {
                        format!("{key} must be a positive whole number of {what}")
                    }),
                    None => Ok(default),
                }
            };
        let db_pool = convene_store::PoolSettings {
            max_connections: match get("CONVENE_DB_POOL_MAX") {
                Some(_) => {
                    Some(number("CONVENE_DB_POOL_MAX", 0, "connections")?.min(10_000) as u32)
                }
                None => None,
            },
            acquire_timeout: std::time::Duration::from_millis(number(
                "CONVENE_DB_ACQUIRE_TIMEOUT_MS",
                convene_store::PoolSettings::default()
                    .acquire_timeout
                    .as_millis() as u64,
                "milliseconds",
            )?),
        };
        let outbox_lease_secs = number("CONVENE_OUTBOX_LEASE_SECS", 120, "seconds")?;
        let clock_interval =
            std::time::Duration::from_secs(number("CONVENE_CLOCK_INTERVAL_SECS", 900, "seconds")?);
        let sql_count_header = get("CONVENE_SQL_COUNT_HEADER")
            .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        let request_timeout_ms: u64 = match get("CONVENE_REQUEST_TIMEOUT_MS") {
            Some(v) => v.parse().ok().filter(|ms| *ms > 0).context(
                "CONVENE_REQUEST_TIMEOUT_MS must be a whole number of milliseconds, more than 0",
            )?,
            None => 10_000,
        };
        let access_token_ttl = std::time::Duration::from_secs(
            number(
                "CONVENE_ACCESS_TOKEN_TTL_SECS",
                crate::auth::jwt::ACCESS_TTL_SECS,
                "seconds",
            )?
            .min(3600),
        );
        let redis_url = get("CONVENE_REDIS_URL");
        if let Some(u) = &redis_url {
            if !(u.starts_with("redis://") || u.starts_with("rediss://")) {
                bail!(
                    "CONVENE_REDIS_URL must start with redis:// or rediss:// (got {})",
                    redact_url(u)
                );
            }
        }
        let demo = get("CONVENE_DEMO").is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        let serve_sourcemaps = match get("CONVENE_SERVE_SOURCEMAPS").as_deref() {
            None | Some("0" | "false" | "no") => false,
            Some("1" | "true" | "yes") => true,
            Some(other) => bail!("CONVENE_SERVE_SOURCEMAPS must be 1 or 0 (got {other})"),
        };
        let oidc = match (
            get("CONVENE_OIDC_ISSUER"),
            get("CONVENE_OIDC_CLIENT_ID"),
            get("CONVENE_OIDC_CLIENT_SECRET"),
        ) {
            (Some(issuer), Some(client_id), Some(client_secret)) => {
                url::Url::parse(&issuer)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "https" | "http"))
                    .with_context(|| {
                        format!("CONVENE_OIDC_ISSUER must be an https:// URL (got {issuer})")
                    })?;
                Some(OidcConfig {
                    issuer,
                    client_id,
                    client_secret,
                    label: get("CONVENE_OIDC_LABEL").unwrap_or_else(|| "NHSmail".into()),
                })
            }
            (None, None, None) => None,
            _ => bail!("single sign-on needs all three of CONVENE_OIDC_ISSUER, CONVENE_OIDC_CLIENT_ID and CONVENE_OIDC_CLIENT_SECRET"),
        };
        Ok(Config {
            oidc,
            database_url,
            listen,
            jwt_secret,
            admin_email: get("CONVENE_ADMIN_EMAIL"),
            admin_password: get("CONVENE_ADMIN_PASSWORD"),
            mail_dir: get("CONVENE_MAIL_DIR").map(PathBuf::from),
            smtp_url: get("CONVENE_SMTP_URL"),
            demo,
            static_dir,
            serve_sourcemaps,
            public_url: get("CONVENE_PUBLIC_URL").unwrap_or_else(|| format!("http://{listen}")),
            data_dir,
            production,
            outbox_backoff_ms,
            rate_limits,
            outbox_poll_ms: 500,
            intranet_base_url: get("CONVENE_INTRANET_BASE_URL")
                .map(|u| u.trim_end_matches('/').to_string()),
            intranet_token: get("CONVENE_INTRANET_TOKEN"),
            outbound_allow,
            trusted_proxies,
            smtp_accept_invalid_certs,
            db_pool,
            metrics_token: get("CONVENE_METRICS_TOKEN"),
            sql_count_header,
            outbox_lease_secs,
            clock_interval,
            request_timeout: std::time::Duration::from_millis(request_timeout_ms),
            access_token_ttl,
            redis_url,
            redis_prefix: get("CONVENE_REDIS_PREFIX").unwrap_or_else(|| "convene:".into()),
            secret_key,
            secret_key_previous,
            secret_key_is_development,
            mail_from: get("CONVENE_MAIL_FROM")
                .unwrap_or_else(|| "Convene <no-reply@convene.invalid>".into()),
        })
    }
}

/// The development JWT secret: made once at random and kept in the data folder.
fn kept_secret(data_dir: &Path) -> anyhow::Result<String> {
    std::fs::create_dir_all(data_dir)?;
    let path = data_dir.join("jwt-secret");
    if let Ok(s) = std::fs::read_to_string(&path) {
        if s.trim().len() >= 32 {
            return Ok(s.trim().to_string());
        }
    }
    let secret = crate::auth::random_token(48);
    std::fs::write(&path, &secret).with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact_url("sqlite://data/x.db"), "sqlite://data/x.db");
    }

    #[test]
    fn production_requires_a_secret() {
        let mut m = HashMap::new();
        m.insert("CONVENE_ENV".to_string(), "production".to_string());
        m.insert(
            "CONVENE_DATABASE_URL".to_string(),
            "sqlite::memory:".to_string(),
        );
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_JWT_SECRET"));
        m.insert("CONVENE_JWT_SECRET".to_string(), "x".repeat(40));
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_SECRET_KEY is required"));
        m.insert("CONVENE_SECRET_KEY".to_string(), "not a key".into());
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_SECRET_KEY must be 32 bytes"));
        m.insert("CONVENE_SECRET_KEY".to_string(), "ab".repeat(32));
        let c = Config::from_map(&m).unwrap();
        assert_eq!(c.secret_key, [0xab; 32]);
        assert!(!c.secret_key_is_development);
        assert_eq!(c.secret_key_previous, None);
        m.insert("CONVENE_SECRET_KEY_PREVIOUS".to_string(), "cd".repeat(32));
        assert_eq!(
            Config::from_map(&m).unwrap().secret_key_previous,
            Some([0xcd; 32])
        );
    }

    #[test]
    fn outside_production_a_development_key_stands_in() {
        let mut m = HashMap::new();
        m.insert(
            "CONVENE_DATABASE_URL".to_string(),
            "sqlite::memory:".to_string(),
        );
        m.insert("CONVENE_JWT_SECRET".to_string(), "x".repeat(40));
        let c = Config::from_map(&m).unwrap();
        assert!(c.secret_key_is_development);
        assert_eq!(c.secret_key, crate::secrets::development_key());
    }

    #[test]
    fn single_sign_on_is_on_only_with_all_three_settings() {
        let mut m = HashMap::new();
        m.insert(
            "CONVENE_DATABASE_URL".to_string(),
            "sqlite::memory:".to_string(),
        );
        m.insert("CONVENE_JWT_SECRET".to_string(), "x".repeat(40));
        assert!(Config::from_map(&m).unwrap().oidc.is_none());
        m.insert(
            "CONVENE_OIDC_ISSUER".to_string(),
            "https://login.example".to_string(),
        );
        m.insert("CONVENE_OIDC_CLIENT_ID".to_string(), "convene".to_string());
        let e = Config::from_map(&m).unwrap_err().to_string();
        assert!(e.contains("CONVENE_OIDC_CLIENT_SECRET"), "{e}");
        m.insert(
            "CONVENE_OIDC_CLIENT_SECRET".to_string(),
            "s3cret-value".to_string(),
        );
        let c = Config::from_map(&m).unwrap();
        let oidc = c.oidc.as_ref().unwrap();
        assert_eq!(oidc.label, "NHSmail");
        assert!(
            !format!("{c:?}").contains("s3cret-value"),
            "the secret is never printed"
        );
        m.insert("CONVENE_OIDC_LABEL".to_string(), "Entra ID".to_string());
        assert_eq!(
            Config::from_map(&m).unwrap().oidc.unwrap().label,
            "Entra ID"
        );
        m.insert(
            "CONVENE_OIDC_ISSUER".to_string(),
            "login.example".to_string(),
        );
        let e = Config::from_map(&m).unwrap_err().to_string();
        assert!(e.contains("CONVENE_OIDC_ISSUER"), "{e}");
    }

    #[test]
    fn bad_settings_are_named() {
        let mut m = HashMap::new();
        m.insert("CONVENE_DATABASE_URL".to_string(), "mysql://x".to_string());
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_DATABASE_URL"));
        m.insert(
            "CONVENE_DATABASE_URL".to_string(),
            "sqlite::memory:".to_string(),
        );
        m.insert("CONVENE_JWT_SECRET".to_string(), "x".repeat(40));
        m.insert("CONVENE_LISTEN".to_string(), "nowhere".to_string());
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_LISTEN"));
        m.remove("CONVENE_LISTEN");
        m.insert(
            "CONVENE_OUTBOUND_ALLOW".to_string(),
            "10.0.0.0/99".to_string(),
        );
        assert!(Config::from_map(&m)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_OUTBOUND_ALLOW"));
        m.insert(
            "CONVENE_OUTBOUND_ALLOW".to_string(),
            "127.0.0.1, hooks.internal".to_string(),
        );
        let c = Config::from_map(&m).unwrap();
        assert_eq!(c.db_pool.max_connections, None);
        assert_eq!(c.outbox_lease_secs, 120);
        assert_eq!(c.clock_interval, std::time::Duration::from_secs(900));
        let mut clock = m.clone();
        clock.insert("CONVENE_CLOCK_INTERVAL_SECS".to_string(), "0".to_string());
        assert!(Config::from_map(&clock)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_CLOCK_INTERVAL_SECS"));
        assert!(
            !c.serve_sourcemaps,
            "source maps are not served unless asked for"
        );
        let mut maps = m.clone();
        maps.insert("CONVENE_SERVE_SOURCEMAPS".to_string(), "1".to_string());
        assert!(Config::from_map(&maps).unwrap().serve_sourcemaps);
        maps.insert("CONVENE_SERVE_SOURCEMAPS".to_string(), "maybe".to_string());
        assert!(Config::from_map(&maps)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_SERVE_SOURCEMAPS"));
        assert_eq!(c.access_token_ttl.as_secs(), 900);
        assert_eq!(
            (c.redis_url.as_deref(), c.redis_prefix.as_str()),
            (None, "convene:")
        );
        let mut r = m.clone();
        r.insert(
            "CONVENE_REDIS_URL".to_string(),
            "localhost:6379".to_string(),
        );
        assert!(Config::from_map(&r)
            .unwrap_err()
            .to_string()
            .contains("CONVENE_REDIS_URL"));
        r.insert(
            "CONVENE_REDIS_URL".to_string(),
            "redis://127.0.0.1:6379/3".to_string(),
        );
        r.insert(
            "CONVENE_ACCESS_TOKEN_TTL_SECS".to_string(),
            "99999".to_string(),
        );
        let c3 = Config::from_map(&r).unwrap();
        assert_eq!(c3.access_token_ttl.as_secs(), 3600, "at most an hour");
        assert_eq!(c3.redis_url.as_deref(), Some("redis://127.0.0.1:6379/3"));
        for key in [
            "CONVENE_ACCESS_TOKEN_TTL_SECS",
            "CONVENE_DB_POOL_MAX",
            "CONVENE_DB_ACQUIRE_TIMEOUT_MS",
            "CONVENE_OUTBOX_LEASE_SECS",
        ] {
            for bad in ["0", "-1", "soon"] {
                let mut m = m.clone();
                m.insert(key.to_string(), bad.to_string());
                let e = Config::from_map(&m).unwrap_err().to_string();
                assert!(e.contains(key), "{key}={bad}: {e}");
            }
        }
        let mut m2 = m.clone();
        m2.insert("CONVENE_DB_POOL_MAX".to_string(), "3".to_string());
        m2.insert(
            "CONVENE_DB_ACQUIRE_TIMEOUT_MS".to_string(),
            "250".to_string(),
        );
        let c2 = Config::from_map(&m2).unwrap();
        assert_eq!(c2.db_pool.max_connections, Some(3));
        assert_eq!(c2.db_pool.acquire_timeout.as_millis(), 250);
        assert!(c.outbound_allow.allows_addr("127.0.0.1".parse().unwrap()));
        assert!(c.outbound_allow.allows_host("hooks.internal"));
    }
}
