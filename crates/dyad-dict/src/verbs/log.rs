//! Where the pieces of the verb-file reader leave their warnings and make their errors: the
//! file being read and the tolerated defects met so far.

use crate::error::DictError;
use crate::reader::Warning;

pub(super) struct Log<'f> {
    pub file: &'f str,
    pub warnings: Vec<Warning>,
}

impl<'f> Log<'f> {
    pub fn new(file: &'f str) -> Self {
        Log {
            file,
            warnings: Vec::new(),
        }
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning::new(self.file, line, message));
    }

    pub fn err(&self, line: usize, message: impl Into<String>) -> DictError {
        DictError::new(self.file, line, message)
    }
}
