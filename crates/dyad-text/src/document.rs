//! The document object that flows through dyad's pipeline.

use chrono::NaiveDate;
use serde::Serialize;

/// Where a document came from, so warnings and evidence can name the file and line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The path as given by the user (or `-` for stdin).
    pub file: String,
    /// 1-based line where the record starts (1 for whole-file plain text).
    pub line: usize,
}

/// One article: its raw text and what we know about it before any coding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable identifier: the record's own `id`, else `<file name>` / `<file name>#<record number>`.
    pub id: String,
    /// The article text exactly as read (a dateline, if any, is kept in the text).
    pub text: String,
    /// Publication / event reference date: from the record, the dateline, or the XML `date`.
    pub date: Option<NaiveDate>,
    /// Place named by the dateline ("BEIJING"), if any.
    pub dateline_place: Option<String>,
    /// Character offset in `text` where the story proper begins (just after a dateline, else 0).
    pub body_start: usize,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub origin: Origin,
}

impl Document {
    /// An article known only by its id, text, date and origin: no dateline, title, url or
    /// source. Readers that know more fill those fields in afterwards.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        date: Option<NaiveDate>,
        origin: Origin,
    ) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            date,
            dateline_place: None,
            body_start: 0,
            title: None,
            url: None,
            source: None,
            origin,
        }
    }
}
