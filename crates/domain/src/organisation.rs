//! Organisations (SPEC §1): a sector, and whether they are a current NHS member of the network.

use crate::text::single_line;
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sector {
    NhsTrust,
    PrimaryCare,
    Commissioner,
    LocalAuthority,
    Academic,
    Industry,
    ThirdSector,
    Network,
}

impl Sector {
    pub const ALL: [Sector; 8] = [
        Sector::NhsTrust,
        Sector::PrimaryCare,
        Sector::Commissioner,
        Sector::LocalAuthority,
        Sector::Academic,
        Sector::Industry,
        Sector::ThirdSector,
        Sector::Network,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::NhsTrust => "NHS_TRUST",
            Sector::PrimaryCare => "PRIMARY_CARE",
            Sector::Commissioner => "COMMISSIONER",
            Sector::LocalAuthority => "LOCAL_AUTHORITY",
            Sector::Academic => "ACADEMIC",
            Sector::Industry => "INDUSTRY",
            Sector::ThirdSector => "THIRD_SECTOR",
            Sector::Network => "NETWORK",
        }
    }
    pub fn from_str(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// Industry and third-sector people may lead only with an NHS co-lead and are never paid (FAQ 7).
    pub fn is_industry_or_third_sector(self) -> bool {
        matches!(self, Sector::Industry | Sector::ThirdSector)
    }
}

/// What the rules need to know about someone's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationFacts {
    pub sector: Sector,
    pub nhs_member: bool,
}

impl OrganisationFacts {
    /// FAQ 7: "Unfortunately due to funding limitations we will not be able to provide the
    /// honorarium to industry partners." The third sector is treated alike (SPEC §3).
    pub fn honorarium_eligible(self) -> bool {
        !self.sector.is_industry_or_third_sector()
    }
}

pub fn parse_name(field: &str, raw: &str) -> Result<String, DomainError> {
    single_line(field, "the organisation's name", raw, 2, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn industry_and_third_sector_are_never_paid() {
        for s in Sector::ALL {
            let f = OrganisationFacts {
                sector: s,
                nhs_member: false,
            };
            assert_eq!(
                f.honorarium_eligible(),
                !matches!(s, Sector::Industry | Sector::ThirdSector),
                "{s:?}"
            );
        }
    }

    #[test]
    fn sectors_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_str(s.as_str()), Some(s));
        }
        assert_eq!(Sector::from_str("PRIVATE"), None);
    }

    #[test]
    fn names_are_bounded() {
        assert_eq!(parse_name("name", "X").unwrap_err().fields[0].field, "name");
        assert_eq!(parse_name("name", " Guy's Trust ").unwrap(), "Guy's Trust");
    }
}
