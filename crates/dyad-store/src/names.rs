//! Names where codes are expected: an analyst types `Macron` or `China`, not `FRAGOV` or
//! `CHN`. Before a filter is parsed ([`crate::filter::parse_filter`]), each actor value
//! (`actor`, `source`, `target`, each side of `dyad`) that is not an actor code is looked up
//! in the dictionaries the way the coder reads a name in text — on the filter's `to` date
//! (else `from`, else today), so `Macron` is `FRAGOV` on the days he held office — and each
//! `country` value that is not a three-letter code is looked up in the country table. What
//! was resolved is returned to be shown; a name nothing resolves is an error naming the field
//! and offering the nearest codes.
//!
//! The store does not code, so the dictionary lookup is an [`ActorNames`] the caller hands in
//! (the CLI's is dyad's coder).

use chrono::NaiveDate;
use dyad_dict::cameo::{ActorCodeKind, CameoTable};
use serde::Serialize;

use crate::actor::known_unit;
use crate::filter::FieldError;

/// Reads a name as the coder reads it in text.
pub trait ActorNames: Send + Sync {
    /// The actor codes the dictionaries give `name` on `date`, one per actor the name holds
    /// (empty: no entry names it).
    fn codes(&self, name: &str, date: NaiveDate) -> Vec<String>;
}

/// A name given for a code, and the code it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolution {
    pub field: String,
    /// As typed.
    pub name: String,
    pub code: String,
    /// How it was found ("actor dictionaries on 2025-12-04", "country table").
    pub by: String,
}

impl std::fmt::Display for Resolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {:?} is {} ({})",
            self.field, self.name, self.code, self.by
        )
    }
}

/// Whether `value` is written as an actor code or code prefix rather than a name: letters
/// and `-` whose whole 3-letter units are all CAMEO (or FIPS) units — `usa`, `FRAGOV`,
/// `---GOV` — with a trailing part-unit only when typed in capitals (`USAG`). `Macron`,
/// `China`, `Iran` are names.
pub fn is_actor_code(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return false;
    }
    let upper = v.to_ascii_uppercase();
    let whole = upper.len() / 3 * 3;
    let units_known = (0..whole).step_by(3).all(|i| known_unit(&upper[i..i + 3]));
    units_known && (whole == upper.len() || v == upper)
}

/// The ISO 3166 alpha-3 code of a country named in words (the FIPS table's names, then the
/// CAMEO country list's labels; case ignored).
pub fn country_code(name: &str) -> Option<String> {
    let n = name.trim();
    if let Some(c) = crate::fips::all().find(|c| c.name.eq_ignore_ascii_case(n)) {
        return Some(c.iso3.clone());
    }
    CameoTable::bundled()
        .actor_codes(ActorCodeKind::Country)
        .into_iter()
        .find(|a| a.label.eq_ignore_ascii_case(n) && a.code.len() == 3)
        .map(|a| a.code.clone())
}

/// The first letters of `name` that a near name shares (at least 3, at most 4).
fn stem(name: &str) -> String {
    name.trim()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(4)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether some word of `label` starts with `stem`.
fn near(label: &str, stem: &str) -> bool {
    stem.len() >= 3
        && label
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.to_ascii_lowercase().starts_with(stem))
}

/// Up to five codes (with their labels) of the CAMEO lists whose label has a word starting
/// as `name` does: the nearest codes to offer when a name resolves to nothing.
pub fn nearest_actor_codes(name: &str) -> Vec<String> {
    let stem = stem(name);
    let t = CameoTable::bundled();
    [
        ActorCodeKind::Country,
        ActorCodeKind::KnownGroup,
        ActorCodeKind::Type,
    ]
    .into_iter()
    .flat_map(|k| t.actor_codes(k))
    .filter(|a| near(&a.label, &stem))
    .take(5)
    .map(|a| format!("{} ({})", a.code, a.label))
    .collect()
}

/// Up to five country names starting as `name` does.
fn nearest_countries(name: &str) -> Vec<String> {
    let stem = stem(name);
    let mut out: Vec<String> = crate::fips::all()
        .filter(|c| near(&c.name, &stem))
        .map(|c| format!("{} ({})", c.iso3, c.name))
        .collect();
    out.sort();
    out.truncate(5);
    out
}

