//! What can go wrong in the store, with the file or field it concerns.

/// A store error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(String),
    /// A bad filter or argument (named in the message).
    #[error("{0}")]
    Invalid(String),
    /// A bad value of a named field (a filter's, a period's).
    #[error("{0}")]
    Field(crate::filter::FieldError),
    /// The file is a database of another program or of a newer dyad.
    #[error("database {path}: {message}")]
    Schema { path: String, message: String },
}
