//! The weights of a model in memory, laid out for fast scoring: an open-addressing table of
//! feature keys with their first weights inline, and dense rows for features with many
//! ([`Tagger`]); and the scoring of a word's features ([`Tagger::predict`]).

use std::fmt;

use super::features::{fnv, IdMap, NF};
use super::tags::{Tag, NT};

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
pub(super) struct Entry {
    pub(super) weight: f32,
    /// Class index, with [`LAST`] set on the last further weight of a feature.
    pub(super) tag: u32,
}
/// An averaged-perceptron part-of-speech tagger. See the [module docs](super).
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
    pub(super) n_features: usize,
    pub(super) n_weights: usize,
    /// Frequent unambiguous words (folded, case kept) and their tag.
    pub(super) dict: IdMap<Tag>,
    pub(super) dict_words: Vec<(String, Tag)>,
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

impl Tagger {
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

    pub(super) fn predict(&self, feats: &[u64; NF]) -> Tag {
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
    pub(super) fn from_parts(
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
    pub(super) fn weights(&self) -> Vec<(u64, Vec<Entry>)> {
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
}

pub(super) fn argmax(scores: &[f32; NT]) -> Tag {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    Tag::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::features::mix;

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
}
