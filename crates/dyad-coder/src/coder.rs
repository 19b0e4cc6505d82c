//! Where a sentence becomes events. The document flows through the stages in order:
//! sentences → tokens → mentions (actors, agents) → verbs → actor phrases → clauses (source,
//! target, code) → events.

use dyad_dict::bundled::Dictionaries;
use dyad_dict::cameo::{self, CameoTable};
use dyad_dict::pico::Pico;
use dyad_dict::plover::PloverMap;
use dyad_text::{split_sentences, tokenize, CharIndex, Document, Token, WholeText};

use crate::clauses::{self, Clause, Complement, Role};
use crate::dates;
use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::{actor_phrases, find_mentions, learn_aliases, ActorCode, ActorPhrase};
use crate::nominal;
use crate::places;
use crate::sentence::SentenceView;
use crate::verbs::{find_verbs, VerbOccurrence};
use dyad_model::{ActorRef, Event, Modality, QuoteRecord, Span};

/// The coder: compiled dictionaries plus the CAMEO and PLOVER tables.
pub struct Coder {
    lex: Lexicon,
    cameo: &'static CameoTable,
    plover: &'static PloverMap,
    limits: Limits,
    /// Sentences cut at `limits.max_sentence_tokens` so far (reported by the command line).
    sentences_cut: std::sync::atomic::AtomicUsize,
}

/// Bounds on the work one piece of input may cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Tokens of a sentence that are coded; a longer "sentence" (a table, a list without
    /// stops, junk) is cut to its first this many. Real sentences stay far below the default.
    pub max_sentence_tokens: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sentence_tokens: 1000,
        }
    }
}

