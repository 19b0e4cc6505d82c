//! Where a sentence becomes events. The document flows through the stages in order:
//! sentences → tokens → mentions (actors, agents) → verbs → actor phrases → clauses (source,
//! target, code) → events.

use chrono::NaiveDate;
use dyad_dict::bundled::Dictionaries;
use dyad_dict::cameo::{self, CameoTable};
use dyad_dict::plover::PloverMap;
use dyad_dict::verbs::CodeSpec;
use dyad_text::{split_sentences, tokenize, Document, Token};

use crate::dates;
use crate::english;
use crate::event::{ActorRef, Event, Span};
use crate::lexicon::Lexicon;
use crate::mentions::{actor_phrases, find_mentions, ActorCode, ActorPhrase};
use crate::patterns::code_verb;
use crate::sentence::SentenceView;
use crate::verbs::{find_verbs, VerbOccurrence};

/// The coder: compiled dictionaries plus the CAMEO and PLOVER tables.
pub struct Coder {
    lex: Lexicon,
    cameo: &'static CameoTable,
    plover: &'static PloverMap,
}

/// The actors a clause role resolved to, with the phrase that names them.
#[derive(Debug, Clone)]
struct Role {
    members: Vec<ActorCode>,
    /// Tokens of the phrase, for evidence; None when the role was inherited from elsewhere
    /// (a pronoun or an earlier clause).
    span: Option<(usize, usize)>,
}

impl Coder {
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder {
            lex: Lexicon::new(dicts),
            cameo: CameoTable::bundled(),
            plover: PloverMap::bundled(),
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Code a whole article.
    pub fn code_document(&self, doc: &Document) -> Vec<Event> {
        let sentences = split_sentences(&doc.text, doc.body_start);
        let tokenized: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(&doc.text, s)).collect();
        if tokenized.iter().any(|t| self.discarded(t, true)) {
            return Vec::new();
        }
        let mut events = Vec::new();
        let mut last_subject: Option<Role> = None;
        for (index, tokens) in tokenized.iter().enumerate() {
            if tokens.is_empty() || self.discarded(tokens, false) {
                continue;
            }
            self.code_sentence(doc, index, tokens, &mut last_subject, &mut events);
        }
        events
    }

    /// Does the sentence hold a discard phrase (a story discard when `story`)?
    fn discarded(&self, tokens: &[Token], story: bool) -> bool {
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        (0..words.len()).any(|i| {
            self.lex
                .discards
                .longest_at(&words, i)
                .is_some_and(|(_, id)| self.lex.dicts.discards.entries[id as usize].story == story)
        })
    }

