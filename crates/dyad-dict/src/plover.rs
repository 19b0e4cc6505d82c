//! The CAMEO → PLOVER mapping: for a CAMEO event code, the PLOVER event type (upper case, e.g.
//! `CONSULT`), and the PLOVER mode and contexts the mapping suggests.
//!
//! Source: `data/plover/CAMEO2PLOVER-2021.tsv`, a faithful tab-separated transcription of
//! PLOVER's `CAMEO2PLOVER-2021.txt` (draft of 2021-09-17, CC BY-SA 4.0), embedded at compile
//! time and parsed once ([`PloverMap::bundled`]). Columns, found by their header names:
//! `CAMEO` (code, leading zeros), `PLOVER_EVENT`, `PLOVER_MODE` (may be empty),
//! `PLOVER_CONTEXT` (may be empty, or several separated by `;`), `CAMEO_LABEL`.
//!
//! What the mapping says and does not say:
//! * CAMEO roots 01 (make public statement) and 02 (appeal) were dropped by PLOVER: no 01x/02x
//!   code has a PLOVER type.
//! * Codes absent from the table fall back to their nearest listed parent (`0339` → `033`).
//! * Some codes cross roots on purpose: 163 → COERCE, 1712 → ASSAULT, 175 → ASSAULT,
//!   191/192 → COERCE, 201 → ASSAULT; 0813/0814 → RETREAT although 081 → CONCEDE.
//! * Upstream lists root 08 twice (CONCEDE for 080–083, RETREAT for 084–087) and 175 twice
//!   (identically); the first row wins, so bare `08` is CONCEDE like `080`.
//! * 09 maps to ACCUSE (mode `investigate`), 10 to REQUEST and 11 to ACCUSE, following the 2021
//!   ontology (the older README table's INVESTIGATE / DEMAND / DISAPPROVE are gone).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::cameo::ancestors;
use crate::error::DictError;

const MAPPING_FILE: &str = "data/plover/CAMEO2PLOVER-2021.tsv";
const MAPPING_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/plover/CAMEO2PLOVER-2021.tsv"
));

/// One row of the CAMEO → PLOVER table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverEntry {
    /// CAMEO event code, as written (`"0333"`).
    pub cameo: String,
    /// PLOVER event type, upper case (`"AGREE"`).
    pub event_type: String,
    /// PLOVER mode (`"visit"`, `"abduct"`, …), if the mapping gives one.
    pub mode: Option<String>,
    /// PLOVER contexts (`["military", "legal"]`), possibly none.
    pub contexts: Vec<String>,
    /// The CAMEO label as the mapping file writes it (editor's notes removed).
    pub cameo_label: String,
}

/// The CAMEO → PLOVER mapping.
#[derive(Debug, Clone)]
pub struct PloverMap {
    entries: Vec<PloverEntry>,
    index: HashMap<String, usize>,
}

