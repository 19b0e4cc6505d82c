//! `GET /api/actors?q=…`: actor codes found by code prefix or by the words coded with them.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, ActorHit};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

#[derive(Serialize)]
pub struct Actors {
    pub actors: Vec<ActorHit>,
}

pub async fn search(
    State(st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Actors>> {
    let p = Params::parse(q.as_deref(), &["q", "limit"], false)?;
    let Some(query) = p.one("q")?.map(|s| s.trim().to_string()) else {
        return Err(ApiError::bad(
            "q",
            "q: give a name or an actor code to search for",
        ));
    };
    if query.chars().count() < 2 || query.chars().count() > 100 {
        return Err(ApiError::bad("q", "q: 2 to 100 characters"));
    }
    let limit = p.number("limit", 20, 1, 100)?;
    let actors = st
        .db
        .read(move |c| explore::actors(c, &query, limit))
        .await?;
    Ok(Json(Actors { actors }))
}
