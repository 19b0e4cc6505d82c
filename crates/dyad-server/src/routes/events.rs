//! `GET /api/events`: a page of events (every filter of `dyad query`, an order, cursor
//! pagination, the total the filter selects and the names it resolved) and
//! `GET /api/events/{id}`: one event with its reports, evidence spans and articles.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, Cursor, EventDetail};
use dyad_store::names::Resolution;
use dyad_store::{page, EventRow};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::params::{Params, PathId};
use crate::AppState;

/// Events per page when `limit` is not given.
pub const DEFAULT_PAGE: usize = 50;
/// The largest page.
pub const MAX_PAGE: usize = 500;

#[derive(Serialize)]
pub struct Page {
    pub events: Vec<EventRow>,
    /// Pass as `cursor` (with the same `sort`) for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// Whether the page stopped at the bound of its read before it was full (a page of a
    /// common word and a rare field, say): it holds every event up to `next_cursor`, and the
    /// next page goes on from there (it may hold more). A search engine's page without an
    /// exact total, rather than a read of every report of the word.
    pub partial: bool,
    /// Every event the filter selects, on all pages (given with the first page; null on the
    /// pages after a cursor, whose total the first page gave), or at least that many when
    /// `total_is_lower_bound`.
    pub total: Option<i64>,
    /// Whether `total` is a lower bound: the filter reads what no rollup keeps (evidence
    /// words, issues, tone…) and selects so many events that counting them all would read most
    /// of the store, so the count stopped at that many.
    pub total_is_lower_bound: bool,
    /// The order of the pages (`date`, `-date`, `goldstein`, … ).
    pub sort: String,
    /// Names given for codes and the codes they were read as.
    pub resolved: Vec<Resolution>,
}

pub async fn list(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> ApiResult<Json<Page>> {
    let p = Params::parse(q.as_deref(), &["limit", "cursor", "sort"], true)?;
    let (filter, resolved) = p.resolved_filter(st.names())?;
    let sort = filter.sort;
    let limit = p.number("limit", DEFAULT_PAGE, 1, MAX_PAGE)?;
    let cursor = p
        .one("cursor")?
        .map(|c| {
            Cursor::decode(c, sort).ok_or_else(|| {
                ApiError::bad(
                    "cursor",
                    "cursor: not a cursor this API gave for this sort (KEY~ID)",
                )
            })
        })
        .transpose()?;
    // the total only with the first page: later pages keep the one it gave
    let (page, total) = st
        .db
        .read(move |c| match cursor {
            None => {
                let (page, total) = page::first(c, &filter, limit)?;
                Ok((page, Some(total)))
            }
            Some(cursor) => Ok((page::page(c, &filter, Some(&cursor), limit)?, None)),
        })
        .await?;
    Ok(Json(Page {
        events: page.events,
        next_cursor: page.next.map(|c| c.encode()),
        partial: page.partial,
        total: total.map(|t| t.events),
        total_is_lower_bound: total.is_some_and(|t| t.lower_bound),
        sort: sort.name(),
        resolved,
    }))
}

pub async fn one(
    State(st): State<Arc<AppState>>,
    PathId(id): PathId,
) -> ApiResult<Json<EventDetail>> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad("id", format!("id: {id:?} is not an event id (a number)")))?;
    st.db
        .read(move |c| explore::event(c, id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event {id}")))
}
