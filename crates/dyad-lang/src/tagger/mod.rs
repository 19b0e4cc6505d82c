//! dyad's part-of-speech tagger: a greedy, left-to-right averaged perceptron (after Matthew
//! Honnibal's "A good part-of-speech tagger in about 200 lines of Python", the algorithm of
//! NLTK's `PerceptronTagger`), trained on the tagged Brown corpus mapped to Penn Treebank tags.
//!
//! * [`Tagger::bundled`] is the model shipped in `data/tagger/model.bin` (compiled into the
//!   binary, parsed once). `data/tagger/README.md` says how it was trained and how well it does;
//!   `scripts/train-tagger.sh` retrains it.
//! * [`Tagger::tag`] takes the words of one sentence as dyad's tokenizer ([`dyad_text::tokens`])
//!   splits them — case preserved, `China's` as `China` + `'s`, `didn't` as `did` + `n't` —
//!   and returns one [`Tag`] per word. It never panics, whatever the words.
//! * [`Tagger::from_bytes`] / [`Tagger::from_reader`] read a model, [`Tagger::save`] writes
//!   one (the format is in `file.rs`); a coder can so own a tagger other than the bundled one.
//! * With the `train` feature, `Tagger::train` builds a model and `brown` converts the Brown
//!   corpus (`examples/train_tagger.rs`; the tests compile them too).
//!
//! # Features
//!
//! For word *i* (NLTK's set, plus word shape): a bias; the last three characters of the word
//! and its first character (case kept); the word itself (lower-cased, numbers folded to
//! `!YEAR` / `!DIGITS`); the previous tag, the tag before it, and both together; the previous
//! tag with the word; the previous two and next two words; the last three characters of the
//! previous and next words; the shape of the word and of the next word (`Macron` → `Xx`,
//! `U.S.` → `X.X.`, `1,000` → `d,d`). Typographic variants are folded before any feature is
//! read: curly quotes and apostrophes (`“ ” ‘ ’`), dashes (`— –` → `--`), `…`, brackets
//! (`[ ] { }` → `( )`), guillemets. Words that were frequent (≥ 20 times) and unambiguous
//! (≥ 97% one tag) in training are tagged from a dictionary without scoring. Tokens made only
//! of punctuation or symbols are tagged by a fixed table, the one the Brown conversion uses
//! (`brown`), except the ambiguous `"` and `'`; a straight `"` that follows a quote opened
//! earlier in the sentence is tagged as closing it.
//! Feature names are hashed to 64-bit keys (FNV-1a of the strings, then mixed with the
//! template number), so a model stores no feature strings.
//!
//! # Tag set
//!
//! The Penn Treebank tags: `NN NNS NNP NNPS VB VBD VBG VBN VBP VBZ MD JJ JJR JJS RB RBR RBS DT
//! PDT PRP PRP$ WP WP$ WDT WRB IN TO CC CD EX FW POS RP UH SYM` and punctuation `. , : ( ) ``
//! '' $ #` (`:` also covers `;`, dashes and ellipses; `%` is `NN`, as in the Treebank). See
//! `brown.rs` for how Brown's tags are mapped onto them.
//!
//! # Files
//!
//! From the bottom layer up, each using only those before it: `tags.rs` (the tag set),
//! `features.rs` (feature keys and the per-thread word cache), `model.rs` (the weights in
//! memory and scoring), `file.rs` (the model file), `tagging.rs` (tagging a sentence),
//! `training.rs` and `brown.rs` (training, with the `train` feature).

#[cfg(any(test, feature = "train"))]
pub mod brown;
mod features;
mod file;
mod model;
mod tagging;
mod tags;
#[cfg(test)]
mod tests;
#[cfg(any(test, feature = "train"))]
mod training;

pub use model::Tagger;
pub use tagging::Tagging;
pub use tags::{Tag, UnknownTag};

use std::sync::OnceLock;

/// `data/tagger/model.bin`, compiled in.
static BUNDLED_MODEL: &[u8] = include_bytes!("../../../../data/tagger/model.bin");

impl Tagger {
    /// The model shipped with dyad (`data/tagger/model.bin`, trained on the Brown corpus),
    /// parsed on first use.
    pub fn bundled() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(BUNDLED_MODEL).expect("the bundled tagger model is valid")
        })
    }
}