fn offer(nearest: Vec<String>) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    }
}

/// The date names are read on: the filter's `to`, else its `from`, else today.
fn reading_date(values: &[(String, String)]) -> NaiveDate {
    let date = |name: &str| {
        values
            .iter()
            .find(|(n, v)| n == name && !v.trim().is_empty())
            .and_then(|(_, v)| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok())
    };
    date("to")
        .or_else(|| date("from"))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// One actor value: a code as it is, a name as the code the dictionaries give it.
fn actor(
    field: &str,
    value: &str,
    names: Option<&dyn ActorNames>,
    on: NaiveDate,
    resolved: &mut Vec<Resolution>,
) -> Result<String, FieldError> {
    if value.trim().is_empty() || is_actor_code(value) {
        return Ok(value.to_string());
    }
    let name = value.trim();
    let Some(names) = names else {
        return Err(FieldError::new(
            field,
            format!(
                "{name:?} is not a CAMEO actor code (letters, e.g. USA or USAGOV), and names \
                 are not looked up here{}",
                offer(nearest_actor_codes(name))
            ),
        ));
    };
    let mut codes = names.codes(name, on);
    codes.dedup();
    match codes.as_slice() {
        [code] => {
            resolved.push(Resolution {
                field: field.to_string(),
                name: name.to_string(),
                code: code.clone(),
                by: format!("actor dictionaries on {on}"),
            });
            Ok(code.clone())
        }
        [] => Err(FieldError::new(
            field,
            format!(
                "no actor dictionary entry names {name:?} on {on}{}",
                offer(nearest_actor_codes(name))
            ),
        )),
        several => Err(FieldError::new(
            field,
            format!(
                "{name:?} names {} actors on {on} ({}): give one",
                several.len(),
                several.join(", ")
            ),
        )),
    }
}

/// A filter's named values, (field, value), in the order given.
pub type Values = Vec<(String, String)>;

/// The filter's named values with every actor and country name replaced by its code, and
/// what was replaced; an error names the field of a name nothing resolves. Other values pass
/// unchanged, to be checked by [`crate::filter::parse_filter`].
pub fn resolve(
    values: Vec<(String, String)>,
    names: Option<&dyn ActorNames>,
) -> Result<(Values, Vec<Resolution>), FieldError> {
    let on = reading_date(&values);
    let mut resolved = Vec::new();
    let mut out = Vec::with_capacity(values.len());
    for (field, value) in values {
        let value = match field.as_str() {
            "actor" | "source" | "target" => actor(&field, &value, names, on, &mut resolved)?,
            "dyad" => match value.split_once(':') {
                Some((s, t)) => format!(
                    "{}:{}",
                    actor("dyad", s, names, on, &mut resolved)?,
                    actor("dyad", t, names, on, &mut resolved)?
                ),
                None => value,
            },
            "country" => {
                let v = value.trim();
                let is_code = v.len() == 3 && v.chars().all(|c| c.is_ascii_alphabetic());
                if v.is_empty() || is_code {
                    value
                } else if let Some(code) = country_code(v) {
                    resolved.push(Resolution {
                        field: field.clone(),
                        name: v.to_string(),
                        code: code.clone(),
                        by: "country table".into(),
                    });
                    code
                } else {
                    return Err(FieldError::new(
                        "country",
                        format!(
                            "{v:?} is neither an ISO 3166 alpha-3 code (e.g. CHN) nor a \
                             country's name{}",
                            offer(nearest_countries(v))
                        ),
                    ));
                }
            }
            _ => value,
        };
        out.push((field, value));
    }
    Ok((out, resolved))
}

/// Words that stand for an actor without naming it: pronouns and the phrases coreference
/// reads ("both sides", "the two sides").
const NOT_NAMES: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "his",
    "its",
    "their",
    "our",
    "both sides",
    "the two sides",
    "two sides",
    "both",
    "the sides",
    "sides",
    "the side",
    "side",
    "who",
    "which",
    "this",
    "that",
    "these",
    "those",
];