impl Coder {
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder {
            lex: Lexicon::new(dicts),
            cameo: CameoTable::bundled(),
            plover: PloverMap::bundled(),
            limits: Limits::default(),
            sentences_cut: Default::default(),
        }
    }

    /// The same coder with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Coder {
        self.limits = limits;
        self
    }

    /// How many sentences were cut at the token limit since the coder was made.
    pub fn sentences_cut(&self) -> usize {
        self.sentences_cut
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The actor code(s) a name gets on a date, read as the coder reads names in text ("President
    /// Xi", "the Kremlin", "French President Emmanuel Macron"): one entry per actor phrase, each
    /// with the codes of its members. Empty when no dictionary entry names it.
    pub fn code_name(&self, name: &str, date: Option<chrono::NaiveDate>) -> Vec<Vec<String>> {
        self.read_name(name, date)
            .phrases
            .into_iter()
            .map(|p| p.members.into_iter().map(|m| m.code).collect())
            .collect()
    }

    /// A name read as the coder reads names in text: its tokens, the dictionary mentions in
    /// it (actors and agents) and the actor phrases they make on `date`.
    pub fn read_name(&self, name: &str, date: Option<chrono::NaiveDate>) -> NameReading {
        let name = name.trim();
        let sentence = dyad_text::Sentence::from_char_range(name, 0, name.chars().count());
        let tokens = tokenize(name, &sentence);
        let s = SentenceView::new(&tokens);
        let mentions = find_mentions(&self.lex, &s, date, &Default::default());
        let phrases = actor_phrases(&self.lex, &s, &mentions, &vec![false; s.len()], date);
        NameReading {
            tokens,
            mentions,
            phrases,
        }
    }

    /// Code a whole article.
    pub fn code_document(&self, doc: &Document) -> Vec<Event> {
        self.code_article(doc, false).0
    }

    /// Code a whole article, and give its quotations with their speakers too when
    /// `with_quotes` (the same as [`Coder::quotes`]; one reading of the article serves both).
    pub fn code_article(
        &self,
        doc: &Document,
        with_quotes: bool,
    ) -> (Vec<Event>, Vec<QuoteRecord>) {
        let sentences = split_sentences(&doc.text, doc.body_start);
        // the article tokenized once, as one piece: the quotation and amount passes read it
        // whole, and each sentence's tokens are a stretch of it (tokenized one by one in an
        // article where a sentence does not start and end at white space)
        let whole = WholeText::new(&doc.text);
        let owned: Vec<Vec<Token>>;
        let tokenized: Vec<&[Token]> = match whole.sentence_ranges(&doc.text, &sentences) {
            Some(ranges) => ranges.into_iter().map(|r| &whole.tokens[r]).collect(),
            None => {
                owned = sentences.iter().map(|s| tokenize(&doc.text, s)).collect();
                owned.iter().map(|t| &t[..]).collect()
            }
        };
        // every pass (discards, quotation speakers, events) reads only the first tokens of an
        // overlong sentence: a table or run-on junk must not cost quadratic time in any of them
        let max = self.limits.max_sentence_tokens.max(1);
        let tokenized: Vec<&[Token]> = tokenized
            .into_iter()
            .map(|tokens| {
                if tokens.len() > max {
                    self.sentences_cut
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    &tokens[..max]
                } else {
                    tokens
                }
            })
            .collect();
        // each word looked up once in the dictionaries' vocabulary, for every pass
        let word_ids: Vec<Vec<u32>> = tokenized.iter().map(|t| self.lex.word_ids(t)).collect();
        let discards: Vec<Discards> = tokenized
            .iter()
            .zip(&word_ids)
            .map(|(t, ids)| self.discards(t, ids))
            .collect();
        if discards.iter().any(|d| d.story) {
            let quotes = if with_quotes {
                self.quotes_of(doc, &tokenized, &word_ids, &whole)
            } else {
                Vec::new()
            };
            return (Vec::new(), quotes);
        }
        // who speaks each quotation, for its "I" and "we" and for the "he" that attributes it
        let marks = doc.text.contains(['"', '“', '”']);
        // read when a sentence has a pronoun a quotation's speaker may stand behind (`voices`)
        let all_quotes = std::cell::OnceCell::new();
        let read_quotes =
            || all_quotes.get_or_init(|| self.quotes_of(doc, &tokenized, &word_ids, &whole));
        let quotes = || -> &[QuoteRecord] {
            if marks {
                read_quotes()
            } else {
                &[]
            }
        };
        let chars = CharIndex::new(&doc.text);
        let mut events = Vec::new();
        let mut memory = ArticleMemory::default();
        for (index, ((tokens, found), ids)) in
            tokenized.iter().zip(&discards).zip(&word_ids).enumerate()
        {
            if tokens.is_empty() || found.sentence {
                continue;
            }
            let before = events.len();
            self.code_sentence(
                doc,
                index,
                tokens,
                ids,
                &chars,
                &quotes,
                &mut memory,
                &mut events,
            );
            if !found.time.is_empty() {
                let mut k = before;
                while k < events.len() {
                    let ev = &events[k].evidence;
                    if found.time.iter().any(|&(a, b)| a < ev.end && ev.start < b) {
                        events.remove(k);
                    } else {
                        k += 1;
                    }
                }
            }
        }
        merge_repeated_reports(&mut events);
        places::attach(doc, &mut events);
        if !events.is_empty() {
            attach_amounts(&whole, &mut events);
        }
        let quotes = if with_quotes {
            read_quotes();
            all_quotes.into_inner().unwrap_or_default()
        } else {
            Vec::new()
        };
        (events, quotes)
    }

    /// The discard phrases of a sentence: a story discard (`+` in the list), a sentence
    /// discard, and the spans of time phrases ("three years ago", "months later"), which are no
    /// sentence discards: they put the clause they stand in in the past or the future, so an
    /// event whose evidence holds one is background, not news, and the rest is still coded.
    fn discards(&self, tokens: &[Token], words: &[u32]) -> Discards {
        let mut found = Discards::default();
        for i in 0..words.len() {
            let Some((len, id)) = self.lex.discards.longest_at(words, i) else {
                continue;
            };
            let d = &self.lex.dicts.discards.entries[id as usize];
            if d.story {
                found.story |= !is_time_discard(&d.words);
            } else if is_time_discard(&d.words) {
                found.time.push((tokens[i].start, tokens[i + len - 1].end));
            } else {
                found.sentence = true;
            }
        }
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence<'q>(
        &self,
        doc: &Document,
        index: usize,
        tokens: &[Token],
        word_ids: &[u32],
        chars: &CharIndex,
        quotes: &dyn Fn() -> &'q [QuoteRecord],
        memory: &mut ArticleMemory,
        events: &mut Vec<Event>,
    ) {
        let first_new = events.len();
        // a short parenthesis ("the European Union (EU)") is an aside: the coder reads past it
        let kept = drop_parentheticals(tokens);
        let s = match &kept {
            std::borrow::Cow::Borrowed(_) => SentenceView::with_word_ids(&kept, word_ids),
            std::borrow::Cow::Owned(_) => SentenceView::new(&kept),
        };
        let mentions = find_mentions(&self.lex, &s, doc.date, &memory.aliases);
        learn_aliases(&self.lex, &s, &mentions, &mut memory.aliases);
        let verbs = find_verbs(&self.lex, &s, &mentions);
        let mut is_verb = vec![false; s.len()];
        for v in &verbs {
            for flag in is_verb.iter_mut().take(v.last + 1).skip(v.first) {
                *flag = true;
            }
        }
        let mut phrases = actor_phrases(&self.lex, &s, &mentions, &is_verb, doc.date);
        resolve_both_sides(&s, &mut phrases, &mut memory.last_pair);
        resolve_definite_descriptions(&s, &mut phrases, memory.last_subject.as_ref());
        if debugging() {
            debug_sentence(&s, &mentions, &verbs, &phrases);
        }
        let voices = voices(&s, quotes);
        let clauses = clauses::clauses(
            &self.lex,
            &s,
            &verbs,
            &phrases,
            &voices,
            &mut memory.last_subject,
        );
        if debugging() {
            for c in &clauses {
                eprintln!(
                    "clause {}..{} verb {} code {:?} subject {:?} object {:?} complement {:?}",
                    c.start,
                    c.end,
                    s.word(c.verb.head),
                    c.coded.code,
                    c.subject
                        .as_ref()
                        .map(|p| (p.span, p.members.first().map(|m| &m.code))),
                    c.object
                        .as_ref()
                        .map(|p| (p.span, p.members.first().map(|m| &m.code))),
                    c.complement
                );
            }
        }
        let ctx = SentenceContext {
            doc,
            chars,
            index,
            s: &s,
            clause_dates: Default::default(),
        };
        let mut done = vec![false; clauses.len()];
        for (ci, c) in clauses.iter().enumerate() {
            if done[ci] {
                continue;
            }
            done[ci] = true;
            let nested = c
                .complement
                .map(|(k, kind)| (k, self.nested(c, &clauses[k], kind)));
            match nested {
                Some((k, Some(first))) => {
                    // the governed verb, then any verb coordinated with it: "claimed that ISIL
                    // had attacked Iraq and taken Mosul" reports both
                    let mut chain = vec![(k, Some(first))];
                    let kind = c
                        .complement
                        .map(|(_, kind)| kind)
                        .unwrap_or(Complement::Finite);
                    let mut last = k;
                    while let Some(j) = (last + 1..clauses.len())
                        .find(|&j| clauses[j].coordinated_with == Some(last))
                    {
                        chain.push((j, self.nested(c, &clauses[j], kind)));
                        last = j;
                    }
                    for (k, n) in chain {
                        let Some(n) = n else { continue };
                        done[k] = true;
                        let inner = &clauses[k];
                        // "said he would not give permission to Russia to help Israel", "said
                        // China will provide $100 million to help Gaza": the inner verb's own
                        // infinitive belongs to it, not to a new event
                        if let Some((k2, Complement::Infinitive)) = inner.complement {
                            done[k2] = true;
                        }
                        let (outer_verb, last_verb) = (&c.verb, &inner.verb);
                        self.emit(
                            &ctx,
                            &n,
                            EvidenceSpan {
                                group_start: outer_verb.group_start,
                                verb: (outer_verb.first, last_verb.last),
                                matched: inner
                                    .coded
                                    .matched
                                    .iter()
                                    .chain(&c.coded.matched)
                                    .copied()
                                    .max(),
                                clause: (c.start, inner.end.max(c.end)),
                            },
                            outer_verb.negated || last_verb.negated || n.refused,
                            n.modality
                                .unwrap_or(outer_verb.modality.max(last_verb.modality)),
                            events,
                        );
                    }
                }
                _ => {
                    // "jailed a student for helping militants", "called for building trust":
                    // a gerund after "for" is the reason or the content of another act, not
                    // an act the text reports
                    let gerund_for = !c.verb.finite
                        && c.verb.candidate.inflection == crate::lexicon::Inflection::Ing
                        && c.verb.group_start > 0
                        && s.word(c.verb.group_start - 1) == "FOR";
                    if gerund_for {
                        continue;
                    }
                    let (source, target) = c.source_target();
                    let (Some(forward), reverse) =
                        (Some(c.coded.code.forward()), c.coded.code.reverse())
                    else {
                        continue;
                    };
                    if c.coded.code.is_null() {
                        continue;
                    }
                    let Some(source) = source else { continue };
                    let n = NestedEvent {
                        source: source.clone(),
                        target: target.cloned(),
                        forward: forward.map(str::to_string),
                        reverse: reverse.map(str::to_string),
                        rule: self.rule(c),
                        modality: None,
                        future: false,
                        refused: false,
                    };
                    self.emit(
                        &ctx,
                        &n,
                        EvidenceSpan {
                            group_start: c.verb.group_start,
                            verb: (c.verb.first, c.verb.last),
                            matched: c.coded.matched.iter().copied().max(),
                            clause: (c.start, c.end),
                        },
                        c.verb.negated,
                        c.verb.modality,
                        events,
                    );
                }
            }
        }
        // "as part of a three-day state visit": the visit the clause's actor makes
        for v in nominal::visits(doc, &s, &is_verb, &phrases, &clauses) {
            let c = &clauses[v.clause];
            // the visit shares the fate of the verbs above it: none when one is negated ("won't
            // try to clash … during a trip"), their modality otherwise
            let mut chain = vec![c];
            while let Some(g) = chain.last().and_then(|c| c.governor) {
                chain.push(&clauses[g]);
            }
            if chain.iter().any(|c| c.verb.negated) {
                continue;
            }
            let modality = chain
                .iter()
                .map(|c| c.verb.modality)
                .max()
                .unwrap_or(c.verb.modality);
            let n = NestedEvent {
                source: v.visitor,
                target: Some(v.host),
                forward: Some("042".to_string()),
                reverse: None,
                rule: "visit (noun)".to_string(),
                modality: None,
                future: false,
                refused: false,
            };
            let ev = EvidenceSpan {
                group_start: v.phrase_start,
                verb: (v.noun, v.noun),
                matched: None,
                clause: (c.start, c.end),
            };
            self.emit(&ctx, &n, ev, false, modality, events);
        }
        dedup_events(events, first_new);
    }

    /// The dictionary line that coded a clause, as `BLOCK:line`.
    fn rule(&self, c: &Clause) -> String {
        let block = &self.lex.dicts.verbs.blocks[c.verb.candidate.block];
        let line = match c.coded.pattern {
            Some(p) => p.line,
            None => block.verbs[c.verb.candidate.entry].line,
        };
        format!("{}:{}", block.name, line)
    }

    /// The base form of a clause's verb ("SAY" for "said").
    fn verb_name(&self, c: &Clause) -> &str {
        let block = &self.lex.dicts.verbs.blocks[c.verb.candidate.block];
        block.verbs[c.verb.candidate.entry]
            .forms
            .first()
            .map(|f| f.verb.as_str())
            .unwrap_or("")
    }

    /// Does a transformation's verb name cover this clause? The name of its verb, or of its
    /// block; `SAY` covers every verb of saying (code root 01) and `ATTACK` every assault,
    /// fight or mass violence (roots 18–20); `Q` is any verb.
    fn verb_matches(&self, name: &str, c: &Clause) -> bool {
        let block = &self.lex.dicts.verbs.blocks[c.verb.candidate.block];
        let code = c.coded.code.forward().unwrap_or("");
        name == "Q"
            || name == self.verb_name(c)
            || name == block.name
            || (name == "SAY" && cameo::root(code) == "01")
            || (name == "ATTACK" && matches!(cameo::root(code), "18" | "19" | "20"))
    }

    /// One event from a verb and the verb it governs, when the pair means one thing:
    /// PETR-2's transformations ("A said B attacked" → A accuses B, 112), an appeal or intent
    /// combined with its content ("wants to help" → 033), a verb of saying with its own
    /// subject's action ("Obama said he would attack" → the attack), or an object-control verb
    /// ("urged Bree to help" → the appeal). None: the two verbs are coded apart.
    fn nested(&self, outer: &Clause, inner: &Clause, kind: Complement) -> Option<NestedEvent> {
        let (a, outer_target) = outer.source_target();
        let a = a?;
        let (inner_source, inner_target) = inner.source_target();
        let outer_code = outer.coded.code.forward();
        let inner_code = if inner.coded.code.is_null() {
            None
        } else {
            inner.coded.code.forward()
        };
        let same = |r: Option<&Role>| r.is_some_and(|r| same_actors(r, a));
        // how the inner subject relates to the outer one: a (same), _ (absent: controlled by
        // the outer subject), b (another actor)
        let controlled = kind == Complement::Infinitive
            && inner.subject.as_ref().is_some_and(|r| r.span.is_none());
        let label = if controlled && same(inner_source) {
            '_'
        } else if same(inner_source) {
            'a'
        } else if inner_source.is_some() {
            'b'
        } else {
            '.'
        };
        let rule = self.rule(outer);
        if let Some(ic) = inner_code {
            for t in &self.lex.dicts.verbs.transformations {
                if !self.verb_matches(&t.outer_verb, outer)
                    || !self.verb_matches(&t.inner_verb, inner)
                {
                    continue;
                }
                let source_ok = match t.inner_source.as_str() {
                    "a" => label == 'a' || label == '_',
                    "_" => label == '_',
                    "b" => label == 'b',
                    _ => true,
                };
                // in (a b X) the inner verb needs a target; in (b . X) anything goes
                let target_ok = match t.inner_target.as_str() {
                    "b" => inner_target.is_some(),
                    _ => true,
                };
                if !source_ok || !target_ok {
                    continue;
                }
                let b = if t.inner_source == "b" {
                    inner_source
                } else {
                    inner_target
                };
                let pick = |x: &str| match x {
                    "a" => Some(a),
                    "b" => b,
                    _ => None,
                };
                let code = if t.result_code == "Q" {
                    ic.to_string()
                } else {
                    t.result_code.clone()
                };
                return Some(NestedEvent {
                    source: pick(&t.result_source)?.clone(),
                    target: pick(&t.result_target).cloned(),
                    forward: Some(code),
                    reverse: None,
                    rule: format!("{}+transformation:{}", rule, t.line),
                    modality: match kind {
                        Complement::Finite => reported_modality(inner),
                        Complement::Infinitive => None,
                    },
                    future: kind == Complement::Finite && is_future(&inner.verb),
                    refused: false,
                });
            }
        }
        match kind {
            Complement::Infinitive => {
                if object_controls(outer, inner) {
                    // "urged Bree to help", "is being pressured by Congress to help": the
                    // appeal, for what it asks ("asking Obama to help" = appeal for aid, 023)
                    if outer.coded.code.is_null() {
                        return None;
                    }
                    let combined = appeal_for(outer_code, inner_code);
                    return Some(NestedEvent {
                        source: a.clone(),
                        target: outer_target.cloned(),
                        forward: combined.map(str::to_string),
                        reverse: outer.coded.code.reverse().map(str::to_string),
                        rule,
                        modality: None,
                        future: false,
                        refused: false,
                    });
                }
                let ic = inner_code?;
                // "wants to help Israel": intent + aid = 033; "pledged to expel": the expulsion
                let pico = Pico::bundled();
                let code = outer_code
                    .filter(|_| !outer.coded.code.is_null())
                    .and_then(|oc| pico.combine(oc, ic))
                    .unwrap_or(ic);
                let intent = outer_code.is_some_and(|oc| cameo::root(oc) == "03");
                // "refused to meet", "declined to provide aid", "failed to free": the act did
                // not happen; coded as the act, negated (its negation code is the refusal)
                let refused = matches!(
                    self.verb_name(outer),
                    "REFUSE" | "DECLINE" | "REJECT" | "FAIL"
                );
                let code = if refused { ic } else { code };
                Some(NestedEvent {
                    source: inner_source.unwrap_or(a).clone(),
                    target: inner_target.cloned(),
                    forward: Some(code.to_string()),
                    reverse: if code == ic {
                        inner.coded.code.reverse().map(str::to_string)
                    } else {
                        None
                    },
                    rule: self.rule(inner),
                    modality: intent.then_some(Modality::Intended),
                    future: false,
                    refused,
                })
            }
            Complement::Finite => {
                // "I hope that China will join our call", "demanded that Israel withdraw": an
                // appeal or a demand, made to the actor of the act it asks for, for that act
                let asks = outer_code.is_some_and(|oc| matches!(cameo::root(oc), "02" | "10"));
                if asks && label == 'b' && !outer.coded.code.is_null() {
                    let asked = inner_source?;
                    let combined = appeal_for(outer_code, inner_code);
                    return Some(NestedEvent {
                        source: a.clone(),
                        target: Some(asked.clone()),
                        forward: combined.map(str::to_string),
                        reverse: None,
                        rule,
                        modality: None,
                        future: false,
                        refused: false,
                    });
                }
                // "Obama said he would attack Iraq": the speaker's own announced action
                let saying = outer_code.is_some_and(|oc| cameo::root(oc) == "01");
                if saying && label == 'a' {
                    let ic = inner_code?;
                    return Some(NestedEvent {
                        source: a.clone(),
                        target: inner_target.cloned(),
                        forward: Some(ic.to_string()),
                        reverse: inner.coded.code.reverse().map(str::to_string),
                        rule: self.rule(inner),
                        modality: reported_modality(inner),
                        future: is_future(&inner.verb),
                        refused: false,
                    });
                }
                None
            }
        }
    }

    /// Push the events of one coded clause: every source member with every target member, in
    /// both directions for a paired code; with no target, each member of a compound source
    /// with each other ("Gondor and Osgiliath delayed their meeting").
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        ctx: &SentenceContext,
        n: &NestedEvent,
        ev: EvidenceSpan,
        negated: bool,
        modality: Modality,
        events: &mut Vec<Event>,
    ) {
        let s = ctx.s;
        let code_for_root = n.forward.as_deref().or(n.reverse.as_deref()).unwrap_or("");
        let pairs: Vec<(&ActorCode, &ActorCode)> = match &n.target {
            Some(t) => n
                .source
                .members
                .iter()
                .flat_map(|a| t.members.iter().map(move |b| (a, b)))
                .collect(),
            // "A and B said" is two statements, not an exchange
            None if cameo::root(code_for_root) == "01" => Vec::new(),
            // "Gondor and Osgiliath delayed their meeting"; an actor with no target is not
            // coded (measured on the ABC sample: most such events were passives read the
            // wrong way round or figurative — "says she feels devastated")
            None => n
                .source
                .members
                .iter()
                .flat_map(|a| n.source.members.iter().map(move |b| (a, b)))
                .collect(),
        };
        let clause_chars = (
            s.tokens.get(ev.clause.0).map_or(0, |t| t.start),
            s.tokens
                .get(ev.clause.1.min(s.len()).saturating_sub(1))
                .map_or(0, |t| t.end),
        );
        // the day the clause names, looked for when an event is coded (most pairs are not)
        let clause_date = std::cell::OnceCell::new();
        let date = || {
            *clause_date.get_or_init(|| {
                let known = ctx
                    .clause_dates
                    .borrow()
                    .iter()
                    .find(|(span, _)| *span == clause_chars)
                    .map(|&(_, date)| date);
                known.unwrap_or_else(|| {
                    let clause_text =
                        ctx.chars
                            .slice(&ctx.doc.text, clause_chars.0, clause_chars.1);
                    let date = dates::clause_date(clause_text, ctx.doc.date);
                    ctx.clause_dates.borrow_mut().push((clause_chars, date));
                    date
                })
            })
        };
        // The evidence runs from the first to the last of: the verb group, both actors' names
        // wherever they stand ("Eriador was opposed by Osgiliath"), the words the pattern
        // matched, and a time expression right after ("on Thursday morning").
        let mut last_token = ev.verb.1;
        if let Some(m) = ev.matched {
            last_token = last_token.max(m);
        }
        for (_, e) in [&n.source, n.target.as_ref().unwrap_or(&n.source)]
            .iter()
            .filter_map(|r| r.span)
        {
            last_token = last_token.max(e - 1);
        }
        let last_token = extend_over_time(s, last_token + 1, ev.clause.1.max(last_token + 1));
        let named = [&n.source, n.target.as_ref().unwrap_or(&n.source)]
            .into_iter()
            .filter(|r| r.span.is_some())
            .flat_map(|r| r.members.iter());
        let mut evidence = span(ctx, ev.group_start, last_token);
        let (mut start, mut end) = (evidence.start, evidence.end);
        for m in named {
            start = start.min(m.char_start);
            end = end.max(m.char_end);
        }
        if (start, end) != (evidence.start, evidence.end) {
            evidence = Span {
                start,
                end,
                text: ctx.chars.slice(&ctx.doc.text, start, end).to_string(),
            };
        }

        let unknown = |c: &ActorCode| c.code.starts_with(crate::mentions::UNKNOWN_COUNTRY);
        for (a, b) in pairs {
            // an actor with itself, or two actors of no known country, say nothing
            if a.code == b.code || (unknown(a) && unknown(b)) {
                continue;
            }
            for (code, src, tgt) in [(&n.forward, a, b), (&n.reverse, b, a)] {
                let Some(code) = code else { continue };
                // a refusal ("would not provide") is coded by its negation, not as an intent
                let code = &if n.future && !negated {
                    intent_code(code)
                } else {
                    code.clone()
                };
                let root = cameo::root(code).to_string();
                events.push(Event {
                    article_id: ctx.doc.id.clone(),
                    sentence: ctx.index,
                    date: date().map(|d| d.format("%Y-%m-%d").to_string()),
                    source: Some(actor_ref(ctx, src)),
                    target: Some(actor_ref(ctx, tgt)),
                    code: code.clone(),
                    quad_class: cameo::quad_class(code).unwrap_or(0),
                    goldstein: self.cameo.goldstein(code).unwrap_or(0.0),
                    plover: self.plover.event_type(code).map(str::to_string),
                    root,
                    negated,
                    negation_code: if negated {
                        Pico::bundled().negate(code).map(str::to_string)
                    } else {
                        None
                    },
                    modality,
                    evidence: evidence.clone(),
                    verb: span(ctx, ev.verb.0, ev.verb.1),
                    rule: n.rule.clone(),
                    mentions: 1,
                    repeated_in: Vec::new(),
                    amounts: Vec::new(),
                    place: None,
                    clause: clause_chars,
                });
            }
        }
    }
}

