//! Splitting a sentence into word tokens with character offsets.
//!
//! TODO(helper): implement `tokenize`.

use serde::Serialize;

/// A word or punctuation mark of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The token as written.
    pub text: String,
    /// The form dictionaries are matched against: see [`normalize_word`].
    pub norm: String,
    /// Character (Unicode scalar) offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// Normalise one word of a dictionary phrase or one token of text so the two compare equal:
/// upper case, periods dropped (`U.S.` → `US`, `W.` → `W`), curly apostrophes made straight.
/// A token made only of periods stays `.`.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c => out.extend(c.to_uppercase()),
        }
    }
    if out.is_empty() && !word.is_empty() {
        out.push('.');
    }
    out
}

/// Tokenize `text[start..end]` (character offsets) of a document.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let _ = (text, start, end);
    todo!()
}
