//! Splitting a sentence into word tokens with character offsets.
//!
//! Text is split on white space, then punctuation is split off: `, ; : ( ) [ ] { } " “ ” ‘ ’
//! ! ?`, PTB quotes ``` `` ``` and `''`, dashes (`—`, `–`, `--`), ellipses, a leading currency
//! sign (`$100` → `$`, `100`), a trailing `%`, and a final `.` unless it belongs to an
//! abbreviation (`U.S.`, `K.U.`, `W.`, `Gen.`, `Dec.`). Internal hyphens (`US-led`), internal
//! apostrophes (`pa'anga`) and number punctuation (`1,000.5`, `4:00`) stay inside the word.
//! Clitics are separate tokens: possessive `'s` / `’s` / the `'` of `s'`, negative `n't`
//! (`can't` → `ca`, `n't`) and `'re`, `'ve`, `'ll`, `'d`, `'m`.
//!
//! A whole text is also read once as a sentence of its own ([`WholeText`]: characters, tokens
//! and their lower-case forms) for the article-wide passes (quotations, amounts).
//!
//! The files: `tokenizer` (splitting a sentence), then `whole` (the text read once, by the
//! tokenizer); this file re-exports both.

mod tokenizer;
mod whole;

pub use dyad_model::token::{normalize_word, Token};
pub use tokenizer::tokenize;
pub use whole::{LowerWords, WholeText};

/// The tokens of `tokens` (in text order, as a tokenizer gives them) that lie within the
/// characters `start..end`: a clause's tokens out of its article's.
pub fn tokens_within(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    let first = tokens.partition_point(|t| t.start < start);
    let last = tokens.partition_point(|t| t.end <= end);
    &tokens[first..last.max(first)]
}

#[cfg(test)]
mod within_tests {
    use super::*;
    use crate::Sentence;

    #[test]
    fn the_tokens_within_a_span_are_those_it_holds_whole() {
        let text = "Xi met Macron on Thursday.";
        let tokens = tokenize(text, &Sentence::from_char_range(text, 0, 26));
        let words = |a, b| -> Vec<&str> {
            tokens_within(&tokens, a, b)
                .iter()
                .map(|t| t.text.as_str())
                .collect()
        };
        assert_eq!(words(3, 13), ["met", "Macron"]);
        assert_eq!(
            words(4, 13),
            ["Macron"],
            "a token cut by the span is not in it"
        );
        assert_eq!(words(20, 3), Vec::<&str>::new());
        assert_eq!(words(0, 100).len(), 6);
    }
}

#[cfg(test)]
mod accent_tests {
    use super::normalize_word;

    #[test]
    fn accents_fold_to_ascii() {
        assert_eq!(normalize_word("François"), "FRANCOIS");
        assert_eq!(normalize_word("Erdoğan"), "ERDOGAN");
        assert_eq!(normalize_word("Élysée"), "ELYSEE");
        assert_eq!(normalize_word("Straße"), "STRASSE");
        assert_eq!(normalize_word("U.S."), "US");
        assert_eq!(normalize_word("China’s"), "CHINA'S");
        assert_eq!(normalize_word("北京"), "北京");
    }
}
