//! What the gazetteer knows of a place ([`Place`], [`Feature`]) and what an article says
//! around a place name ([`Context`]).

use serde::Serialize;

/// What kind of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    /// A country or territory with an ISO 3166 code.
    Country,
    /// A first-level division of a country (in the bundled data: the US states and D.C.).
    Admin1,
    /// A city, town or district.
    City,
}

impl Feature {
    pub(super) fn parse(s: &str) -> Option<Feature> {
        match s {
            "country" => Some(Feature::Country),
            "admin1" => Some(Feature::Admin1),
            "city" => Some(Feature::City),
            _ => None,
        }
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The GeoNames id (<https://www.geonames.org/ID>).
    pub geonameid: u32,
    /// The GeoNames name ("Kyiv", "Köln", "Georgia").
    pub name: String,
    /// The CAMEO country code: ISO 3166 alpha-3 ("UKR"; "USA" for a US state).
    pub country: String,
    pub feature: Feature,
    /// The GeoNames first-level division code: a US state's postal code ("TX") for a US city
    /// or state, GeoNames' own code elsewhere ("12"); empty for a country.
    pub admin1: String,
    /// People living there (for a US state: the sum of its cities of 15,000 or more).
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
}

/// What an article says around a place name, for [`Gazetteer::resolve`](super::Gazetteer::resolve).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// CAMEO codes (ISO 3166 alpha-3) of the countries the article mentions, in order.
    pub countries: Vec<String>,
    /// The country of the article's dateline ("ATLANTA (Reuters) -" → "USA").
    pub dateline_country: Option<String>,
    /// Words next to the name that say where it is: a division or country ("Texas" in "Paris,
    /// Texas"; "Tex.", "TX"), a city inside it ("Atlanta" for "Georgia"), or "state"
    /// ("the state of Georgia").
    pub admin1_hints: Vec<String>,
    /// Countries of the cities and divisions already found in the article, one entry per
    /// distinct place: several US places make "Georgia" the US state.
    /// [`Gazetteer::find_places`](super::Gazetteer::find_places) fills it from the text itself.
    pub place_countries: Vec<String>,
}
