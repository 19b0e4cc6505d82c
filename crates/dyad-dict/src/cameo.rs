//! The CAMEO code tables: event codes with their labels, Goldstein scores and quad classes, and
//! the actor-code lists (countries, actor types, known groups, ethnic groups, religions) used to
//! validate actor codes.
//!
//! The tables are the GDELT lookup files under `data/cameo/`, embedded at compile time and
//! parsed once ([`CameoTable::bundled`]). Event codes are strings: `040` is not `40`.
//!
//! Upstream defects repaired while parsing (see `data/SOURCES.md`):
//! * `CAMEO.eventcodes.txt` glues code 106 onto the 1056 line
//!   (`1056<TAB>Demand de-escalation of military engagement106:[-5.0] Demand withdrawal`);
//!   the line is split back into 1056 and 106.
//! * The 044 label is Mac-Roman mojibake (`Meet at a ÒhirdÓlocation`); it is replaced by the
//!   CAMEO manual's name, `Meet at a "third" location`.
//! * Many labels carry trailing blanks and the file has CRLF line ends; both are trimmed.
//!
//! The actor lists keep GDELT's own codes, including its quirks: Romania is `ROM` (not ISO
//! `ROU`), East Timor is `TMP` (not `TLS`), and ethnic codes are lower case (`aar`) except
//! `ARB`, with `kur`/`KUR` and `pal`/`PAL` both listed. Look-ups here ignore ASCII case, and a
//! code listed twice with the same label keeps its first spelling.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::error::DictError;

/// A GDELT table under `data/cameo/`, embedded: `$file` its path (named in errors), `$text`
/// its text.
macro_rules! cameo_table {
    ($file:ident, $text:ident, $name:literal) => {
        const $file: &str = concat!("data/cameo/", $name);
        const $text: &str = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/cameo/",
            $name
        ));
    };
}

cameo_table!(EVENTCODES_FILE, EVENTCODES_TEXT, "CAMEO.eventcodes.txt");
cameo_table!(GOLDSTEIN_FILE, GOLDSTEIN_TEXT, "CAMEO.goldsteinscale.txt");
cameo_table!(COUNTRY_FILE, COUNTRY_TEXT, "CAMEO.country.txt");
cameo_table!(TYPE_FILE, TYPE_TEXT, "CAMEO.type.txt");
cameo_table!(KNOWNGROUP_FILE, KNOWNGROUP_TEXT, "CAMEO.knowngroup.txt");
cameo_table!(ETHNIC_FILE, ETHNIC_TEXT, "CAMEO.ethnic.txt");
cameo_table!(RELIGION_FILE, RELIGION_TEXT, "CAMEO.religion.txt");

/// Labels that are garbled upstream, replaced by the CAMEO 1.1b3 manual's wording.
const LABEL_REPAIRS: &[(&str, &str)] = &[("044", "Meet at a \"third\" location")];

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCodeInfo {
    /// The code as written, 2–4 digits with leading zeros (`"040"`).
    pub code: String,
    pub label: String,
    /// Goldstein conflict–cooperation score, −10 … +10.
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
}

/// Which CAMEO actor-code list a code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorCodeKind {
    /// Countries and regions (mostly ISO 3166 alpha-3, plus CAMEO regions such as `AFR`, `WSB`).
    Country,
    /// Actor roles and types (`GOV`, `MIL`, `REB`, `IGO`, …).
    Type,
    /// Named organisations (`AAM`, `ADB`, …).
    KnownGroup,
    /// Ethnic groups (lower case in GDELT: `aar`).
    Ethnic,
    /// Religions (`CHR`, `MOS`, `SUN`, …).
    Religion,
}

impl ActorCodeKind {
    pub const ALL: [ActorCodeKind; 5] = [
        ActorCodeKind::Country,
        ActorCodeKind::Type,
        ActorCodeKind::KnownGroup,
        ActorCodeKind::Ethnic,
        ActorCodeKind::Religion,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ActorCodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ActorCodeKind::Country => "country",
            ActorCodeKind::Type => "type",
            ActorCodeKind::KnownGroup => "known group",
            ActorCodeKind::Ethnic => "ethnic",
            ActorCodeKind::Religion => "religion",
        })
    }
}

