//! GDELT's actor fields from a CAMEO actor code.
//!
//! A CAMEO actor code is a sequence of 3-letter units (`USAGOV`, `IGOUNO`, `IRQREBSUN`).
//! Following GDELT's codebook, the first unit is the actor's country when it is a country
//! code; every unit is then looked up in the CAMEO lists shipped in `data/cameo/` (country,
//! known group, type, religion, ethnic; read through `dyad_dict::cameo`), plus the ISO codes
//! of the FIPS table (`ROU`, `SSD`, which GDELT's list lacks) and dyad's own units in
//! `dyad.actor-units.tsv` (a unit its note calls a country code is a country, the others
//! international bodies, i.e. known groups).
//!
//! A unit that is in several lists takes the first that applies of: country (first unit
//! only), known group (`UNO` in `IGOUNO` is the United Nations, not the type), type, religion
//! (`MOS`, `CHR` are also ethnic codes), country (a later unit, when no country is set yet),
//! ethnic. There are at most one known group and ethnic code, two religions and three types,
//! as in GDELT; surplus and unknown units are left out of the split fields (the full code is
//! always kept).

use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_dict::cameo::{ActorCodeKind, CameoTable};
use serde::Serialize;

use crate::fips;

const DYAD_UNITS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/dyad.actor-units.tsv"
));

/// GDELT's ten actor fields, less the name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ActorFields {
    pub code: String,
    pub country: String,
    pub known_group: String,
    pub ethnic: String,
    pub religion1: String,
    pub religion2: String,
    pub type1: String,
    pub type2: String,
    pub type3: String,
}

/// dyad's own units: code → is it a country.
fn dyad_units() -> &'static HashMap<String, bool> {
    static MAP: OnceLock<HashMap<String, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        DYAD_UNITS
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let unit = cols.next()?.trim();
                let note = cols.nth(1).unwrap_or("");
                (unit.len() == 3).then(|| (unit.to_string(), note.starts_with("country code")))
            })
            .collect()
    })
}

fn is_country(t: &CameoTable, unit: &str) -> bool {
    t.is_country_code(unit) || fips::is_iso3(unit) || dyad_units().get(unit) == Some(&true)
}

fn is_known_group(t: &CameoTable, unit: &str) -> bool {
    t.is_known_group_code(unit) || dyad_units().get(unit) == Some(&false)
}

/// The code as the CAMEO list writes it (ethnic codes are lower case).
fn listed(t: &CameoTable, kind: ActorCodeKind, unit: &str) -> String {
    t.actor_code(kind, unit)
        .map_or_else(|| unit.to_string(), |a| a.code.clone())
}

/// Split `code` into GDELT's fields.
pub fn split(code: &str) -> ActorFields {
    let t = CameoTable::bundled();
    let mut f = ActorFields {
        code: code.to_string(),
        ..ActorFields::default()
    };
    let units: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).to_ascii_uppercase())
        .collect();
    for (i, unit) in units.iter().enumerate() {
        let unit = unit.as_str();
        if unit.len() != 3 || unit == "---" {
            continue;
        }
        if i == 0 && is_country(t, unit) {
            f.country = unit.to_string();
        } else if is_known_group(t, unit) && f.known_group.is_empty() {
            f.known_group = unit.to_string();
        } else if t.is_actor_type_code(unit) {
            for slot in [&mut f.type1, &mut f.type2, &mut f.type3] {
                if slot.is_empty() {
                    *slot = unit.to_string();
                    break;
                }
            }
        } else if t.is_religion_code(unit) {
            for slot in [&mut f.religion1, &mut f.religion2] {
                if slot.is_empty() {
                    *slot = listed(t, ActorCodeKind::Religion, unit);
                    break;
                }
            }
        } else if is_country(t, unit) && f.country.is_empty() {
            f.country = unit.to_string();
        } else if t.is_ethnic_code(unit) && f.ethnic.is_empty() {
            f.ethnic = listed(t, ActorCodeKind::Ethnic, unit);
        }
    }
    f
}

/// Whether a 3-letter unit is in any CAMEO list, the FIPS table or dyad's own units (`---`,
/// the unknown country, counts).
pub fn known_unit(unit: &str) -> bool {
    let u = unit.to_ascii_uppercase();
    u == "---"
        || !CameoTable::bundled().actor_unit(&u).is_empty()
        || fips::is_iso3(&u)
        || dyad_units().contains_key(&u)
}

/// What a code names in words, from the CAMEO lists: `FRAGOV` → "France · Government",
/// `IGOUNO` → "United Nations · International Government Organization", `---` → "country
/// unknown". Units no list knows are left out; an empty string when none is known.
pub fn label(code: &str) -> String {
    let t = CameoTable::bundled();
    let f = split(code);
    let mut parts: Vec<String> = Vec::new();
    if code.len() >= 3 && code.get(..3) == Some("---") {
        parts.push("country unknown".into());
    }
    let of = |kind: ActorCodeKind, unit: &str| -> Option<String> {
        if unit.is_empty() {
            return None;
        }
        t.actor_code(kind, unit)
            .map(|a| a.label.clone())
            .or_else(|| {
                (kind == ActorCodeKind::Country)
                    .then(|| fips::by_iso3(unit).map(|c| c.name.clone()))?
            })
    };
    parts.extend(of(ActorCodeKind::Country, &f.country));
    parts.extend(of(ActorCodeKind::KnownGroup, &f.known_group));
    parts.extend(of(ActorCodeKind::Ethnic, &f.ethnic));
    for r in [&f.religion1, &f.religion2] {
        parts.extend(of(ActorCodeKind::Religion, r));
    }
    for ty in [&f.type1, &f.type2, &f.type3] {
        parts.extend(of(ActorCodeKind::Type, ty));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_words() {
        assert!(
            label("FRAGOV").starts_with("France · "),
            "{}",
            label("FRAGOV")
        );
        assert!(
            label("---GOV").starts_with("country unknown · "),
            "{}",
            label("---GOV")
        );
        assert!(known_unit("usa") && known_unit("---") && !known_unit("XQZ"));
    }

    #[test]
    fn gdelt_splits() {
        let f = split("USAGOV");
        assert_eq!((f.country.as_str(), f.type1.as_str()), ("USA", "GOV"));
        let f = split("IGOUNO");
        assert_eq!(f.country, "");
        assert_eq!(f.type1, "IGO");
        assert_eq!(f.known_group, "UNO");
        let f = split("IRQREBMOSSHI");
        assert_eq!(f.country, "IRQ");
        assert_eq!(f.type1, "REB");
        assert_eq!((f.religion1.as_str(), f.religion2.as_str()), ("MOS", "SHI"));
        let f = split("FRAGOVMILELI");
        assert_eq!(
            (f.type1.as_str(), f.type2.as_str(), f.type3.as_str()),
            ("GOV", "MIL", "ELI")
        );
        // ISO codes the GDELT list lacks, and dyad's own units
        assert_eq!(split("SSDGOV").country, "SSD");
        assert_eq!(split("KSVGOV").country, "KSV");
        let f = split("IGOAUK");
        assert_eq!(f.known_group, "AUK");
        assert_eq!(split("").country, "");
        assert_eq!(split("---GOV").type1, "GOV");
    }
}