/// The pronouns of a sentence that stand for a quotation's speaker: "I" and "we" inside the
/// quotation, and the "he"/"she" that attributes it ("“…,” he added"), each with the speaker's
/// code and its own words as written.
fn voices<'q>(s: &SentenceView, quotes: &dyn Fn() -> &'q [QuoteRecord]) -> Vec<(usize, Role)> {
    let mut out = Vec::new();
    // the article's quotations are read only for a sentence with such a pronoun
    if !(0..s.len()).any(|i| matches!(s.word(i), "I" | "WE" | "HE" | "SHE")) {
        return out;
    }
    let quotes = quotes();
    if quotes.is_empty() {
        return out;
    }
    for (i, t) in s.tokens.iter().enumerate() {
        let w = s.word(i);
        let speaker = if matches!(w, "I" | "WE") {
            quotes
                .iter()
                .find(|q| q.start <= t.start && t.end <= q.end)
                .and_then(|q| q.speaker.as_ref())
        } else if matches!(w, "HE" | "SHE") {
            quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .find(|sp| sp.start <= t.start && t.end <= sp.end)
        } else {
            None
        };
        if let Some(sp) = speaker {
            let member = ActorCode {
                code: sp.code.clone(),
                start: i,
                end: i + 1,
                char_start: t.start,
                char_end: t.end,
            };
            out.push((
                i,
                Role {
                    members: vec![member],
                    span: Some((i, i + 1)),
                    pronoun: true,
                },
            ));
        }
    }
    out
}

