//! Errors as Python exceptions, with the command's messages: `OSError` for what concerns files
//! and the database file, `ValueError` for bad input (a record, a filter, a dictionary).

use dyad_store::StoreError;
use dyad_text::readers::ReadError;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::PyErr;

/// An error of the loop or of loading: `OSError` when a file could not be read or written,
/// else `ValueError`; the message with its causes, each said once.
pub fn from_anyhow(e: anyhow::Error) -> PyErr {
    let file = e.chain().any(|c| {
        c.is::<std::io::Error>()
            || matches!(c.downcast_ref::<ReadError>(), Some(ReadError::Io { .. }))
            || c.downcast_ref::<StoreError>().is_some_and(is_file_error)
    });
    let message = dyad_run::error_chain(&e);
    if file {
        PyOSError::new_err(message)
    } else {
        PyValueError::new_err(message)
    }
}

fn is_file_error(e: &StoreError) -> bool {
    !matches!(e, StoreError::Invalid(_) | StoreError::Schema { .. })
}

/// A store's error: a bad filter or a database of another program is a `ValueError`; the
/// file that cannot be opened, read or written an `OSError`.
pub fn from_store(e: StoreError) -> PyErr {
    if is_file_error(&e) {
        PyOSError::new_err(e.to_string())
    } else {
        PyValueError::new_err(e.to_string())
    }
}
