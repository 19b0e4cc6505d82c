//! A sentence's tokens as the coder sees them: normalised words plus the few surface facts
//! (capitalisation, punctuation) that the dictionaries do not carry.

use dyad_lang::Tagger;
use dyad_text::Token;

use crate::lexicon::{PatternWords, Vocabulary, WordIds, NO_WORD};

pub struct SentenceView<'a> {
    pub tokens: &'a [Token],
    words: Vec<&'a str>,
    all_caps: bool,
    tagger: &'a Tagger,
    /// Part-of-speech tags from dyad's tagger, computed from the left as far as a tag is asked
    /// for: most sentences never need one, and many only their first words'.
    tags: std::cell::RefCell<Option<dyad_lang::tagger::Tagging<'a>>>,
    /// The words as [`Vocabulary`] ids, computed the first time a dictionary is matched.
    word_ids: std::cell::OnceCell<Vec<u32>>,
    /// The words as verb-pattern word ids, computed the first time a verb is coded.
    pattern_ids: std::cell::OnceCell<WordIds>,
}

impl<'a> SentenceView<'a> {
    pub fn new(tokens: &'a [Token], tagger: &'a Tagger) -> Self {
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        // some letter, and no letter that is not a capital
        let mut letters = tokens
            .iter()
            .flat_map(|t| t.text.chars())
            .filter(|c| c.is_alphabetic())
            .peekable();
        let all_caps = letters.peek().is_some() && letters.all(|c| c.is_uppercase());
        SentenceView {
            tokens,
            words,
            all_caps,
            tagger,
            tags: std::cell::RefCell::new(None),
            word_ids: std::cell::OnceCell::new(),
            pattern_ids: std::cell::OnceCell::new(),
        }
    }

    /// A view of tokens whose [`Vocabulary`] ids are known already ([`Lexicon::word_ids`]).
    ///
    /// [`Lexicon::word_ids`]: crate::lexicon::Lexicon::word_ids
    pub fn with_word_ids(tokens: &'a [Token], ids: &[u32], tagger: &'a Tagger) -> Self {
        let view = SentenceView::new(tokens, tagger);
        if ids.len() == tokens.len() {
            let _ = view.word_ids.set(ids.to_vec());
        }
        view
    }

    /// The words as [`Vocabulary`] ids ([`NO_WORD`] for a word no dictionary has), looked up
    /// once for every index that matches them.
    pub fn word_ids(&self, vocabulary: &Vocabulary) -> &[u32] {
        self.word_ids
            .get_or_init(|| self.words.iter().map(|w| vocabulary.id(w)).collect())
    }

    /// The part-of-speech tag of token `i`.
    pub fn tag(&self, i: usize) -> Option<dyad_lang::tagger::Tag> {
        let mut tags = self.tags.borrow_mut();
        let tagging = tags.get_or_insert_with(|| {
            let written: Vec<&str> = self.tokens.iter().map(|t| t.text.as_str()).collect();
            dyad_lang::tagger::Tagging::new(self.tagger, written)
        });
        tagging.tag(i)
    }

    /// The words as verb-pattern word ids (`words` being the vocabulary `pattern_words` was
    /// numbered into).
    pub fn pattern_ids(&self, words: &Vocabulary, vocabulary: &PatternWords) -> &WordIds {
        self.pattern_ids.get_or_init(|| {
            let ids: Vec<u32> = self
                .word_ids(words)
                .iter()
                .map(|&w| vocabulary.of(w))
                .collect();
            let mut present = vec![0u64; vocabulary.len().div_ceil(64)];
            for &id in &ids {
                if id != NO_WORD {
                    present[id as usize / 64] |= 1 << (id % 64);
                }
            }
            WordIds {
                ids,
                empty: vocabulary.empty(),
                present,
            }
        })
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn words(&self) -> Vec<&'a str> {
        self.words.clone()
    }

    /// The normalised words, borrowed.
    pub fn word_list(&self) -> &[&'a str] {
        &self.words
    }

    /// The normalised word at `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Does token `i` start with a digit or hold a capital letter ("Gondor", "iSrael"), or is
    /// the sentence in capitals?
    pub fn capitalized(&self, i: usize) -> bool {
        if self.all_caps {
            return true;
        }
        match self.tokens.get(i) {
            Some(t) => {
                // (one scan of the bytes: most words are ASCII and lower case, and a scan of
                // bytes is cheaper than decoding each character, which only a word with a
                // byte outside ASCII needs)
                let b = t.text.as_bytes();
                if b.first().is_some_and(u8::is_ascii_digit) {
                    return true;
                }
                for &c in b {
                    if c.is_ascii_uppercase() {
                        return true;
                    }
                    if !c.is_ascii() {
                        return t.text.chars().any(char::is_uppercase);
                    }
                }
                false
            }
            None => false,
        }
    }

    /// Is token `i` punctuation (no letter or digit)?
    pub fn is_punct(&self, i: usize) -> bool {
        match self.tokens.get(i) {
            Some(t) => !t.text.chars().any(|c| c.is_alphanumeric()),
            None => false,
        }
    }

    /// The event noun word `i` is, if any (a single word's entry of the lexicon).
    pub fn event_noun<'l>(
        &self,
        lex: &'l crate::lexicon::Lexicon,
        i: usize,
    ) -> Option<&'l dyad_dict::event_nouns::EventNoun> {
        lex.event_noun(*self.word_ids(&lex.vocabulary).get(i)?)
    }

    /// The compound event noun words `i` and `i + 1` make ("phone call"), if any.
    pub fn event_compound<'l>(
        &self,
        lex: &'l crate::lexicon::Lexicon,
        i: usize,
    ) -> Option<&'l dyad_dict::event_nouns::EventNoun> {
        let id = *self.word_ids(&lex.vocabulary).get(i)?;
        lex.event_compound(id, self.word(i), self.word(i + 1))
    }

    /// Is token `i` a capitalised word in the middle of the sentence (a likely proper noun)?
    /// After punctuation (an opening quote, a colon) a capital may start a quoted sentence.
    pub fn proper_noun_like(&self, i: usize) -> bool {
        i > 0 && !self.all_caps && self.capitalized(i) && !self.is_punct(i - 1)
    }
}