/// Does the outer verb hand the infinitive its object as subject ("urged Bree to help",
/// "gave permission to Russia to help", "was pressured by Congress to help")? A passive with
/// no agent before the infinitive raises its subject instead ("was seen to break").
fn object_controls(outer: &Clause, inner: &Clause) -> bool {
    outer
        .object
        .as_ref()
        .and_then(|o| o.span)
        .is_some_and(|(_, e)| e <= inner.verb.group_start)
}

/// An appeal or demand for what its content names ("urged Bree to help" = appeal for aid,
/// 023), by the ontology; the appeal's own code when the ontology has no combination.
fn appeal_for<'c>(outer: Option<&'c str>, inner: Option<&'c str>) -> Option<&'c str> {
    outer
        .zip(inner)
        .and_then(|(oc, ic)| Pico::bundled().combine(oc, ic))
        .or(outer)
}

/// The intent to do what a code names (release persons 0841 → intent to release 0352), when
/// the ontology has one; otherwise the code itself.
fn intent_code(code: &str) -> String {
    Pico::bundled()
        .combine("030", code)
        .unwrap_or(code)
        .to_string()
}

/// A verb announced for the future: "will free", or in reported speech "would free".
fn is_future(v: &VerbOccurrence) -> bool {
    matches!(
        v.modal.as_deref(),
        Some("WILL" | "SHALL" | "'LL" | "WO" | "WOULD")
    )
}

