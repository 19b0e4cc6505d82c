//! Discard phrases (`Phoenix.discards.txt`): sentences (or, with a leading `+`, whole stories)
//! about sport, weather and other non-political matters are not coded. See FORMATS.md §2.5.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// Normalised words of the phrase.
    pub words: Vec<String>,
    /// `+` prefix: discard the whole story, not just the sentence.
    pub story: bool,
    /// Trailing `_`: the last word must match whole; otherwise it may be a prefix (TABARI stem).
    pub whole_word: bool,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiscardList {
    pub entries: Vec<Discard>,
}
