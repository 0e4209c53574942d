//! The SSRF guard for outbound webhooks: only `http`/`https`, and only to addresses that the
//! domain's rules ([`convene_domain::webhook`]) allow. The host is resolved once, every address
//! it resolves to is checked, and the request is pinned to the checked address, so a DNS answer
//! that changes between the check and the connection (rebinding) cannot reach anything else.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use convene_domain::webhook::{check_resolved, refuse_addr, AllowList};
use reqwest::Url;

#[derive(Debug)]
pub enum GuardError {
    /// Never allowed (wrong scheme, a private address…): a permanent failure.
    Refused(String),
    /// The host did not resolve now: perhaps later.
    Unresolved(String),
}

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GuardError::Refused(m) | GuardError::Unresolved(m) => f.write_str(m),
        }
    }
}

/// A checked destination: the URL and the address to connect to.
#[derive(Debug)]
pub struct Target {
    pub url: Url,
    host: Option<String>,
    pub addr: SocketAddr,
}

impl Target {
    /// A client that connects only to the checked address and follows no redirect.
    pub fn client(&self, timeout: Duration) -> reqwest::Result<reqwest::Client> {
        let mut b = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy();
        if let Some(host) = &self.host {
            b = b.resolve(host, self.addr);
        }
        b.build()
    }
}

/// The URL's own rules, without looking it up: absolute, `http` or `https`, with a host.
pub fn parse(raw: &str) -> Result<Url, String> {
    let raw = raw.trim();
    if raw.len() > 2000 {
        return Err("The URL is too long (at most 2000 characters)".into());
    }
    let url =
        Url::parse(raw).map_err(|_| "Enter a full URL, like https://partner.example/hooks")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("The URL must start with https:// (or http://)".into());
    }
    if url.host().is_none() {
        return Err("The URL must name a host".into());
    }
    Ok(url)
}

/// Parse, resolve and check a URL.
pub async fn check(raw: &str, allow: &AllowList) -> Result<Target, GuardError> {
    let url = parse(raw).map_err(GuardError::Refused)?;
    let port = url
        .port_or_known_default()
        .ok_or_else(|| GuardError::Refused("The URL has no port".into()))?;
    let host = url
        .host_str()
        .ok_or_else(|| GuardError::Refused("The URL must name a host".into()))?
        .to_string();
    // The URL parser has already normalised the host: `2130706433` and `0x7f.1` are 127.0.0.1.
    if let Ok(a) = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        return literal(url, a, port, allow);
    }
    let addrs: Vec<IpAddr> = match tokio::net::lookup_host((host.as_str(), port)).await {
        Ok(it) => it.map(|s| s.ip()).collect(),
        Err(_) => Vec::new(),
    };
    if addrs.is_empty() {
        return Err(GuardError::Unresolved(format!(
            "{host} could not be resolved"
        )));
    }
    check_resolved(&host, &addrs, allow).map_err(GuardError::Refused)?;
    Ok(Target {
        url,
        addr: SocketAddr::new(addrs[0], port),
        host: Some(host),
    })
}

fn literal(url: Url, a: IpAddr, port: u16, allow: &AllowList) -> Result<Target, GuardError> {
    match refuse_addr(a, allow) {
        Some(why) => Err(GuardError::Refused(why)),
        None => Ok(Target {
            url,
            host: None,
            addr: SocketAddr::new(a, port),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn urls_are_checked_before_any_request() {
        let none = AllowList::default();
        let loopback = AllowList::parse("127.0.0.1").unwrap();
        let table: &[(&str, &AllowList, bool)] = &[
            ("ftp://93.184.216.34/x", &none, false),
            ("file:///etc/passwd", &none, false),
            ("not a url", &none, false),
            ("http://127.0.0.1:8080/hook", &none, false),
            ("http://2130706433/hook", &none, false), // 127.0.0.1 written as a number
            ("http://0x7f.1/hook", &none, false),
            ("http://10.0.0.5/hook", &none, false),
            ("http://169.254.169.254/latest/meta-data", &none, false),
            ("http://[::1]/hook", &none, false),
            ("http://[::ffff:127.0.0.1]/hook", &none, false),
            ("http://[fd00::1]/hook", &none, false),
            ("http://localhost:9/hook", &none, false),
            ("https://93.184.216.34/hook", &none, true),
            ("http://127.0.0.1:8080/hook", &loopback, true),
            ("http://[::ffff:127.0.0.1]/hook", &loopback, true),
            ("http://[::1]/hook", &loopback, false),
        ];
        for (url, allow, ok) in table {
            assert_eq!(check(url, allow).await.is_ok(), *ok, "{url}");
        }
    }

    #[tokio::test]
    async fn a_checked_host_is_pinned_to_its_address() {
        let allow = AllowList::parse("localhost").unwrap();
        let t = check("http://localhost:1234/x", &allow).await.unwrap();
        assert!(t.addr.ip().is_loopback());
        assert_eq!(t.addr.port(), 1234);
        assert_eq!(t.host.as_deref(), Some("localhost"));
    }
}
