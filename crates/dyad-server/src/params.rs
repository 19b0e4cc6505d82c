//! Query-string parameters: parsed by hand so that a repeated parameter (`actor=FRA&actor=CHN`)
//! is kept, an unknown one is refused, and every bad value gets a 400 naming its field. The
//! event filter's values are checked by [`dyad_store::filter`], as `dyad query`'s flags are.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use dyad_store::filter::{self, parse_filter, FieldError};
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
pub const FILTER_PARAMS: &[&str] = filter::FIELDS;

/// A refused value as the API's 400, naming its field.
fn refused(e: FieldError) -> ApiError {
    ApiError::bad(&e.field, e.to_string())
}

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
            return Err(refused(FieldError::new(name, "given more than once")));
        }
        Ok(first)
    }

    /// A whole number in `min..=max`, else `default`.
    pub fn number(&self, name: &str, default: usize, min: usize, max: usize) -> ApiResult<usize> {
        match self.one(name)? {
            None => Ok(default),
            Some(v) => filter::number(name, v, min, max).map_err(refused),
        }
    }

    /// `by`: day, week or month.
    pub fn period(&self, default: Period) -> ApiResult<Period> {
        match self.one("by")? {
            None => Ok(default),
            Some(v) => filter::period("by", v).map_err(refused),
        }
    }

    /// The event filter (the parameters of `dyad query`), parsed and checked by
    /// [`dyad_store::filter`] as the command line's flags are.
    pub fn filter(&self) -> ApiResult<Filter> {
        let values = self
            .pairs
            .iter()
            .filter(|(k, _)| FILTER_PARAMS.contains(&k.as_str()))
            .map(|(k, v)| (k.as_str(), v.as_str()));
        parse_filter(values).map_err(refused)
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
