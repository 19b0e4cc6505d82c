//! `GET /api/series`: the selected events per day, week or month — counts by quad class,
//! Goldstein sum and mean — for a dyad (`dyad=SRC:TGT`, or `actor=A&actor=B` for both
//! directions) or an actor.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, SeriesPoint};
use dyad_store::Period;
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

/// The most points a series may have.
pub const MAX_POINTS: usize = 10_000;

#[derive(Serialize)]
pub struct Series {
    pub by: &'static str,
    pub points: Vec<SeriesPoint>,
}

pub async fn series(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Series>> {
    let p = Params::parse(q.as_deref(), &["by"], true)?;
    let filter = p.period_filter()?;
    let by = p.period(Period::Month)?;
    let points = st.db.read(move |c| explore::series(c, &filter, by)).await?;
    if points.len() > MAX_POINTS {
        return Err(ApiError::bad(
            "by",
            format!("more than {MAX_POINTS} periods: narrow from..to or count by a longer period"),
        ));
    }
    let by = match by {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    };
    Ok(Json(Series { by, points }))
}
