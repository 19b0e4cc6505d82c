//! The gazetteer: the places of the world a news story may name, and which one a name means.
//!
//! [`Gazetteer::bundled`] reads `data/gazetteer/places.tsv` (built from GeoNames by
//! `scripts/build-gazetteer.py`; see `data/gazetteer/README.md`), compiled into the binary:
//! every country, every US state and every city of 15,000 people or more, with their CAMEO
//! (ISO 3166 alpha-3) country codes, populations and coordinates.
//!
//! * [`Gazetteer::candidates`] lists the places a name may mean, whatever its case or accents
//!   ("Kyiv", "KIEV", "Bogota" for "Bogotá").
//! * [`Gazetteer::resolve`] picks one, given what the article says around it ([`Context`]):
//!   a place inside a division or country named next to it ("Paris, Texas"), a country before
//!   a city or division of the same name ("Georgia", unless the article is about places in
//!   the US), a place in the dateline's country or a country the article names, and otherwise
//!   the most populous.
//! * [`Gazetteer::find_places`] finds the place names in a stretch of text and resolves them,
//!   reading the clues around each ("Atlanta, Georgia", "the U.S. state of Georgia").
//!
//! [`Gazetteer::from_tsv`] reads any file in the bundled one's format, so a coder can own a
//! gazetteer other than the bundled one.
//!
//! # Files
//!
//! From the bottom layer up, each using only those before it: `place.rs` (places and the
//! article's context), `keys.rs` (name keys), `table.rs` (the gazetteer, read from its file),
//! `words.rs` (word lists), `resolve.rs` (which place a name means), `find.rs` (place names in
//! text).

mod find;
mod keys;
mod place;
mod resolve;
mod table;
#[cfg(test)]
mod tests;
mod words;

pub use place::{Context, Feature, Place};
pub use table::{Gazetteer, GazetteerError};

use std::sync::OnceLock;

/// The bundled gazetteer file.
const BUNDLED_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/places.tsv"
));

impl Gazetteer {
    /// The gazetteer compiled into dyad (`data/gazetteer/places.tsv`), read on first use.
    /// Were the bundled file unreadable (a test guards it), the gazetteer would be empty.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| Gazetteer::from_tsv(BUNDLED_TSV).unwrap_or_default())
    }
}
