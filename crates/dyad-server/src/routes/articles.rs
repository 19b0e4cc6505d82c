//! `GET /api/articles/{id}`: an article with its text, every coded span and its quotations.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::Json;
use dyad_store::explore::{self, ArticleView};

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

pub async fn one(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<ArticleView>> {
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
