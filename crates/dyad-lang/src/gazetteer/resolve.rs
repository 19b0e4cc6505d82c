//! Which place a name means: [`Gazetteer::resolve`], from the candidates of the name, the
//! clues next to it and what the article is about.

use super::keys::key;
use super::place::{Context, Feature, Place};
use super::table::Gazetteer;
use super::words::us_state_abbreviation;

/// A city may be preferred in a country the article is about over a larger one elsewhere only
/// if it is at least this fraction of the larger one's size (Birmingham, Alabama for a US
/// story; never Paris, Texas over Paris, France).
const CONTEXT_RATIO: u64 = 10;

/// A city of this size is what its name means even when a first-level division shares the
/// name ("New York", "Washington"); a smaller one is not (Wyoming, Michigan).
const BIG_CITY: u64 = 500_000;

impl Gazetteer {
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

    pub(super) fn read_hints(&self, hints: &[String]) -> Hints {
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
}

/// What the hints next to a name say, read against the gazetteer.
#[derive(Debug, Default)]
pub(super) struct Hints {
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
pub(super) fn qualified<'a>(xs: &'a [Place], ys: &'a [Place]) -> Option<(&'a Place, &'a Place)> {
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

/// Whether `p` lies in one of the (country, division code) pairs.
fn in_one_of(p: &Place, divisions: &[(String, String)]) -> bool {
    divisions
        .iter()
        .any(|(c, a)| *c == p.country && *a == p.admin1)
}

pub(super) fn choose<'a>(
    candidates: &'a [Place],
    ctx: &Context,
    hints: &Hints,
) -> Option<&'a Place> {
    // 1. Inside a division the hints name; or containing a city they name.
    let in_division = candidates
        .iter()
        .filter(|p| p.feature == Feature::City && in_one_of(p, &hints.divisions));
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
    let division_container = candidates
        .iter()
        .find(|p| p.feature == Feature::Admin1 && in_one_of(p, &hints.cities));
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
