//! The member map (SPEC §4): the people a community wants and needs beyond its usual circle,
//! each tagged, and the reach the map (and the membership) gives: how many organisations,
//! professions and sectors.

use std::collections::HashSet;

use crate::account::{parse_profession, Email};
use crate::ids::OrganisationId;
use crate::organisation::Sector;
use crate::text::{bounded, single_line};
use crate::{DomainError, Fields};

/// Why someone is on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapTag {
    HasInterest,
    ShouldHaveInterest,
    NeededForResources,
    NeededForAuthority,
    NeededForExpertise,
    NeedsDevelopment,
}

impl MapTag {
    pub const ALL: [MapTag; 6] = [
        MapTag::HasInterest,
        MapTag::ShouldHaveInterest,
        MapTag::NeededForResources,
        MapTag::NeededForAuthority,
        MapTag::NeededForExpertise,
        MapTag::NeedsDevelopment,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            MapTag::HasInterest => "HAS_INTEREST",
            MapTag::ShouldHaveInterest => "SHOULD_HAVE_INTEREST",
            MapTag::NeededForResources => "NEEDED_FOR_RESOURCES",
            MapTag::NeededForAuthority => "NEEDED_FOR_AUTHORITY",
            MapTag::NeededForExpertise => "NEEDED_FOR_EXPERTISE",
            MapTag::NeedsDevelopment => "NEEDS_DEVELOPMENT",
        }
    }
    pub fn from_str(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One or more tags, each once, in a stable order.
pub fn parse_tags(field: &str, tags: &[MapTag]) -> Result<Vec<MapTag>, DomainError> {
    let mut t = tags.to_vec();
    t.sort();
    t.dedup();
    if t.is_empty() {
        return Err(DomainError::field(
            field,
            "Choose at least one reason this person is on the map",
        ));
    }
    Ok(t)
}

/// Where a person on the map works: an organisation in the catalogue, or one named in free
/// text (with a sector, when known) because it is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapOrganisation {
    None,
    Known(OrganisationId),
    Named {
        name: String,
        sector: Option<Sector>,
    },
}

/// A person on the map, parsed: every field at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEntry {
    pub name: String,
    pub email: Option<Email>,
    pub organisation: MapOrganisation,
    pub profession: Option<String>,
    pub tags: Vec<MapTag>,
}

pub struct RawMapEntry<'a> {
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<&'a str>,
    pub sector: Option<Sector>,
    pub profession: Option<&'a str>,
    pub tags: &'a [MapTag],
}

pub fn parse_map_entry(raw: RawMapEntry<'_>) -> Result<MapEntry, DomainError> {
    let mut f = Fields::new();
    let name = f.take(single_line("name", "their name", raw.name, 1, 200));
    let email = match raw.email.map(str::trim).filter(|e| !e.is_empty()) {
        Some(e) => f.take(Email::parse("email", e)).map(Some),
        None => Some(None),
    };
    let named = raw
        .organisation_name
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let organisation = match (raw.organisation_id, named) {
        (Some(_), Some(_)) => {
            f.add(
                "organisationName",
                "Choose an organisation from the list or type its name, not both",
            );
            None
        }
        (Some(id), None) => {
            if raw.sector.is_some() {
                f.add(
                    "sector",
                    "The sector of an organisation in the list comes from the list",
                );
            }
            Some(MapOrganisation::Known(id))
        }
        (None, Some(n)) => f
            .take(bounded(
                "organisationName",
                "the organisation's name",
                n,
                2,
                200,
            ))
            .map(|name| MapOrganisation::Named {
                name,
                sector: raw.sector,
            }),
        (None, None) => {
            if raw.sector.is_some() {
                f.add("sector", "Name the organisation whose sector this is");
            }
            Some(MapOrganisation::None)
        }
    };
    let profession = f.take(parse_profession("profession", raw.profession));
    let tags = f.take(parse_tags("tags", raw.tags));
    f.finish()?;
    Ok(MapEntry {
        name: name.expect("checked"),
        email: email.expect("checked"),
        organisation: organisation.expect("checked"),
        profession: profession.expect("checked"),
        tags: tags.expect("checked"),
    })
}

/// What one person on the map (or one member) contributes to reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReachOf {
    /// An organisation in the catalogue, or a free-text name.
    pub organisation: Option<ReachOrganisation>,
    pub profession: Option<String>,
    pub sector: Option<Sector>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReachOrganisation {
    Known(OrganisationId),
    Named(String),
}

/// How many people, and how many distinct organisations, professions and sectors among them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    pub members: usize,
    pub organisations: usize,
    pub professions: usize,
    pub sectors: usize,
}

/// Names that differ only by case or spacing are one.
fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How many distinct professions among these, named alike when they differ only by case or
/// spacing; blanks do not count.
pub fn distinct_professions<'a>(professions: impl IntoIterator<Item = &'a str>) -> usize {
    professions
        .into_iter()
        .map(key)
        .filter(|k| !k.is_empty())
        .collect::<HashSet<_>>()
        .len()
}

