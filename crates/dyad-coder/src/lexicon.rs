//! The dictionaries compiled into matchers over normalised tokens: a phrase index for actors,
//! agents and discards (longest match first), and a verb-form index from each surface form of a
//! verb word to the dictionary verbs it may be.

use std::collections::HashMap;

use dyad_dict::bundled::Dictionaries;
use dyad_dict::verbs::{CodeSpec, VerbForm};

/// Phrases keyed by their first word; candidates sorted longest first, then by insertion order,
/// so the first hit is the longest match and ties go to the earlier dictionary entry.
/// A dictionary phrase and the ids of every entry written with it, in dictionary order.
type PhraseEntries = (Vec<String>, Vec<u32>);

#[derive(Debug, Default)]
pub struct PhraseIndex {
    /// Phrases by their first word.
    by_first: HashMap<String, Vec<PhraseEntries>>,
}

impl PhraseIndex {
    pub fn insert(&mut self, words: &[String], id: u32) {
        if let Some(first) = words.first() {
            let list = self.by_first.entry(first.clone()).or_default();
            match list.iter_mut().find(|(w, _)| w.as_slice() == words) {
                Some((_, ids)) => {
                    if !ids.contains(&id) {
                        ids.push(id)
                    }
                }
                None => list.push((words.to_vec(), vec![id])),
            }
        }
    }

    /// Sort candidate lists longest first (stable, so earlier entries win ties).
    pub fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The longest phrase starting at `words[at]`: (length in words, first entry's id).
    pub fn longest_at(&self, words: &[&str], at: usize) -> Option<(usize, u32)> {
        self.longest_at_all(words, at)
            .map(|(len, ids)| (len, ids[0]))
    }

    /// The longest phrase starting at `words[at]` with every entry that has it ("President
    /// Bush" is both Bushes).
    pub fn longest_at_all(&self, words: &[&str], at: usize) -> Option<(usize, &[u32])> {
        let list = self.by_first.get(words.get(at)?.to_owned())?;
        list.iter()
            .find(|(w, _)| {
                at + w.len() <= words.len() && w.iter().zip(&words[at..]).all(|(a, b)| a == b)
            })
            .map(|(w, ids)| (w.len(), ids.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// How a verb form is inflected, as far as the coder needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflection {
    Base,
    ThirdSingular,
    /// Past tense or past participle.
    Past,
    Ing,
}

/// One way a text word can be a dictionary verb.
#[derive(Debug, Clone)]
pub struct VerbCandidate {
    pub form: VerbForm,
    pub inflection: Inflection,
    pub block: usize,
    pub entry: usize,
}

/// Every dictionary verb form, keyed by its verb word.
#[derive(Debug, Default)]
pub struct VerbIndex {
    by_word: HashMap<String, Vec<VerbCandidate>>,
}

impl VerbIndex {
    pub fn candidates(&self, word: &str) -> &[VerbCandidate] {
        self.by_word.get(word).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn inflection_of(form: &str, base: &str) -> Inflection {
    if form == base {
        Inflection::Base
    } else if form.ends_with("ING") {
        Inflection::Ing
    } else if form.ends_with('S') && !form.ends_with("SS") && form.len() > base.len() {
        Inflection::ThirdSingular
    } else {
        Inflection::Past
    }
}

/// The compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    pub dicts: Dictionaries,
    pub actors: PhraseIndex,
    pub agents: PhraseIndex,
    pub discards: PhraseIndex,
    pub verbs: VerbIndex,
}

impl Lexicon {
    pub fn new(dicts: Dictionaries) -> Lexicon {
        // dyad's own (current) entries first, so that they come first among the entries of a
        // name (see `mentions::pick_actor`)
        let mut actors = PhraseIndex::default();
        for superseding in [true, false] {
            for (i, e) in dicts.actors.entries.iter().enumerate() {
                if e.codes.is_empty() || e.supersedes() != superseding {
                    continue;
                }
                for name in &e.names {
                    actors.insert(name, i as u32);
                }
            }
        }
        actors.finish();
        let mut agents = PhraseIndex::default();
        for (i, e) in dicts.agents.entries.iter().enumerate() {
            for p in &e.phrases {
                agents.insert(p, i as u32);
            }
        }
        agents.finish();
        let mut discards = PhraseIndex::default();
        for (i, d) in dicts.discards.entries.iter().enumerate() {
            discards.insert(&d.words, i as u32);
        }
        discards.finish();
        let mut verbs = VerbIndex::default();
        for (b, block) in dicts.verbs.blocks.iter().enumerate() {
            for (e, entry) in block.verbs.iter().enumerate() {
                let Some(base) = entry.forms.first() else {
                    continue;
                };
                for form in &entry.forms {
                    // a form whose verb word has no letter is a reading artifact, not a verb
                    if !form.verb.chars().any(char::is_alphabetic) {
                        continue;
                    }
                    let cand = VerbCandidate {
                        form: form.clone(),
                        inflection: inflection_of(&form.verb, &base.verb),
                        block: b,
                        entry: e,
                    };
                    verbs
                        .by_word
                        .entry(form.verb.clone())
                        .or_default()
                        .push(cand);
                }
            }
        }
        Lexicon {
            dicts,
            actors,
            agents,
            discards,
            verbs,
        }
    }

    /// The code that applies to a verb entry when no pattern matches: its own, else its block's.
    pub fn default_code(&self, block: usize, entry: usize) -> &CodeSpec {
        let b = &self.dicts.verbs.blocks[block];
        b.verbs[entry].code.as_ref().unwrap_or(&b.code)
    }
}
