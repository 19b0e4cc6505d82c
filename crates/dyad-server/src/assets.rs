//! The dashboard: files built from `dashboard/` (see its README) and compiled into the binary.
//! Serving looks a name up in a fixed table, so no request can reach the file system.

use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// (name, content type, bytes) of every asset under `/assets/`.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "land-110m.json",
        "application/json",
        include_bytes!("../assets/land-110m.json"),
    ),
];

/// The page itself is written by hand, not built: it is embedded from its source.
const INDEX: &[u8] = include_bytes!("../../../dashboard/index.html");

/// `GET /`: the dashboard page.
pub async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

/// `GET /assets/{file}`: the name is compared as the request writes it (not percent-decoded,
/// so there is nothing to decode wrongly); anything not in the table is a 404.
pub async fn file(uri: Uri) -> Response {
    let name = uri.path().strip_prefix("/assets/").unwrap_or_default();
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, bytes)) => (
            [
                (header::CONTENT_TYPE, *kind),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}