    fn code_sentence(
        &self,
        doc: &Document,
        index: usize,
        tokens: &[Token],
        last_subject: &mut Option<Role>,
        events: &mut Vec<Event>,
    ) {
        let s = SentenceView::new(tokens);
        let mentions = find_mentions(&self.lex, &s);
        let verbs = find_verbs(&self.lex, &s, &mentions);
        let mut is_verb = vec![false; s.len()];
        for v in &verbs {
            for flag in is_verb.iter_mut().take(v.last + 1).skip(v.first) {
                *flag = true;
            }
        }
        let phrases = actor_phrases(&self.lex, &s, &mentions, &is_verb, doc.date);
        if std::env::var_os("DYAD_DEBUG").is_some() {
            debug_sentence(&s, &mentions, &verbs, &phrases);
        }
        let mut subjects: Vec<Option<Role>> = Vec::with_capacity(verbs.len());
        for (vi, verb) in verbs.iter().enumerate() {
            let clause_start = clause_start(&s, &verbs, vi);
            let clause_end = clause_end(&s, &verbs, vi);
            let subject = self.subject(
                &s,
                &phrases,
                &verbs,
                vi,
                clause_start,
                &subjects,
                last_subject,
            );
            subjects.push(subject.clone());
            if let Some(sub) = &subject {
                if sub.span.is_some() {
                    *last_subject = Some(sub.clone());
                }
            }
            let object = object(&s, &phrases, &verbs, vi, clause_end);
            let (source, target) = if verb.passive {
                // "Eriador was opposed by Osgiliath": the agent of a passive is the source
                (object, subject)
            } else {
                (subject, object)
            };
            let coded = code_verb(&self.lex, &s, verb, clause_start, clause_end);
            let (forward, reverse) = match coded.code {
                CodeSpec::Null => continue,
                CodeSpec::Code { forward, reverse } => (forward.as_deref(), reverse.as_deref()),
            };
            let Some(source) = source else { continue };
            let pairs: Vec<(&ActorCode, &ActorCode)> = match &target {
                Some(t) => source
                    .members
                    .iter()
                    .flat_map(|a| t.members.iter().map(move |b| (a, b)))
                    .collect(),
                // "Gondor and Osgiliath have delayed their meeting": each with the other; but
                // "A and B said" is two statements, not an exchange
                None if cameo::root(forward.or(reverse).unwrap_or("")) == "01" => Vec::new(),
                None => source
                    .members
                    .iter()
                    .flat_map(|a| source.members.iter().map(move |b| (a, b)))
                    .collect(),
            };
            let date = dates::resolve(&s, clause_start, clause_end, doc.date);
            let mut evidence_end = verb.last;
            if let Some((_, e)) = target.as_ref().and_then(|t| t.span) {
                evidence_end = evidence_end.max(e - 1);
            }
            if let Some(&m) = coded.matched.iter().max() {
                evidence_end = evidence_end.max(m);
            }
            evidence_end = extend_over_time(&s, evidence_end + 1, clause_end);
            let mut evidence_start = verb.group_start;
            if let Some((st, _)) = source.span {
                evidence_start = evidence_start.min(st);
            }
            let rule = match coded.pattern {
                Some(p) => p.line,
                None => {
                    self.lex.dicts.verbs.blocks[verb.candidate.block].verbs[verb.candidate.entry]
                        .line
                }
            };
            let rule = format!(
                "{}:{}",
                self.lex.dicts.verbs.blocks[verb.candidate.block].name, rule
            );
            for (a, b) in pairs {
                if a.code == b.code {
                    continue;
                }
                if let Some(code) = forward {
                    events.push(self.event(
                        doc,
                        index,
                        &s,
                        verb,
                        code,
                        a,
                        b,
                        date,
                        evidence_start,
                        evidence_end,
                        &rule,
                    ));
                }
                if let Some(code) = reverse {
                    events.push(self.event(
                        doc,
                        index,
                        &s,
                        verb,
                        code,
                        b,
                        a,
                        date,
                        evidence_start,
                        evidence_end,
                        &rule,
                    ));
                }
            }
        }
        dedup_events(events);
    }

    /// The subject of verb `vi`: inherited through coordination ("condemned … and promised"),
    /// the nearest actor phrase to its left in the clause that is not a prepositional object,
    /// or, for a pronoun, the last subject named.
    #[allow(clippy::too_many_arguments)]
    fn subject(
        &self,
        s: &SentenceView,
        phrases: &[ActorPhrase],
        verbs: &[VerbOccurrence],
        vi: usize,
        clause_start: usize,
        subjects: &[Option<Role>],
        last_subject: &Option<Role>,
    ) -> Option<Role> {
        let v = &verbs[vi];
        // coordination: "X condemned the attack and promised aid"
        let mut k = v.group_start;
        while k > 0 && s.word(k - 1) == "," {
            k -= 1;
        }
        if k > 0 && matches!(s.word(k - 1), "AND" | "BUT" | "OR") && vi > 0 {
            let prev_end = verbs[vi - 1].last;
            let no_actor_between = !phrases
                .iter()
                .any(|p| p.start > prev_end && p.end <= k - 1 && !is_pp_object(s, p.start));
            if no_actor_between {
                if let Some(sub) = &subjects[vi - 1] {
                    return Some(Role {
                        members: sub.members.clone(),
                        span: None,
                    });
                }
            }
        }
        let mut i = v.group_start;
        while i > clause_start {
            i -= 1;
            if let Some(p) = phrases.iter().find(|p| p.start <= i && i < p.end) {
                if !is_pp_object(s, p.start) {
                    return Some(Role {
                        members: p.members.clone(),
                        span: Some((p.start, p.end)),
                    });
                }
                i = p.start;
                continue;
            }
            let w = s.word(i);
            if english::is_subject_pronoun(w) && w != "I" && w != "YOU" {
                // "he added", "it would act": the clause before in this sentence, else the
                // last subject named
                let earlier = subjects.iter().rev().flatten().next().cloned();
                return earlier.or_else(|| last_subject.clone()).map(|r| Role {
                    members: r.members,
                    span: None,
                });
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        doc: &Document,
        index: usize,
        s: &SentenceView,
        verb: &VerbOccurrence,
        code: &str,
        source: &ActorCode,
        target: &ActorCode,
        date: Option<NaiveDate>,
        evidence_start: usize,
        evidence_end: usize,
        rule: &str,
    ) -> Event {
        let root = cameo::root(code).to_string();
        Event {
            article_id: doc.id.clone(),
            sentence: index,
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            source: Some(actor_ref(doc, s, source)),
            target: Some(actor_ref(doc, s, target)),
            code: code.to_string(),
            quad_class: cameo::quad_class(code).unwrap_or(0),
            goldstein: self.cameo.goldstein(code).unwrap_or(0.0),
            plover: self.plover.event_type(code).map(str::to_string),
            root,
            negated: verb.negated,
            modality: verb.modality,
            evidence: span(doc, s, evidence_start, evidence_end),
            verb: span(doc, s, verb.first, verb.last),
            rule: rule.to_string(),
        }
    }
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

/// The same (source, target, code) from the same verb twice (a compound listing an actor twice,
/// or a paired code that is its own reverse on a symmetric pair) is one event.
fn dedup_events(events: &mut Vec<Event>) {
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        let key = (
            e.article_id.clone(),
            e.sentence,
            e.verb.start,
            e.source.as_ref().map(|a| a.code.clone()),
            e.target.as_ref().map(|a| a.code.clone()),
            e.code.clone(),
        );
        seen.insert(key)
    });
}

/// Is the phrase starting at token `start` the object of a preposition ("with Gondor", "by
/// Osgiliath soldiers", "in south Ithilen")?
fn is_pp_object(s: &SentenceView, start: usize) -> bool {
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let w = s.word(k);
        if english::is_preposition(w) {
            // "hundreds of UN troops", "some of the rebels": the phrase is still the head
            let quantity = w == "OF" && k > 0 && english::is_quantity(s.word(k - 1));
            return !quantity;
        }
        if !(english::is_determiner(w)
            || (!s.capitalized(k) && !s.is_punct(k) && w.chars().all(|c| c.is_alphabetic())))
        {
            return false;
        }
    }
    false
}

