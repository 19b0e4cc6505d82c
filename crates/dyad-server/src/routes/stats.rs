//! `GET /api/stats`: summary statistics of the whole database.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, Stats};

use crate::error::ApiResult;
use crate::params::Params;
use crate::AppState;

pub async fn stats(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Stats>> {
    Params::parse(q.as_deref(), &[], false)?;
    Ok(Json(st.db.read(explore::stats).await?))
}
