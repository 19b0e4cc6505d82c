//! `GET /api/articles/{id}`: an article with its text, every coded span and its quotations.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use dyad_store::explore::{self, ArticleView};

use crate::error::{ApiError, ApiResult};
use crate::params::PathId;
use crate::AppState;

pub async fn one(
    State(st): State<Arc<AppState>>,
    PathId(id): PathId,
) -> ApiResult<Json<ArticleView>> {
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