/// In reported speech "would" is the "will" of the speaker ("said he would attack").
fn reported_modality(inner: &Clause) -> Option<Modality> {
    (inner.verb.modal.as_deref() == Some("WOULD")).then_some(Modality::Intended)
}

/// A name as the coder reads it (see [`Coder::read_name`]).
pub struct NameReading {
    pub tokens: Vec<Token>,
    pub mentions: Vec<crate::mentions::Mention>,
    pub phrases: Vec<ActorPhrase>,
}

/// What the coder remembers from one sentence of an article to the next.
#[derive(Default)]
struct ArticleMemory {
    /// The last subject named, for "he", "they".
    last_subject: Option<Role>,
    /// Surnames of people named in full so far.
    aliases: crate::mentions::Aliases,
    /// The last two actors named together ("China and France"), for "the two sides".
    last_pair: Option<Vec<ActorCode>>,
}

/// "The ministry accused Britain", "the government condemned Beijing": a state body named by a
/// definite description alone, as a subject, is that of the country last named as a subject
/// ("Russia expelled the British ambassador. The ministry …" → RUSGOV). Its words stay its
/// evidence.
fn resolve_definite_descriptions(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    last_subject: Option<&Role>,
) {
    let Some(country) = last_subject
        .and_then(|r| r.members.first())
        .and_then(|m| crate::mentions::state_of(&m.code))
        .map(str::to_string)
    else {
        return;
    };
    for p in phrases.iter_mut() {
        let subject_position =
            p.start == 0 || matches!(s.word(p.start - 1), "," | "AND" | "BUT" | "THAT");
        let [member] = p.members.as_mut_slice() else {
            continue;
        };
        let Some(agent) = member.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) else {
            continue;
        };
        let state_body = matches!(
            agent.get(..3),
            Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
        );
        if subject_position && s.word(p.start) == "THE" && state_body {
            member.code = format!("{country}{agent}");
        }
    }
}

