//! FIPS 10-4 country codes, which GDELT's geo fields use instead of ISO 3166 ("CH" is China,
//! "UK" the United Kingdom). Read from `data/cameo/iso3-fips.tsv` (built by
//! `scripts/build-fips.py` from the CIA World Factbook and pycountry packages), then, for the
//! territories the current Factbook no longer lists apart (French Guiana, Réunion, …), from
//! `data/cameo/FIPS.country.derived.tsv`. Both are embedded; see `data/SOURCES.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// ISO3, FIPS, ISO2, name.
const FACTBOOK: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/iso3-fips.tsv"
));
/// FIPS, ISO3, ISO2, name, region.
const DERIVED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/cameo/FIPS.country.derived.tsv"
));

/// One country of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FipsCountry {
    pub fips: String,
    pub iso3: String,
    pub name: String,
}

/// (FIPS, ISO3, name) of each row of a table whose columns are at `fips`, `iso3`, `name`.
fn rows(text: &str, fips: usize, iso3: usize, name: usize) -> Vec<FipsCountry> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let (f, i, n) = (*cols.get(fips)?, *cols.get(iso3)?, *cols.get(name)?);
            (f.len() == 2 && i.len() == 3).then(|| FipsCountry {
                fips: f.to_string(),
                iso3: i.to_string(),
                name: n.to_string(),
            })
        })
        .collect()
}

fn table() -> &'static HashMap<String, FipsCountry> {
    static MAP: OnceLock<HashMap<String, FipsCountry>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for c in rows(FACTBOOK, 1, 0, 3)
            .into_iter()
            .chain(rows(DERIVED, 0, 1, 3))
        {
            map.entry(c.iso3.clone()).or_insert(c);
        }
        map
    })
}

/// The country of an ISO 3166 alpha-3 code (as the gazetteer and the actor codes write it).
pub fn by_iso3(iso3: &str) -> Option<&'static FipsCountry> {
    table().get(&iso3.to_ascii_uppercase())
}

/// Every country of the table, in no order.
pub fn all() -> impl Iterator<Item = &'static FipsCountry> {
    table().values()
}

/// Whether `code` is the ISO 3166 alpha-3 code of a country of the table.
pub fn is_iso3(code: &str) -> bool {
    by_iso3(code).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_differs_from_iso() {
        assert_eq!(by_iso3("CHN").unwrap().fips, "CH");
        assert_eq!(by_iso3("GBR").unwrap().fips, "UK");
        assert_eq!(by_iso3("AUS").unwrap().fips, "AS");
        assert_eq!(by_iso3("SSD").unwrap().fips, "OD");
        assert_eq!(by_iso3("usa").unwrap().fips, "US");
        assert_eq!(by_iso3("PSE").unwrap().fips, "WE");
        // only in the derived table
        assert_eq!(by_iso3("REU").unwrap().fips, "RE");
        assert!(by_iso3("XYZ").is_none());
        assert!(table().len() > 240);
    }
}
