//! Checking actor dictionaries: names given to several entries whose codes disagree, dated
//! codes of one entry that overlap, dates that could not be read as written, and codes whose
//! 3-letter units appear in no CAMEO table. `dyad actors check` prints these findings.
//!
//! A finding in a file dyad ships from upstream (the Phoenix and PETR files, frozen copies of
//! PETRARCH's data) is reported as `upstream`: known, listed in `data/SOURCES.md`, not fatal.
//! Anywhere else — dyad's own `dyad.*` files or a user's dictionary — it is an error.

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate};

use crate::actors::{ActorDictionary, ActorEntry, DateRestriction};
use crate::cameo::CameoTable;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// One name, several entries, different codes on some date.
    ConflictingDuplicate,
    /// Two dated codes of one entry both hold on some date (the first one wins there).
    OverlappingDates,
    /// A date the reader had to guess at (7-digit, trailing digit, …).
    MalformedDate,
    /// A code with a 3-letter unit found in no CAMEO table.
    UnknownCode,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::ConflictingDuplicate => "conflicting duplicate name",
            FindingKind::OverlappingDates => "overlapping date ranges",
            FindingKind::MalformedDate => "malformed date",
            FindingKind::UnknownCode => "code not in the CAMEO tables",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub file: String,
    pub line: usize,
    pub message: String,
    /// In a file dyad ships unchanged from upstream: reported, not an error.
    pub upstream: bool,
}

/// Files dyad ships as frozen upstream copies.
pub fn is_upstream_file(file: &str) -> bool {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.starts_with("Phoenix.") || name.starts_with("PETR.")
}

/// Units known besides the CAMEO tables: ISO 3166 alpha-3 codes, which the Phoenix files use
/// for countries the GDELT lists lack (ROU, SSD, MNE, …), and the units dyad's own dictionaries
/// add for bodies formed since the tables were made (`data/cameo/dyad.actor-units.tsv`).
fn extra_units() -> HashSet<&'static str> {
    let iso3 = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/cameo/FIPS.country.derived.tsv"
    ))
    .lines()
    .skip(1)
    .filter_map(|l| l.split('\t').nth(1));
    let dyad = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/cameo/dyad.actor-units.tsv"
    ))
    .lines()
    .skip(1)
    .filter_map(|l| l.split('\t').next());
    iso3.chain(dyad).filter(|c| c.len() == 3).collect()
}

/// Check a dictionary.
pub fn check(dict: &ActorDictionary) -> Vec<Finding> {
    let mut out = Vec::new();
    let finding = |kind, e: &ActorEntry, line: usize, message: String| Finding {
        kind,
        upstream: is_upstream_file(&e.file),
        file: e.file.clone(),
        line,
        message,
    };
    let table = CameoTable::bundled();
    let iso3 = extra_units();
    for e in &dict.entries {
        let name = e.names.first().map(|n| n.join("_")).unwrap_or_default();
        for c in &e.codes {
            if !c
                .code
                .chars()
                .all(|ch| ch.is_ascii_alphabetic() || ch == '-')
            {
                continue; // "+++", "ELR/GAL": markers, not codes
            }
            let unknown: Vec<&str> = table
                .unknown_actor_units(&c.code)
                .into_iter()
                .filter(|u| !iso3.contains(u))
                .collect();
            if !unknown.is_empty() {
                out.push(finding(
                    FindingKind::UnknownCode,
                    e,
                    e.line,
                    format!(
                        "{name}: code {} has unknown unit(s) {}",
                        c.code,
                        unknown.join(", ")
                    ),
                ));
            }
        }
        let dated: Vec<_> = e
            .codes
            .iter()
            .filter(|c| c.when != DateRestriction::Always)
            .collect();
        for (i, a) in dated.iter().enumerate() {
            for b in &dated[i + 1..] {
                if a.code != b.code && overlap(a.when, b.when) {
                    out.push(finding(
                        FindingKind::OverlappingDates,
                        e,
                        e.line,
                        format!(
                            "{name}: {} {} overlaps {} {}",
                            a.code, a.when, b.code, b.when
                        ),
                    ));
                }
            }
        }
    }
    for w in &dict.warnings {
        if w.message.contains("date") {
            out.push(Finding {
                kind: FindingKind::MalformedDate,
                upstream: is_upstream_file(&w.file),
                file: w.file.clone(),
                line: w.line,
                message: w.message.clone(),
            });
        }
    }
    // names shared by several entries
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in dict.entries.iter().enumerate() {
        for n in &e.names {
            let ids = by_name.entry(n.join("_")).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    for (name, ids) in by_name.iter().filter(|(_, ids)| ids.len() > 1) {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                let (a, b) = (&dict.entries[i], &dict.entries[j]);
                // a dyad entry setting an upstream one aside is the point, not a conflict
                if a.supersedes() != b.supersedes() {
                    continue;
                }
                if let Some((day, ca, cb)) = disagreement(a, b) {
                    let when = day.map_or("undated".to_string(), |d| format!("on {d}"));
                    let mut f = finding(
                        FindingKind::ConflictingDuplicate,
                        b,
                        b.line,
                        format!(
                            "{name}: {cb} here but {ca} at {}:{} ({when})",
                            a.file, a.line
                        ),
                    );
                    f.upstream = is_upstream_file(&a.file) && is_upstream_file(&b.file);
                    out.push(f);
                }
            }
        }
    }
    out.sort_by(|x, y| {
        (x.upstream, x.kind, &x.file, x.line).cmp(&(y.upstream, y.kind, &y.file, y.line))
    });
    out
}

