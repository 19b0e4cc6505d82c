//! The one error type of dictionary loading.

use std::fmt;

/// A dictionary that could not be read: which file, which line, what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub file: String,
    /// 1-based line number; 0 when the error concerns the whole file (e.g. it cannot be opened).
    pub line: usize,
    pub message: String,
}

impl DictError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        DictError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        dyad_model::warning::write_located(f, &self.file, self.line, &self.message)
    }
}

impl std::error::Error for DictError {}
