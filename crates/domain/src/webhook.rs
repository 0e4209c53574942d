//! Webhooks for partner systems (SPEC §6): the event names a subscription may ask for, and the
//! address rules that keep a webhook from reaching into the server's own network (SSRF).
//!
//! A webhook may only reach a globally routable address, unless an operator allows a host or an
//! address range explicitly (`CONVENE_OUTBOUND_ALLOW`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::DomainError;

/// Every event a subscription may ask for, `noun.verb`.
pub const EVENTS: &[&str] = &[
    "application.submitted",
    "selection.decided",
    "outcome.sent",
    "community.created",
    "community.domain_agreed",
    "meeting.scheduled",
    "practice.published",
    "webhook.test",
];

/// Partner systems hear about a community only if it is in the public directory: an unlisted
/// community's creation, definition and meetings stay with its members (SPEC §4).
pub fn announces_community(listed: bool) -> bool {
    listed
}

/// The events of a subscription: known names, at least one, each once (in the order given).
pub fn parse_events(field: &str, events: &[String]) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = Vec::new();
    for e in events {
        let e = e.trim();
        if !EVENTS.contains(&e) {
            return Err(DomainError::field(
                field,
                format!(
                    "\"{e}\" is not an event Convene sends; choose from {}",
                    EVENTS.join(", ")
                ),
            ));
        }
        if !out.iter().any(|o| o == e) {
            out.push(e.to_string());
        }
    }
    if out.is_empty() {
        return Err(DomainError::field(field, "Choose at least one event"));
    }
    Ok(out)
}

/// Is this IPv4 address reachable on the public internet (not loopback, private, link-local,
/// shared, documentation, benchmarking, multicast, reserved, broadcast or "this network")?
pub fn is_global_v4(a: Ipv4Addr) -> bool {
    let o = a.octets();
    !(o[0] == 0                                        // 0.0.0.0/8 "this network"
        || o[0] == 10                                  // 10/8 private
        || (o[0] == 100 && (o[1] & 0xc0) == 64)        // 100.64/10 shared (CGNAT)
        || o[0] == 127                                 // loopback
        || (o[0] == 169 && o[1] == 254)                // link-local (cloud metadata)
        || (o[0] == 172 && (o[1] & 0xf0) == 16)        // 172.16/12 private
        || (o[0] == 192 && o[1] == 0 && o[2] == 0)     // 192.0.0/24 IETF protocol assignments
        || (o[0] == 192 && o[1] == 0 && o[2] == 2)     // TEST-NET-1
        || (o[0] == 192 && o[1] == 88 && o[2] == 99)   // 6to4 relay anycast
        || (o[0] == 192 && o[1] == 168)                // 192.168/16 private
        || (o[0] == 198 && (o[1] & 0xfe) == 18)        // 198.18/15 benchmarking
        || (o[0] == 198 && o[1] == 51 && o[2] == 100)  // TEST-NET-2
        || (o[0] == 203 && o[1] == 0 && o[2] == 113)   // TEST-NET-3
        || o[0] >= 224) // multicast, reserved, broadcast
}

/// Is this IPv6 address reachable on the public internet? Only global unicast (2000::/3) is,
/// less the documentation, Teredo/ORCHID and other special ranges; addresses that embed an
/// IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
pub fn is_global_v6(a: Ipv6Addr) -> bool {
    let s = a.segments();
    if let Some(v4) = a.to_ipv4_mapped() {
        return is_global_v4(v4); // ::ffff:a.b.c.d
    }
    if s[..6] == [0, 0, 0, 0, 0, 0] {
        return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
    }
    let embedded = |hi: u16, lo: u16| Ipv4Addr::from(((hi as u32) << 16) | lo as u32);
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_global_v4(embedded(s[6], s[7])); // NAT64 well-known prefix
    }
    if s[0] == 0x2002 {
        return is_global_v4(embedded(s[1], s[2])); // 6to4
    }
    if (s[0] & 0xe000) != 0x2000 {
        return false; // not global unicast: ULA fc00::/7, link-local, multicast, 64:ff9b:1::/48…
    }
    let ietf = s[0] == 0x2001 && s[1] < 0x200; // 2001::/23 IETF assignments (Teredo, ORCHID…)
    let documentation = (s[0] == 0x2001 && s[1] == 0xdb8) || (s[0] & 0xfff0) == 0x3ff0;
    !ietf && !documentation
}

pub fn is_global(a: IpAddr) -> bool {
    match a {
        IpAddr::V4(v4) => is_global_v4(v4),
        IpAddr::V6(v6) => is_global_v6(v6),
    }
}