/// Where the clause of verb `vi` begins: after the previous finite verb, a clause opener or a
/// strong punctuation mark.
fn clause_start(s: &SentenceView, verbs: &[VerbOccurrence], vi: usize) -> usize {
    let v = &verbs[vi];
    let floor = verbs[..vi]
        .iter()
        .rev()
        .find(|p| p.finite)
        .map(|p| p.last + 1)
        .unwrap_or(0);
    let mut i = v.group_start;
    while i > floor {
        let w = s.word(i - 1);
        if matches!(w, ";" | ":") || (english::opens_clause(w) && !matches!(w, "WHO" | "WHICH")) {
            return i;
        }
        i -= 1;
    }
    floor
}

/// Where the clause of verb `vi` ends: at the next finite verb group, a clause opener or a
/// strong punctuation mark.
fn clause_end(s: &SentenceView, verbs: &[VerbOccurrence], vi: usize) -> usize {
    let v = &verbs[vi];
    let ceiling = verbs[vi + 1..]
        .iter()
        .find(|n| n.finite)
        .map(|n| n.group_start)
        .unwrap_or(s.len());
    let mut i = v.last + 1;
    while i < ceiling {
        let w = s.word(i);
        if matches!(w, ";" | ":" | "\"" | "“" | "”") || english::opens_clause(w) {
            return i;
        }
        i += 1;
    }
    ceiling
}

/// The object of verb `vi`: the first actor phrase after it in its clause, unless that phrase is
/// the subject of the next clause ("said China will provide").
fn object(
    s: &SentenceView,
    phrases: &[ActorPhrase],
    verbs: &[VerbOccurrence],
    vi: usize,
    clause_end: usize,
) -> Option<Role> {
    let v = &verbs[vi];
    let p = phrases
        .iter()
        .find(|p| p.start > v.last && p.start < clause_end)?;
    let next_finite = verbs[vi + 1..].iter().find(|n| n.finite);
    if let Some(n) = next_finite {
        let mut k = p.end;
        while k < n.group_start && (english::is_adverb(s.word(k)) || s.word(k) == ",") {
            k += 1;
        }
        if k == n.group_start {
            return None;
        }
    }
    Some(Role {
        members: p.members.clone(),
        span: Some((p.start, p.end)),
    })
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

fn span(doc: &Document, s: &SentenceView, first: usize, last: usize) -> Span {
    let start = s.tokens[first].start;
    let end = s.tokens[last.min(s.len() - 1)].end;
    Span {
        start,
        end,
        text: slice_chars(&doc.text, start, end),
    }
}

fn actor_ref(doc: &Document, s: &SentenceView, a: &ActorCode) -> ActorRef {
    let sp = span(doc, s, a.start, a.end.saturating_sub(1).max(a.start));
    ActorRef {
        code: a.code.clone(),
        text: sp.text,
        start: sp.start,
        end: sp.end,
    }
}

/// The text between two character offsets.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