/// Count the people, and distinct organisations, professions and sectors; blanks do not count.
pub fn reach<'a>(people: impl IntoIterator<Item = &'a ReachOf>) -> Reach {
    let mut members = 0;
    let mut orgs = HashSet::new();
    let mut profs = HashSet::new();
    let mut sectors = HashSet::new();
    for p in people {
        members += 1;
        match &p.organisation {
            Some(ReachOrganisation::Known(id)) => {
                orgs.insert(format!("id:{}", id.0));
            }
            Some(ReachOrganisation::Named(n)) if !key(n).is_empty() => {
                orgs.insert(format!("name:{}", key(n)));
            }
            _ => {}
        }
        if let Some(pr) = p.profession.as_deref().map(key).filter(|k| !k.is_empty()) {
            profs.insert(pr);
        }
        if let Some(s) = p.sector {
            sectors.insert(s);
        }
    }
    Reach {
        members,
        organisations: orgs.len(),
        professions: profs.len(),
        sectors: sectors.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(tags: &'a [MapTag]) -> RawMapEntry<'a> {
        RawMapEntry {
            name: "Dr Jo Bell",
            email: Some("jo@example.nhs.uk"),
            organisation_id: None,
            organisation_name: Some("Hillside Hospice"),
            sector: Some(Sector::ThirdSector),
            profession: Some("Palliative care nurse"),
            tags,
        }
    }

    #[test]
    fn an_entry_needs_a_name_and_a_tag() {
        let e = parse_map_entry(RawMapEntry {
            name: " ",
            tags: &[],
            ..raw(&[])
        })
        .unwrap_err();
        let mut names: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        names.sort();
        assert_eq!(names, ["name", "tags"]);
    }

    #[test]
    fn tags_are_kept_once_in_order() {
        let e = parse_map_entry(raw(&[
            MapTag::NeedsDevelopment,
            MapTag::HasInterest,
            MapTag::NeedsDevelopment,
        ]))
        .unwrap();
        assert_eq!(e.tags, [MapTag::HasInterest, MapTag::NeedsDevelopment]);
        assert_eq!(
            e.organisation,
            MapOrganisation::Named {
                name: "Hillside Hospice".into(),
                sector: Some(Sector::ThirdSector)
            }
        );
    }

    #[test]
    fn an_organisation_is_chosen_or_named_not_both() {
        let e = parse_map_entry(RawMapEntry {
            organisation_id: Some(OrganisationId::new()),
            ..raw(&[MapTag::HasInterest])
        })
        .unwrap_err();
        assert_eq!(e.fields[0].field, "organisationName");
        let e = parse_map_entry(RawMapEntry {
            organisation_id: Some(OrganisationId::new()),
            organisation_name: None,
            ..raw(&[MapTag::HasInterest])
        })
        .unwrap_err();
        assert_eq!(
            e.fields[0].field, "sector",
            "a listed organisation has its own sector"
        );
    }

    #[test]
    fn a_bad_email_is_named() {
        let e = parse_map_entry(RawMapEntry {
            email: Some("nope"),
            ..raw(&[MapTag::HasInterest])
        })
        .unwrap_err();
        assert_eq!(e.fields[0].field, "email");
        assert!(parse_map_entry(RawMapEntry {
            email: Some(""),
            ..raw(&[MapTag::HasInterest])
        })
        .unwrap()
        .email
        .is_none());
    }

    #[test]
    fn reach_counts_distinct_things_and_skips_blanks() {
        let org = OrganisationId::new();
        let people = [
            ReachOf {
                organisation: Some(ReachOrganisation::Known(org)),
                profession: Some("Pharmacist".into()),
                sector: Some(Sector::NhsTrust),
            },
            ReachOf {
                organisation: Some(ReachOrganisation::Known(org)),
                profession: Some(" pharmacist ".into()),
                sector: Some(Sector::NhsTrust),
            },
            ReachOf {
                organisation: Some(ReachOrganisation::Named("Hillside  Hospice".into())),
                profession: Some("Nurse".into()),
                sector: Some(Sector::ThirdSector),
            },
            ReachOf {
                organisation: Some(ReachOrganisation::Named("hillside hospice".into())),
                profession: None,
                sector: None,
            },
            ReachOf::default(),
        ];
        assert_eq!(
            reach(&people),
            Reach {
                members: 5,
                organisations: 2,
                professions: 2,
                sectors: 2
            }
        );
        assert_eq!(
            distinct_professions([
                "Pharmacist",
                " pharmacist ",
                "Staff  Nurse",
                "staff nurse",
                ""
            ]),
            2
        );
        assert_eq!(reach(&[]), Reach::default());
    }
}