/// An address range, `10.0.0.0/8` or `fd00::/8` (a bare address is a range of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    base: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(s: &str) -> Option<Cidr> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p.parse::<u8>().ok()?)),
            None => (s, None),
        };
        let base: IpAddr = addr
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .ok()?;
        let max = if base.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Cidr { base, prefix })
    }

    pub fn contains(&self, a: IpAddr) -> bool {
        let a = match (self.base, a) {
            // an IPv4-mapped IPv6 address is judged as the IPv4 address it carries
            (IpAddr::V4(_), IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => return false,
            },
            _ => a,
        };
        match (self.base, a) {
            (IpAddr::V4(b), IpAddr::V4(x)) => {
                let mask = u32::MAX.checked_shl(32 - self.prefix as u32).unwrap_or(0);
                (u32::from(b) & mask) == (u32::from(x) & mask)
            }
            (IpAddr::V6(b), IpAddr::V6(x)) => {
                let mask = u128::MAX.checked_shl(128 - self.prefix as u32).unwrap_or(0);
                (u128::from(b) & mask) == (u128::from(x) & mask)
            }
            _ => false,
        }
    }
}

/// The operator's exceptions (`CONVENE_OUTBOUND_ALLOW`): host names and address ranges that a
/// webhook may reach although they are not global.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowList {
    hosts: Vec<String>,
    ranges: Vec<Cidr>,
}

impl AllowList {
    /// Comma-separated host names and CIDR ranges (or single addresses); empty allows nothing.
    pub fn parse(s: &str) -> Result<AllowList, String> {
        let mut list = AllowList::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            if let Some(c) = Cidr::parse(item) {
                list.ranges.push(c);
            } else if item.contains('/')
                || !item
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
            {
                return Err(format!(
                    "\"{item}\" is neither a host name nor an address range"
                ));
            } else {
                // `hooks.internal.` (a fully qualified name) is `hooks.internal`, as in `allows_host`
                let host = item.trim_end_matches('.').to_ascii_lowercase();
                if host.is_empty() {
                    return Err(format!("\"{item}\" is not a host name"));
                }
                list.hosts.push(host);
            }
        }
        Ok(list)
    }

    pub fn allows_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    pub fn allows_addr(&self, a: IpAddr) -> bool {
        self.ranges.iter().any(|r| r.contains(a))
    }
}

/// Why an address may not be reached, or `None` when it may: global, or allowed by the list.
pub fn refuse_addr(a: IpAddr, allow: &AllowList) -> Option<String> {
    if is_global(a) || allow.allows_addr(a) {
        None
    } else {
        Some(format!(
            "{a} is a loopback, private or otherwise non-public address; webhooks may only reach public addresses"
        ))
    }
}

/// Check every address a host resolved to: all must be reachable (a host that resolves to
/// one public and one private address is refused), and there must be at least one.
pub fn check_resolved(host: &str, addrs: &[IpAddr], allow: &AllowList) -> Result<(), String> {
    if allow.allows_host(host) {
        return Ok(());
    }
    if addrs.is_empty() {
        return Err(format!("{host} does not resolve to any address"));
    }
    match addrs.iter().find_map(|a| refuse_addr(*a, allow)) {
        Some(why) => Err(why),
        None => Ok(()),
    }
}

/// A test event goes only to an active subscription; a disabled one says why it was disabled.
pub fn check_testable(active: bool, disabled_reason: Option<&str>) -> Result<(), DomainError> {
    if active {
        return Ok(());
    }
    Err(DomainError::invalid_state(format!(
        "This subscription is disabled: {}",
        disabled_reason.unwrap_or("no reason given")
    )))
}

