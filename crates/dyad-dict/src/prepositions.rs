//! The preposition list (`Phoenix.prepositions.txt`): one word per line, which PETR-2 uses to
//! find prepositional phrases in a parse. dyad reads it for completeness of the dictionary set;
//! its own closed-class lists (dyad-coder's `english` module) decide clause structure.

use std::collections::BTreeSet;

use crate::words::normalize_word;

/// The prepositions of a list, normalised (upper case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrepositionList {
    pub words: BTreeSet<String>,
}

impl PrepositionList {
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(&normalize_word(word))
    }
}

/// Read a preposition list: a word per line; blank lines and `#` comments are skipped; a line
/// of several words is a multi-word preposition kept as written with single blanks. Never
/// fails: any line is a word.
pub fn parse(text: &str) -> PrepositionList {
    let words = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split_whitespace()
                .map(normalize_word)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    PrepositionList { words }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::real;

    #[test]
    fn phoenix_list() {
        let p = parse(&real("dictionaries/Phoenix.prepositions.txt"));
        assert!(p.words.len() > 60, "{}", p.words.len());
        for w in ["about", "against", "amid", "with", "Toward"] {
            assert!(p.contains(w), "{w}");
        }
        assert!(!p.contains("attack"));
    }

    #[test]
    fn comments_blanks_and_trailing_spaces() {
        let p = parse("as \n\n# a comment\nin front of\r\n");
        assert!(p.contains("as"));
        assert!(p.words.contains("IN FRONT OF"));
        assert_eq!(p.words.len(), 2);
    }
}
