//! Query-string parameters: parsed by hand so that a repeated parameter (`actor=FRA&actor=CHN`)
//! is kept, an unknown one is refused, and every bad value gets a 400 naming its field. The
//! event filter's values are checked by [`dyad_store::filter`], as `dyad query`'s flags are.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use dyad_store::filter::{self, parse_filter, FieldError};
use dyad_store::names::{self, ActorNames, Resolution};
use dyad_store::{Filter, Period};

use crate::error::{ApiError, ApiResult};

/// The `{id}` of a path, percent-decoded, of a route that takes no query parameters
/// (`/api/events/{id}`, `/api/articles/{id}`), as an extractor: a 400 naming `id` when it does
/// not decode to UTF-8 text (`/api/articles/%FF`), where axum would answer in plain text, and
/// one naming any query parameter given.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<PathId> {
        let id = match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => id,
            Err(e) => {
                return Err(ApiError::bad(
                    "id",
                    format!("id: not percent-encoded UTF-8 text ({})", e.body_text()),
                ))
            }
        };
        Params::parse(parts.uri.query(), &[], false)?;
        Ok(PathId(id))
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

    /// Every value of a parameter that may repeat (empty ones left out).
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

    /// `by`: day, week or month, or `auto` (None: the period that fits the span).
    pub fn period_or_auto(&self, default: Option<Period>) -> ApiResult<Option<Period>> {
        match self.one("by")? {
            None => Ok(default),
            Some("auto") => Ok(None),
            Some(v) => filter::period("by", v).map(Some).map_err(refused),
        }
    }

    /// The event filter (the parameters of `dyad query`), its names resolved to codes
    /// through `names` ([`dyad_store::names`]), then parsed and checked by
    /// [`dyad_store::filter`] as the command line's flags are; with what was resolved.
    /// `sort`, where the route takes it, orders the listing.
    pub fn resolved_filter(
        &self,
        names: Option<&dyn ActorNames>,
    ) -> ApiResult<(Filter, Vec<Resolution>)> {
        let (f, resolved, _) = self.read_filter(names)?;
        Ok((f, resolved))
    }

    /// [`Params::resolved_filter`], and the filter's parameters (those given, not empty) with
    /// names replaced by codes.
    pub fn read_filter(
        &self,
        names: Option<&dyn ActorNames>,
    ) -> ApiResult<(Filter, Vec<Resolution>, names::Values)> {
        let values: Vec<(String, String)> = self
            .pairs
            .iter()
            .filter(|(k, v)| FILTER_PARAMS.contains(&k.as_str()) && !v.trim().is_empty())
            .cloned()
            .collect();
        let (values, resolved) = names::resolve(values, names).map_err(refused)?;
        let mut f =
            parse_filter(values.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(refused)?;
        if let Some(v) = self.one("sort")? {
            f.sort = filter::sort("sort", v).map_err(refused)?;
        }
        Ok((f, resolved, values))
    }

    /// The event filter, as [`Params::resolved_filter`] gives it.
    pub fn filter(&self, names: Option<&dyn ActorNames>) -> ApiResult<Filter> {
        Ok(self.resolved_filter(names)?.0)
    }

    /// The event filter of an aggregation (series, network, map): it may be counted from a
    /// sample of the events when counting every one would take seconds, and says so, unless
    /// `exact=true` asks for every event (which may then take until the API's timeout).
    pub fn aggregation_filter(&self, names: Option<&dyn ActorNames>) -> ApiResult<Filter> {
        let mut f = self.filter(names)?;
        let exact = match self.one("exact")? {
            None => false,
            Some(v) => filter::flag("exact", v).map_err(refused)?,
        };
        f.bounded = !exact;
        Ok(f)
    }
}
