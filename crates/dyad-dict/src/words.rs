//! How dictionary phrases and text tokens are normalised so that they compare equal.
//!
//! Both sides go through [`normalize_word`] (shared with the tokenizer): upper case, periods
//! dropped (so `U.S.`, `US` and the dictionary's `U.S._` agree, and the initial in
//! `GEORGE_W._BUSH` matches `W.`), curly apostrophes made straight.

pub use dyad_model::normalize_word;

/// Split a dictionary phrase written with `_` (or blanks) between words into normalised words.
/// A trailing `_` (TABARI's "whole word" mark) is dropped.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}

/// English regular plural of an upper-case noun, as the PETRARCH readers generate it:
/// +S; Y→IES (after a consonant); S/X/Z/CH/SH→ES.
pub fn plural(word: &str) -> String {
    let w = word;
    if w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with('Z')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        format!("{w}ES")
    } else if w.ends_with('Y')
        && w.len() > 1
        && !matches!(w.as_bytes()[w.len() - 2], b'A' | b'E' | b'I' | b'O' | b'U')
    {
        format!("{}IES", &w[..w.len() - 1])
    } else {
        format!("{w}S")
    }
}