/// "the two sides", "both countries", "the two leaders": the last two actors the article
/// named together. The phrase gets their codes; its words stay its evidence. Whenever a
/// sentence names a pair, it becomes the pair such words point to.
fn resolve_both_sides(
    s: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    last_pair: &mut Option<Vec<ActorCode>>,
) {
    let nouns = |w: &str| {
        matches!(
            w,
            "SIDES"
                | "COUNTRIES"
                | "NATIONS"
                | "LEADERS"
                | "GOVERNMENTS"
                | "PRESIDENTS"
                | "PARTIES"
                | "STATES"
        )
    };
    let mut found = Vec::new();
    for i in 0..s.len() {
        let (start, end) = match (s.word(i), s.word(i + 1), s.word(i + 2)) {
            ("THE", "TWO", n) if nouns(n) => (i, i + 3),
            ("BOTH", n, _) if nouns(n) && (i == 0 || s.word(i - 1) != "THE") => (i, i + 2),
            _ => continue,
        };
        if phrases.iter().any(|p| p.start < end && start < p.end) {
            continue;
        }
        if let Some(pair) = last_pair.as_ref() {
            let (cs, ce) = (s.tokens[start].start, s.tokens[end - 1].end);
            let members = pair
                .iter()
                .map(|m| ActorCode {
                    code: m.code.clone(),
                    start,
                    end,
                    char_start: cs,
                    char_end: ce,
                })
                .collect();
            found.push(ActorPhrase {
                start,
                end,
                members,
            });
        }
    }
    if let Some(p) = phrases.iter().rev().find(|p| p.members.len() == 2) {
        *last_pair = Some(p.members.clone());
    }
    if !found.is_empty() {
        phrases.extend(found);
        phrases.sort_by_key(|p| p.start);
    }
}

