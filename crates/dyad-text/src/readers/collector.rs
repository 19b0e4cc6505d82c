//! What one read collects: the documents handed on (cut to the size limit), the warnings
//! (the first [`MAX_WARNINGS_KEPT`] kept, the rest counted), the [`ReadSummary`], and the
//! [`ReadError`] that ends a read (an input that cannot be read under `--strict`, the first bad
//! record under `--strict`). Every reader reports through a [`Collector`].

use std::path::Path;

use dyad_model::{Document, Warning};

/// At most this many warnings are kept in a [`ReadSummary`] (the rest are counted), so that a
/// stream of millions of bad records does not fill memory.
pub const MAX_WARNINGS_KEPT: usize = 1_000;

/// A fatal reading error.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A path (or stdin) could not be opened, listed or read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The first bad record under `--strict`.
    #[error("{0}")]
    Strict(Warning),
}

/// What a call to [`read_inputs`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadSummary {
    /// Documents handed to the sink.
    pub documents: usize,
    /// Records (or whole files, for malformed XML or empty text files) skipped.
    pub skipped: usize,
    /// The warnings, in reading order: the first [`MAX_WARNINGS_KEPT`] of them.
    pub warnings: Vec<Warning>,
    /// Warnings given after the first [`MAX_WARNINGS_KEPT`] (counted, not kept).
    pub warnings_not_kept: usize,
    /// Articles cut to [`ReadOptions::max_article_bytes`] (each has its warning too).
    pub articles_cut: usize,
    /// Inputs (named paths, or files of a folder) that could not be opened or read: missing,
    /// gone, unreadable or a device. Each has its warning; the other inputs were read.
    pub inputs_failed: usize,
}

/// Accumulates the result of one read and applies the strict rule.
pub(crate) struct Collector<'a> {
    strict: bool,
    max_article_bytes: usize,
    pub(crate) summary: ReadSummary,
    sink: &'a mut dyn FnMut(Document),
}

impl<'a> Collector<'a> {
    pub(crate) fn new(
        strict: bool,
        max_article_bytes: usize,
        sink: &'a mut dyn FnMut(Document),
    ) -> Collector<'a> {
        Collector {
            strict,
            max_article_bytes,
            summary: ReadSummary::default(),
            sink,
        }
    }

    /// Hand a document to the sink, cut to the size limit first (with a warning; fatal under
    /// strict).
    pub(crate) fn document(&mut self, mut doc: Document) -> Result<(), ReadError> {
        let len = doc.text.len();
        if len > self.max_article_bytes {
            doc.cut_to(self.max_article_bytes);
            self.summary.articles_cut += 1;
            self.warn(Warning::new(
                doc.origin.file.as_str(),
                doc.origin.line,
                format!(
                    "article {} has {len} bytes of text, more than the limit of {} \
                     (--max-article-bytes); only its first {} bytes are coded",
                    doc.id,
                    self.max_article_bytes,
                    doc.text.len()
                ),
            ))?;
        }
        self.summary.documents += 1;
        (self.sink)(doc);
        Ok(())
    }

    /// Record a warning; fatal under strict.
    pub(crate) fn warn(&mut self, w: Warning) -> Result<(), ReadError> {
        if self.strict {
            return Err(ReadError::Strict(w));
        }
        if self.summary.warnings.len() < MAX_WARNINGS_KEPT {
            self.summary.warnings.push(w);
        } else {
            self.summary.warnings_not_kept += 1;
        }
        Ok(())
    }

    /// An input that could not be opened or read: fatal under strict, else a warning naming it,
    /// counted, and reading goes on with the next input.
    pub(crate) fn input_failed(&mut self, e: ReadError) -> Result<(), ReadError> {
        match e {
            ReadError::Io { path, source } if !self.strict => {
                self.summary.inputs_failed += 1;
                self.warn(Warning::new(
                    path,
                    0,
                    format!("cannot be read ({source}); skipped"),
                ))
            }
            other => Err(other),
        }
    }

    /// Record a skipped record with its warning; fatal under strict.
    pub(crate) fn skip(&mut self, w: Warning) -> Result<(), ReadError> {
        self.warn(w)?;
        self.summary.skipped += 1;
        Ok(())
    }
}

/// The last component of a path as given (`-` stays `-`).
pub(crate) fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string())
}
