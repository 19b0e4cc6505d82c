//! Splitting a document into sentences.
//!
//! A blank line (paragraph break) always ends a sentence. Otherwise a sentence ends after
//! `.`, `!`, `?` or `…` (with any closing quotes and brackets after them) when white space and
//! then an upper-case letter, a digit or an opening quote/bracket follow — except after an
//! abbreviation (`Mr.`, `Gen.`, `Dec.`, `U.S.`, an initial like `W.`). Single newlines inside
//! a paragraph (hard-wrapped text) do not split.

use serde::Serialize;

use crate::abbrev::is_abbreviation;
use crate::chars::skip_to;

/// A sentence of a document: character offsets into the document text, end exclusive, trimmed
/// of surrounding white space. `byte_start`/`byte_end` are the same span as byte offsets, so
/// the sentence can be sliced out of the text without rescanning it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Sentence {
    /// The sentence spanning character offsets `start..end` of `text` (clamped to the text),
    /// with its byte offsets computed. Costs one pass over the text up to `end`.
    pub fn from_char_range(text: &str, start: usize, end: usize) -> Sentence {
        let end = end.max(start);
        let mut byte_start = text.len();
        let mut byte_end = text.len();
        let mut count = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i == start {
                byte_start = b;
            }
            if i == end {
                byte_end = b;
                break;
            }
            count = i + 1;
        }
        let start = start.min(count);
        let end = end.min(count).max(start);
        Sentence {
            start,
            end,
            byte_start: byte_start.min(byte_end),
            byte_end,
        }
    }

    /// [`Sentence::from_char_range`] with the text's character index: the same sentence,
    /// without walking the text up to it.
    pub fn from_char_range_indexed(
        text: &str,
        index: &crate::CharIndex,
        start: usize,
        end: usize,
    ) -> Sentence {
        let n = index.len();
        let s = start.min(n);
        let e = end.max(start).min(n).max(s);
        Sentence {
            start: s,
            end: e,
            byte_start: index.byte(text, s),
            byte_end: index.byte(text, e),
        }
    }

    /// The sentence's text, sliced from the document text it was made from (empty if the byte
    /// offsets do not fit `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.byte_start..self.byte_end).unwrap_or("")
    }

    /// Number of characters in the sentence.
    pub fn char_len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
}

/// Sentence-ending punctuation.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets that may follow a terminator and still belong to the sentence.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»')
}

/// Opening quotes and brackets that may start a sentence.
pub(crate) fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '`' | '«')
}

/// Longest word looked at when deciding whether a period ends an abbreviation.
const MAX_ABBREVIATION_CHARS: usize = 64;

/// Split `text` into sentences, starting at character offset `body_start` (after a dateline).
/// Offsets are character offsets into the whole `text`; a `body_start` past the end gives no
/// sentences.
pub fn split_sentences(text: &str, body_start: usize) -> Vec<Sentence> {
    // room for the whole text at once (`collect` would grow the vector as it went), and byte
    // by byte when the text is ASCII, as news text mostly is
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    let ascii = text.is_ascii();
    if ascii {
        chars.extend(text.bytes().map(char::from).enumerate());
    } else {
        chars.extend(text.char_indices());
    }
    let n = chars.len();
    let ch = |i: usize| chars[i].1;
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].1.is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].1.is_whitespace() {
            e -= 1;
        }
        if s < e {
            let byte_end = if e < n { chars[e].0 } else { text.len() };
            out.push(Sentence {
                start: s,
                end: e,
                byte_start: chars[s].0,
                byte_end,
            });
        }
    };

    let mut seg_start = body_start.min(n);
    let mut i = seg_start;
    while i < n {
        // most characters neither break a paragraph nor end a sentence (in ASCII text, where
        // a character is a byte, the bytes are tested, sixteen to a vector compare)
        i = if ascii {
            skip_to(text.as_bytes(), i, n, |b| {
                (b == b'\n') | (b == b'.') | (b == b'!') | (b == b'?')
            })
        } else {
            skip_to(&chars, i, n, |(_, c)| (c == '\n') | is_terminator(c))
        };
        if i == n {
            break;
        }
        let c = ch(i);
        if c == '\n' {
            // A blank line (only white space up to the next newline) is a paragraph break.
            let mut k = i + 1;
            while k < n && ch(k) != '\n' && ch(k).is_whitespace() {
                k += 1;
            }
            if k < n && ch(k) == '\n' {
                push(seg_start, i);
                seg_start = k + 1;
                i = k + 1;
            } else {
                i += 1;
            }
            continue;
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && is_terminator(ch(j)) {
            j += 1;
        }
        let run_end = j;
        while j < n && is_closing(ch(j)) {
            j += 1;
        }
        if j >= n {
            break;
        }
        if !ch(j).is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < n && ch(k).is_whitespace() {
            k += 1;
        }
        if k >= n {
            break;
        }
        let next = ch(k);
        if !(next.is_uppercase() || next.is_numeric() || is_opening(next)) {
            // Not a sentence start (e.g. "... and"); a blank line in between is still seen.
            i = j;
            continue;
        }
        if run_end - i == 1 && c == '.' && j == run_end && ends_abbreviation(&chars, seg_start, i) {
            i = j;
            continue;
        }
        push(seg_start, j);
        seg_start = k;
        i = k;
    }
    push(seg_start, n);
    out
}

