//! Importing organisations from a CSV file (issue 17): a header line `name,sector,nhsMember`
//! with an optional `nhsMemberSince`, then one organisation a line. Every wrong line is named
//! with its number (the header is line 1) and the reason, so the programme team can mend the
//! file; the caller saves nothing while any line is wrong.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::organisation::{parse_name, Sector};

/// The most organisations one file may hold.
pub const MAX_ROWS: usize = 5_000;

/// The columns, in order; the last one may be left out.
pub const COLUMNS: [&str; 4] = ["name", "sector", "nhsMember", "nhsMemberSince"];

/// One good line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The line of the file it starts on (the header is line 1).
    pub line: u64,
    pub name: String,
    pub sector: Sector,
    pub nhs_member: bool,
    /// Since when the organisation has (or has not) been an NHS member of the network.
    pub nhs_member_since: Option<NaiveDate>,
}

/// A wrong line and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub message: String,
}

impl LineError {
    fn new(line: u64, message: impl Into<String>) -> Self {
        LineError {
            line,
            message: message.into(),
        }
    }
}

/// The file, read: its good lines and its wrong ones (nothing may be saved unless `errors` is
/// empty).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ParsedImport {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<LineError>,
}

/// What importing a line does to the organisation of that name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    Create,
    Update,
    Unchanged,
}

/// An existing organisation, as far as an import can change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Current {
    pub sector: Sector,
    pub nhs_member: bool,
    /// The day its NHS membership last changed.
    pub nhs_member_changed_on: Option<NaiveDate>,
}

/// What importing `row` does, and the day NHS membership changed afterwards: the file's date
/// when it gives one, today when membership changes without one, else as it was.
pub fn plan(
    row: &ImportRow,
    current: Option<Current>,
    today: NaiveDate,
) -> (ImportAction, Current) {
    let Some(cur) = current else {
        let after = Current {
            sector: row.sector,
            nhs_member: row.nhs_member,
            nhs_member_changed_on: Some(row.nhs_member_since.unwrap_or(today)),
        };
        return (ImportAction::Create, after);
    };
    let changed_on = match row.nhs_member_since {
        Some(on) => Some(on),
        None if cur.nhs_member != row.nhs_member => Some(today),
        None => cur.nhs_member_changed_on,
    };
    let after = Current {
        sector: row.sector,
        nhs_member: row.nhs_member,
        nhs_member_changed_on: changed_on,
    };
    let action = if after == cur {
        ImportAction::Unchanged
    } else {
        ImportAction::Update
    };
    (action, after)
}

/// The key two names are the same organisation by: trimmed, spaces collapsed, any case.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A sector as its API value (`NHS_TRUST`), in any case, with spaces or hyphens for the
/// underscores (`nhs trust`).
pub fn parse_sector(raw: &str) -> Result<Sector, String> {
    let word: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    Sector::from_str(&word).ok_or_else(|| {
        let all: Vec<&str> = Sector::ALL.iter().map(|s| s.as_str()).collect();
        if raw.trim().is_empty() {
            format!("Enter the sector: one of {}", all.join(", "))
        } else {
            format!(
                "\"{}\" is not a sector: use one of {}",
                shorten(raw.trim()),
                all.join(", ")
            )
        }
    })
}

/// Whether the organisation is an NHS member of the network: yes, no, true or false, in any
/// case.
pub fn parse_nhs_member(raw: &str) -> Result<bool, String> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        "" => Err("Enter nhsMember: yes, no, true or false".into()),
        _ => Err(format!(
            "nhsMember must be yes, no, true or false, not \"{}\"",
            shorten(raw.trim())
        )),
    }
}

/// An ISO date (2024-04-01), not after `today`; empty means not given.
pub fn parse_nhs_member_since(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let date = (v.len() == 10)
        .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            format!(
                "nhsMemberSince must be a date like 2024-04-01, not \"{}\"",
                shorten(v)
            )
        })?;
    if date > today {
        return Err("nhsMemberSince cannot be in the future".into());
    }
    Ok(Some(date))
}

