//! The event filter as people give it: named text values — a query string's parameters,
//! the command line's flags — parsed and checked in one place, so that `dyad query`,
//! `dyad export` and the API take and refuse the same values with the same messages.
//!
//! Fields go by the API's names ([`FIELDS`]); the command line's flags are the same names
//! with `--` and `-` for `_` ([`FieldError::as_flag`]). An empty value counts as absent;
//! only `actor` may be given more than once.

use chrono::NaiveDate;

use crate::StoreError;

/// Which events to take. Every field narrows the selection; the default takes every event
/// that is not negated.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An actor code or code prefix on either side (`USA` matches `USAGOV` as source or target).
    pub actor: Vec<String>,
    /// Source code or prefix.
    pub source: Option<String>,
    /// Target code or prefix.
    pub target: Option<String>,
    /// CAMEO event code or prefix (`04` takes 040–046 and their sub-codes).
    pub code: Option<String>,
    /// CAMEO root (two digits).
    pub root: Option<String>,
    pub quad_class: Option<u8>,
    /// First and last event date, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Country (ISO 3166 alpha-3) of the event's place.
    pub country: Option<String>,
    /// Words that must all appear in the evidence of one of the event's reports (case
    /// ignored for ASCII letters).
    pub words: Vec<String>,
    /// The event's tone (its first report's article's, GDELT's AvgTone) below or above these,
    /// exclusive; an event whose tone is not known is left out by either.
    /// An issue (theme, a Phoenix issue code such as `REFUGEES`) one of the event's reports'
    /// sentences names.
    pub issue: Option<String>,
    /// Events first stored after this time (DATEADDED, YYYYMMDDHHMMSS, UTC): what a live
    /// view has not seen yet.
    pub since: Option<String>,
    pub tone_below: Option<f64>,
    pub tone_above: Option<f64>,
    /// Take negated events too ("did not meet"), which never happened.
    pub with_negated: bool,
    /// Only events with a date (what a time series or GDELT's SQLDATE can place).
    pub dated: bool,
    /// An aggregation (series, network, map, `--by`) may answer from a sample of the events
    /// when counting every one would take seconds; its answer then says so (see
    /// [`crate::counted::Sample`]). False: always count every event.
    pub bounded: bool,
    /// The order of a listing (events, exports); aggregations ignore it.
    pub sort: Sort,
    pub limit: Option<usize>,
}

/// The order events are listed in: by date, Goldstein score or number of reports, each
/// ascending or descending (`-date`: newest first); ties by event id in the same direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// What events are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The event date (undated events sort before every date).
    #[default]
    Date,
    Goldstein,
    /// NumMentions.
    Reports,
}

/// The names `sort` takes.
pub const SORTS: &[&str] = &[
    "date",
    "-date",
    "goldstein",
    "-goldstein",
    "reports",
    "-reports",
];

impl Sort {
    /// The name `sort` takes for this order (`-date`).
    pub fn name(self) -> String {
        let key = match self.key {
            SortKey::Date => "date",
            SortKey::Goldstein => "goldstein",
            SortKey::Reports => "reports",
        };
        format!("{}{key}", if self.descending { "-" } else { "" })
    }
}

/// An order: `date`, `goldstein` or `reports`, `-` before it for descending.
pub fn sort(field: &str, value: &str) -> Result<Sort, FieldError> {
    let v = value.trim();
    let (descending, key) = match v.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, v),
    };
    let key = match key {
        "date" => SortKey::Date,
        "goldstein" => SortKey::Goldstein,
        "reports" => SortKey::Reports,
        _ => {
            return Err(FieldError::new(
                field,
                format!("{value:?} is not an order ({})", SORTS.join(", ")),
            ))
        }
    };
    Ok(Sort { key, descending })
}

/// The period of an aggregation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    /// YYYY-MM.
    Month,
}

impl std::str::FromStr for Period {
    type Err = FieldError;
    /// `day`, `week` or `month` (see [`period`]).
    fn from_str(s: &str) -> Result<Period, FieldError> {
        period("by", s)
    }
}

/// The fields of a filter, by name.
pub const FIELDS: &[&str] = &[
    "actor",
    "source",
    "target",
    "dyad",
    "code",
    "root",
    "quad",
    "from",
    "to",
    "country",
    "text",
    "issue",
    "since",
    "tone_below",
    "tone_above",
    "with_negated",
];

/// The most `actor` values one filter takes.
pub const MAX_ACTORS: usize = 4;
/// The most words `text` takes, and the longest word (characters).
pub const MAX_WORDS: usize = 8;
pub const MAX_WORD_CHARS: usize = 100;