/// The first and last day a restriction holds (None: unbounded).
fn bounds(w: DateRestriction) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match w {
        DateRestriction::Always => (None, None),
        DateRestriction::Before(d) => (None, d.pred_opt()),
        DateRestriction::From(d) => (Some(d), None),
        DateRestriction::Between(a, b) => (Some(a), Some(b)),
    }
}

/// Do two restrictions share more than a boundary day? Upstream ranges are written end to end
/// (`450703-470121` after `970101-450703`): PETR-2 reads the end as exclusive, dyad as
/// inclusive, so consecutive ranges touch on one day, which is not a finding.
fn overlap(a: DateRestriction, b: DateRestriction) -> bool {
    let (a0, a1) = bounds(a);
    let (b0, b1) = bounds(b);
    let starts_before_end = |s: Option<NaiveDate>, e: Option<NaiveDate>| match (s, e) {
        (Some(s), Some(e)) => s < e,
        _ => true,
    };
    starts_before_end(a0, b1) && starts_before_end(b0, a1)
}

/// A day on which two entries give different codes (None as the day: with no date).
fn disagreement(a: &ActorEntry, b: &ActorEntry) -> Option<(Option<NaiveDate>, String, String)> {
    let mut days: Vec<NaiveDate> = Vec::new();
    for c in a.codes.iter().chain(&b.codes) {
        let (s, e) = bounds(c.when);
        for d in [s, e].into_iter().flatten() {
            days.extend([d - Duration::days(1), d, d + Duration::days(1)]);
        }
    }
    days.sort();
    days.dedup();
    let probe = std::iter::once(None).chain(days.into_iter().map(Some));
    for day in probe {
        if let (Some(x), Some(y)) = (a.code_on(day), b.code_on(day)) {
            if x != y {
                return Some((day, x.to_string(), y.to_string()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors;

    fn kinds(text: &str, file: &str) -> Vec<(FindingKind, usize, bool)> {
        let d = actors::parse(text, file).unwrap();
        check(&d)
            .into_iter()
            .map(|f| (f.kind, f.line, f.upstream))
            .collect()
    }

    #[test]
    fn planted_errors_are_found() {
        let fixture = "\
ARNOR_ [FRA]
GONDOR_ [XQZGOV]
JOHN_DOE_
\t[FRAGOV 20170101-20201231]
\t[FRAELI 20200601-20221231]
JANE_ROE_
\t[FRAGOV 2004017-20061201]
ARNOR_ [DEU]
";
        let found = kinds(fixture, "mine.actors.txt");
        for want in [
            (FindingKind::UnknownCode, 2, false),
            (FindingKind::OverlappingDates, 3, false),
            (FindingKind::MalformedDate, 7, false),
            (FindingKind::ConflictingDuplicate, 8, false),
        ] {
            assert!(found.contains(&want), "{want:?} not in {found:?}");
        }
    }

    #[test]
    fn consistent_entries_pass() {
        let clean = "\
FRANCOIS_HOLLANDE_
\t[FRAGOV 20120515-20170514]
\t[FRAELI >20170515]
FRANCE_ [FRA]
+FRENCH_
ROMANIA_ [ROU]
";
        assert!(kinds(clean, "dyad.test.actors.txt").is_empty());
        // the same name twice with the same codes is no conflict
        assert!(kinds("A_ [FRA]\nB_\n+A_\n\t[FRA]\n", "x.txt").is_empty());
    }

    #[test]
    fn findings_in_upstream_files_are_marked_upstream() {
        let found = kinds("GONDOR_ [XQZ]\n", "Phoenix.Countries.actors.txt");
        assert_eq!(found, vec![(FindingKind::UnknownCode, 1, true)]);
    }
}