/// A value quoted back in a message, cut short.
fn shorten(v: &str) -> String {
    if v.chars().count() > 40 {
        format!("{}…", v.chars().take(40).collect::<String>())
    } else {
        v.to_string()
    }
}

/// Whether `header` is `name,sector,nhsMember[,nhsMemberSince]` (any case, spaces trimmed).
fn check_header(header: &csv::StringRecord) -> Result<(), String> {
    let got: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let ok = (got.len() == 3 || got.len() == 4)
        && got
            .iter()
            .zip(COLUMNS)
            .all(|(g, want)| *g == want.to_lowercase());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "The first line must name the columns: {} (nhsMemberSince may be left out)",
            COLUMNS.join(",")
        ))
    }
}

/// One line, checked (`line` is its number, for the messages).
fn parse_row(
    line: u64,
    record: &csv::StringRecord,
    today: NaiveDate,
) -> Result<ImportRow, LineError> {
    if record.len() < 3 || record.len() > 4 {
        return Err(LineError::new(
            line,
            format!(
                "Expected 3 or 4 values (name, sector, nhsMember, nhsMemberSince), found {}",
                record.len()
            ),
        ));
    }
    let name = parse_name("name", &record[0]).map_err(|e| {
        let why = e.fields.first().map(|f| f.message.clone());
        LineError::new(line, why.unwrap_or(e.message))
    })?;
    let sector = parse_sector(&record[1]).map_err(|m| LineError::new(line, m))?;
    let nhs_member = parse_nhs_member(&record[2]).map_err(|m| LineError::new(line, m))?;
    let nhs_member_since = parse_nhs_member_since(record.get(3).unwrap_or(""), today)
        .map_err(|m| LineError::new(line, m))?;
    Ok(ImportRow {
        line,
        name,
        sector,
        nhs_member,
        nhs_member_since,
    })
}