/// Is the word just before the period at `dot` (back to white space, not before `floor`) an
/// abbreviation? Leading opening quotes and brackets are ignored.
fn ends_abbreviation(chars: &[(usize, char)], floor: usize, dot: usize) -> bool {
    let mut s = dot;
    while s > floor && !chars[s - 1].1.is_whitespace() {
        s -= 1;
        if dot - s > MAX_ABBREVIATION_CHARS {
            return false;
        }
    }
    while s < dot && is_opening(chars[s].1) {
        s += 1;
    }
    let word: String = chars[s..dot].iter().map(|&(_, c)| c).collect();
    is_abbreviation(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_char_ranges_are_the_walked_ones() {
        for text in ["", "abc def", "Élysée’s “staff” — ok.", "日本 x"] {
            let index = crate::CharIndex::new(text);
            for start in 0..12 {
                for end in 0..12 {
                    assert_eq!(
                        Sentence::from_char_range_indexed(text, &index, start, end),
                        Sentence::from_char_range(text, start, end),
                        "{text:?} {start} {end}"
                    );
                }
            }
        }
    }

    fn texts(text: &str, body_start: usize) -> Vec<String> {
        split_sentences(text, body_start)
            .iter()
            .map(|s| {
                // char offsets and byte offsets must agree
                let by_chars: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                assert_eq!(by_chars, s.text(text));
                by_chars
            })
            .collect()
    }

    fn data(path: &str) -> String {
        crate::test_support::corpus(path)
    }

    #[test]
    fn basic_split() {
        assert_eq!(
            texts("He left. She stayed! Why? “Because.” 5 went.", 0),
            vec!["He left.", "She stayed!", "Why?", "“Because.”", "5 went."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Mr. Smith met Gen. Jones on Dec. 4 in the U.S. Capitol. George W. Bush and \
                 K.U. Lee came too, e.g. Dr. No. Then they left.";
        assert_eq!(
            texts(t, 0),
            vec![
                "Mr. Smith met Gen. Jones on Dec. 4 in the U.S. Capitol.",
                "George W. Bush and K.U. Lee came too, e.g. Dr. No. Then they left."
            ]
        );
    }

    #[test]
    fn ellipsis_and_lower_case() {
        assert_eq!(
            texts(
                "raise the banner of multilateralism... and stand firm. Then... Later on.",
                0
            ),
            vec![
                "raise the banner of multilateralism... and stand firm.",
                "Then...",
                "Later on."
            ]
        );
        assert_eq!(texts("It was 3.5 p.c. of the total. ok", 0).len(), 1);
    }

    #[test]
    fn paragraphs_and_hard_wraps() {
        let t =
            "A line with no stop\n\nNext paragraph is\nhard wrapped. And goes\non.\r\n \r\nLast";
        assert_eq!(
            texts(t, 0),
            vec![
                "A line with no stop",
                "Next paragraph is\nhard wrapped.",
                "And goes\non.",
                "Last"
            ]
        );
    }

    #[test]
    fn quotes_after_terminator() {
        assert_eq!(
            texts(
                "He said “no.” Then left. (It rained.) \"Fine,\" she said.",
                0
            ),
            vec![
                "He said “no.”",
                "Then left.",
                "(It rained.)",
                "\"Fine,\" she said."
            ]
        );
    }

    #[test]
    fn body_start_and_bounds() {
        let t = "  date 2025-12-04 X: Hello there. Bye.";
        let s = split_sentences(t, 21);
        assert_eq!(texts(t, 21), vec!["Hello there.", "Bye."]);
        assert_eq!(s[0].start, 21);
        assert!(split_sentences(t, 1000).is_empty());
        assert!(split_sentences("", 0).is_empty());
        assert!(split_sentences("   \n\n  ", 0).is_empty());
        assert_eq!(texts("...", 0), vec!["..."]);
        assert_eq!(texts(". . ! ?", 0).len(), 1);
    }

    #[test]
    fn non_ascii_offsets() {
        let t = "« Café » é. “Élysée said,” he noted. Ça va.";
        let s = split_sentences(t, 0);
        assert_eq!(
            texts(t, 0),
            vec!["« Café » é.", "“Élysée said,” he noted.", "Ça va."]
        );
        assert_eq!(s[1].start, 12);
        assert_eq!(s[1].byte_start, "« Café » é. ".len());
    }

    #[test]
    fn from_char_range() {
        let t = "é “x” y";
        let s = Sentence::from_char_range(t, 2, 5);
        assert_eq!(s.text(t), "“x”");
        assert_eq!((s.start, s.end), (2, 5));
        let s = Sentence::from_char_range(t, 3, 100);
        assert_eq!(s.text(t), "x” y");
        assert_eq!(s.end, 7);
        let s = Sentence::from_char_range(t, 50, 100);
        assert_eq!(s.text(t), "");
        assert_eq!(s.char_len(), 0);
    }

    #[test]
    fn seed_story() {
        let t = data("seed-2025-12-04-beijing.txt");
        let body_start = " date 2025-12-04 BEIJING: ".chars().count();
        let s = texts(&t, body_start);
        assert_eq!(s.len(), 11, "{s:#?}");
        assert!(s[0].starts_with("China and France pledged"));
        assert!(s[1].starts_with("French President Emmanuel Macron"));
        assert!(s[8].ends_with("“independence.”"));
        assert!(s[10].ends_with("he added."));
    }

    #[test]
    fn brown_press() {
        let t = data("brown_press_1961.txt");
        let head: String = t.lines().take(4).collect::<Vec<_>>().join("\n");
        let s = texts(&head, 0);
        assert_eq!(s.len(), 4, "{s:#?}");
        assert!(s[2].ends_with("Ivan Allen Jr.."));
        assert!(s[3].starts_with("\" Only a relative handful"));
        // the whole file splits without trouble
        let all = split_sentences(&t, 0);
        assert!(all.len() > 3000, "{}", all.len());
    }
}
