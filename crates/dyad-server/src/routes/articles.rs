//! `GET /api/articles/{id}`: an article with its text, every coded span and its quotations.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, ArticleView};

use crate::error::{ApiError, ApiResult};
use crate::params::{path_id, Params};
use crate::AppState;

pub async fn one(
    State(st): State<Arc<AppState>>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<ArticleView>> {
    let id = path_id(id)?;
    Params::parse(q.as_deref(), &[], false)?;
    if id.is_empty() || id.chars().count() > 1000 {
        return Err(ApiError::bad("id", "id: 1 to 1000 characters"));
    }
    let shown = id.clone();
    st.db
        .read(move |c| explore::article(c, &id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no article {shown:?}")))
}