/// A value refused: the field at fault and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldError {
    /// The field's name (`from`, `with_negated`).
    pub field: String,
    /// What is wrong with its value (`"2025-13-01" is not a date (YYYY-MM-DD)`).
    pub reason: String,
}

impl FieldError {
    pub fn new(field: &str, reason: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// The field as the command line names it: `with_negated` → `--with-negated`.
    pub fn flag(&self) -> String {
        format!("--{}", self.field.replace('_', "-"))
    }

    /// The message with the field named as a flag (`--from: "2025-13-01" is not a date …`).
    pub fn as_flag(&self) -> String {
        format!("{}: {}", self.flag(), self.reason)
    }
}

impl From<FieldError> for StoreError {
    fn from(e: FieldError) -> StoreError {
        StoreError::Field(e)
    }
}

/// An actor code or prefix: letters and `-` only, at most 60 characters; upper-cased.
pub fn actor_code(field: &str, code: &str) -> Result<String, FieldError> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() || c.len() > 60 || !c.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '-') {
        return Err(FieldError::new(
            field,
            format!("{code:?} is not a CAMEO actor code or prefix (letters, e.g. USA or USAGOV)"),
        ));
    }
    Ok(c)
}

/// A CAMEO event code or prefix: 1 to 4 digits.
pub fn event_code(field: &str, code: &str) -> Result<String, FieldError> {
    let c = code.trim();
    if !(1..=4).contains(&c.len()) || !c.chars().all(|ch| ch.is_ascii_digit()) {
        return Err(FieldError::new(
            field,
            format!("{code:?} is not a CAMEO event code (digits, e.g. 04 or 0431)"),
        ));
    }
    Ok(c.to_string())
}

/// A CAMEO root: two digits, 01 to 20.
pub fn root(field: &str, value: &str) -> Result<String, FieldError> {
    let r = value.trim();
    let n: Option<u8> = r.parse().ok();
    if r.len() != 2 || !r.chars().all(|c| c.is_ascii_digit()) || !matches!(n, Some(1..=20)) {
        return Err(FieldError::new(
            field,
            format!("{value:?} is not a CAMEO root (two digits, 01 to 20)"),
        ));
    }
    Ok(r.to_string())
}

/// A quad class, 1 to 4.
pub fn quad_class(field: &str, value: &str) -> Result<u8, FieldError> {
    match value.trim().parse::<u8>() {
        Ok(q @ 1..=4) => Ok(q),
        _ => Err(FieldError::new(
            field,
            format!("{value:?} is not a quad class (1 to 4)"),
        )),
    }
}

/// A date, YYYY-MM-DD.
pub fn date(field: &str, value: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, format!("{value:?} is not a date (YYYY-MM-DD)")))
}

/// A country, ISO 3166 alpha-3; upper-cased.
pub fn country(field: &str, value: &str) -> Result<String, FieldError> {
    let c = value.trim().to_ascii_uppercase();
    if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        Ok(c)
    } else {
        Err(FieldError::new(
            field,
            format!("{value:?} is not an ISO 3166 alpha-3 code (e.g. CHN)"),
        ))
    }
}

/// Words that must all appear in one report's evidence: at most [`MAX_WORDS`] of at most
/// [`MAX_WORD_CHARS`] characters.
pub fn words(field: &str, value: &str) -> Result<Vec<String>, FieldError> {
    let words: Vec<String> = value.split_whitespace().map(str::to_string).collect();
    if words.len() > MAX_WORDS || words.iter().any(|w| w.chars().count() > MAX_WORD_CHARS) {
        return Err(FieldError::new(
            field,
            format!("at most {MAX_WORDS} words of at most {MAX_WORD_CHARS} characters"),
        ));
    }
    Ok(words)
}

/// An issue code: letters, digits, `_` and `-`, at most 60 characters; upper-cased.
pub fn issue(field: &str, value: &str) -> Result<String, FieldError> {
    let c = value.trim().to_ascii_uppercase();
    if c.is_empty()
        || c.len() > 60
        || !c
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-')
    {
        return Err(FieldError::new(
            field,
            format!("{value:?} is not an issue code (e.g. REFUGEES or PEACEKEEPERS)"),
        ));
    }
    Ok(c)
}