/// One entry of a CAMEO actor-code list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCodeInfo {
    /// The code as GDELT writes it (ethnic codes are lower case).
    pub code: String,
    pub label: String,
    pub kind: ActorCodeKind,
}

/// The CAMEO event codes and actor-code lists.
#[derive(Debug, Clone)]
pub struct CameoTable {
    /// In file order (which is code order).
    events: Vec<EventCodeInfo>,
    event_index: HashMap<String, usize>,
    /// One map per [`ActorCodeKind`], keyed by the upper-cased code.
    actors: [HashMap<String, ActorCodeInfo>; 5],
}

/// The texts of the CAMEO files, for [`CameoTable::parse`].
#[derive(Debug, Clone, Copy)]
pub struct CameoSources<'a> {
    pub eventcodes: &'a str,
    pub goldstein: &'a str,
    pub country: &'a str,
    pub actor_type: &'a str,
    pub known_group: &'a str,
    pub ethnic: &'a str,
    pub religion: &'a str,
}

impl CameoSources<'static> {
    /// The files shipped in `data/cameo/`, embedded in the binary.
    pub fn bundled() -> Self {
        CameoSources {
            eventcodes: EVENTCODES_TEXT,
            goldstein: GOLDSTEIN_TEXT,
            country: COUNTRY_TEXT,
            actor_type: TYPE_TEXT,
            known_group: KNOWNGROUP_TEXT,
            ethnic: ETHNIC_TEXT,
            religion: RELIGION_TEXT,
        }
    }
}