/// What one sentence's events share.
struct SentenceContext<'a> {
    doc: &'a Document,
    /// The document's character index, for spans (built once per article).
    chars: &'a CharIndex,
    index: usize,
    s: &'a SentenceView<'a>,
    /// The day each clause (by its character span) names, once found: several events may
    /// come from one clause.
    clause_dates: std::cell::RefCell<Vec<ClauseDate>>,
}

/// A clause's character span and the day it names.
type ClauseDate = ((usize, usize), Option<chrono::NaiveDate>);

/// Token positions that bound an event's evidence.
struct EvidenceSpan {
    group_start: usize,
    /// First and last token of the verb(s).
    verb: (usize, usize),
    /// Last token a pattern matched.
    matched: Option<usize>,
    /// The clause, for the date.
    clause: (usize, usize),
}

/// An event before it is spread over the members of its actors.
#[derive(Debug, Clone)]
struct NestedEvent {
    source: Role,
    target: Option<Role>,
    forward: Option<String>,
    reverse: Option<String>,
    rule: String,
    /// The modality of the pair when it is not simply the stronger of the two verbs'.
    modality: Option<Modality>,
    /// Announced for the future ("will free", "said it would free"): coded as the intent to
    /// do it (0352, intent to release), as CAMEO's 03 codes are.
    future: bool,
    /// Refused or failed ("refused to meet", "failed to free"): the event did not happen.
    refused: bool,
}

/// Do two roles name the same actors (by country, so "Xi" and "China" are one)?
fn same_actors(x: &Role, y: &Role) -> bool {
    let key = |r: &Role| {
        let mut v: Vec<String> = r
            .members
            .iter()
            .map(|m| m.code.chars().take(3).collect())
            .collect();
        v.sort();
        v
    };
    key(x) == key(y)
        && !x
            .members
            .iter()
            .all(|m| m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY))
}

/// What the discard list finds in a sentence (see `Coder::discards`).
#[derive(Default)]
struct Discards {
    story: bool,
    sentence: bool,
    /// Character spans of time phrases.
    time: Vec<(usize, usize)>,
}

/// Is a discard phrase a time phrase ("YEARS AGO", "MONTHS LATER")?
fn is_time_discard(words: &[String]) -> bool {
    words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "AGO" | "LATER" | "EARLIER"))
}

