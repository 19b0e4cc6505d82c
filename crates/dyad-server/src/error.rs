//! API errors: a status code and a JSON body `{"error": "...", "field": "..."}` naming the
//! parameter at fault, if one is. The cause of a 500 is not shown to the client: it rides on
//! the response as an [`InternalCause`] for the server's owner to log (see
//! [`crate::Config::report`]); the library prints nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_store::StoreError;
use serde::Serialize;

/// An error the API reports to its client.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: String,
    pub field: Option<String>,
    /// The cause of an internal error, for the log only.
    pub cause: Option<String>,
    /// Seconds after which the client may try again (a `Retry-After` header), for a 503.
    pub retry_after: Option<u32>,
}

/// The cause of a 500, carried in the response's extensions to the reporting layer.
#[derive(Debug, Clone)]
pub struct InternalCause(pub String);

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl ApiError {
    /// 400: a bad value of parameter `field`.
    pub fn bad(field: &str, error: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            error: error.into(),
            field: Some(field.to_string()),
            cause: None,
            retry_after: None,
        }
    }

    pub fn not_found(what: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            error: what.into(),
            field: None,
            cause: None,
            retry_after: None,
        }
    }

    pub fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: error.into(),
            field: None,
            cause: None,
            retry_after: None,
        }
    }

    /// 503 with `Retry-After`: the database is busy with another writer past the busy
    /// timeout; the request may be sent again.
    pub fn busy() -> ApiError {
        ApiError {
            retry_after: Some(5),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database is busy with another writer; try again",
            )
        }
    }

    /// 500, with the cause kept for the log rather than shown.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        ApiError {
            cause: Some(cause.to_string()),
            ..ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            // filters are checked before they reach the store; what is left is still the
            // client's: a bad argument, named in the message
            StoreError::Invalid(m) => ApiError::new(StatusCode::BAD_REQUEST, m),
            StoreError::Field(f) => ApiError::bad(&f.field, f.to_string()),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                ApiError::new(StatusCode::REQUEST_TIMEOUT, "the query took too long")
            }
            // another process holds the write lock past the busy timeout: not the server's
            // fault, and worth sending again
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                ApiError::busy()
            }
            other => ApiError::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: &self.error,
            field: self.field.as_deref(),
        };
        let mut res = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        if let Some(cause) = self.cause {
            res.extensions_mut().insert(InternalCause(cause));
        }
        res
    }
}

/// The result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_cause_is_carried_for_the_log_not_shown() {
        let res = ApiError::internal("disk on fire").into_response();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let cause = res.extensions().get::<InternalCause>().map(|c| c.0.clone());
        assert_eq!(cause.as_deref(), Some("disk on fire"));
        assert!(ApiError::bad("x", "no")
            .into_response()
            .extensions()
            .get::<InternalCause>()
            .is_none());
    }

    /// Issue 21, item 4: a database locked by another writer past the busy timeout was a 500.
    #[test]
    fn a_busy_database_is_a_503_with_retry_after() {
        let busy = StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        ));
        let res = ApiError::from(busy).into_response();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            res.headers()
                .get(axum::http::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok()),
            Some("5")
        );
        assert!(res.extensions().get::<InternalCause>().is_none());
    }
}