impl PloverMap {
    /// The mapping shipped with dyad, parsed on first use.
    pub fn bundled() -> &'static PloverMap {
        static MAP: OnceLock<PloverMap> = OnceLock::new();
        MAP.get_or_init(|| {
            PloverMap::parse(MAPPING_FILE, MAPPING_TEXT)
                .unwrap_or_else(|e| panic!("bundled CAMEO→PLOVER mapping is invalid: {e}"))
        })
    }

    /// Parses a CAMEO2PLOVER TSV file (header line required). A code listed twice keeps its
    /// first row.
    pub fn parse(file: &str, text: &str) -> Result<PloverMap, DictError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty());

        let Some((header_line, header)) = lines.next() else {
            return Err(DictError::new(
                file,
                0,
                "empty file, expected a header line",
            ));
        };
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let column = |name: &str| -> Result<usize, DictError> {
            names.iter().position(|n| *n == name).ok_or_else(|| {
                DictError::new(
                    file,
                    header_line,
                    format!("expected a {name} column in the header"),
                )
            })
        };
        let (c_code, c_event) = (column("CAMEO")?, column("PLOVER_EVENT")?);
        let (c_mode, c_context) = (column("PLOVER_MODE")?, column("PLOVER_CONTEXT")?);
        let c_label = column("CAMEO_LABEL")?;

        let mut entries: Vec<PloverEntry> = Vec::new();
        let mut index = HashMap::new();
        for (line, row) in lines {
            let cols: Vec<&str> = row.split('\t').map(str::trim).collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let code = col(c_code);
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DictError::new(
                    file,
                    line,
                    format!("expected a 2-4 digit CAMEO code, found {code:?}"),
                ));
            }
            let event = col(c_event);
            if event.is_empty() || !event.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_') {
                return Err(DictError::new(
                    file,
                    line,
                    format!("expected a PLOVER event type for {code}, found {event:?}"),
                ));
            }
            if index.contains_key(code) {
                continue;
            }
            let mode = Some(col(c_mode)).filter(|m| !m.is_empty());
            let contexts = col(c_context)
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect();
            // `Ease curfew  21.09.17: "ease" is no longer a mode`: drop the editor's note.
            let label = col(c_label);
            let label = label.split_once("  ").map_or(label, |(l, _)| l).trim();
            index.insert(code.to_string(), entries.len());
            entries.push(PloverEntry {
                cameo: code.to_string(),
                event_type: event.to_ascii_uppercase(),
                mode: mode.map(str::to_string),
                contexts,
                cameo_label: label.to_string(),
            });
        }
        Ok(PloverMap { entries, index })
    }

    /// The row for exactly this CAMEO code.
    pub fn get(&self, cameo: &str) -> Option<&PloverEntry> {
        self.index.get(cameo).map(|&i| &self.entries[i])
    }

    /// The row for this code or its nearest listed parent (`0339` → `033` → `03`).
    pub fn entry(&self, cameo: &str) -> Option<&PloverEntry> {
        ancestors(cameo).find_map(|c| self.get(c))
    }

    /// The PLOVER event type (upper case) for a CAMEO code, falling back to parents. `None` for
    /// codes PLOVER dropped (roots 01 and 02) and for codes with no listed ancestor.
    pub fn event_type(&self, cameo: &str) -> Option<&str> {
        self.entry(cameo).map(|e| e.event_type.as_str())
    }

    /// All rows in file order, without the duplicates that were skipped.
    pub fn entries(&self) -> impl Iterator<Item = &PloverEntry> {
        self.entries.iter()
    }

    /// The distinct PLOVER event types the mapping uses, sorted.
    pub fn event_types(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.entries.iter().map(|e| e.event_type.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::CameoTable;

    fn map() -> &'static PloverMap {
        PloverMap::bundled()
    }

    #[test]
    fn consult_codes() {
        assert_eq!(map().event_type("040"), Some("CONSULT"));
        assert_eq!(map().event_type("042"), Some("CONSULT"));
        assert_eq!(map().get("042").unwrap().mode.as_deref(), Some("visit"));
        assert_eq!(map().event_type("04"), Some("CONSULT"));
    }

    #[test]
    fn several_codes() {
        let m = map();
        assert_eq!(m.event_type("190"), Some("ASSAULT"));
        assert_eq!(m.event_type("0333"), Some("AGREE"));
        assert_eq!(m.event_type("057"), Some("SUPPORT"));
        assert_eq!(m.event_type("073"), Some("AID"));
        assert_eq!(m.event_type("0841"), Some("RETREAT"));
        assert_eq!(m.event_type("090"), Some("ACCUSE"));
        assert_eq!(m.event_type("106"), Some("REQUEST"));
        assert_eq!(m.event_type("112"), Some("ACCUSE"));
        assert_eq!(m.event_type("1246"), Some("REJECT"));
        assert_eq!(m.event_type("138"), Some("THREATEN"));
        assert_eq!(m.event_type("145"), Some("PROTEST"));
        assert_eq!(m.event_type("154"), Some("MOBILIZE"));
        assert_eq!(m.event_type("163"), Some("COERCE"));
        assert_eq!(m.event_type("173"), Some("COERCE"));
        assert_eq!(m.event_type("1712"), Some("ASSAULT"));
        assert_eq!(m.event_type("183"), Some("ASSAULT"));
        assert_eq!(m.event_type("2042"), Some("ASSAULT"));
        let e = m.get("1124").unwrap();
        assert_eq!(e.mode.as_deref(), Some("allege"));
        assert_eq!(e.contexts, ["military", "legal"]);
    }

    #[test]
    fn parents_are_used_for_missing_codes() {
        let m = map();
        assert!(m.get("0339").is_none());
        assert_eq!(m.entry("0339").unwrap().cameo, "033");
        assert_eq!(m.event_type("0339"), Some("AGREE"));
        assert_eq!(m.event_type("0819"), Some("CONCEDE"));
        assert_eq!(m.event_type("197"), Some("ASSAULT"));
    }

    #[test]
    fn dropped_and_unknown_codes() {
        let m = map();
        for code in ["01", "010", "019", "02", "0211", "028", "00", "21", "", "x"] {
            assert_eq!(m.event_type(code), None, "{code}");
        }
    }

    #[test]
    fn duplicates_keep_the_first_row() {
        let m = map();
        assert_eq!(m.event_type("08"), Some("CONCEDE"));
        assert_eq!(m.event_type("080"), Some("CONCEDE"));
        assert_eq!(m.event_type("084"), Some("RETREAT"));
        assert_eq!(m.event_type("0813"), Some("RETREAT"));
        assert_eq!(m.get("0813").unwrap().cameo_label, "Ease curfew");
        assert_eq!(m.get("175").unwrap().cameo_label, "Use violent repression");
        assert_eq!(m.entries().count(), 274);
    }

    #[test]
    fn every_cameo_code_from_03_up_maps() {
        let t = CameoTable::bundled();
        for e in t.event_codes() {
            let dropped = matches!(crate::cameo::root(&e.code), "01" | "02");
            assert_eq!(map().event_type(&e.code).is_none(), dropped, "{}", e.code);
        }
    }

    #[test]
    fn event_types_are_the_ontologys() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/plover/plover_ontology.json"
        ));
        let onto: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut known: Vec<&str> = onto["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event"].as_str().unwrap())
            .collect();
        known.sort_unstable();
        assert_eq!(map().event_types(), known);
    }

    #[test]
    fn bad_rows_are_errors() {
        let e = PloverMap::parse("t.tsv", "CAMEO\tPLOVER_EVENT\n").unwrap_err();
        assert_eq!(e.line, 1);
        let head = "CAMEO\tPLOVER_EVENT\tPLOVER_MODE\tPLOVER_CONTEXT\tCAMEO_LABEL\n";
        let e = PloverMap::parse("t.tsv", &format!("{head}04x\tCONSULT\t\t\t\n")).unwrap_err();
        assert_eq!(e.line, 2);
        let e = PloverMap::parse("t.tsv", &format!("{head}04\t\t\t\t\n")).unwrap_err();
        assert_eq!(e.line, 2);
        let m = PloverMap::parse("t.tsv", &format!("{head}\n04\tconsult\r\n")).unwrap();
        assert_eq!(m.event_type("041"), Some("CONSULT"));
        assert!(PloverMap::parse("t.tsv", "").is_err());
    }
}
