//! `GET /api/codes`: the CAMEO event codes with their labels, Goldstein scores and quad
//! classes (for the dashboard to label `0871` as what it is), and, for each `actor` given,
//! what its code's units name (`FRAGOV` → "France · Government").

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_dict::cameo::CameoTable;
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

#[derive(Serialize)]
pub struct EventCode {
    pub code: String,
    pub label: String,
    pub goldstein: f64,
    pub quad_class: u8,
}

#[derive(Serialize)]
pub struct Codes {
    pub events: Vec<EventCode>,
    /// Each actor code asked for → its label (empty when no CAMEO list knows its units).
    pub actors: BTreeMap<String, String>,
}

/// The most actor codes one request may ask to label.
pub const MAX_ACTORS: usize = 200;

pub async fn codes(
    State(_st): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Codes>> {
    let p = Params::parse(q.as_deref(), &["actor"], false)?;
    let asked = p.all("actor");
    if asked.len() > MAX_ACTORS {
        return Err(ApiError::bad(
            "actor",
            format!("actor: at most {MAX_ACTORS} codes"),
        ));
    }
    let mut actors = BTreeMap::new();
    for a in asked {
        let code = dyad_store::filter::actor_code("actor", a)
            .map_err(|e| ApiError::bad(&e.field, e.to_string()))?;
        let label = dyad_store::actor::label(&code);
        actors.insert(code, label);
    }
    let events = CameoTable::bundled()
        .event_codes()
        .map(|e| EventCode {
            code: e.code.clone(),
            label: e.label.clone(),
            goldstein: e.goldstein,
            quad_class: e.quad_class,
        })
        .collect();
    Ok(Json(Codes { events, actors }))
}
