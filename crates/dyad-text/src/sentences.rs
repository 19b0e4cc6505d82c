//! Splitting a document into sentences.
//!
//! TODO(helper): implement `split_sentences`.

use serde::Serialize;

/// A sentence of a document: character offsets into the document text, end exclusive, trimmed
/// of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Split `text` into sentences, starting at character offset `body_start` (after a dateline).
pub fn split_sentences(text: &str, body_start: usize) -> Vec<Sentence> {
    let _ = (text, body_start);
    todo!()
}
