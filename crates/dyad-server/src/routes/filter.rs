//! `GET /api/filter`: the filter parameters as the API reads them — names resolved to codes,
//! every value checked — with the events it selects and the undated ones it leaves out. A
//! value refused is the answer, not a failure: `valid: false` with the error and its field
//! (a 200; an unknown parameter is still a 400). The dashboard asks it first, so that one
//! message says what is wrong with a choice before any panel asks, and it shows what a name
//! was read as.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::names::Resolution;
use dyad_store::{counted, page, query};
use serde::Serialize;

use crate::error::ApiResult;
use crate::params::Params;
use crate::AppState;

/// The filter as read.
#[derive(Serialize, Default)]
pub struct Read {
    /// Whether every value was taken; if not, `error` and `field` say which was not.
    pub valid: bool,
    pub error: Option<String>,
    pub field: Option<String>,
    /// The parameters with names replaced by codes, as every route reads them.
    pub params: Vec<(String, String)>,
    pub resolved: Vec<Resolution>,
    /// Events the filter selects, or at least that many when `events_is_lower_bound` (a
    /// count that would read most of the store stops there, as the first page's total does),
    /// or about that many when `sample` is given (a filter of evidence words, issues or tone
    /// whose every event's reports would take seconds to check: estimated from a sample of
    /// the events, as the aggregations are).
    pub events: i64,
    pub events_is_lower_bound: bool,
    /// The sample `events` was estimated from, if it was.
    pub sample: Option<counted::Sample>,
    /// Of those the filter would select but for the dates, how many have no date: estimated
    /// from `undated_sample` when it is given.
    pub undated: i64,
    pub undated_sample: Option<counted::Sample>,
    /// The order asked for.
    pub sort: String,
}

pub async fn filter(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Read>> {
    let p = Params::parse(q.as_deref(), &["sort"], true)?;
    let (filter, resolved, params) = match p.read_filter(st.names()) {
        Ok(read) => read,
        Err(e) => {
            return Ok(Json(Read {
                valid: false,
                error: Some(e.error),
                field: e.field,
                ..Read::default()
            }))
        }
    };
    // a count, not a listing: it may stop at "at least" or be estimated, and says so
    let filter = dyad_store::Filter {
        bounded: true,
        ..filter
    };
    let sort = filter.sort.name();
    let ((total, sample), (undated, undated_sample)) = st
        .db
        .read(move |c| {
            Ok((
                page::total(c, &filter)?,
                query::undated_sampled(c, &filter)?,
            ))
        })
        .await?;
    Ok(Json(Read {
        valid: true,
        error: None,
        field: None,
        params,
        resolved,
        events: total.events,
        events_is_lower_bound: total.lower_bound,
        sample,
        undated,
        undated_sample,
        sort,
    }))
}
