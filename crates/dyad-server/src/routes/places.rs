//! `GET /api/places`: where the selected events happened, one point per place (for the map).

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::counted::Sample;
use dyad_store::explore::{self, Place};
use serde::Serialize;

use crate::error::ApiResult;
use crate::params::Params;
use crate::AppState;

#[derive(Serialize)]
pub struct Places {
    pub places: Vec<Place>,
    /// The sample the places were counted from, when they were (counts scaled to the whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<Sample>,
}

pub async fn places(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Places>> {
    let p = Params::parse(q.as_deref(), &["limit", "exact"], true)?;
    let filter = p.aggregation_filter(st.names())?;
    let limit = p.number("limit", 500, 1, 2000)?;
    let (places, sample) = st
        .db
        .read(move |c| explore::places_sampled(c, &filter, limit))
        .await?;
    Ok(Json(Places { places, sample }))
}
