//! Mediation told in a compound: "UN-brokered talks", "last month's U.S.-brokered truce", "the
//! European Union-facilitated dialogue". English joins the mediator to a participle of
//! mediation (the event-noun lexicon's `MEDIATOR` line) by a hyphen, in one written word, so
//! the actor is in no mention of its own: it is read here from the word's first part (with the
//! capitalised words before it: "European Union-"). The mediator mediates (CAMEO 045) between
//! the parties of the act the noun after the compound names, found in this order:
//! - "between A and B" after the noun;
//! - the subject of the clause the compound stands in, when the compound is not part of it
//!   ("the government and the rebels held UN-brokered talks", "Hamas broke the US-brokered
//!   truce");
//! - else the story's two sides: the last pair of two states the article named together
//!   ([`crate::coreference::conflict_pair`]).

use crate::clauses::{Clause, Role};
use crate::coreference::conflict_pair;
use crate::event_nouns::{between_pair, clause_of, NounEvent};
use crate::mentions::{state_of, ActorCode};
use crate::names::read_name;
use crate::resources::Resources;
use crate::sentence::SentenceView;

/// The mediations the sentence's hyphenated compounds tell.
pub fn mediations<'r>(
    res: &'r Resources,
    s: &SentenceView,
    phrases: &[crate::mentions::ActorPhrase],
    clauses: &[Clause],
    groups: &[Vec<ActorCode>],
    date: Option<chrono::NaiveDate>,
) -> Vec<NounEvent<'r>> {
    let nouns = &res.lexicon.dicts.event_nouns;
    let mut out = Vec::new();
    if nouns.mediating.is_empty() {
        return out;
    }
    let all_in_ed = nouns.mediating.iter().all(|p| p.ends_with("ED"));
    for i in 0..s.len() {
        // (most words are no participle in -ED with a hyphen: asked of the last bytes, then
        // of the bytes, which is cheaper than a search for the last hyphen in every word)
        let w = s.word(i);
        if (all_in_ed && !w.ends_with("ED")) || !w.bytes().any(|b| b == b'-') {
            continue;
        }
        let Some((prefix, participle)) = w.rsplit_once('-') else {
            continue;
        };
        if prefix.is_empty() || !nouns.is_mediating(participle) {
            continue;
        }
        // (looked up only for a compound of mediation: most sentences have none)
        let Some(entry) = nouns.mediation() else {
            return out;
        };
        let Some((start, mediator)) = mediator(res, s, i, prefix, date) else {
            continue;
        };
        let parties = between_pair(s, phrases, i)
            .or_else(|| subject_outside(clauses, start, i))
            .or_else(|| conflict_pair(groups, &mediator));
        let Some(mut parties) = parties else { continue };
        // a mediator is no party of its own mediation
        parties
            .members
            .retain(|p| !mediator.members.iter().any(|m| same_state(m, p)));
        if parties.members.is_empty() {
            continue;
        }
        out.push(NounEvent {
            entry,
            source: mediator,
            target: Some(parties),
            noun: i,
            noun_start: start,
            clause: clause_of(clauses, i),
            replaces_clause: false,
            ready: false,
            mutual: false,
        });
    }
    out
}

/// The actor the first part of token `i` names ("UN" of "UN-brokered"), with the capitalised
/// words right before it when they make one name with it ("European" before
/// "Union-brokered"): the longest such name, as the first token of its span and the role.
fn mediator(
    res: &Resources,
    s: &SentenceView,
    i: usize,
    prefix: &str,
    date: Option<chrono::NaiveDate>,
) -> Option<(usize, Role)> {
    let token = &s.tokens[i];
    let first = (i.saturating_sub(3)..=i)
        .find(|&k| (k..i).all(|j| s.capitalized(j) && !s.is_punct(j)))
        .unwrap_or(i);
    (first..=i).find_map(|k| {
        let mut name: Vec<&str> = s.tokens[k..i].iter().map(|t| t.text.as_str()).collect();
        name.push(prefix);
        let reading = read_name(res, &name.join(" "), date);
        let [phrase] = reading.phrases.as_slice() else {
            return None;
        };
        // the whole name, not a part of it ("Security Council" in "the Security Council")
        if phrase.start != 0 || phrase.end != reading.tokens.len() {
            return None;
        }
        let members = phrase
            .members
            .iter()
            .map(|m| ActorCode {
                start: k,
                end: i + 1,
                char_start: s.tokens[k].start,
                char_end: token.end,
                ..m.clone()
            })
            .collect();
        Some((
            k,
            Role {
                members,
                span: Some((k, i + 1)),
                pronoun: false,
            },
        ))
    })
}

/// The subject of the clause token `i` stands in, when the compound (from `start`) is not
/// part of it.
fn subject_outside(clauses: &[Clause], start: usize, i: usize) -> Option<Role> {
    let c = &clauses[clause_of(clauses, i)?];
    let subject = c.subject.as_ref()?;
    let inside = subject.span.is_some_and(|(a, b)| a <= i && start < b);
    (!inside && c.verb.last < start).then(|| subject.clone())
}

fn same_state(a: &ActorCode, b: &ActorCode) -> bool {
    match (state_of(&a.code), state_of(&b.code)) {
        (Some(x), Some(y)) => x == y,
        _ => a.code.get(..6) == b.code.get(..6),
    }
}
