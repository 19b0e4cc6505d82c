//! `GET /api/filter`: the filter parameters as the API reads them — names resolved to codes,
//! every value checked (a 400 naming the field otherwise) — with the events it selects and
//! the undated ones among them. The dashboard asks it first, so that one message says what is
//! wrong with a choice, and it shows what a name was read as.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::names::Resolution;
use dyad_store::query;
use serde::Serialize;

use crate::error::ApiResult;
use crate::params::Params;
use crate::AppState;

/// The filter as read.
#[derive(Serialize)]
pub struct Read {
    /// The parameters with names replaced by codes, as every route reads them.
    pub params: Vec<(String, String)>,
    pub resolved: Vec<Resolution>,
    /// Events the filter selects.
    pub events: i64,
    /// Of those the filter would select but for the dates, how many have no date.
    pub undated: i64,
    /// The order asked for.
    pub sort: String,
}

pub async fn filter(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Read>> {
    let p = Params::parse(q.as_deref(), &["sort"], true)?;
    let (filter, resolved, params) = p.read_filter(st.names())?;
    let sort = filter.sort.name();
    let (events, undated) = st
        .db
        .read(move |c| Ok((query::count(c, &filter)?, query::undated(c, &filter)?)))
        .await?;
    Ok(Json(Read {
        params,
        resolved,
        events,
        undated,
        sort,
    }))
}