/// A time as DATEADDED writes it: YYYYMMDDHHMMSS, fourteen digits.
pub fn stamp(field: &str, value: &str) -> Result<String, FieldError> {
    let s = value.trim();
    if s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err(FieldError::new(
            field,
            format!("{value:?} is not a time YYYYMMDDHHMMSS (e.g. 20251204093000)"),
        ))
    }
}

/// A tone, a number from -100 to 100.
pub fn tone(field: &str, value: &str) -> Result<f64, FieldError> {
    match value.trim().parse::<f64>() {
        Ok(t) if (-100.0..=100.0).contains(&t) => Ok(t),
        _ => Err(FieldError::new(
            field,
            format!("{value:?} is not a tone (a number from -100 to 100)"),
        )),
    }
}

/// `true`/`1`/`yes` or `false`/`0`/`no`.
pub fn flag(field: &str, value: &str) -> Result<bool, FieldError> {
    match value.trim() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(FieldError::new(
            field,
            format!("{value:?} is not true or false"),
        )),
    }
}

/// A whole number in `min..=max` (a limit, a page size); `usize::MAX` for no upper bound.
pub fn number(field: &str, value: &str, min: usize, max: usize) -> Result<usize, FieldError> {
    match value.trim().parse::<usize>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ if max == usize::MAX => Err(FieldError::new(
            field,
            format!("{value:?} is not a whole number of at least {min}"),
        )),
        _ => Err(FieldError::new(
            field,
            format!("{value:?} is not a whole number from {min} to {max}"),
        )),
    }
}

/// A period: day, week or month.
pub fn period(field: &str, value: &str) -> Result<Period, FieldError> {
    match value.trim() {
        "day" => Ok(Period::Day),
        "week" => Ok(Period::Week),
        "month" => Ok(Period::Month),
        _ => Err(FieldError::new(
            field,
            format!("{value:?} is not a period (day, week or month)"),
        )),
    }
}

impl Period {
    /// The period's name as `by` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The period that draws `days` days as a readable number of bars (at most about 120
    /// days, 160 weeks, then months).
    pub fn to_fit(days: i64) -> Period {
        if days <= 120 {
            Period::Day
        } else if days <= 7 * 160 {
            Period::Week
        } else {
            Period::Month
        }
    }
}

/// The filter of named values, in the order given (`("actor", "FRA")`, `("from",
/// "2025-12-01")`…), every value checked: a name outside [`FIELDS`], a field other than
/// `actor` given twice, or a bad value is an error naming the field. The filter has no
/// limit; each caller bounds its own.
pub fn parse_filter<'a>(
    values: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Filter, FieldError> {
    let mut given: Vec<(&str, &str)> = Vec::new();
    for (name, value) in values {
        if !FIELDS.contains(&name) {
            return Err(FieldError::new(name, "not a filter field"));
        }
        if value.trim().is_empty() {
            continue;
        }
        if name != "actor" && given.iter().any(|(n, _)| *n == name) {
            return Err(FieldError::new(name, "given more than once"));
        }
        given.push((name, value));
    }
    let one = |name: &str| given.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut source = one("source").map(|v| actor_code("source", v)).transpose()?;
    let mut target = one("target").map(|v| actor_code("target", v)).transpose()?;
    if let Some(d) = one("dyad") {
        let Some((s, t)) = d.split_once(':') else {
            return Err(FieldError::new(
                "dyad",
                format!("{d:?} is not SOURCE:TARGET (e.g. FRA:CHN)"),
            ));
        };
        if source.is_some() || target.is_some() {
            return Err(FieldError::new(
                "dyad",
                "cannot be combined with source or target",
            ));
        }
        source = Some(actor_code("dyad", s)?);
        target = Some(actor_code("dyad", t)?);
    }
    let actor = given
        .iter()
        .filter(|(n, _)| *n == "actor")
        .map(|(_, v)| actor_code("actor", v))
        .collect::<Result<Vec<_>, _>>()?;
    if actor.len() > MAX_ACTORS {
        return Err(FieldError::new(
            "actor",
            format!("at most {MAX_ACTORS} actors"),
        ));
    }
    let from = one("from").map(|v| date("from", v)).transpose()?;
    let to = one("to").map(|v| date("to", v)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(FieldError::new("to", format!("{t} is before from {f}")));
        }
    }
    Ok(Filter {
        actor,
        source,
        target,
        code: one("code").map(|v| event_code("code", v)).transpose()?,
        root: one("root").map(|v| root("root", v)).transpose()?,
        quad_class: one("quad").map(|v| quad_class("quad", v)).transpose()?,
        from,
        to,
        country: one("country").map(|v| country("country", v)).transpose()?,
        words: one("text")
            .map(|v| words("text", v))
            .transpose()?
            .unwrap_or_default(),
        issue: one("issue").map(|v| issue("issue", v)).transpose()?,
        since: one("since").map(|v| stamp("since", v)).transpose()?,
        tone_below: one("tone_below")
            .map(|v| tone("tone_below", v))
            .transpose()?,
        tone_above: one("tone_above")
            .map(|v| tone("tone_above", v))
            .transpose()?,
        with_negated: one("with_negated")
            .map(|v| flag("with_negated", v))
            .transpose()?
            .unwrap_or(false),
        dated: false,
        bounded: false,
        sort: Sort::default(),
        limit: None,
    })
}

