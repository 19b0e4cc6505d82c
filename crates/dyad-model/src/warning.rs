//! A problem with one piece of input that did not stop the work: a bad record, a dictionary
//! line, a page without text. It names the file and line so the user can find it.

use std::fmt;

/// A problem with one record or file that did not stop reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The path as given (or as found under a given folder; `-` for stdin).
    pub file: String,
    /// 1-based line of the problem; 0 when it concerns the whole file (one that cannot be
    /// read), shown then as `file: message`.
    pub line: usize,
    pub message: String,
}

impl Warning {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Warning {
        Warning {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for Warning {}
