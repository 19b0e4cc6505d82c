//! FIPS 10-4 country codes, which GDELT's geo fields use instead of ISO 3166 ("CH" is China,
//! "UK" the United Kingdom), read from the table shipped in `data/cameo/FIPS.country.derived.tsv`
//! (embedded; see `data/SOURCES.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!(concat!(
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

fn table() -> &'static HashMap<String, FipsCountry> {
    static MAP: OnceLock<HashMap<String, FipsCountry>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let cols: Vec<&str> = line.split('\t').collect();
                let (fips, iso3, name) = (*cols.first()?, *cols.get(1)?, *cols.get(3)?);
                if fips.len() != 2 || iso3.len() != 3 {
                    return None;
                }
                Some((
                    iso3.to_string(),
                    FipsCountry {
                        fips: fips.to_string(),
                        iso3: iso3.to_string(),
                        name: name.to_string(),
                    },
                ))
            })
            .collect()
    })
}

/// The country of an ISO 3166 alpha-3 code (as the gazetteer and the actor codes write it).
pub fn by_iso3(iso3: &str) -> Option<&'static FipsCountry> {
    table().get(&iso3.to_ascii_uppercase())
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
        assert_eq!(by_iso3("usa").unwrap().name, "United States");
        assert!(by_iso3("XYZ").is_none());
        assert!(table().len() > 240);
    }
}
