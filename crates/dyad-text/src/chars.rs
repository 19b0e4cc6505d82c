//! Character offsets into a document, turned into byte offsets in constant time.
//!
//! dyad's spans count characters (Unicode scalars), as JSON consumers expect; Rust strings are
//! sliced by bytes. Walking the text from its start for every span makes coding a long article
//! quadratic, so a document's index is built once: the byte offset of every 64th character.

/// Where every 64th character of a text starts (or nothing, for ASCII text, where a character
/// offset is a byte offset).
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    ascii: bool,
    marks: Vec<usize>,
    chars: usize,
}

const STEP: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                ascii: true,
                marks: Vec::new(),
                chars: text.len(),
            };
        }
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let mut chars = 0;
        for (k, (b, _)) in text.char_indices().enumerate() {
            if k % STEP == 0 {
                marks.push(b);
            }
            chars = k + 1;
        }
        CharIndex {
            ascii: false,
            marks,
            chars,
        }
    }

    /// The number of characters of the text.
    pub fn len(&self) -> usize {
        self.chars
    }

    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    /// The byte offset of character `c` of `text` (the text the index was built from); the
    /// text's length for an offset at or past its end.
    pub fn byte(&self, text: &str, c: usize) -> usize {
        if c >= self.chars {
            return text.len();
        }
        if self.ascii {
            return c;
        }
        let from = self.marks[c / STEP];
        text[from..]
            .char_indices()
            .nth(c % STEP)
            .map_or(text.len(), |(b, _)| from + b)
    }

    /// The text between two character offsets (clamped to the text).
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let (a, b) = (self.byte(text, start), self.byte(text, end.max(start)));
        &text[a..b]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_match_a_walk_over_the_characters() {
        let mut text = String::new();
        for k in 0..500 {
            text.push_str(if k % 7 == 0 {
                "Élysée “x” 北京 "
            } else {
                "word "
            });
        }
        for t in [text.as_str(), "plain ascii text", "", "é"] {
            let index = CharIndex::new(t);
            let n = t.chars().count();
            assert_eq!(index.len(), n);
            for start in (0..n + 3).step_by(5) {
                for end in [start, start + 1, start + 63, start + 64, start + 200] {
                    let walked: String = t.chars().skip(start).take(end - start).collect();
                    assert_eq!(index.slice(t, start, end), walked, "{start}..{end}");
                }
            }
        }
    }
}
