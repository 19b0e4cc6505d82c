//! Where a coded clause becomes events: every source member with every target member, in
//! both directions for a paired code, each with its evidence span (from the verb group over
//! both actors' names and a time expression after it), its date, and the CAMEO tables' values.

use std::cell::{OnceCell, RefCell};

use dyad_dict::cameo;
use dyad_model::{ActorRef, Document, Event, Explanation, Modality, Span};
use dyad_text::tokens::tokens_within;
use dyad_text::{CharIndex, Token};

use crate::dates;
use crate::english;
use crate::explain;
use crate::mentions::ActorCode;
use crate::nesting::{intent_code, NestedEvent};
use crate::resources::Resources;
use crate::sentence::SentenceView;

/// What one sentence's events share.
pub struct SentenceContext<'a> {
    pub doc: &'a Document,
    /// The document's character index, for spans (built once per article).
    pub chars: &'a CharIndex,
    pub index: usize,
    /// The sentence's tokens in the article's token array (a parenthesis included, which
    /// the sentence view `s` reads past).
    pub tokens: &'a [Token],
    pub s: &'a SentenceView<'a>,
    /// The day each clause (by its character span) names, once found: several events may
    /// come from one clause.
    pub clause_dates: RefCell<Vec<ClauseDate>>,
    /// Does each event carry what made it?
    pub explain: bool,
    /// The convention coded in, for the directions of a paired code.
    pub convention: crate::conventions::Convention,
}

/// A clause's character span and the day it names.
type ClauseDate = ((usize, usize), Option<chrono::NaiveDate>);

/// Token positions that bound an event's evidence.
pub struct EvidenceSpan {
    pub group_start: usize,
    /// First and last token of the verb(s).
    pub verb: (usize, usize),
    /// Last token a pattern matched.
    pub matched: Option<usize>,
    /// The clause, for the date.
    pub clause: (usize, usize),
}

