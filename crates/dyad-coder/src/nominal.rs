//! Events named by a noun rather than a verb: "met Xi … as part of a three-day state visit",
//! "during his visit to Beirut". The verb dictionaries only see verbs, so the visit itself — a
//! CAMEO 042 (make a visit) by the visitor to the host country — would be lost.
//!
//! The visitor is the actor of the clause the visit phrase modifies who is not of the host
//! country; the host is the actor or place after "to" ("a visit to Beirut"), else the country of
//! the dateline ("BEIJING: … as part of a state visit").

use dyad_lang::gazetteer::{Context, Gazetteer};
use dyad_text::Document;

use crate::clauses::{Clause, Role};
use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::{ActorCode, ActorPhrase, Reached};
use crate::sentence::SentenceView;

/// A visit found in a sentence: who visits whom, and the words that say so.
#[derive(Debug, Clone)]
pub struct Visit {
    pub visitor: Role,
    pub host: Role,
    /// The clause the visit phrase belongs to (index into the sentence's clauses).
    pub clause: usize,
    /// First token of the visit phrase ("as part of a three-day state visit") and the noun.
    pub phrase_start: usize,
    pub noun: usize,
}

/// The visits a sentence names with a noun: the event nouns of code 042 (a visit; a trip or
/// tour, which needs its destination).
pub fn visits(
    lex: &Lexicon,
    gazetteer: &Gazetteer,
    doc: &Document,
    s: &SentenceView,
    is_verb: &[bool],
    phrases: &[ActorPhrase],
    clauses: &[Clause],
) -> Vec<Visit> {
    let mut out = Vec::new();
    for v in 0..s.len() {
        let Some(needs_destination) = s
            .event_noun(lex, v)
            .filter(|n| n.code == "042")
            .map(|n| n.needs_target)
        else {
            continue;
        };
        if is_verb[v] {
            continue;
        }
        let Some(phrase_start) = opening_preposition(s, v, is_verb) else {
            // "Milei's visit to Spain", "the visit of the Chinese premier to Zambia": the
            // visitor named with the noun
            if let Some(v) = named_visit(gazetteer, doc, s, v, phrases, clauses) {
                out.push(v);
            }
            continue;
        };
        let host = match destination(gazetteer, doc, s, v, phrases) {
            Some(h) => h,
            None if needs_destination => continue,
            None => match dateline_host(gazetteer, doc) {
                Some(h) => h,
                None => continue,
            },
        };
        // the clause whose verb the phrase follows, or whose subject it follows between
        // commas ("The president, on a trip to Peru, said …": an aside about the subject)
        let after_verb = clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.verb.last < phrase_start && c.start <= v && v < c.end.max(v + 1))
            .map(|(i, _)| i)
            .next_back();
        let aside = || {
            if phrase_start == 0 || s.word(phrase_start - 1) != "," {
                return None;
            }
            clauses.iter().position(|c| {
                c.verb.group_start > v
                    && c.subject
                        .as_ref()
                        .and_then(|r| r.span)
                        .is_some_and(|(_, end)| end + 1 == phrase_start)
            })
        };
        let Some(ci) = after_verb.or_else(aside) else {
            continue;
        };
        let c = &clauses[ci];
        // a verb the dictionaries do not know between ("to deal with an infestation during a
        // trip") is what the phrase modifies, and its actor is not known
        let other_verb = (c.verb.last + 1..phrase_start)
            .any(|k| !is_verb[k] && s.tag(k).is_some_and(|t| t.is_verb()));
        if other_verb {
            continue;
        }
        let host_country = country(&host);
        let visitor = [c.subject.as_ref(), c.object.as_ref()]
            .into_iter()
            .flatten()
            .find(|r| {
                let k = country(r);
                !k.is_empty() && k != host_country
            });
        let Some(visitor) = visitor else { continue };
        out.push(Visit {
            visitor: visitor.clone(),
            host,
            clause: ci,
            phrase_start,
            noun: v,
        });
    }
    out
}

/// A visit whose visitor is named with the noun: before it, in the possessive ("Milei's visit
/// to Spain", "the president's two-day state visit to Japan"), or after it by "of" or "by"
/// ("the visit of the Chinese premier to Zambia", "the first state visit by the US President
/// to Qatar"); its destination must be named ("to Spain"), and it
/// belongs to the clause it stands in.
fn named_visit(
    gazetteer: &Gazetteer,
    doc: &Document,
    s: &SentenceView,
    v: usize,
    phrases: &[ActorPhrase],
    clauses: &[Clause],
) -> Option<Visit> {
    // "'s" and then only modifiers ("two-day", "state", "first") up to the noun
    let possessive = (v.saturating_sub(4)..v).rev().find(|&k| s.word(k) == "'S");
    let modifiers_only = |k: usize| {
        (k + 1..v)
            .all(|j| !s.capitalized(j) && !s.is_punct(j) && !english::is_determiner(s.word(j)))
    };
    let visitor = match possessive.filter(|&k| modifiers_only(k)) {
        Some(k) => phrases.iter().find(|p| p.start < k && k <= p.end)?,
        None if matches!(s.word(v + 1), "OF" | "BY") => {
            let at = if s.word(v + 2) == "THE" { v + 3 } else { v + 2 };
            phrases.iter().find(|p| p.start == at || p.start == v + 2)?
        }
        None => return None,
    };
    // the destination after the visitor ("the visit of X to Y") or after the noun
    let after = if visitor.start > v {
        visitor.end - 1
    } else {
        v
    };
    let host = destination(gazetteer, doc, s, after, phrases)?;
    if country(&host).is_empty() {
        return None;
    }
    let visitor = Role {
        members: visitor.members.clone(),
        span: Some((visitor.start, visitor.end.min(v))),
        pronoun: false,
    };
    if country(&visitor).is_empty() || country(&visitor) == country(&host) {
        return None;
    }
    let clause = clauses.iter().position(|c| c.start <= v && v < c.end)?;
    Some(Visit {
        visitor,
        host,
        clause,
        phrase_start: v,
        noun: v,
    })
}