impl CameoTable {
    /// The tables shipped with dyad, parsed on first use.
    pub fn bundled() -> &'static CameoTable {
        static TABLE: OnceLock<CameoTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            CameoTable::parse(CameoSources::bundled())
                .unwrap_or_else(|e| panic!("bundled CAMEO tables are invalid: {e}"))
        })
    }

    /// Parses the GDELT lookup files. The event-code and Goldstein files must list the same
    /// codes (after the 106 repair); anything else is reported as a [`DictError`].
    pub fn parse(src: CameoSources<'_>) -> Result<CameoTable, DictError> {
        let labels = parse_event_labels(EVENTCODES_FILE, src.eventcodes)?;
        let scores = parse_goldstein(GOLDSTEIN_FILE, src.goldstein)?;

        let score_of: HashMap<&str, f64> =
            scores.iter().map(|(_, c, g)| (c.as_str(), *g)).collect();
        let label_codes: HashMap<&str, ()> =
            labels.iter().map(|(_, c, _)| (c.as_str(), ())).collect();
        if let Some((line, code, _)) = scores
            .iter()
            .find(|(_, c, _)| !label_codes.contains_key(c.as_str()))
        {
            return Err(DictError::new(
                GOLDSTEIN_FILE,
                *line,
                format!("code {code} has a Goldstein score but no label in {EVENTCODES_FILE}"),
            ));
        }

        let mut events = Vec::with_capacity(labels.len());
        let mut event_index = HashMap::with_capacity(labels.len());
        for (line, code, label) in labels {
            let Some(&goldstein) = score_of.get(code.as_str()) else {
                return Err(DictError::new(
                    EVENTCODES_FILE,
                    line,
                    format!("code {code} has no Goldstein score in {GOLDSTEIN_FILE}"),
                ));
            };
            let Some(quad) = quad_class(&code) else {
                return Err(DictError::new(
                    EVENTCODES_FILE,
                    line,
                    format!("code {code} has no CAMEO root 01-20"),
                ));
            };
            event_index.insert(code.clone(), events.len());
            events.push(EventCodeInfo {
                code,
                label,
                goldstein,
                quad_class: quad,
            });
        }

        let actors = [
            parse_actor_list(COUNTRY_FILE, src.country, ActorCodeKind::Country)?,
            parse_actor_list(TYPE_FILE, src.actor_type, ActorCodeKind::Type)?,
            parse_actor_list(KNOWNGROUP_FILE, src.known_group, ActorCodeKind::KnownGroup)?,
            parse_actor_list(ETHNIC_FILE, src.ethnic, ActorCodeKind::Ethnic)?,
            parse_actor_list(RELIGION_FILE, src.religion, ActorCodeKind::Religion)?,
        ];

        Ok(CameoTable {
            events,
            event_index,
            actors,
        })
    }

    /// The entry for exactly this event code.
    pub fn get(&self, code: &str) -> Option<&EventCodeInfo> {
        self.event_index.get(code).map(|&i| &self.events[i])
    }

    /// The entry for this code, or for its nearest known parent (`0339` → `033` → `03`).
    pub fn nearest(&self, code: &str) -> Option<&EventCodeInfo> {
        ancestors(code).find_map(|c| self.get(c))
    }

    /// The label of exactly this code.
    pub fn label(&self, code: &str) -> Option<&str> {
        self.get(code).map(|e| e.label.as_str())
    }

    /// The Goldstein score of this code, or of its nearest known parent.
    pub fn goldstein(&self, code: &str) -> Option<f64> {
        self.nearest(code).map(|e| e.goldstein)
    }

    /// All event codes, in code order.
    pub fn event_codes(&self) -> impl Iterator<Item = &EventCodeInfo> {
        self.events.iter()
    }

    /// The entry of `code` in one actor list (ASCII case ignored).
    pub fn actor_code(&self, kind: ActorCodeKind, code: &str) -> Option<&ActorCodeInfo> {
        self.actors[kind.index()].get(&code.to_ascii_uppercase())
    }

    /// Every list a 3-letter unit appears in, in [`ActorCodeKind::ALL`] order. Units are
    /// ambiguous across lists (`AUS` is a country and an ethnic group, `UNO` a type and a
    /// known group), so this returns them all.
    pub fn actor_unit(&self, unit: &str) -> Vec<&ActorCodeInfo> {
        let key = unit.to_ascii_uppercase();
        self.actors.iter().filter_map(|m| m.get(&key)).collect()
    }

    /// The 3-letter units of a composite actor code (`USAGOV` → `USA`, `GOV`) that appear in
    /// none of the lists. `---` (unknown country) counts as known. A code whose length is not a
    /// multiple of three yields its trailing remainder as an unknown unit.
    pub fn unknown_actor_units<'c>(&self, code: &'c str) -> Vec<&'c str> {
        let mut out = Vec::new();
        let mut rest = code;
        while !rest.is_empty() {
            let cut = rest.char_indices().nth(3).map_or(rest.len(), |(i, _)| i);
            let (unit, tail) = rest.split_at(cut);
            if unit != "---" && (unit.chars().count() != 3 || self.actor_unit(unit).is_empty()) {
                out.push(unit);
            }
            rest = tail;
        }
        out
    }

    pub fn is_country_code(&self, code: &str) -> bool {
        self.actor_code(ActorCodeKind::Country, code).is_some()
    }

    pub fn is_actor_type_code(&self, code: &str) -> bool {
        // (an upper-case code, as the coder asks of every actor it meets, is looked up with
        // no copy)
        let types = &self.actors[ActorCodeKind::Type.index()];
        types.contains_key(code)
            || (code.bytes().any(|b| b.is_ascii_lowercase())
                && types.contains_key(&code.to_ascii_uppercase()))
    }

    pub fn is_known_group_code(&self, code: &str) -> bool {
        self.actor_code(ActorCodeKind::KnownGroup, code).is_some()
    }

    pub fn is_ethnic_code(&self, code: &str) -> bool {
        self.actor_code(ActorCodeKind::Ethnic, code).is_some()
    }

    pub fn is_religion_code(&self, code: &str) -> bool {
        self.actor_code(ActorCodeKind::Religion, code).is_some()
    }

    /// All entries of one actor list, sorted by code.
    pub fn actor_codes(&self, kind: ActorCodeKind) -> Vec<&ActorCodeInfo> {
        let mut v: Vec<_> = self.actors[kind.index()].values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }
}

/// The CAMEO root of a code: its first two characters (`"0333"` → `"03"`).
pub fn root(code: &str) -> &str {
    code.char_indices().nth(2).map_or(code, |(i, _)| &code[..i])
}

