//! `GET /api/events`: a page of events (every filter of `dyad query`, cursor pagination) and
//! `GET /api/events/{id}`: one event with its reports, evidence spans and articles.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, Cursor, EventDetail};
use dyad_store::EventRow;
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::params::{path_id, Params};
use crate::AppState;

/// Events per page when `limit` is not given.
pub const DEFAULT_PAGE: usize = 50;
/// The largest page.
pub const MAX_PAGE: usize = 500;

#[derive(Serialize)]
pub struct Page {
    pub events: Vec<EventRow>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

pub async fn list(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> ApiResult<Json<Page>> {
    let p = Params::parse(q.as_deref(), &["limit", "cursor"], true)?;
    let filter = p.filter()?;
    let limit = p.number("limit", DEFAULT_PAGE, 1, MAX_PAGE)?;
    let cursor = p
        .one("cursor")?
        .map(|c| {
            Cursor::decode(c).ok_or_else(|| {
                ApiError::bad("cursor", "cursor: not a cursor this API gave (DATE~ID)")
            })
        })
        .transpose()?;
    let mut events = st
        .db
        .read(move |c| explore::events_page(c, &filter, cursor.as_ref(), limit + 1))
        .await?;
    let next_cursor = if events.len() > limit {
        events.truncate(limit);
        events.last().map(|e| Cursor::after(e).encode())
    } else {
        None
    };
    Ok(Json(Page {
        events,
        next_cursor,
    }))
}

pub async fn one(
    State(st): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<EventDetail>> {
    let id = path_id(id)?;
    Params::parse(q.as_deref(), &[], false)?;
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad("id", format!("id: {id:?} is not an event id (a number)")))?;
    st.db
        .read(move |c| explore::event(c, id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event {id}")))
}