/// Only a disabled subscription is enabled again (an active one has nothing to undo).
pub fn check_can_enable(active: bool) -> Result<(), DomainError> {
    if active {
        Err(DomainError::invalid_state(
            "This subscription is already active",
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_disabled_subscription_is_enabled_again() {
        assert!(check_can_enable(false).is_ok());
        assert_eq!(
            check_can_enable(true).unwrap_err().code,
            crate::ErrorCode::InvalidState
        );
    }

    #[test]
    fn a_disabled_subscription_is_not_tested() {
        assert!(check_testable(true, None).is_ok());
        let e = check_testable(false, Some("410 Gone")).unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InvalidState);
        assert_eq!(e.message, "This subscription is disabled: 410 Gone");
        assert!(check_testable(false, None)
            .unwrap_err()
            .message
            .ends_with("no reason given"));
    }

    #[test]
    fn addresses_are_judged_by_their_range() {
        let table: &[(&str, bool)] = &[
            // IPv4
            ("8.8.8.8", true),
            ("93.184.216.34", true),
            ("1.1.1.1", true),
            ("127.0.0.1", false),
            ("127.255.255.254", false),
            ("10.0.0.1", false),
            ("10.255.255.255", false),
            ("172.16.0.1", false),
            ("172.31.255.255", false),
            ("172.32.0.1", true),
            ("172.15.255.255", true),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.64.0.1", false),
            ("100.127.255.255", false),
            ("100.128.0.1", true),
            ("0.0.0.0", false),
            ("0.1.2.3", false),
            ("192.0.0.8", false),
            ("192.0.2.10", false),
            ("198.18.0.1", false),
            ("198.19.255.255", false),
            ("198.20.0.1", true),
            ("198.51.100.7", false),
            ("203.0.113.9", false),
            ("224.0.0.1", false),
            ("239.255.255.250", false),
            ("240.0.0.1", false),
            ("255.255.255.255", false),
            // IPv6
            ("2606:4700:4700::1111", true),
            ("2a00:1450:4009:81f::200e", true),
            ("::", false),
            ("::1", false),
            ("::ffff:127.0.0.1", false),
            ("::ffff:10.1.2.3", false),
            ("::ffff:169.254.169.254", false),
            ("::ffff:8.8.8.8", true),
            ("::127.0.0.1", false),
            ("fe80::1", false),
            ("fc00::1", false),
            ("fd12:3456:789a::1", false),
            ("fec0::1", false),
            ("ff02::1", false),
            ("ff0e::1", false),
            ("2001:db8::1", false),
            ("2001::1", false),
            ("2001:10::1", false),
            ("3fff::1", false),
            ("64:ff9b::a00:1", false),
            ("64:ff9b::808:808", true),
            ("64:ff9b:1::1", false),
            ("2002:7f00:1::1", false),
            ("2002:808:808::1", true),
            ("100::1", false),
        ];
        for (addr, global) in table {
            let a: IpAddr = addr.parse().unwrap();
            assert_eq!(is_global(a), *global, "{addr}");
        }
    }

    #[test]
    fn ranges_contain_what_they_should() {
        let table: &[(&str, &str, bool)] = &[
            ("127.0.0.1", "127.0.0.1", true),
            ("127.0.0.1", "127.0.0.2", false),
            ("127.0.0.0/8", "127.9.9.9", true),
            ("10.0.0.0/8", "11.0.0.0", false),
            ("0.0.0.0/0", "8.8.8.8", true),
            ("0.0.0.0/0", "::1", false),
            ("127.0.0.1", "::ffff:127.0.0.1", true),
            ("::1", "::1", true),
            ("[::1]", "::1", true),
            ("fd00::/8", "fd12::1", true),
            ("fd00::/8", "fe80::1", false),
            ("::/0", "2001:db8::1", true),
        ];
        for (range, addr, inside) in table {
            let c = Cidr::parse(range).unwrap();
            assert_eq!(
                c.contains(addr.parse().unwrap()),
                *inside,
                "{range} ∋ {addr}"
            );
        }
        for bad in ["10.0.0.0/33", "::/129", "nonsense", "10.0.0.0/x", ""] {
            assert!(Cidr::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_allow_list_names_hosts_and_ranges() {
        let allow = AllowList::parse(" 127.0.0.1, receiver.internal ,10.0.0.0/8").unwrap();
        assert!(allow.allows_addr("127.0.0.1".parse().unwrap()));
        assert!(allow.allows_addr("10.3.4.5".parse().unwrap()));
        assert!(!allow.allows_addr("192.168.0.1".parse().unwrap()));
        assert!(allow.allows_host("Receiver.Internal."));
        assert!(!allow.allows_host("localhost"));
        assert_eq!(AllowList::parse("").unwrap(), AllowList::default());
        assert!(AllowList::parse("10.0.0.0/99").is_err());
        assert!(AllowList::parse("http://x").is_err());
        // a fully qualified name, as operators sometimes write it, is the same host
        let fqdn = AllowList::parse("Hooks.Internal.").unwrap();
        assert!(fqdn.allows_host("hooks.internal"));
        assert!(fqdn.allows_host("hooks.internal."));
        assert!(AllowList::parse("..").is_err());
    }

    #[test]
    fn every_resolved_address_must_be_reachable() {
        let none = AllowList::default();
        let ip = |s: &str| -> IpAddr { s.parse().unwrap() };
        let table: &[(&str, &[&str], &str, bool)] = &[
            ("example.org", &["93.184.216.34"], "", true),
            ("localhost", &["127.0.0.1", "::1"], "", false),
            ("mixed.example", &["93.184.216.34", "10.0.0.1"], "", false),
            ("nowhere.example", &[], "", false),
            ("localhost", &["127.0.0.1"], "127.0.0.1", true),
            ("localhost", &["127.0.0.1", "::1"], "127.0.0.1", false),
            ("localhost", &["127.0.0.1", "::1"], "localhost", true),
            ("metadata", &["169.254.169.254"], "10.0.0.0/8", false),
        ];
        for (host, addrs, allow, ok) in table {
            let allow = if allow.is_empty() {
                none.clone()
            } else {
                AllowList::parse(allow).unwrap()
            };
            let addrs: Vec<IpAddr> = addrs.iter().map(|a| ip(a)).collect();
            assert_eq!(
                check_resolved(host, &addrs, &allow).is_ok(),
                *ok,
                "{host} {addrs:?}"
            );
        }
    }

    #[test]
    fn events_are_known_and_named_once() {
        let ok = parse_events(
            "events",
            &[
                "application.submitted".into(),
                "application.submitted".into(),
            ],
        )
        .unwrap();
        assert_eq!(ok, ["application.submitted"]);
        let e = parse_events("events", &["application.created".into()]).unwrap_err();
        assert_eq!(e.fields[0].field, "events");
        assert_eq!(
            parse_events("events", &[]).unwrap_err().fields[0].field,
            "events"
        );
    }

    #[test]
    fn only_listed_communities_are_announced() {
        // the black-box test `unlisted_communities_are_not_announced_to_partners` checks the
        // events themselves
        assert!(announces_community(true));
        assert!(!announces_community(false));
    }
}