/// The quad class implied by a code's root: 01–05 → 1 (verbal cooperation), 06–09 → 2
/// (material cooperation), 10–14 → 3 (verbal conflict), 15–20 → 4 (material conflict).
/// `None` unless the code is at least two ASCII digits with a root in 01–20.
pub fn quad_class(code: &str) -> Option<u8> {
    if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match root(code).parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

/// The code itself, then each parent down to the root: `0333`, `033`, `03`.
pub fn ancestors(code: &str) -> impl Iterator<Item = &str> {
    let min = if code.len() >= 2 { 2 } else { code.len() };
    (min..=code.len())
        .rev()
        .filter(move |&n| code.is_char_boundary(n))
        .map(move |n| &code[..n])
        .filter(|c| !c.is_empty())
}

/// Data lines of a two-column tab-separated file: `(line number, first, second)`, with the
/// header (first non-blank line), BOM, CR and surrounding blanks removed.
fn data_lines<'t>(file: &str, text: &'t str) -> Result<Vec<(usize, &'t str, &'t str)>, DictError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if !seen_header {
            seen_header = true;
            continue;
        }
        let Some((first, second)) = line.split_once('\t') else {
            return Err(DictError::new(
                file,
                i + 1,
                "expected CODE<TAB>VALUE, found no tab",
            ));
        };
        out.push((i + 1, first.trim(), second.trim()));
    }
    if !seen_header {
        return Err(DictError::new(
            file,
            0,
            "empty file, expected a header line",
        ));
    }
    Ok(out)
}