/// Leading words that are not part of a name.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];

/// A coded actor's words as a name to show: a leading determiner dropped ("The US
/// warplanes" → "US warplanes"), trailing punctuation trimmed; None for a pronoun, "both
/// sides" and the like, or nothing left.
pub fn clean_name(words: &str) -> Option<String> {
    let mut w = words
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c == ';');
    while let Some((first, rest)) = w.split_once([' ', ',']) {
        if DETERMINERS.contains(&first.to_ascii_lowercase().as_str()) {
            w = rest.trim_start_matches([' ', ',']);
        } else {
            break;
        }
    }
    let w = w.trim();
    let lower = w.to_ascii_lowercase();
    if w.is_empty()
        || NOT_NAMES.contains(&lower.as_str())
        || DETERMINERS.contains(&lower.as_str())
        || !w.chars().any(char::is_alphabetic)
    {
        return None;
    }
    Some(w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dictionary of two names, one of them dated.
    struct Two;

    impl ActorNames for Two {
        fn codes(&self, name: &str, date: NaiveDate) -> Vec<String> {
            let office = NaiveDate::from_ymd_opt(2017, 5, 14).unwrap();
            match name.to_ascii_lowercase().as_str() {
                "macron" if date >= office => vec!["FRAGOV".into()],
                "macron" => vec!["FRAELI".into()],
                "both" => vec!["FRA".into(), "CHN".into()],
                _ => vec![],
            }
        }
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn names_are_cleaned_for_suggestions() {
        assert_eq!(
            clean_name("The, US warplanes").as_deref(),
            Some("US warplanes")
        );
        assert_eq!(
            clean_name("the United Nations").as_deref(),
            Some("United Nations")
        );
        for junk in ["he", "both sides", "The", "The two sides", ",", "They"] {
            assert_eq!(clean_name(junk), None, "{junk}");
        }
        assert_eq!(clean_name("Xi Jinping").as_deref(), Some("Xi Jinping"));
    }

    #[test]
    fn codes_and_names_are_told_apart() {
        for code in ["usa", "FRAGOV", "---GOV", "USAG", "IGOUNO", "SSD"] {
            assert!(is_actor_code(code), "{code}");
        }
        for name in ["Macron", "China", "Iran", "Xi Jinping", "usag", "Hamas"] {
            assert!(!is_actor_code(name), "{name}");
        }
    }

    #[test]
    fn names_resolve_on_the_filters_date() {
        let (values, done) = resolve(
            pairs(&[
                ("actor", "Macron"),
                ("to", "2020-01-01"),
                ("country", "china"),
            ]),
            Some(&Two),
        )
        .unwrap();
        assert_eq!(values[0].1, "FRAGOV");
        assert_eq!(values[2].1, "CHN");
        assert_eq!(done.len(), 2);
        assert!(done[0].to_string().contains("FRAGOV"), "{}", done[0]);
        let (values, _) = resolve(
            pairs(&[("dyad", "Macron:CHN"), ("from", "2016-01-01")]),
            Some(&Two),
        )
        .unwrap();
        assert_eq!(values[0].1, "FRAELI:CHN");
    }

    #[test]
    fn unknown_names_say_so_and_offer_codes() {
        let e = resolve(pairs(&[("actor", "Francia")]), Some(&Two)).unwrap_err();
        assert_eq!(e.field, "actor");
        assert!(
            e.reason
                .contains("no actor dictionary entry names \"Francia\""),
            "{e}"
        );
        assert!(e.reason.contains("FRA (France)"), "{e}");
        let e = resolve(pairs(&[("actor", "both")]), Some(&Two)).unwrap_err();
        assert!(e.reason.contains("names 2 actors"), "{e}");
        let e = resolve(pairs(&[("actor", "Macron")]), None).unwrap_err();
        assert!(e.reason.contains("not looked up here"), "{e}");
        let e = resolve(pairs(&[("country", "Chinaland")]), None).unwrap_err();
        assert_eq!(e.field, "country");
        assert!(e.reason.contains("CHN (China)"), "{e}");
    }
}
