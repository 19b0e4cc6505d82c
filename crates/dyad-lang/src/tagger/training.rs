//! Training a model: the averaged perceptron ([`Tagger::train`]) and the dictionary of
//! frequent unambiguous words. Compiled with the `train` feature (and for the tests).

use std::collections::HashMap;

use super::features::{
    features, fnv, fold, tag_value, Buffers, IdMap, WordInfo, NF, NO_PUNCT, START, START2,
};
use super::model::{argmax, Tagger};
use super::tags::{Tag, NT};

impl Tagger {
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

/// Averaged weights smaller than this are dropped from a trained model.
const PRUNE: f32 = 0.001;

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