fn is_event_code(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

/// Splits a label that has another code glued onto it, as in
/// `Demand de-escalation of military engagement106:[-5.0] Demand withdrawal`:
/// returns `(own label, glued code, glued Goldstein, glued label)`.
fn split_glued(label: &str) -> Option<(&str, &str, f64, &str)> {
    let colon = label.find(":[")?;
    let before = &label[..colon];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let code_start = colon - digits;
    let code = &label[code_start..colon];
    if !is_event_code(code) {
        return None;
    }
    let after = &label[colon + 2..];
    let close = after.find(']')?;
    let goldstein = after[..close].trim().parse::<f64>().ok()?;
    Some((
        label[..code_start].trim(),
        code,
        goldstein,
        after[close + 1..].trim(),
    ))
}

/// The error for a first column that is not a CAMEO event code.
fn expect_event_code(file: &str, line: usize, code: &str) -> Result<(), DictError> {
    if is_event_code(code) {
        return Ok(());
    }
    Err(DictError::new(
        file,
        line,
        format!("expected a 2-4 digit CAMEO event code, found {code:?}"),
    ))
}

/// `(line, code, label)` from `CAMEO.eventcodes.txt`, glued lines split and labels repaired.
fn parse_event_labels(file: &str, text: &str) -> Result<Vec<(usize, String, String)>, DictError> {
    let mut out: Vec<(usize, String, String)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, code, label) in data_lines(file, text)? {
        expect_event_code(file, line, code)?;
        let mut pieces = vec![(code, label)];
        if let Some((own, glued_code, _glued_goldstein, glued_label)) = split_glued(label) {
            pieces = vec![(code, own), (glued_code, glued_label)];
        }
        for (code, label) in pieces {
            if let Some(first) = seen.get(code) {
                return Err(DictError::new(
                    file,
                    line,
                    format!("code {code} is listed twice (first on line {first})"),
                ));
            }
            seen.insert(code.to_string(), line);
            let label = LABEL_REPAIRS
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(label, |(_, fixed)| fixed);
            out.push((line, code.to_string(), label.to_string()));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// `(line, code, score)` from `CAMEO.goldsteinscale.txt`.
fn parse_goldstein(file: &str, text: &str) -> Result<Vec<(usize, String, f64)>, DictError> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, code, score) in data_lines(file, text)? {
        expect_event_code(file, line, code)?;
        let Ok(g) = score.parse::<f64>() else {
            return Err(DictError::new(
                file,
                line,
                format!("expected a Goldstein score (a number), found {score:?}"),
            ));
        };
        if !(-10.0..=10.0).contains(&g) {
            return Err(DictError::new(
                file,
                line,
                format!("Goldstein score {g} is outside -10..10"),
            ));
        }
        if let Some(first) = seen.insert(code, line) {
            return Err(DictError::new(
                file,
                line,
                format!("code {code} is listed twice (first on line {first})"),
            ));
        }
        out.push((line, code.to_string(), g));
    }
    Ok(out)
}

fn parse_actor_list(
    file: &str,
    text: &str,
    kind: ActorCodeKind,
) -> Result<HashMap<String, ActorCodeInfo>, DictError> {
    let mut out: HashMap<String, ActorCodeInfo> = HashMap::new();
    for (line, code, label) in data_lines(file, text)? {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(DictError::new(
                file,
                line,
                format!("expected a 3-letter {kind} code, found {code:?}"),
            ));
        }
        let info = ActorCodeInfo {
            code: code.to_string(),
            label: label.to_string(),
            kind,
        };
        match out.get(&code.to_ascii_uppercase()) {
            // GDELT's ethnic list has `kur`/`KUR` and `pal`/`PAL`: same code, same label.
            Some(first) if first.label.eq_ignore_ascii_case(label) => {}
            Some(first) => {
                return Err(DictError::new(
                    file,
                    line,
                    format!(
                        "{kind} code {code} is listed twice with different labels ({:?}, {label:?})",
                        first.label
                    ),
                ));
            }
            None => {
                out.insert(code.to_ascii_uppercase(), info);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> &'static CameoTable {
        CameoTable::bundled()
    }

    #[test]
    fn consult_040() {
        let e = table().get("040").unwrap();
        assert_eq!(e.label, "Consult, not specified below");
        assert_eq!(e.goldstein, 1.0);
        assert_eq!(e.quad_class, 1);
        assert_eq!(table().goldstein("040"), Some(1.0));
    }

    #[test]
    fn fight_190() {
        let e = table().get("190").unwrap();
        assert_eq!(e.quad_class, 4);
        assert_eq!(e.goldstein, -10.0);
        assert_eq!(
            e.label,
            "Use conventional military force, not specified below"
        );
    }

    #[test]
    fn four_digit_codes_present() {
        assert!(table().get("0333").is_some());
        assert_eq!(table().get("0333").unwrap().goldstein, 5.2);
        assert!(table().get("2042").is_some());
    }

    #[test]
    fn code_106_is_split_off_the_1056_line() {
        let t = table();
        let c106 = t.get("106").unwrap();
        assert_eq!(c106.label, "Demand withdrawal");
        assert_eq!(c106.goldstein, -5.0);
        assert_eq!(c106.quad_class, 3);
        assert_eq!(
            t.label("1056"),
            Some("Demand de-escalation of military engagement")
        );
        // Code order is kept although 106 came from the middle of a line.
        let codes: Vec<&str> = t.event_codes().map(|e| e.code.as_str()).collect();
        let i = codes.iter().position(|&c| c == "1056").unwrap();
        assert_eq!(codes[i + 1], "106");
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn split_glued_agrees_with_the_goldstein_file() {
        let (own, code, g, label) =
            split_glued("Demand de-escalation of military engagement106:[-5.0] Demand withdrawal")
                .unwrap();
        assert_eq!(own, "Demand de-escalation of military engagement");
        assert_eq!((code, label), ("106", "Demand withdrawal"));
        assert_eq!(Some(g), table().get("106").map(|e| e.goldstein));
        assert_eq!(split_glued("Consult, not specified below"), None);
        assert_eq!(split_glued("odd label x:[1.0] y"), None);
    }

    #[test]
    fn labels_are_clean() {
        assert_eq!(table().label("044"), Some("Meet at a \"third\" location"));
        for e in table().event_codes() {
            assert_eq!(e.label, e.label.trim(), "{}", e.code);
            assert!(!e.label.is_empty(), "{}", e.code);
            assert!(e.label.is_ascii(), "{}: {}", e.code, e.label);
            assert!(!e.label.contains(":["), "{}: {}", e.code, e.label);
        }
    }

    #[test]
    fn every_goldstein_code_has_a_label_and_vice_versa() {
        let scores = parse_goldstein(GOLDSTEIN_FILE, GOLDSTEIN_TEXT).unwrap();
        assert_eq!(scores.len(), 311);
        for (_, code, g) in &scores {
            let e = table()
                .get(code)
                .unwrap_or_else(|| panic!("{code} has no label"));
            assert_eq!(e.goldstein, *g);
        }
        assert_eq!(table().event_codes().count(), scores.len());
    }

    #[test]
    fn goldstein_falls_back_to_parents() {
        let t = table();
        assert_eq!(t.goldstein("0339"), t.goldstein("033"));
        assert_eq!(t.goldstein("0399"), t.goldstein("039"));
        assert_eq!(t.nearest("0399").unwrap().code, "039");
        assert_eq!(t.nearest("03x").unwrap().code, "03");
        assert_eq!(t.goldstein("21"), None);
        assert_eq!(t.goldstein(""), None);
        assert_eq!(t.goldstein("0"), None);
        assert!(t.get("0339").is_none());
    }

    #[test]
    fn roots_and_quad_classes() {
        assert_eq!(root("0333"), "03");
        assert_eq!(root("190"), "19");
        assert_eq!(root("1"), "1");
        assert_eq!(root("é1"), "é1");
        assert_eq!(quad_class("01"), Some(1));
        assert_eq!(quad_class("057"), Some(1));
        assert_eq!(quad_class("0874"), Some(2));
        assert_eq!(quad_class("094"), Some(2));
        assert_eq!(quad_class("10"), Some(3));
        assert_eq!(quad_class("1454"), Some(3));
        assert_eq!(quad_class("150"), Some(4));
        assert_eq!(quad_class("2042"), Some(4));
        assert_eq!(quad_class("00"), None);
        assert_eq!(quad_class("21"), None);
        assert_eq!(quad_class("4"), None);
        assert_eq!(quad_class("---"), None);
        assert_eq!(quad_class("04a"), None);
        let got: Vec<&str> = ancestors("0333").collect();
        assert_eq!(got, ["0333", "033", "03"]);
    }

    #[test]
    fn quad_rule_matches_quadclass_file() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/cameo/CAMEO.quadclass.tsv"
        ));
        let mut n = 0;
        for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(quad_class(cols[0]), cols[2].parse().ok(), "{line}");
            assert_eq!(
                table().get(cols[0]).unwrap().quad_class.to_string(),
                cols[2]
            );
            n += 1;
        }
        assert_eq!(n, 20);
    }

    #[test]
    fn agrees_with_real_gdelt_rows() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/cameo/sample.gdelt1.dailyupdate.export.tsv"
        ));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (code, root_code, quad, g) = (cols[26], cols[28], cols[29], cols[30]);
            let e = table().get(code).unwrap();
            assert_eq!(root(code), root_code);
            assert_eq!(e.quad_class.to_string(), quad);
            assert_eq!(e.goldstein, g.parse::<f64>().unwrap());
        }
    }

    #[test]
    fn actor_codes() {
        let t = table();
        assert!(t.is_country_code("USA"));
        assert!(t.is_country_code("usa"));
        assert!(t.is_country_code("ROM")); // GDELT's Romania
        assert!(!t.is_country_code("GOV"));
        assert_eq!(
            t.actor_code(ActorCodeKind::Country, "WSB")
                .map(|a| a.label.as_str()),
            Some("West Bank")
        );
        assert!(t.is_actor_type_code("GOV"));
        assert!(t.is_actor_type_code("REB"));
        assert!(t.is_known_group_code("ADB"));
        assert!(t.is_religion_code("SUN"));
        assert!(t.is_ethnic_code("aar"));
        assert!(t.is_ethnic_code("AAR"));
        assert_eq!(
            t.actor_code(ActorCodeKind::Ethnic, "AAR").unwrap().code,
            "aar"
        );
        let kinds: Vec<ActorCodeKind> = t.actor_unit("UNO").iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [ActorCodeKind::Type, ActorCodeKind::KnownGroup]);
        assert!(t.unknown_actor_units("USAGOV").is_empty());
        assert!(t.unknown_actor_units("---REB").is_empty());
        assert_eq!(t.unknown_actor_units("USAXQZ"), ["XQZ"]);
        assert_eq!(t.unknown_actor_units("USAGO"), ["GO"]);
        assert_eq!(t.actor_codes(ActorCodeKind::Type).len(), 39);
        assert_eq!(t.actor_codes(ActorCodeKind::Country).len(), 261);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let mut src = CameoSources::bundled();
        src.goldstein = "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\tabc\n";
        let e = CameoTable::parse(src).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), (GOLDSTEIN_FILE, 2));

        let mut src = CameoSources::bundled();
        src.eventcodes = "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01 no tab\n";
        let e = CameoTable::parse(src).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), (EVENTCODES_FILE, 2));

        let mut src = CameoSources::bundled();
        src.eventcodes = "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n";
        let e = CameoTable::parse(src).unwrap_err();
        assert_eq!(e.file, GOLDSTEIN_FILE);
        assert!(e.message.contains("no label"), "{e}");
    }
}
