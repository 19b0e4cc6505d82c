//! What the tagger reads of a word and its neighbours: the feature templates, hashed to
//! 64-bit keys ([`features`]), and what each needs to know about a word ([`WordInfo`]),
//! computed once per thread and word.
//!
//! The per-thread cache of [`WordInfo`]s is shared by every [`Tagger`](super::Tagger) on the
//! thread: a word's `WordInfo` depends on the word and on the feature templates
//! ([`FEATURE_SET`]) alone, never on a model's weights or dictionary, so one tagger reading
//! another's entry reads exactly what it would have computed.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tags::{punct_tag, Tag};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(super) struct IdHasher(u64);

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

pub(super) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

pub(super) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The key of feature template `t` with values `a` and `b`; never 0 (0 marks an empty slot).
#[inline]
pub(super) fn mix(t: u64, a: u64, b: u64) -> u64 {
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

/// Version of the feature templates below; stored in model files.
pub(super) const FEATURE_SET: u32 = 1;
/// Number of features per word.
pub(super) const NF: usize = 16;
/// [`WordInfo::punct`] of a word.
pub(super) const NO_PUNCT: u8 = u8::MAX;
/// Tag-context value before the first word (and the one before that).
pub(super) const START: u64 = 1000;
pub(super) const START2: u64 = 1001;

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
pub(super) struct WordInfo {
    /// The folded word, case kept (the tag-dictionary key).
    pub(super) exact: u64,
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
    pub(super) punct: u8,
}

impl WordInfo {
    pub(super) fn padding(name: &str) -> WordInfo {
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

    pub(super) fn new(word: &str, buf: &mut Buffers) -> WordInfo {
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
pub(super) struct Buffers {
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
pub(super) fn fold(word: &str, out: &mut String) {
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

/// Tag-context value of a tag (the previous tags of a word).
#[inline]
pub(super) fn tag_value(t: Tag) -> u64 {
    t as u64 + 1
}

/// The feature keys of the word at `ctx[i]` (`ctx` has two padding entries at each end).
#[inline]
pub(super) fn features(ctx: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut [u64; NF]) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