/// Push the events of one coded clause: every source member with every target member, in
/// both directions for a paired code; with no target, each member of a compound source
/// with each other ("Gondor and Osgiliath delayed their meeting").
#[allow(clippy::too_many_arguments)]
pub fn emit(
    res: &Resources,
    ctx: &SentenceContext,
    n: &NestedEvent,
    ev: EvidenceSpan,
    negated: bool,
    modality: Modality,
    events: &mut Vec<Event>,
) {
    let s = ctx.s;
    let code_for_root = n.forward.as_deref().or(n.reverse.as_deref()).unwrap_or("");
    // "North Korea test-fired a missile": a show of force at no one is coded with no target
    let undirected = n.target.is_none() && ctx.convention.codes_undirected(code_for_root);
    let pairs: Vec<(&ActorCode, &ActorCode)> = match &n.target {
        // "Cuba and the United States reopened embassies in Havana and Washington": where the
        // pairs of a compound cross borders, no state acts on itself ("Georgian police
        // detained opposition leaders and journalists" stays within one)
        Some(t) => {
            let state = |c: &ActorCode| crate::mentions::state_of(&c.code).map(str::to_string);
            let states: Vec<_> = n
                .source
                .members
                .iter()
                .chain(&t.members)
                .map(state)
                .collect();
            let crossing = n.source.members.len() + t.members.len() > 2
                && states.iter().any(|s| *s != states[0]);
            n.source
                .members
                .iter()
                .flat_map(|a| t.members.iter().map(move |b| (a, b)))
                .filter(|(a, b)| !crossing || state(a).is_none() || state(a) != state(b))
                .collect()
        }
        // (each member once, with no target)
        None if undirected => n.source.members.iter().map(|a| (a, a)).collect(),
        // "A and B said" is two statements, not an exchange
        None if cameo::root(code_for_root) == "01" => Vec::new(),
        // "Gondor and Osgiliath delayed their meeting"; an actor with no target is not
        // coded (measured on the ABC sample: most such events were passives read the
        // wrong way round or figurative — "says she feels devastated")
        // "Chile, Peru and Bolivia were willing to join": no one acted on anyone
        None if !ctx.convention.pairs_members_without_target(n.mutual) => Vec::new(),
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
    let clause_date = OnceCell::new();
    let date = || {
        *clause_date.get_or_init(|| {
            let known = ctx
                .clause_dates
                .borrow()
                .iter()
                .find(|(span, _)| *span == clause_chars)
                .map(|&(_, date)| date);
            known.unwrap_or_else(|| {
                let clause = tokens_within(ctx.tokens, clause_chars.0, clause_chars.1);
                let date = dates::clause_date(clause, ctx.doc.date);
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
    let arrest = ctx.convention.reads_arrest(&n.rule, n.forward.as_deref());
    let forward = match arrest {
        Some(code) => Some(code.to_string()),
        None => n.forward.clone(),
    };
    let reverse = (n.reverse.as_ref())
        .filter(|r| arrest.is_none() && ctx.convention.keeps_reverse(n.forward.as_deref(), r))
        .cloned();
    for (a, b) in pairs {
        // an actor with itself, or two actors of no known country, say nothing (but the
        // unnamed sides of a fight within the story's country)
        let sides = a.reached == crate::mentions::Reached::StorySides;
        if !undirected && ((a.code == b.code && !sides) || (unknown(a) && unknown(b))) {
            continue;
        }
        let reverse = if undirected { &None } else { &reverse };
        for (code, src, tgt) in [(&forward, a, b), (reverse, b, a)] {
            let Some(code) = code else { continue };
            // a refusal ("would not provide") is coded by its negation, not as an intent
            let code = &if n.future && !negated {
                intent_code(&res.pico, code)
            } else {
                code.clone()
            };
            let root = cameo::root(code).to_string();
            events.push(Event {
                article_id: ctx.doc.id.clone(),
                sentence: ctx.index,
                date: date().map(|d| d.format("%Y-%m-%d").to_string()),
                source: Some(actor_ref(ctx, src)),
                target: (!undirected).then(|| actor_ref(ctx, tgt)),
                code: code.clone(),
                quad_class: cameo::quad_class(code).unwrap_or(0),
                goldstein: res.cameo.goldstein(code).unwrap_or(0.0),
                plover: res.plover.event_type(code).map(str::to_string),
                root,
                negated,
                negation_code: if negated {
                    res.pico.negate(code).map(str::to_string)
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
                explain: ctx.explain.then(|| {
                    let how = |m: &ActorCode, r: &crate::clauses::Role| explain::how(m, r.pronoun);
                    let (src_role, tgt_role) = if std::ptr::eq(src, a) {
                        (&n.source, n.target.as_ref().unwrap_or(&n.source))
                    } else {
                        (n.target.as_ref().unwrap_or(&n.source), &n.source)
                    };
                    Box::new(Explanation {
                        source: explain::actor(actor_ref(ctx, src), how(src, src_role)),
                        target: (!undirected)
                            .then(|| explain::actor(actor_ref(ctx, tgt), how(tgt, tgt_role))),
                        pattern: n.rule.clone(),
                        code_before_convention: None,
                        clause: ctx
                            .chars
                            .slice(&ctx.doc.text, clause_chars.0, clause_chars.1)
                            .to_string(),
                        // the auxiliaries and negators before the verb ("will", "did not"):
                        // for a noun, those of its light verb ("Uganda will hold talks")
                        trigger: {
                            let aux = |k: &usize| {
                                let w = ctx.s.word(*k);
                                english::is_auxiliary(w) || english::is_negator(w)
                            };
                            let mut ks = (ev.group_start..ev.verb.0).filter(aux);
                            match (ks.next(), ks.last()) {
                                (Some(a), b) => span(ctx, a, b.unwrap_or(a)).text,
                                (None, _) => String::new(),
                            }
                        },
                        date: explain::date(ctx.tokens, clause_chars, ctx.doc, ctx.chars),
                        place: String::new(),
                    })
                }),
            });
        }
    }
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