/// Read a CSV file of organisations (a UTF-8 byte order mark and quoted fields accepted; blank
/// lines skipped). Never panics, whatever the text.
pub fn parse_csv(text: &str, today: NaiveDate) -> ParsedImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = ParsedImport::default();
    let mut header_seen = false;
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    // The line a record starts on, counted here: the reader's own count misses CRLF line ends,
    // and its position may sit on the line ends (and blank lines) before the record.
    let bytes = text.as_bytes();
    let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |byte: u64| {
        let mut at = (byte as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        breaks.partition_point(|&b| b < at) as u64 + 1
    };
    loop {
        let at = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let byte = e.position().map(|p| p.byte()).unwrap_or(at);
                out.errors.push(LineError::new(
                    line_of(byte),
                    "This line cannot be read as CSV",
                ));
                break;
            }
        }
        let line = line_of(record.position().map(|p| p.byte()).unwrap_or(at));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            if let Err(m) = check_header(&record) {
                out.errors.push(LineError::new(line, m));
                break;
            }
            continue;
        }
        if out.rows.len() + out.errors.len() >= MAX_ROWS {
            out.errors.push(LineError::new(
                line,
                format!("A file may hold at most {MAX_ROWS} organisations: split it"),
            ));
            break;
        }
        match parse_row(line, &record, today) {
            Ok(row) => match seen.get(&name_key(&row.name)) {
                Some(first) => out.errors.push(LineError::new(
                    line,
                    format!("The same organisation as line {first}"),
                )),
                None => {
                    seen.insert(name_key(&row.name), line);
                    out.rows.push(row);
                }
            },
            Err(e) => out.errors.push(e),
        }
    }
    if out.rows.is_empty() && out.errors.is_empty() {
        let message = if header_seen {
            "There are no organisations after the first line"
        } else {
            "The file is empty: the first line names the columns name,sector,nhsMember"
        };
        out.errors.push(LineError::new(1, message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    fn lines(p: &ParsedImport) -> Vec<u64> {
        p.errors.iter().map(|e| e.line).collect()
    }

    #[test]
    fn good_lines_parse_with_bom_quotes_and_optional_date() {
        let csv = "\u{feff}name,sector,nhsMember,nhsMemberSince\r\n\
                   \"Riverside, North NHS Trust\",NHS_TRUST,yes,2024-04-01\r\n\
                   \"The \"\"Quoted\"\" Practice\",primary care,FALSE,\r\n\
                   \r\n\
                   Devices Ltd,INDUSTRY,no\r\n";
        let p = parse_csv(csv, today());
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(
            p.rows,
            vec![
                ImportRow {
                    line: 2,
                    name: "Riverside, North NHS Trust".into(),
                    sector: Sector::NhsTrust,
                    nhs_member: true,
                    nhs_member_since: NaiveDate::from_ymd_opt(2024, 4, 1),
                },
                ImportRow {
                    line: 3,
                    name: "The \"Quoted\" Practice".into(),
                    sector: Sector::PrimaryCare,
                    nhs_member: false,
                    nhs_member_since: None,
                },
                ImportRow {
                    line: 5,
                    name: "Devices Ltd".into(),
                    sector: Sector::Industry,
                    nhs_member: false,
                    nhs_member_since: None,
                },
            ]
        );
    }

    #[test]
    fn every_wrong_line_is_named_with_its_reason() {
        let csv = "name,sector,nhsMember\n\
                   Good Trust,NHS_TRUST,yes\n\
                   Bad Sector,PHARMA,yes\n\
                   Bad Flag,ACADEMIC,maybe\n\
                   X,ACADEMIC,no\n\
                   good trust,ACADEMIC,no\n\
                   Too,Many,values,2024-01-01,extra\n\
                   Future,NETWORK,yes,2999-01-01\n\
                   Not A Date,NETWORK,yes,01/04/2024\n";
        let p = parse_csv(csv, today());
        assert_eq!(p.rows.len(), 1);
        assert_eq!(lines(&p), [3, 4, 5, 6, 7, 8, 9]);
        assert!(p.errors[0].message.contains("\"PHARMA\" is not a sector"));
        assert!(p.errors[1].message.contains("yes, no, true or false"));
        assert!(p.errors[2].message.contains("2 characters or more"));
        assert_eq!(p.errors[3].message, "The same organisation as line 2");
        assert!(p.errors[4].message.contains("found 5"));
        assert!(p.errors[5].message.contains("future"));
        assert!(p.errors[6].message.contains("a date like"));
    }

    #[test]
    fn the_header_is_required_and_checked() {
        let p = parse_csv("Riverside,NHS_TRUST,yes\n", today());
        assert_eq!(lines(&p), [1]);
        assert!(p.rows.is_empty());
        let p = parse_csv(
            " Name , SECTOR ,nhsmember\nA Trust,NHS_TRUST,yes\n",
            today(),
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        for empty in ["", "\u{feff}", "\n\n", "name,sector,nhsMember\n"] {
            let p = parse_csv(empty, today());
            assert_eq!(lines(&p), [1], "{empty:?}");
        }
    }

    #[test]
    fn quoted_line_breaks_keep_later_line_numbers_right() {
        let csv = "name,sector,nhsMember\n\"Two\nLines\",NHS_TRUST,yes\nBad,NOPE,yes\n";
        let p = parse_csv(csv, today());
        // the name may not hold a line break, and the next record starts on line 4
        assert_eq!(lines(&p), [2, 4]);
    }

    #[test]
    fn files_are_bounded() {
        let mut csv = String::from("name,sector,nhsMember\n");
        for i in 0..=MAX_ROWS {
            csv.push_str(&format!("Organisation {i},NETWORK,no\n"));
        }
        let p = parse_csv(&csv, today());
        assert_eq!(p.rows.len(), MAX_ROWS);
        assert_eq!(lines(&p), [MAX_ROWS as u64 + 2]);
    }

    #[test]
    fn values_parse_alone() {
        assert_eq!(parse_sector("third-sector"), Ok(Sector::ThirdSector));
        assert!(parse_sector("").unwrap_err().starts_with("Enter"));
        assert_eq!(parse_nhs_member(" Yes "), Ok(true));
        assert_eq!(parse_nhs_member("TRUE"), Ok(true));
        assert_eq!(parse_nhs_member("false"), Ok(false));
        assert!(parse_nhs_member("1").is_err());
        assert_eq!(parse_nhs_member_since("", today()), Ok(None));
        assert_eq!(
            parse_nhs_member_since("2026-12-08", today()),
            Ok(Some(today()))
        );
        assert!(parse_nhs_member_since("2026-12-09", today()).is_err());
        assert!(parse_nhs_member_since("2026-2-30", today()).is_err());
        assert_eq!(name_key("  Riverside   NHS Trust "), "riverside nhs trust");
    }

    #[test]
    fn plans_create_update_and_leave_alone() {
        let row = |member, since| ImportRow {
            line: 2,
            name: "Riverside NHS Trust".into(),
            sector: Sector::NhsTrust,
            nhs_member: member,
            nhs_member_since: since,
        };
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day);
        let cur = Current {
            sector: Sector::NhsTrust,
            nhs_member: true,
            nhs_member_changed_on: d(1, 1),
        };
        // new: membership counted from the file's date, else today
        let (a, after) = plan(&row(true, d(3, 1)), None, today());
        assert_eq!(
            (a, after.nhs_member_changed_on),
            (ImportAction::Create, d(3, 1))
        );
        assert_eq!(
            plan(&row(false, None), None, today())
                .1
                .nhs_member_changed_on,
            Some(today())
        );
        // the same values leave it alone
        assert_eq!(
            plan(&row(true, None), Some(cur), today()),
            (ImportAction::Unchanged, cur)
        );
        assert_eq!(
            plan(&row(true, d(1, 1)), Some(cur), today()).0,
            ImportAction::Unchanged
        );
        // a new sector, membership or date updates it
        let (a, after) = plan(&row(false, None), Some(cur), today());
        assert_eq!(
            (a, after.nhs_member, after.nhs_member_changed_on),
            (ImportAction::Update, false, Some(today()))
        );
        assert_eq!(
            plan(&row(true, d(2, 1)), Some(cur), today()).0,
            ImportAction::Update
        );
        let academic = Current {
            sector: Sector::Academic,
            ..cur
        };
        let (a, after) = plan(&row(true, None), Some(academic), today());
        assert_eq!((a, after), (ImportAction::Update, cur));
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_names_real_lines(text in any::<String>()) {
            let p = parse_csv(&text, today());
            let last = text.lines().count().max(1) as u64 + 1;
            prop_assert!(!(p.rows.is_empty() && p.errors.is_empty()));
            for e in &p.errors {
                prop_assert!(e.line >= 1 && e.line <= last, "{:?} of {}", e, last);
                prop_assert!(!e.message.is_empty());
            }
        }

        #[test]
        fn good_rows_survive_quoting(name in "[A-Za-z][A-Za-z ,\"']{1,60}[a-z]", member in any::<bool>()) {
            let quoted = format!("\"{}\"", name.replace('"', "\"\""));
            let csv = format!("name,sector,nhsMember\n{quoted},ACADEMIC,{member}\n");
            let p = parse_csv(&csv, today());
            prop_assert!(p.errors.is_empty(), "{:?}", p.errors);
            prop_assert_eq!(&p.rows[0].name, name.trim());
            prop_assert_eq!(p.rows[0].nhs_member, member);
        }
    }
}
