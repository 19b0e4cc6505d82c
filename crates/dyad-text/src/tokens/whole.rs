//! A whole text read once for the article-wide passes: its characters, its tokens (the text
//! taken as one sentence) and their lower-case forms, and each sentence's tokens as a range
//! of them.

use dyad_model::token::Token;

use crate::sentences::Sentence;

use super::tokenizer::tokenize;

/// A whole text read once for the article-wide passes (quotations, amounts): its characters
/// and its tokens, the text taken as one sentence.
pub struct WholeText {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    /// Each token's text in lower case, with the typographic apostrophe `’` read as `'`
    /// ("don’t" → "don't"): the form the quotation and amount passes match words in.
    pub lower: LowerWords,
}

/// The tokens of a text in lower case (see [`WholeText::lower`]), `lower[i]` for token `i`:
/// kept end to end in one string rather than one string per token, so lowering an article
/// allocates once.
#[derive(Debug, Clone, Default)]
pub struct LowerWords {
    text: String,
    /// Where each word ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl LowerWords {
    fn new(tokens: &[Token]) -> LowerWords {
        let mut out = LowerWords {
            text: String::with_capacity(tokens.iter().map(|t| t.text.len()).sum()),
            ends: Vec::with_capacity(tokens.len()),
        };
        for t in tokens {
            if t.text.is_ascii() {
                out.text.push_str(&t.text);
            } else {
                out.text.extend(
                    t.text
                        .chars()
                        .map(|c| if c == '’' { '\'' } else { c })
                        .flat_map(char::to_lowercase),
                );
            }
            out.ends.push(out.text.len());
        }
        // the ASCII words in one pass (lowering leaves non-ASCII bytes alone)
        out.text.make_ascii_lowercase();
        out
    }

    /// The word of token `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl std::ops::Index<usize> for LowerWords {
    type Output = str;

    /// The word of token `i`; panics past the last token, as a slice does.
    fn index(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

impl WholeText {
    pub fn new(text: &str) -> WholeText {
        // decoded in one pass into room for the whole text (`collect` grows the vector as it
        // goes), and byte by byte when the text is ASCII, as news text mostly is
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        if text.is_ascii() {
            chars.extend(text.bytes().map(char::from));
        } else {
            chars.extend(text.chars());
        }
        let whole = Sentence {
            start: 0,
            end: chars.len(),
            byte_start: 0,
            byte_end: text.len(),
        };
        let tokens = tokenize(text, &whole);
        let lower = LowerWords::new(&tokens);
        WholeText {
            chars,
            tokens,
            lower,
        }
    }

    /// Each sentence's tokens as a range of [`WholeText::tokens`] (`text` is the text this was
    /// made from): the same tokens [`tokenize`] gives the sentence, when every sentence starts
    /// and ends at white space or at an end of the text, since the tokenizer splits each
    /// white-space-delimited chunk on its own. `None` when a sentence does not (or its offsets
    /// do not fit the text): tokenize the sentences one by one then.
    pub fn sentence_ranges(
        &self,
        text: &str,
        sentences: &[Sentence],
    ) -> Option<Vec<std::ops::Range<usize>>> {
        let chars = &self.chars[..];
        let ascii = text.len() == chars.len();
        let separates = |c: char| c.is_whitespace() || c.is_control();
        let mut out = Vec::with_capacity(sentences.len());
        for s in sentences {
            if s.start > s.end || s.end > chars.len() {
                return None;
            }
            // the byte offsets name the same characters (tokenize reads those)
            let same_text = if ascii {
                s.byte_start == s.start && s.byte_end == s.end
            } else {
                text.get(s.byte_start..s.byte_end)
                    .is_some_and(|t| t.chars().eq(chars[s.start..s.end].iter().copied()))
            };
            let aligned = (s.start == 0 || separates(chars[s.start - 1]))
                && (s.end == chars.len() || separates(chars[s.end]));
            if !same_text || !aligned {
                return None;
            }
            let lo = self.tokens.partition_point(|t| t.start < s.start);
            let hi = self.tokens.partition_point(|t| t.start < s.end);
            out.push(lo..hi.max(lo));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    #[test]
    fn sentence_ranges_are_the_sentences_tokens() {
        let seed = crate::test_support::corpus("seed-2025-12-04-beijing.txt");
        for text in [
            seed.as_str(),
            "Le café. “Élysée’s staff didn’t go,” he said.\n\nU.S. troops left. Then (in May) more.",
            "BEIJING (Reuters) - China's Xi met Macron.\tThey talked\u{0}again. ",
            "",
        ] {
            let sentences = split_sentences(text, 0);
            let whole = WholeText::new(text);
            let ranges = whole.sentence_ranges(text, &sentences).expect("aligned");
            assert_eq!(ranges.len(), sentences.len());
            for (s, r) in sentences.iter().zip(ranges) {
                assert_eq!(whole.tokens[r].to_vec(), tokenize(text, s));
            }
        }
        // a sentence that does not start at white space: no ranges
        let text = "ab cd";
        let inside = Sentence::from_char_range(text, 1, 5);
        assert!(WholeText::new(text)
            .sentence_ranges(text, &[inside])
            .is_none());
        let past_end = Sentence::from_char_range(text, 0, 5);
        let past_end = Sentence { end: 9, ..past_end };
        assert!(WholeText::new(text)
            .sentence_ranges(text, &[past_end])
            .is_none());
    }
}