/// The state of a role's first member (`FRAGOV` → `FRA`); empty for an actor of no known
/// country or an international one.
fn country(r: &Role) -> &str {
    r.members
        .first()
        .and_then(|m| crate::mentions::state_of(&m.code))
        .unwrap_or("")
}

/// "on a visit", "during his two-day state visit", "as part of a visit", "for talks and a
/// visit": a preposition, then only determiners and modifiers up to the noun. Returns the
/// preposition's token ("as part of": the AS).
fn opening_preposition(s: &SentenceView, v: usize, is_verb: &[bool]) -> Option<usize> {
    let mut k = v;
    let mut seen_determiner = false;
    for _ in 0..6 {
        if k == 0 {
            return None;
        }
        k -= 1;
        let w = s.word(k);
        if matches!(w, "ON" | "DURING" | "FOR" | "IN" | "OF") {
            if !seen_determiner {
                return None;
            }
            // "as part of a visit"
            if w == "OF" && k >= 2 && s.word(k - 1) == "PART" && s.word(k - 2) == "AS" {
                return Some(k - 2);
            }
            return (w != "OF").then_some(k);
        }
        if english::is_determiner(w) || matches!(w, "HIS" | "HER" | "ITS" | "THEIR") {
            seen_determiner = true;
            continue;
        }
        if is_verb[k] || s.is_punct(k) || english::is_conjunction(w) {
            return None;
        }
    }
    None
}

/// "a visit to Beirut", "a trip to China": the actor or the place after "to".
fn destination(
    gazetteer: &Gazetteer,
    doc: &Document,
    s: &SentenceView,
    v: usize,
    phrases: &[ActorPhrase],
) -> Option<Role> {
    if s.word(v + 1) != "TO" {
        return None;
    }
    let at = if s.word(v + 2) == "THE" { v + 3 } else { v + 2 };
    if let Some(p) = phrases.iter().find(|p| p.start == at || p.start == v + 2) {
        return Some(Role::of_phrase(p));
    }
    // a town: the capitalised words after "to"
    let mut end = at;
    while end < s.len() && s.capitalized(end) && !s.is_punct(end) {
        end += 1;
    }
    if end == at {
        return None;
    }
    place_role(gazetteer, doc, s, (at, end), &|_| true)
}

/// The place the gazetteer knows by the words `[start, end)`, as the role of its country (when
/// `known` takes that country).
fn place_role(
    gazetteer: &Gazetteer,
    doc: &Document,
    s: &SentenceView,
    (start, end): (usize, usize),
    known: &dyn Fn(&str) -> bool,
) -> Option<Role> {
    let (cs, ce) = (s.tokens[start].start, s.tokens[end - 1].end);
    let name: String = doc.text.chars().skip(cs).take(ce - cs).collect();
    let place = gazetteer
        .resolve(&name, &Context::default())
        .filter(|p| known(&p.country))?;
    Some(Role {
        members: vec![ActorCode {
            code: place.country.clone(),
            start,
            end,
            char_start: cs,
            char_end: ce,
            reached: Reached::Place,
        }],
        span: Some((start, end)),
        pronoun: false,
    })
}

/// "The RSF attacked El Obeid", "warplanes bombed a market in Tora", "recaptured villages near
/// Bakhmut": a town or region the gazetteer knows, named in tokens `[from, to)` as the object
/// of a hostile act or after "in", "on", "at", "near", stands for the country the act struck —
/// when that country is one the article is about (`known`: its dateline's and the countries it
/// has named), so that a capitalised word that only resembles a place names none.
pub(crate) fn struck_place(
    gazetteer: &Gazetteer,
    doc: &Document,
    s: &SentenceView,
    (from, to): (usize, usize),
    phrases: &[ActorPhrase],
    known: &dyn Fn(&str) -> bool,
) -> Option<Role> {
    let mut k = from;
    while k < to.min(s.len()) {
        let starts = s.capitalized(k)
            && !s.is_punct(k)
            && !phrases.iter().any(|p| p.start <= k && k < p.end)
            && (k == from || matches!(s.word(k - 1), "IN" | "ON" | "AT" | "NEAR" | "THE" | "OF"));
        if !starts {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < to.min(s.len()) && end - k < 3 && s.capitalized(end) && !s.is_punct(end) {
            end += 1;
        }
        if let Some(role) = place_role(gazetteer, doc, s, (k, end), known) {
            return Some(role);
        }
        k = end;
    }
    None
}

/// The country of the dateline's place, as a host written where the dateline names it.
fn dateline_host(gazetteer: &Gazetteer, doc: &Document) -> Option<Role> {
    let name = doc.dateline_place.as_deref()?;
    let place = gazetteer.resolve(name, &Context::default())?;
    // where the dateline writes the place, for the evidence
    let head: String = doc.text.chars().take(doc.body_start).collect();
    let (cs, ce) = match head.find(name) {
        Some(b) => {
            let cs = head[..b].chars().count();
            (cs, cs + name.chars().count())
        }
        None => (0, 0),
    };
    Some(Role {
        members: vec![ActorCode {
            code: place.country.clone(),
            start: 0,
            end: 0,
            char_start: cs,
            char_end: ce,
            reached: Reached::Dateline,
        }],
        span: None,
        pronoun: false,
    })
}
