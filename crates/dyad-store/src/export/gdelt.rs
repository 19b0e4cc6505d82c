//! GDELT 2.0's event table: 61 tab-separated columns, in GDELT's order.
//!
//! * GLOBALEVENTID is the event's stable id (see [`crate::merge`]); DATEADDED the time its
//!   first report was stored (YYYYMMDDHHMMSS, UTC); SOURCEURL the first report's URL, else its
//!   article id.
//! * SQLDATE is the event date; an undated event takes the day it was added, when the export
//!   or the update files take undated events at all (see [`super::Undated`]); FractionDate is
//!   GDELT's YYYY + (30 × (month − 1) + day) / 365, to 4 decimals.
//! * Actor fields are split from the CAMEO code by [`crate::actor::split`]; the name is the
//!   first report's words for the actor, upper-cased as GDELT writes names.
//! * IsRootEvent is 1 when the first report is the article's first sentence.
//! * NumMentions, NumSources, NumArticles: see [`crate::merge`]. AvgTone is the tone of the
//!   first report's article ([`dyad_dict::tone`]; empty when not known).
//! * ActionGeo is the event's place: type 1 country, 2 US state, 3 US city, 4 world city,
//!   5 world first-level division; FIPS 10-4 country code; ADM1 as FIPS country + the GeoNames
//!   first-level code (a US state's postal code, as GDELT has it); FeatureID the GeoNames id
//!   (the FIPS code for a country). Actor1Geo and Actor2Geo are type 0 (dyad does not place
//!   actors apart from the action).

use chrono::{Datelike, NaiveDate};
use dyad_lang::gazetteer::{Feature, Gazetteer};

use super::tsv::{cell, float};
use crate::actor::split;
use crate::fips;
use crate::query::EventRow;

/// GDELT 2.0's event columns, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The event's date: its own, else the day it was added.
fn event_date(e: &EventRow) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&e.date, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(e.date_added.get(..8)?, "%Y%m%d").ok())
}

/// The eight geo fields of an event's place (type 0 and blanks when it has none).
pub fn geo_fields(e: &EventRow) -> [String; 8] {
    let (Some(country), Some(lat), Some(lon)) = (&e.place_country, e.lat, e.lon) else {
        return [
            "0".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
    };
    let fips = fips::by_iso3(country);
    let fips_code = fips.map(|f| f.fips.clone()).unwrap_or_default();
    let country_name = fips
        .map(|f| f.name.clone())
        .unwrap_or_else(|| country.clone());
    let name = e.place_name.clone().unwrap_or_default();
    let place = e.place_geonameid.and_then(|id| {
        Gazetteer::bundled()
            .candidates(&name)
            .iter()
            .find(|p| i64::from(p.geonameid) == id)
    });
    let feature = place.map_or(Feature::City, |p| p.feature);
    let admin1 = place.map(|p| p.admin1.clone()).unwrap_or_default();
    let us = country == "USA";
    let (kind, full, adm1, feature_id) = match feature {
        Feature::Country => (
            1,
            country_name.clone(),
            fips_code.clone(),
            fips_code.clone(),
        ),
        Feature::Admin1 => (
            if us { 2 } else { 5 },
            format!("{name}, {country_name}"),
            format!("{fips_code}{admin1}"),
            e.place_geonameid.map(|i| i.to_string()).unwrap_or_default(),
        ),
        Feature::City => (
            if us { 3 } else { 4 },
            format!("{name}, {country_name}"),
            format!("{fips_code}{admin1}"),
            e.place_geonameid.map(|i| i.to_string()).unwrap_or_default(),
        ),
    };
    [
        kind.to_string(),
        cell(&full),
        fips_code,
        adm1,
        String::new(),
        float(lat),
        float(lon),
        feature_id,
    ]
}

/// One event as GDELT's 61 fields.
pub fn row(e: &EventRow) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(61);
    let date = event_date(e);
    f.push(e.id.to_string());
    match date {
        Some(d) => {
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            let frac = f64::from(30 * (d.month() - 1) + d.day()) / 365.0;
            f.push(format!("{:.4}", f64::from(d.year()) + frac));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for (code, name) in [(&e.source, &e.source_text), (&e.target, &e.target_text)] {
        let a = split(code);
        f.push(a.code);
        f.push(if code.is_empty() {
            String::new()
        } else {
            cell(&name.clone().unwrap_or_default().to_uppercase())
        });
        f.extend([
            a.country,
            a.known_group,
            a.ethnic,
            a.religion1,
            a.religion2,
            a.type1,
            a.type2,
            a.type3,
        ]);
    }
    f.push(u8::from(e.sentence == 0).to_string());
    f.push(e.code.clone());
    f.push(e.base_code.clone());
    f.push(e.root.clone());
    f.push(e.quad_class.to_string());
    f.push(float(e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(e.tone.map(float).unwrap_or_default());
    for _ in 0..2 {
        f.push("0".into());
        f.extend(std::iter::repeat_n(String::new(), 7));
    }
    f.extend(geo_fields(e));
    f.push(e.date_added.clone());
    f.push(cell(e.url.as_deref().unwrap_or(&e.article_id)));
    debug_assert_eq!(f.len(), COLUMNS.len());
    f
}
