//! `POST /api/articles`: code one article and store it (only when the server was started with
//! an ingest token). The request must carry `Authorization: Bearer TOKEN`; the body is one JSON
//! article as `dyad ingest` reads JSON Lines (`id`, `text`, optional `date`, `url`, `title`,
//! `source`), at most [`MAX_BODY`] bytes. The article is checked ([`dyad_store::record`]: an
//! id and text that are not blank) and cut to the coder's article size limit as `dyad ingest`
//! checks and cuts what it reads.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use dyad_store::ingest::now_stamp;
use dyad_store::ArticleInput;
use dyad_text::readers::jsonl::read_jsonl;
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// The largest article body accepted (1 MiB).
pub const MAX_BODY: usize = 1 << 20;

#[derive(Serialize)]
pub struct Ingested {
    pub id: String,
    /// `added`, `replaced` or `unchanged`.
    pub status: &'static str,
    /// Events coded in the article (reports, before merging).
    pub events: usize,
}

/// Equal strings, compared in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn ingest(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<Ingested>)> {
    let Some(ingest) = st.ingest.clone() else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "ingest is off (start dyad serve with --ingest-token)",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(t) if same(t.as_bytes(), ingest.token.as_bytes()) => {}
        _ => {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "a valid Authorization: Bearer token is required",
            ))
        }
    }
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the article is larger than {MAX_BODY} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| too_large())?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad("body", "the body is not UTF-8 text"))?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ApiError::bad("body", format!("the body is not JSON: {e}")))?;
    let Some(obj) = value.as_object() else {
        return Err(ApiError::bad("body", "the body must be one JSON object"));
    };
    for field in ["id", "text"] {
        if obj.get(field).is_none_or(|v| v.is_null()) {
            return Err(ApiError::bad(field, format!("{field} is required")));
        }
    }
    let line = serde_json::to_string(&value).map_err(ApiError::internal)?;
    let (mut docs, warnings) = read_jsonl(&line, "api");
    if let Some(w) = warnings.first() {
        return Err(ApiError::bad("body", w.message.clone()));
    }
    let Some(mut doc) = docs.pop() else {
        return Err(ApiError::bad("body", "no article in the body"));
    };
    // the checks and the limits of `dyad ingest`
    dyad_store::record::check(&doc).map_err(|e| ApiError::bad(&e.field, e.to_string()))?;
    let coder = ingest.coder.clone();
    coder.cut(&mut doc);
    let result = st
        .db
        .write(move |store| {
            let coded = coder.code_article(&doc);
            let version = coder.dict_version();
            let input = ArticleInput {
                doc: &doc,
                events: &coded.events,
                quotes: &coded.quotes,
                dict_version: &version,
                tone: coded.tone.as_ref(),
                issues: coded.issues.as_ref(),
            };
            let s = store
                .write_batch(&[input], &now_stamp())
                .map_err(ApiError::from)?;
            let status = if s.added > 0 {
                "added"
            } else if s.replaced > 0 {
                "replaced"
            } else {
                "unchanged"
            };
            Ok(Ingested {
                id: doc.id.clone(),
                status,
                events: coded.events.len(),
            })
        })
        .await?;
    let code = if result.status == "added" {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((code, Json(result)))
}
