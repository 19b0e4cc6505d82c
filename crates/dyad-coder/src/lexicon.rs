//! The dictionaries compiled into matchers over normalised tokens: a phrase index for actors,
//! agents and discards (longest match first), and a verb-form index from each surface form of a
//! verb word to the dictionary verbs it may be.

use rustc_hash::FxHashMap;

use dyad_dict::bundled::Dictionaries;
use dyad_dict::event_nouns::{EventNoun, EventNounLexicon};
use dyad_dict::verbs::{Alternatives, CodeSpec, Pattern, PatternElement, VerbForm};
use dyad_text::Token;

/// Every word the dictionaries match a sentence's words against (the words of actor, agent and
/// discard phrases, the verb words of verb forms, the words of verb patterns), numbered: a
/// sentence's words are looked up once ([`SentenceView::word_ids`]) and each index then
/// compares numbers, where every index used to hash and compare the words' text again.
///
/// [`SentenceView::word_ids`]: crate::sentence::SentenceView::word_ids
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(w.to_string(), next);
        next
    }

    /// The id of a word, [`NO_WORD`] if no dictionary has it.
    pub fn id(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(NO_WORD)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Values laid out by [`Vocabulary`] id: `slots[id]` is the value's place in `values`
/// ([`NO_WORD`] for an id without one; ids past the end have none). The phrase and verb
/// indexes are read for every word of every sentence: an array read, where a hash look-up was.
#[derive(Debug)]
struct ById<T> {
    slots: Vec<u32>,
    values: Vec<T>,
}

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById {
            slots: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<T> ById<T> {
    /// Give `id` its value (each id once).
    fn insert(&mut self, id: u32, value: T) {
        let id = id as usize;
        if self.slots.len() <= id {
            self.slots.resize(id + 1, NO_WORD);
        }
        self.slots[id] = self.values.len() as u32;
        self.values.push(value);
    }

    #[inline]
    fn get(&self, id: u32) -> Option<&T> {
        let slot = *self.slots.get(id as usize)?;
        self.values.get(slot as usize)
    }
}

/// A dictionary phrase (as [`Vocabulary`] ids) and the ids of every entry written with it, in
/// dictionary order.
type PhraseEntries = (Vec<u32>, Vec<u32>);

/// The phrases that start with one word: the one-word phrase, and the longer ones by their
/// second word, longest first, then by insertion order.
#[derive(Debug, Default)]
struct FirstWord {
    single: Option<Vec<u32>>,
    by_second: FxHashMap<u32, Vec<PhraseEntries>>,
}

/// Phrases, their words as [`Vocabulary`] ids, keyed by their first two words; candidates
/// sorted longest first, then by insertion order, so the first hit is the longest match and
/// ties go to the earlier dictionary entry.
/// (Every phrase longer than one word that can match at a position shares its second word, so
/// the two-level key finds the same phrase a single longest-first list would, without
/// comparing the hundreds of phrases that open with "THE".)
#[derive(Debug, Default)]
pub struct PhraseIndex {
    /// While phrases are inserted: each first word's phrases.
    by_first: FxHashMap<u32, FirstWord>,
    /// Once [`PhraseIndex::finish`]ed: each first word's phrases by its vocabulary id.
    firsts: ById<FirstWord>,
}

impl PhraseIndex {
    pub fn insert(&mut self, words: &[u32], id: u32) {
        let Some(&first) = words.first() else {
            return;
        };
        let fw = self.by_first.entry(first).or_default();
        let add = |ids: &mut Vec<u32>| {
            if !ids.contains(&id) {
                ids.push(id)
            }
        };
        match words.get(1) {
            None => add(fw.single.get_or_insert_with(Vec::new)),
            Some(&second) => {
                let list = fw.by_second.entry(second).or_default();
                match list.iter_mut().find(|(w, _)| w.as_slice() == words) {
                    Some((_, ids)) => add(ids),
                    None => list.push((words.to_vec(), vec![id])),
                }
            }
        }
    }

    /// Sort candidate lists longest first (stable, so earlier entries win ties), and lay the
    /// first words out by vocabulary id. Phrases inserted after this are not found.
    pub fn finish(&mut self) {
        for fw in self.by_first.values_mut() {
            for list in fw.by_second.values_mut() {
                list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
        }
        let mut firsts: Vec<(u32, FirstWord)> =
            std::mem::take(&mut self.by_first).into_iter().collect();
        firsts.sort_unstable_by_key(|&(id, _)| id);
        for (id, fw) in firsts {
            self.firsts.insert(id, fw);
        }
    }

    /// The longest phrase starting at `words[at]` (the words as [`Vocabulary`] ids): (length
    /// in words, first entry's id).
    pub fn longest_at(&self, words: &[u32], at: usize) -> Option<(usize, u32)> {
        self.longest_at_all(words, at)
            .map(|(len, ids)| (len, ids[0]))
    }

    /// The longest phrase starting at `words[at]` with every entry that has it ("President
    /// Bush" is both Bushes).
    pub fn longest_at_all(&self, words: &[u32], at: usize) -> Option<(usize, &[u32])> {
        let fw = self.firsts.get(*words.get(at)?)?;
        if let Some(list) = words.get(at + 1).and_then(|w| fw.by_second.get(w)) {
            let found = list.iter().find(|(w, _)| {
                at + w.len() <= words.len()
                    && w[2..].iter().zip(&words[at + 2..]).all(|(a, b)| a == b)
            });
            if let Some((w, ids)) = found {
                return Some((w.len(), ids.as_slice()));
            }
        }
        fw.single.as_deref().map(|ids| (1, ids))
    }

    pub fn len(&self) -> usize {
        self.by_first
            .values()
            .chain(&self.firsts.values)
            .map(|fw| {
                usize::from(fw.single.is_some())
                    + fw.by_second.values().map(Vec::len).sum::<usize>()
            })
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty() && self.firsts.values.is_empty()
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

/// Every dictionary verb form, by its verb word's [`Vocabulary`] id.
#[derive(Debug, Default)]
pub struct VerbIndex {
    forms: ById<Vec<VerbCandidate>>,
}

impl VerbIndex {
    /// The verb forms whose verb word has the id `word`.
    pub fn candidates(&self, word: u32) -> &[VerbCandidate] {
        self.forms.get(word).map_or(&[], Vec::as_slice)
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

/// The id of a word that no verb pattern has.
pub const NO_WORD: u32 = u32::MAX;

/// The words of the verb patterns, numbered apart from the [`Vocabulary`] (a sentence keeps a
/// bit for each of them), so that matching compares numbers.
#[derive(Debug, Default)]
pub struct PatternWords {
    /// The pattern words numbered among themselves.
    words: Vocabulary,
    /// The pattern word id of each [`Vocabulary`] id ([`NO_WORD`] for a word no pattern has).
    by_vocabulary: Vec<u32>,
    /// The id of the empty word, which a sentence gives past its end.
    empty: u32,
}

impl PatternWords {
    /// The pattern word id of the word with [`Vocabulary`] id `id`.
    #[inline]
    pub fn of(&self, id: u32) -> u32 {
        self.by_vocabulary
            .get(id as usize)
            .copied()
            .unwrap_or(NO_WORD)
    }

    /// The id of the empty word ([`NO_WORD`] if no pattern has it).
    pub fn empty(&self) -> u32 {
        self.empty
    }

    fn intern(&mut self, w: &str) -> u32 {
        self.words.intern(w)
    }

    /// The id of a word, [`NO_WORD`] if no pattern has it.
    pub fn id(&self, w: &str) -> u32 {
        self.words.id(w)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A pattern element ([`PatternElement`]) with its words as [`PatternWords`] ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    Noun(Vec<Vec<u32>>),
    Prep {
        preps: Vec<u32>,
        object: Option<Vec<Vec<u32>>>,
    },
    Source,
    Target,
    Skip,
    Compound,
}

/// A verb pattern compiled for matching: its elements as ids, and for each word element the
/// words one of which a sentence must hold for the pattern to match anywhere in it.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    pub pre: Vec<Element>,
    pub post: Vec<Element>,
    pub needs: Vec<Vec<u32>>,
}

impl CompiledPattern {
    fn new(p: &dyad_dict::verbs::Pattern, words: &mut PatternWords) -> CompiledPattern {
        let mut needs = Vec::new();
        let pre = compile_side(&p.pre, words, &mut needs);
        let post = compile_side(&p.post, words, &mut needs);
        CompiledPattern { pre, post, needs }
    }
}

fn compile_alts(
    a: &Alternatives,
    words: &mut PatternWords,
    needs: &mut Vec<Vec<u32>>,
) -> Vec<Vec<u32>> {
    let ids: Vec<Vec<u32>> = a
        .iter()
        .map(|alt| alt.iter().map(|w| words.intern(w)).collect())
        .collect();
    needs.push(ids.iter().filter_map(|alt| alt.first().copied()).collect());
    ids
}

fn compile_side(
    els: &[PatternElement],
    words: &mut PatternWords,
    needs: &mut Vec<Vec<u32>>,
) -> Vec<Element> {
    els.iter()
        .map(|e| match e {
            PatternElement::Noun(a) => Element::Noun(compile_alts(a, words, needs)),
            PatternElement::Prep { preps, object } => {
                let preps: Vec<u32> = preps.iter().map(|w| words.intern(w)).collect();
                needs.push(preps.clone());
                Element::Prep {
                    preps,
                    object: object.as_ref().map(|a| compile_alts(a, words, needs)),
                }
            }
            PatternElement::Source => Element::Source,
            PatternElement::Target => Element::Target,
            PatternElement::Skip => Element::Skip,
            PatternElement::Compound => Element::Compound,
        })
        .collect()
}

/// What a [`Vocabulary`] word is in English grammar, as far as the hottest tests need: worked
/// out from the word's text the first time a sentence has it (the tests compare the word with
/// dozens of function words), then read from here. Each entry is set once, to the same value
/// by whichever thread gets there first, so relaxed atomics suffice.
#[derive(Debug, Default)]
pub struct WordClasses {
    bits: Vec<std::sync::atomic::AtomicU8>,
}

/// [`WordClasses`]: the entry is filled in.
const CLASS_KNOWN: u8 = 1;
/// [`english::breaks_np`](crate::english::breaks_np).
pub const CLASS_BREAKS_NP: u8 = 2;
/// [`english::never_verb`](crate::english::never_verb).
pub const CLASS_NEVER_VERB: u8 = 4;

impl WordClasses {
    fn new(words: usize) -> WordClasses {
        WordClasses {
            bits: (0..words).map(|_| Default::default()).collect(),
        }
    }

    /// The class bits of word `w`, whose [`Vocabulary`] id is `id`.
    #[inline]
    pub fn of(&self, id: u32, w: &str) -> u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let Some(slot) = self.bits.get(id as usize) else {
            return classify(w);
        };
        let bits = slot.load(Relaxed);
        if bits & CLASS_KNOWN != 0 {
            return bits;
        }
        let bits = classify(w);
        slot.store(bits, Relaxed);
        bits
    }
}

fn classify(w: &str) -> u8 {
    let mut bits = CLASS_KNOWN;
    if crate::english::breaks_np(w) {
        bits |= CLASS_BREAKS_NP;
    }
    if crate::english::never_verb(w) {
        bits |= CLASS_NEVER_VERB;
    }
    bits
}

/// The compiled dictionaries.
#[derive(Debug)]
pub struct Lexicon {
    pub dicts: Dictionaries,
    /// Every word the indexes below match, numbered.
    pub vocabulary: Vocabulary,
    /// The grammar of each vocabulary word, as sentences meet it.
    pub classes: WordClasses,
    pub actors: PhraseIndex,
    pub agents: PhraseIndex,
    pub discards: PhraseIndex,
    pub verbs: VerbIndex,
    /// The words of the verb patterns.
    pub pattern_words: PatternWords,
    /// Each verb block's patterns compiled, in the order of `dicts.verbs.blocks[b].patterns`.
    pub patterns: Vec<Vec<CompiledPattern>>,
    /// Each verb block's event-coding patterns by the words they need (see [`PatternIndex`]).
    pub pattern_index: Vec<PatternIndex>,
    /// The event-noun lexicon's entries (their index in `dicts.event_nouns.nouns`) by the
    /// vocabulary id of their form, and the first words of its compounds ("PHONE" of "PHONE
    /// CALL"): every word of every sentence is looked up, by the id it has already.
    event_nouns: ById<u32>,
    compound_openers: ById<()>,
    /// One bit per vocabulary id: is the word an event noun or a compound's first word? (A
    /// sentence's words are asked this one by one; most are neither.)
    event_words: Vec<u64>,
}

/// A verb block's patterns that code an event, found by a word of the sentence rather than by
/// trying every pattern of the block: a pattern is listed under each word of its first
/// needed element ([`CompiledPattern::needs`]), and one that needs no word under `always`.
/// A pattern that can match a sentence is among the patterns listed under its words.
#[derive(Debug, Default)]
pub struct PatternIndex {
    pub by_word: FxHashMap<u32, Vec<u32>>,
    pub always: Vec<u32>,
}

impl PatternIndex {
    fn new(block: &dyad_dict::verbs::VerbBlock, compiled: &[CompiledPattern]) -> PatternIndex {
        let mut index = PatternIndex::default();
        for (k, (p, c)) in block.patterns.iter().zip(compiled).enumerate() {
            if !codes_an_event(p) {
                continue;
            }
            match c.needs.first() {
                None => index.always.push(k as u32),
                Some(words) => {
                    for &w in words {
                        let list = index.by_word.entry(w).or_default();
                        if list.last() != Some(&(k as u32)) {
                            list.push(k as u32);
                        }
                    }
                }
            }
        }
        index
    }

    /// The patterns (indexes into the block's, ascending) that may match a sentence holding
    /// the words `ids`.
    pub fn candidates(&self, ids: &WordIds) -> Vec<u32> {
        let mut out = self.always.clone();
        // from whichever side is shorter: most blocks list fewer words than a sentence has
        if self.by_word.len() <= ids.ids().len() {
            for (&word, list) in &self.by_word {
                if ids.has(word) {
                    out.extend_from_slice(list);
                }
            }
        } else {
            for id in ids.ids() {
                if let Some(list) = self.by_word.get(id) {
                    out.extend_from_slice(list);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Lexicon {
    pub fn new(dicts: Dictionaries) -> Lexicon {
        // the actor index is most of the work: it is built on a thread of its own, with the
        // vocabulary, into which the other indexes' (far fewer) words then go
        let ((mut vocabulary, actors), (agents, discards, verbs, pattern_words, patterns)) =
            std::thread::scope(|scope| {
                let actors = scope.spawn(|| actor_index(&dicts));
                let rest = other_indexes(&dicts);
                (actors.join().expect("the actor index builds"), rest)
            });
        let agents = agents.finish(&mut vocabulary);
        let discards = discards.finish(&mut vocabulary);
        let verbs = verbs.finish(&mut vocabulary);
        let pattern_words = pattern_words.finish(&mut vocabulary);
        let (event_nouns, compound_openers) = event_noun_index(&dicts.event_nouns, &mut vocabulary);
        let mut event_words = vec![0u64; vocabulary.len().div_ceil(64)];
        for id in 0..vocabulary.len() as u32 {
            if event_nouns.get(id).is_some() || compound_openers.get(id).is_some() {
                event_words[id as usize / 64] |= 1 << (id % 64);
            }
        }
        let pattern_index = dicts
            .verbs
            .blocks
            .iter()
            .zip(&patterns)
            .map(|(b, c)| PatternIndex::new(b, c))
            .collect();
        Lexicon {
            dicts,
            classes: WordClasses::new(vocabulary.len()),
            vocabulary,
            actors,
            agents,
            discards,
            verbs,
            pattern_words,
            patterns,
            pattern_index,
            event_nouns,
            compound_openers,
            event_words,
        }
    }

    /// Is the word (by its [`Vocabulary`] id) an event noun or the first word of a compound
    /// one? The cheap question to ask before [`Lexicon::event_noun`] and
    /// [`Lexicon::event_compound`].
    #[inline]
    pub fn may_name_event(&self, id: u32) -> bool {
        self.event_words
            .get(id as usize / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// The event noun a word is, by its [`Vocabulary`] id (a single word's entry; a
    /// compound's is found by [`Lexicon::event_compound`]).
    pub fn event_noun(&self, id: u32) -> Option<&EventNoun> {
        let &k = self.event_nouns.get(id)?;
        self.dicts.event_nouns.nouns.get(k as usize)
    }

    /// The compound event noun two words make ("phone call"): the first by its vocabulary id.
    pub fn event_compound(&self, first_id: u32, first: &str, second: &str) -> Option<&EventNoun> {
        self.compound_openers.get(first_id)?;
        self.dicts.event_nouns.get_compound(first, second)
    }

    /// The [`Vocabulary`] ids of a sentence's words.
    pub fn word_ids(&self, tokens: &[Token]) -> Vec<u32> {
        tokens.iter().map(|t| self.vocabulary.id(&t.norm)).collect()
    }

    /// The code that applies to a verb entry when no pattern matches: its own, else its block's.
    pub fn default_code(&self, block: usize, entry: usize) -> &CodeSpec {
        let b = &self.dicts.verbs.blocks[block];
        b.verbs[entry].code.as_ref().unwrap_or(&b.code)
    }
}

/// Every actor name, keyed for matching, and the vocabulary of their words.
fn actor_index(dicts: &Dictionaries) -> (Vocabulary, PhraseIndex) {
    // dyad's own (current) entries first, so that they come first among the entries of a
    // name (see `mentions::pick_actor`)
    let mut vocabulary = Vocabulary::default();
    let mut actors = PhraseIndex::default();
    let mut ids = Vec::new();
    for superseding in [true, false] {
        for (i, e) in dicts.actors.entries.iter().enumerate() {
            if e.codes.is_empty() || e.supersedes() != superseding {
                continue;
            }
            for name in &e.names {
                ids.clear();
                ids.extend(name.iter().map(|w| vocabulary.intern(w)));
                actors.insert(&ids, i as u32);
            }
        }
    }
    actors.finish();
    (vocabulary, actors)
}

/// Phrases and their entries' ids, in insertion order, waiting for the vocabulary (built on
/// another thread) to become a [`PhraseIndex`].
#[derive(Default)]
struct PendingPhrases<'d> {
    phrases: Vec<(&'d [String], u32)>,
}

impl PendingPhrases<'_> {
    fn finish(self, vocabulary: &mut Vocabulary) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        for (words, id) in self.phrases {
            let ids: Vec<u32> = words.iter().map(|w| vocabulary.intern(w)).collect();
            index.insert(&ids, id);
        }
        index.finish();
        index
    }
}

/// The event nouns' entries and the compounds' first words by vocabulary id (the forms put
/// into the vocabulary): see [`Lexicon::event_noun`].
fn event_noun_index(
    lexicon: &EventNounLexicon,
    vocabulary: &mut Vocabulary,
) -> (ById<u32>, ById<()>) {
    let mut forms: Vec<(&String, &usize)> = lexicon.by_form.iter().collect();
    forms.sort_unstable();
    let mut nouns = ById::default();
    for (form, &k) in forms {
        nouns.insert(vocabulary.intern(form), k as u32);
    }
    let mut openers: Vec<&String> = lexicon.compound_openers.iter().collect();
    openers.sort_unstable();
    let mut compound_openers = ById::default();
    for w in openers {
        compound_openers.insert(vocabulary.intern(w), ());
    }
    (nouns, compound_openers)
}

/// The verb forms by their verb word, waiting for the vocabulary.
#[derive(Default)]
struct PendingVerbs {
    by_word: FxHashMap<String, Vec<VerbCandidate>>,
}

impl PendingVerbs {
    fn finish(self, vocabulary: &mut Vocabulary) -> VerbIndex {
        let mut index = VerbIndex::default();
        // in a fixed order, so that the ids do not depend on the hash map's
        let mut words: Vec<(String, Vec<VerbCandidate>)> = self.by_word.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        for (word, candidates) in words {
            index.forms.insert(vocabulary.intern(&word), candidates);
        }
        index
    }
}

impl PatternWords {
    /// Put the pattern words in the vocabulary and keep each one's pattern id by its id there.
    fn finish(mut self, vocabulary: &mut Vocabulary) -> PatternWords {
        let mut words: Vec<(&String, &u32)> = self.words.ids.iter().collect();
        words.sort_by_key(|&(_, &id)| id);
        let mut by_vocabulary = Vec::new();
        for (word, &pattern_id) in words {
            let v = vocabulary.intern(word) as usize;
            if by_vocabulary.len() <= v {
                by_vocabulary.resize(v + 1, NO_WORD);
            }
            by_vocabulary[v] = pattern_id;
        }
        self.by_vocabulary = by_vocabulary;
        self.empty = self.id("");
        self
    }
}

/// The agent and discard phrases, the verb forms and the compiled verb patterns.
fn other_indexes(
    dicts: &Dictionaries,
) -> (
    PendingPhrases<'_>,
    PendingPhrases<'_>,
    PendingVerbs,
    PatternWords,
    Vec<Vec<CompiledPattern>>,
) {
    let mut agents = PendingPhrases::default();
    for (i, e) in dicts.agents.entries.iter().enumerate() {
        for p in &e.phrases {
            agents.phrases.push((p, i as u32));
        }
    }
    let mut discards = PendingPhrases::default();
    for (i, d) in dicts.discards.entries.iter().enumerate() {
        discards.phrases.push((&d.words, i as u32));
    }
    let mut verbs = PendingVerbs::default();
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
    let mut pattern_words = PatternWords::default();
    let patterns = dicts
        .verbs
        .blocks
        .iter()
        .map(|b| {
            b.patterns
                .iter()
                .map(|p| CompiledPattern::new(p, &mut pattern_words))
                .collect()
        })
        .collect();
    (agents, discards, verbs, pattern_words, patterns)
}

/// A pattern whose code is TABARI's discard `###` or divert `+++` marks a sentence for a
/// human, which PETR-2 does not do: such patterns are skipped.
pub fn codes_an_event(p: &Pattern) -> bool {
    match &p.code {
        CodeSpec::Null => true,
        CodeSpec::Code { forward, reverse } => forward
            .iter()
            .chain(reverse.iter())
            .all(|c| c.chars().next().is_some_and(|ch| ch.is_ascii_digit())),
    }
}

/// A sentence's words as [`PatternWords`] ids ([`NO_WORD`] for a word no pattern has), and the
/// set of ids it holds.
pub struct WordIds {
    pub(crate) ids: Vec<u32>,
    /// The id of the empty word, which [`SentenceView::word`] gives past the end.
    pub(crate) empty: u32,
    pub(crate) present: Vec<u64>,
}

impl WordIds {
    /// The id of the word at `i` (the empty word's past the end).
    #[inline]
    pub fn at(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(self.empty)
    }

    /// The ids of the sentence's words, in order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// Does the sentence hold the word `id`?
    #[inline]
    pub fn has(&self, id: u32) -> bool {
        let i = id as usize;
        self.present
            .get(i / 64)
            .is_some_and(|bits| (bits >> (i % 64)) & 1 == 1)
    }
}