/// The tokens without short parenthetical asides (up to six words between brackets).
fn drop_parentheticals(tokens: &[Token]) -> std::borrow::Cow<'_, [Token]> {
    let is_aside =
        |i: usize| tokens[i].text == "(" && tokens[i + 1..].iter().take(7).any(|t| t.text == ")");
    // most sentences have none: borrow them rather than copy every token
    if !(0..tokens.len()).any(is_aside) {
        return std::borrow::Cow::Borrowed(tokens);
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].text == "(" {
            if let Some(close) = tokens[i + 1..].iter().take(7).position(|t| t.text == ")") {
                i += close + 2;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// Is `DYAD_DEBUG` set? Read once: the environment is not looked up for every sentence.
fn debugging() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("DYAD_DEBUG").is_some())
}

/// Print what the stages found (set `DYAD_DEBUG=1`): a window into the coder for developers.
fn debug_sentence(
    s: &SentenceView,
    mentions: &[crate::mentions::Mention],
    verbs: &[VerbOccurrence],
    phrases: &[ActorPhrase],
) {
    let words: Vec<String> = (0..s.len()).map(|i| format!("{i}:{}", s.word(i))).collect();
    eprintln!("tokens: {}", words.join(" "));
    eprintln!("mentions: {mentions:?}");
    for v in verbs {
        eprintln!(
            "verb {} [{}..{}] group {} finite {} passive {} neg {} {:?} {:?}",
            s.word(v.head),
            v.first,
            v.last,
            v.group_start,
            v.finite,
            v.passive,
            v.negated,
            v.modality,
            v.candidate.inflection
        );
    }
    for p in phrases {
        let codes: Vec<&str> = p.members.iter().map(|m| m.code.as_str()).collect();
        eprintln!("phrase [{}..{}) {codes:?}", p.start, p.end);
    }
}

/// Money and casualty figures stated in an event's clause ("will provide $100 million", "killing
/// eight") go with the event.
fn attach_amounts(whole: &WholeText, events: &mut [Event]) {
    let amounts = dyad_text::amounts::find_amounts_in(whole);
    for e in events.iter_mut() {
        let (a, b) = (
            e.evidence.start.min(e.clause.0),
            e.evidence.end.max(e.clause.1),
        );
        e.amounts = amounts
            .iter()
            .filter(|m| m.start >= a && m.end <= b)
            .filter(|m| !matches!(m.kind, dyad_text::amounts::AmountKind::Number { .. }))
            .cloned()
            .collect();
    }
}

/// An event the article reports again in a later sentence ("China and France pledged…" then
/// "the two sides pledged…") is one event: the first report keeps its place, counts the others
/// in `mentions` and lists their evidence.
fn merge_repeated_reports(events: &mut Vec<Event>) {
    let key = |e: &Event| {
        (
            e.source.as_ref().map(|a| a.code.clone()),
            e.target.as_ref().map(|a| a.code.clone()),
            e.code.clone(),
            e.negated,
            e.modality,
        )
    };
    let mut first: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        match first.get(&key(&e)) {
            Some(&i) if out[i].sentence != e.sentence => {
                out[i].mentions += 1;
                out[i].repeated_in.push(e.evidence);
            }
            _ => {
                first.insert(key(&e), out.len());
                out.push(e);
            }
        }
    }
    *events = out;
}

/// The same (source, target, code) from the same verb twice (a compound listing an actor twice,
/// or a paired code that is its own reverse on a symmetric pair) is one event.
/// Only the events from `first_new` on (this sentence's) are compared: earlier sentences' events
/// cannot share a key with them.
fn dedup_events(events: &mut Vec<Event>, first_new: usize) {
    let mut seen = std::collections::HashSet::new();
    let mut new = events.split_off(first_new);
    new.retain(|e| {
        let key = (
            e.verb.start,
            e.source.as_ref().map(|a| a.code.clone()),
            e.target.as_ref().map(|a| a.code.clone()),
            e.code.clone(),
        );
        seen.insert(key)
    });
    events.extend(new);
}

/// Extend evidence over a time expression right after it ("on Thursday morning").
fn extend_over_time(s: &SentenceView, from: usize, limit: usize) -> usize {
    let mut end = from;
    let mut k = from;
    while k < limit {
        let w = s.word(k);
        if english::is_time_word(w) {
            end = k + 1;
        } else if !(w == "ON" || w == "THIS" || w == "LAST" || w == "NEXT") {
            break;
        }
        k += 1;
    }
    end.saturating_sub(1).max(from.saturating_sub(1))
}

fn span(ctx: &SentenceContext, first: usize, last: usize) -> Span {
    let s = ctx.s;
    let n = s.len().max(1) - 1;
    let start = s.tokens.get(first.min(n)).map_or(0, |t| t.start);
    let end = s
        .tokens
        .get(last.min(n))
        .map_or(start, |t| t.end)
        .max(start);
    Span {
        start,
        end,
        text: ctx.chars.slice(&ctx.doc.text, start, end).to_string(),
    }
}

fn actor_ref(ctx: &SentenceContext, a: &ActorCode) -> ActorRef {
    ActorRef {
        code: a.code.clone(),
        text: ctx
            .chars
            .slice(&ctx.doc.text, a.char_start, a.char_end)
            .to_string(),
        start: a.char_start,
        end: a.char_end,
    }
}
