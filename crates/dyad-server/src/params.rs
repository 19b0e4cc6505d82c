//! Query-string parameters: parsed by hand so that a repeated parameter (`actor=FRA&actor=CHN`)
//! is kept, an unknown one is refused, and every bad value gets a 400 naming its field.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use chrono::NaiveDate;
use dyad_store::query::{check_actor_code, check_event_code, parse_date};
use dyad_store::{Filter, Period};

use crate::error::{ApiError, ApiResult};

/// The longest span of dates `from`..`to` a series or network may cover.
pub const MAX_SPAN_DAYS: i64 = 20 * 366;

/// The `{id}` of a path, percent-decoded; a 400 naming `id` when it does not decode to UTF-8
/// text (`/api/articles/%FF`), where axum would answer in plain text.
pub fn path_id(id: Result<Path<String>, PathRejection>) -> ApiResult<String> {
    match id {
        Ok(Path(id)) => Ok(id),
        Err(e) => Err(ApiError::bad(
            "id",
            format!("id: not percent-encoded UTF-8 text ({})", e.body_text()),
        )),
    }
}

/// The parameters of one request.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// The filter parameters every event route takes (those of `dyad query`).
pub const FILTER_PARAMS: &[&str] = &[
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
    "with_negated",
];

impl Params {
    /// Parse a raw query string, refusing names outside `allowed` (and `FILTER_PARAMS` when
    /// `filters`).
    pub fn parse(raw: Option<&str>, allowed: &[&str], filters: bool) -> ApiResult<Params> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        for (k, _) in &pairs {
            let known =
                allowed.contains(&k.as_str()) || (filters && FILTER_PARAMS.contains(&k.as_str()));
            if !known {
                let mut names: Vec<&str> = allowed.to_vec();
                if filters {
                    names.extend_from_slice(FILTER_PARAMS);
                }
                return Err(ApiError::bad(
                    k,
                    format!(
                        "unknown parameter {k:?} (this route takes: {})",
                        names.join(", ")
                    ),
                ));
            }
        }
        Ok(Params { pairs })
    }

    /// The value of a parameter given once (given twice is an error); empty counts as absent.
    pub fn one(&self, name: &str) -> ApiResult<Option<&str>> {
        let mut it = self
            .pairs
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty());
        let first = it.next().map(|(_, v)| v.as_str());
        if it.next().is_some() {
            return Err(ApiError::bad(
                name,
                format!("{name} is given more than once"),
            ));
        }
        Ok(first)
    }

    /// Every value of a repeatable parameter.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A whole number in `min..=max`, else `default`.
    pub fn number(&self, name: &str, default: usize, min: usize, max: usize) -> ApiResult<usize> {
        match self.one(name)? {
            None => Ok(default),
            Some(v) => match v.trim().parse::<usize>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad(
                    name,
                    format!("{name}: {v:?} is not a whole number from {min} to {max}"),
                )),
            },
        }
    }

    /// `true`/`false`/`1`/`0`, else `default`.
    pub fn flag(&self, name: &str, default: bool) -> ApiResult<bool> {
        match self.one(name)? {
            None => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::bad(
                name,
                format!("{name}: {v:?} is not true or false"),
            )),
        }
    }

    pub fn date(&self, name: &str) -> ApiResult<Option<NaiveDate>> {
        self.one(name)?
            .map(|v| parse_date(name, v).map_err(|e| ApiError::bad(name, e.to_string())))
            .transpose()
    }

    /// `by`: day, week or month.
    pub fn period(&self, default: Period) -> ApiResult<Period> {
        match self.one("by")? {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| {
                ApiError::bad(
                    "by",
                    format!("by: {v:?} is not a period (day, week or month)"),
                )
            }),
        }
    }

    /// The event filter (the parameters of `dyad query`), every value checked.
    pub fn filter(&self) -> ApiResult<Filter> {
        let actor_code = |field: &str, v: &str| {
            check_actor_code(field, v).map_err(|e| ApiError::bad(field, e.to_string()))
        };
        let mut source = self
            .one("source")?
            .map(|v| actor_code("source", v))
            .transpose()?;
        let mut target = self
            .one("target")?
            .map(|v| actor_code("target", v))
            .transpose()?;
        if let Some(d) = self.one("dyad")? {
            let Some((s, t)) = d.split_once(':') else {
                return Err(ApiError::bad(
                    "dyad",
                    format!("dyad: {d:?} is not SOURCE:TARGET (e.g. FRA:CHN)"),
                ));
            };
            if source.is_some() || target.is_some() {
                return Err(ApiError::bad(
                    "dyad",
                    "dyad cannot be combined with source or target",
                ));
            }
            source = Some(actor_code("dyad", s)?);
            target = Some(actor_code("dyad", t)?);
        }
        let actor = self
            .all("actor")
            .into_iter()
            .map(|v| actor_code("actor", v))
            .collect::<ApiResult<Vec<_>>>()?;
        if actor.len() > 4 {
            return Err(ApiError::bad("actor", "at most four actor parameters"));
        }
        let code = self
            .one("code")?
            .map(|v| check_event_code("code", v).map_err(|e| ApiError::bad("code", e.to_string())))
            .transpose()?;
        let root = match self.one("root")? {
            None => None,
            Some(v) => {
                let r = v.trim();
                let n: Option<u8> = r.parse().ok();
                if r.len() != 2 || !matches!(n, Some(1..=20)) {
                    return Err(ApiError::bad(
                        "root",
                        format!("root: {v:?} is not a CAMEO root (two digits, 01 to 20)"),
                    ));
                }
                Some(r.to_string())
            }
        };
        let quad_class = match self.one("quad")? {
            None => None,
            Some(v) => match v.trim().parse::<u8>() {
                Ok(q @ 1..=4) => Some(q),
                _ => {
                    return Err(ApiError::bad(
                        "quad",
                        format!("quad: {v:?} is not a quad class (1 to 4)"),
                    ))
                }
            },
        };
        let from = self.date("from")?;
        let to = self.date("to")?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad("to", format!("to {t} is before from {f}")));
            }
        }
        let country = self
            .one("country")?
            .map(|v| {
                let c = v.trim().to_ascii_uppercase();
                if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                    Ok(c)
                } else {
                    Err(ApiError::bad(
                        "country",
                        format!("country: {v:?} is not an ISO 3166 alpha-3 code (e.g. CHN)"),
                    ))
                }
            })
            .transpose()?;
        let words: Vec<String> = self
            .one("text")?
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        if words.len() > 8 || words.iter().any(|w| w.chars().count() > 100) {
            return Err(ApiError::bad(
                "text",
                "text: at most eight words of at most 100 characters",
            ));
        }
        Ok(Filter {
            actor,
            source,
            target,
            code,
            root,
            quad_class,
            from,
            to,
            country,
            words,
            with_negated: self.flag("with_negated", false)?,
            limit: None,
        })
    }

    /// The filter of a series or network, whose `from`..`to` may span at most
    /// [`MAX_SPAN_DAYS`].
    pub fn period_filter(&self) -> ApiResult<Filter> {
        let f = self.filter()?;
        if let (Some(a), Some(b)) = (f.from, f.to) {
            if (b - a).num_days() > MAX_SPAN_DAYS {
                return Err(ApiError::bad(
                    "to",
                    format!("from..to spans more than {MAX_SPAN_DAYS} days; ask for less"),
                ));
            }
        }
        Ok(f)
    }
}
