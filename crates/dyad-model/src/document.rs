//! The document object that flows through dyad's pipeline.

use chrono::NaiveDate;
use serde::Serialize;

/// Where a document came from, so warnings and evidence can name the file and line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
    /// Cut the text to at most `max_bytes`, at a paragraph or sentence end (a line break, or
    /// `.`, `!`, `?` before white space) in the last tenth before the limit, else at the last
    /// white space, else at a character boundary; what remains of the story is never shorter
    /// than nine tenths of `max_bytes` unless it has no room to cut. Returns whether it cut.
    pub fn cut_to(&mut self, max_bytes: usize) -> bool {
        if self.text.len() <= max_bytes {
            return false;
        }
        let mut limit = max_bytes;
        while !self.text.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &self.text.as_bytes()[..limit];
        let floor = limit - limit / 10;
        let sentence_end = (floor..limit).rev().find(|&i| {
            head[i] == b'\n'
                || (matches!(head[i], b' ' | b'\t' | b'\r')
                    && i > 0
                    && matches!(head[i - 1], b'.' | b'!' | b'?'))
        });
        let at = sentence_end
            .or_else(|| {
                (floor..limit)
                    .rev()
                    .find(|&i| head[i].is_ascii_whitespace())
            })
            .unwrap_or(limit);
        self.text.truncate(at);
        self.body_start = self.body_start.min(self.text.chars().count());
        true
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new("a", text, None, Origin::default())
    }

    #[test]
    fn a_long_article_is_cut_at_a_sentence_end_near_the_limit() {
        let sentence = "Russia attacked Ukraine. ";
        let mut d = doc(&sentence.repeat(100));
        assert!(d.cut_to(1000));
        assert!(
            d.text.len() <= 1000 && d.text.len() >= 900,
            "{}",
            d.text.len()
        );
        assert!(
            d.text.ends_with("Ukraine."),
            "{:?}",
            &d.text[d.text.len() - 20..]
        );
        assert!(!d.cut_to(1000), "a second cut changes nothing");
    }

    #[test]
    fn with_no_sentence_end_the_cut_is_at_white_space_or_a_character_boundary() {
        let mut d = doc(&"word ".repeat(100));
        d.cut_to(103);
        assert_eq!(d.text.len(), 99);
        // one 'word' of multi-byte characters: the cut falls between characters
        let mut d = doc(&"é".repeat(100));
        d.cut_to(101);
        assert_eq!(d.text.len(), 100);
        assert!(d.text.chars().all(|c| c == 'é'));
    }

    #[test]
    fn the_body_start_stays_inside_the_cut_text() {
        let mut d = doc(&"x".repeat(50));
        d.body_start = 40;
        d.cut_to(20);
        assert_eq!(d.text.len(), 20);
        assert_eq!(d.body_start, 20);
        let mut short = doc("short");
        assert!(!short.cut_to(100));
        assert_eq!(short.text, "short");
    }
}
