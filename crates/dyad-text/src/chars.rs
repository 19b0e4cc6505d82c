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

/// The first index in `from..to` whose item is `wanted`, or `to`. The scanners of quotations
/// and sentences look for a few characters (marks, line breaks, full stops), and in most text
/// no character of a run of sixteen is one: such a run is tested at once (without an early
/// exit, so the compiler can compare all sixteen with vector instructions) and passed. Write
/// `wanted` with `|` between comparisons, not `||` or `matches!`, which the compiler turns
/// into a bit test per item instead.
pub(crate) fn skip_to<T: Copy>(
    items: &[T],
    from: usize,
    to: usize,
    wanted: impl Fn(T) -> bool,
) -> usize {
    const RUN: usize = 16;
    let mut i = from;
    while i + RUN <= to {
        let run: &[T; RUN] = items[i..i + RUN].try_into().expect("a run of RUN items");
        if run.iter().fold(false, |any, &c| any | wanted(c)) {
            break;
        }
        i += RUN;
    }
    while i < to && !wanted(items[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipping_by_runs_finds_the_first_wanted_character() {
        // every position of a mark in texts of up to forty characters, every start and end
        let texts: Vec<Vec<char>> = (0..40)
            .flat_map(|len| {
                (0..len).map(move |mark| {
                    (0..len)
                        .map(|k| if k == mark { '"' } else { 'a' })
                        .collect()
                })
            })
            .chain([Vec::new(), "ab\"cd\"".repeat(9).chars().collect()])
            .collect();
        for chars in &texts {
            for from in 0..=chars.len() {
                for to in from..=chars.len() {
                    let naive = (from..to).find(|&i| chars[i] == '"').unwrap_or(to);
                    assert_eq!(
                        skip_to(chars, from, to, |c| c == '"'),
                        naive,
                        "{chars:?} {from}..{to}"
                    );
                }
            }
        }
    }

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
