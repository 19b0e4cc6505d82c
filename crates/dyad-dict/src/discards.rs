//! Discard phrases (`Phoenix.discards.txt`): sentences (or, with a leading `+`, whole stories)
//! about sport, weather and other non-political matters are not coded. See FORMATS.md §2.5.

use crate::error::DictError;
use crate::reader::{dict_words, lines, strip_comment, Warning};

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
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

/// Read a discards file (FORMATS.md §2.5): one phrase a line, `+` first (blanks may follow it)
/// for a story discard, a trailing `_` for a whole-word last word; `#` and `;` comments,
/// `<!-- -->` blocks. Case does not matter (words are normalised). A TABARI-style `[###]` code
/// after the phrase is dropped with a warning. Nothing here is an error: a line with no word
/// left is skipped with a warning.
pub fn parse(text: &str, file: &str) -> Result<DiscardList, DictError> {
    let mut list = DiscardList::default();
    for (no, raw) in lines(text) {
        let mut line = strip_comment(&raw, &['#', ';']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(open) = line.find('[') {
            list.warnings.push(Warning::new(
                file,
                no,
                "`[..]` after a discard phrase ignored",
            ));
            line = line[..open].trim_end();
        }
        let (story, phrase) = match line.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let words = dict_words(phrase);
        if words.is_empty() {
            list.warnings.push(Warning::new(
                file,
                no,
                "discard line without a word skipped",
            ));
            continue;
        }
        list.entries.push(Discard {
            words,
            story,
            whole_word: phrase.ends_with('_'),
            line: no,
        });
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{real, w};

    #[test]
    fn fixture() {
        let text = "# Story-level discards are indicated with a '+'.\r\n\
                    MONTHS LATER\r\n\
                    + World Golf Championships   # pas 26-Feb-2014\r\n\
                    +ESPN2 \r\n\
                    GROUP A_\r\n\
                    ABDUL KARIM QASIM   # mj 18 Apr 2006 ;MJ 18 APR 2006\r\n\
                    +\r\n\
                    OLD STYLE [###]\r\n";
        let d = parse(text, "fixture.discards.txt").unwrap();
        let got: Vec<(Vec<String>, bool, bool, usize)> = d
            .entries
            .iter()
            .map(|e| (e.words.clone(), e.story, e.whole_word, e.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (w("MONTHS LATER"), false, false, 2),
                (w("WORLD GOLF CHAMPIONSHIPS"), true, false, 3),
                (w("ESPN2"), true, false, 4),
                (w("GROUP A"), false, true, 5),
                (w("ABDUL KARIM QASIM"), false, false, 6),
                (w("OLD STYLE"), false, false, 8),
            ]
        );
        assert_eq!(d.warnings.len(), 2);
    }

    #[test]
    fn garbage_never_panics() {
        for s in ["+", "[", "_", "+ _ [", "<!--", "é+é"] {
            assert!(parse(s, "g").is_ok());
        }
    }

    /// FORMATS.md: 506 discard lines.
    #[test]
    fn real_discards() {
        let d = parse(
            &real("dictionaries/Phoenix.discards.txt"),
            "Phoenix.discards.txt",
        )
        .unwrap();
        assert_eq!(d.entries.len(), 506);
        assert!(d.warnings.is_empty());
        let story = d.entries.iter().filter(|e| e.story).count();
        assert!(story > 50 && story < 506, "{story}");
        assert!(d
            .entries
            .iter()
            .any(|e| e.words == w("MANCHESTER UNITED") && e.story));
        assert!(d
            .entries
            .iter()
            .any(|e| e.words == w("GROUP H") && e.whole_word));
        let v = parse(
            &real("validation/PETR.Validate.discards.txt"),
            "PETR.Validate.discards.txt",
        )
        .unwrap();
        assert_eq!(v.entries.len(), 9);
        assert_eq!(v.entries.iter().filter(|e| e.story).count(), 4);
    }
}
