//! `GET /api/series`: the selected events per day, week or month — counts by quad class,
//! Goldstein sum and mean — for a dyad (`dyad=SRC:TGT`, or `actor=A&actor=B` for both
//! directions) or an actor, on a continuous axis: every period from `from` (else the first
//! dated event) to `to` (else the last), empty ones as zeros; `by=auto` fits the period to
//! the span; `undated` counts the selected events no axis can place.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::timeline::{timeline, Timeline};
use dyad_store::Period;

use crate::error::ApiResult;
use crate::params::Params;
use crate::AppState;

/// The most points a series may have.
pub const MAX_POINTS: usize = 10_000;

pub async fn series(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Timeline>> {
    let p = Params::parse(q.as_deref(), &["by", "exact"], true)?;
    let filter = p.aggregation_filter(st.names())?;
    let by = p.period_or_auto(Some(Period::Month))?;
    Ok(Json(
        st.db
            .read(move |c| timeline(c, &filter, by, MAX_POINTS))
            .await?,
    ))
}
