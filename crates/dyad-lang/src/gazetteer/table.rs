//! The [`Gazetteer`] itself: its places grouped by name key, read from a file in the format
//! of `data/gazetteer/places.tsv` ([`Gazetteer::from_tsv`]), and looked up by name.

// Fx hashing: the keys are short names looked up for every capitalised word of a clause
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::keys::{fnv1a, key};
use super::place::{Feature, Place};

/// A line of a gazetteer file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gazetteer line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// The places of the world, looked up by name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// One entry per (name key, place), grouped by key; within a group countries come first,
    /// then divisions, then cities, each by population, largest first.
    pub(super) entries: Vec<Place>,
    /// Name key → range of `entries`.
    pub(super) index: HashMap<String, (u32, u32)>,
    /// Keys known only from abbreviations written in capitals ("US", "UK", "NYC"): in running
    /// text they must be written in capitals too ("us" is no country).
    pub(super) abbreviations: HashSet<String>,
    /// (country, code) of every first-level division.
    pub(super) divisions: HashSet<(String, String)>,
    /// Most words in a key.
    pub(super) max_words: usize,
    /// Number of places (rows) read.
    places: usize,
}

impl Gazetteer {
    /// Read a gazetteer in the format of `data/gazetteer/places.tsv`: a header line, then
    /// tab-separated `geonameid, name, ascii_name, alternate_names (|-separated),
    /// country_iso2, country_iso3, feature (city/admin1/country), admin1, population,
    /// latitude, longitude`. Blank lines and lines starting with `#` are skipped.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut rows: Vec<Place> = Vec::new();
        // (name key, row, the name is an abbreviation in capitals)
        let mut pairs: Vec<(String, u32, bool)> = Vec::new();
        let mut divisions = HashSet::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("geonameid\t") {
                continue;
            }
            let err = |message: String| GazetteerError {
                line: n + 1,
                message,
            };
            let mut f = [""; 11];
            let mut count = 0;
            for (slot, field) in line.split('\t').enumerate() {
                if let Some(x) = f.get_mut(slot) {
                    *x = field;
                }
                count = slot + 1;
            }
            if count != 11 {
                return Err(err(format!(
                    "expected 11 tab-separated fields, found {count}"
                )));
            }
            let geonameid = f[0]
                .parse::<u32>()
                .map_err(|_| err(format!("geonameid {:?} is not a number", f[0])))?;
            let feature = Feature::parse(f[6])
                .ok_or_else(|| err(format!("feature {:?} is not city, admin1 or country", f[6])))?;
            let population = f[8]
                .parse::<u64>()
                .map_err(|_| err(format!("population {:?} is not a number", f[8])))?;
            let coordinate = |s: &str, what: &str, max: f64| {
                s.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && x.abs() <= max)
                    .ok_or_else(|| err(format!("{what} {s:?} is not a number within ±{max}")))
            };
            let lat = coordinate(f[9], "latitude", 90.0)?;
            let lon = coordinate(f[10], "longitude", 180.0)?;
            if f[1].trim().is_empty() {
                return Err(err("the name is empty".into()));
            }
            if f[5].len() != 3 {
                return Err(err(format!("country {:?} is not an ISO-3 code", f[5])));
            }
            let idx = rows.len() as u32;
            let first = pairs.len();
            let names = [(f[1], false), (f[2], false)].into_iter().chain(
                f[3].split('|')
                    .map(|s| (s, s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))),
            );
            let mut last_name = "";
            for (name, capitals) in names {
                if name.is_empty() || name == last_name {
                    continue;
                }
                last_name = name;
                let k = key(name);
                if k.is_empty() || pairs[first..].iter().any(|p| p.0 == k) {
                    continue;
                }
                pairs.push((k, idx, capitals));
            }
            if feature == Feature::Admin1 {
                divisions.insert((f[5].to_string(), f[7].to_string()));
            }
            rows.push(Place {
                geonameid,
                name: f[1].to_string(),
                country: f[5].to_string(),
                feature,
                admin1: f[7].to_string(),
                population,
                lat,
                lon,
            });
        }
        // Group equal keys (by a hash first: cheaper than comparing strings), each group
        // ordered countries, divisions, cities, largest first.
        let mut order: Vec<(u64, u32)> = pairs
            .iter()
            .enumerate()
            .map(|(n, p)| (fnv1a(&p.0), n as u32))
            .collect();
        order.sort_unstable_by(|&(ha, a), &(hb, b)| {
            let (pa, pb) = (&pairs[a as usize], &pairs[b as usize]);
            let (ra, rb) = (&rows[pa.1 as usize], &rows[pb.1 as usize]);
            ha.cmp(&hb)
                .then_with(|| pa.0.cmp(&pb.0))
                .then(ra.feature.cmp(&rb.feature))
                .then(rb.population.cmp(&ra.population))
                .then(ra.geonameid.cmp(&rb.geonameid))
        });
        let mut slots: Vec<Option<(String, u32, bool)>> = pairs.into_iter().map(Some).collect();
        let mut pairs: Vec<(String, u32, bool)> = order
            .iter()
            .filter_map(|&(_, n)| slots[n as usize].take())
            .collect();
        // Move each place into its last entry, clone it into the others.
        let mut uses = vec![0u32; rows.len()];
        for p in &pairs {
            uses[p.1 as usize] += 1;
        }
        let mut rows: Vec<Option<Place>> = rows.into_iter().map(Some).collect();
        let places = rows.len();
        let mut entries = Vec::with_capacity(pairs.len());
        let mut index: HashMap<String, (u32, u32)> =
            HashMap::with_capacity_and_hasher(pairs.len(), Default::default());
        let mut abbreviations = HashSet::default();
        let mut max_words = 0;
        let mut start = 0;
        let mut all_capitals = true;
        for i in 0..pairs.len() {
            let r = pairs[i].1 as usize;
            uses[r] -= 1;
            let place = if uses[r] == 0 {
                rows[r].take()
            } else {
                rows[r].clone()
            };
            entries.extend(place);
            all_capitals &= pairs[i].2;
            if i + 1 == pairs.len() || pairs[i + 1].0 != pairs[i].0 {
                let k = std::mem::take(&mut pairs[i].0);
                max_words = max_words.max(k.split(' ').count());
                if all_capitals {
                    abbreviations.insert(k.clone());
                }
                index.insert(k, (start as u32, (i + 1) as u32));
                start = i + 1;
                all_capitals = true;
            }
        }
        Ok(Gazetteer {
            entries,
            index,
            abbreviations,
            divisions,
            max_words,
            places,
        })
    }

    /// Number of places (rows of the file).
    pub fn len(&self) -> usize {
        self.places
    }

    /// Every place, once each (an entry is kept under each of its names), in no useful order.
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        let mut seen = HashSet::default();
        self.entries
            .iter()
            .filter(move |p| seen.insert(p.geonameid))
    }

    /// Whether the gazetteer has no place.
    pub fn is_empty(&self) -> bool {
        self.places == 0
    }

    /// Every place `name` may mean, ignoring case, accents, periods, apostrophes and hyphens
    /// ("Kiev" = "Kyiv", "Sao Paulo" = "São Paulo", "St. Petersburg" = "Saint Petersburg"):
    /// countries first, then first-level divisions, then cities, each largest first.
    pub fn candidates(&self, name: &str) -> &[Place] {
        self.lookup(&key(name))
    }

    pub(super) fn lookup(&self, key: &str) -> &[Place] {
        match self.index.get(key) {
            Some(&(a, b)) => &self.entries[a as usize..b as usize],
            None => &[],
        }
    }
}