/// The strings that bound every string starting with `prefix` (checked ASCII, non-empty):
/// `prefix` ≤ s < `prefix` with its last character incremented.
pub(crate) fn prefix_range(prefix: &str) -> (String, String) {
    let mut hi = prefix.to_string();
    match hi.pop() {
        Some(last) => hi.push(char::from(last as u8 + 1)),
        None => hi.push('\u{10FFFF}'),
    }
    (prefix.to_string(), hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(values: &[(&str, &str)]) -> String {
        parse_filter(values.iter().copied()).unwrap_err().field
    }

    #[test]
    fn good_values_make_the_filter() {
        let f = parse_filter([
            ("actor", "usa"),
            ("actor", "FRA"),
            ("dyad", "FRA:chn"),
            ("code", "04"),
            ("root", "04"),
            ("quad", "1"),
            ("from", "2025-12-01"),
            ("to", "2025-12-31"),
            ("country", "chn"),
            ("text", "met  with"),
            ("with_negated", "yes"),
            ("source", ""),
        ])
        .unwrap();
        assert_eq!(f.actor, ["USA", "FRA"]);
        assert_eq!(f.source.as_deref(), Some("FRA"));
        assert_eq!(f.target.as_deref(), Some("CHN"));
        assert_eq!(f.country.as_deref(), Some("CHN"));
        assert_eq!(f.words, ["met", "with"]);
        assert_eq!(f.quad_class, Some(1));
        assert!(f.with_negated);
    }

    #[test]
    fn bad_values_name_their_field() {
        for (values, field) in [
            (&[("from", "2025-13-01")][..], "from"),
            (&[("from", "2025-12-05"), ("to", "2025-12-01")], "to"),
            (&[("quad", "5")], "quad"),
            (&[("quad", "x")], "quad"),
            (&[("root", "4")], "root"),
            (&[("root", "99")], "root"),
            (&[("code", "04x")], "code"),
            (&[("actor", "U$A")], "actor"),
            (&[("source", "1")], "source"),
            (&[("dyad", "FRA")], "dyad"),
            (&[("dyad", "FRA:CHN"), ("source", "FRA")], "dyad"),
            (&[("country", "China")], "country"),
            (&[("with_negated", "maybe")], "with_negated"),
            (&[("code", "04"), ("code", "05")], "code"),
            (&[("text", "a b c d e f g h i")], "text"),
            (&[("sort", "date")], "sort"),
        ] {
            assert_eq!(field_of(values), field, "{values:?}");
        }
        let five = [("actor", "A"); 5];
        assert_eq!(field_of(&five), "actor");
    }

    #[test]
    fn messages_name_the_field_as_the_api_or_the_command_line_does() {
        let e = parse_filter([("with_negated", "maybe")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "with_negated: \"maybe\" is not true or false"
        );
        assert_eq!(
            e.as_flag(),
            "--with-negated: \"maybe\" is not true or false"
        );
        assert!(number("limit", "0", 1, usize::MAX).is_err());
        assert_eq!(number("limit", " 7", 1, 500), Ok(7));
        assert_eq!(period("by", "week"), Ok(Period::Week));
    }

    #[test]
    fn orders_and_fitted_periods() {
        let s = sort("sort", "-goldstein").unwrap();
        assert_eq!((s.key, s.descending), (SortKey::Goldstein, true));
        assert_eq!(s.name(), "-goldstein");
        assert_eq!(sort("sort", "reports").unwrap().name(), "reports");
        let e = sort("sort", "newest").unwrap_err();
        assert_eq!(e.field, "sort");
        assert!(e.reason.contains("-date"), "{e}");
        assert_eq!(Period::to_fit(30), Period::Day);
        assert_eq!(Period::to_fit(400), Period::Week);
        assert_eq!(Period::to_fit(25 * 365), Period::Month);
    }
}
