//! `GET /api/network`: the actor network of the selected events — nodes and directed edges
//! weighted by event count, with quad classes and Goldstein — for a period.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, Level, Network};

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

pub async fn network(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Network>> {
    let p = Params::parse(q.as_deref(), &["level", "edges", "exact"], true)?;
    let filter = p.aggregation_filter(st.names())?;
    let level = match p.one("level")? {
        None | Some("country") => Level::Country,
        Some("actor") => Level::Actor,
        Some(v) => {
            return Err(ApiError::bad(
                "level",
                format!("level: {v:?} is not actor or country"),
            ))
        }
    };
    let edges = p.number("edges", 100, 1, 1000)?;
    Ok(Json(
        st.db
            .read(move |c| explore::network(c, &filter, level, edges))
            .await?,
    ))
}
