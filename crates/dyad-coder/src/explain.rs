//! What made each event, for the analyst who audits it and the developer who triages an error
//! (`dyad code --explain`). The events stage writes what it knows when it emits an event (how
//! each actor was reached, the pattern, the clause, the words before the verb, the date
//! expression); the conventions stage notes a code it changed; the last stage, `explain`,
//! adds the dictionary entries the actors' words match (as `dyad actors lookup` finds them)
//! and how the place was chosen.

use chrono::NaiveDate;
use dyad_model::{ActorExplanation, ActorRef, Document, Event};
use dyad_text::dates::TokenDate;
use dyad_text::tokens::tokens_within;
use dyad_text::{CharIndex, Token};

use crate::dates::DateChoice;
use crate::mentions::{ActorCode, MentionKind, Reached};
use crate::names::read_name;
use crate::resources::Resources;

/// How an actor was reached, in words.
pub fn how(m: &ActorCode, pronoun: bool) -> String {
    if pronoun {
        format!(
            "a pronoun or an earlier subject, standing for {} ({})",
            m.code,
            m.reached.describe()
        )
    } else {
        m.reached.describe().to_string()
    }
}

/// An actor's explanation, its entries still to find ([`complete`]).
pub fn actor(r: ActorRef, how: String) -> ActorExplanation {
    ActorExplanation {
        code: r.code,
        text: r.text,
        how,
        entries: Vec::new(),
    }
}

/// The clause's date expression and the day it names, or why the date is the publication's.
pub fn date(tokens: &[Token], clause: (usize, usize), doc: &Document, chars: &CharIndex) -> String {
    let words = tokens_within(tokens, clause.0, clause.1);
    let quoted = |d: &TokenDate| chars.slice(&doc.text, words[d.first].start, words[d.last].end);
    match (crate::dates::choose(words, doc.date), doc.date) {
        (DateChoice::Day(d), _) => format!("\"{}\" in the clause: {}", quoted(&d), day(d.date)),
        (DateChoice::Background(d), _) => format!(
            "\"{}\" in the clause names no day and is not the publication's: a background act, dated by the publication{}",
            quoted(&d),
            doc.date.map(|p| format!(" {}", day(p))).unwrap_or_default()
        ),
        (DateChoice::Publication, Some(p)) => format!(
            "no day named in the clause: the publication date {}",
            day(p)
        ),
        (DateChoice::Publication, None) => {
            "no day named in the clause and no publication date".to_string()
        }
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Add to each explained event the dictionary entries of its actors' words and the place
/// choice.
pub fn complete(res: &Resources, doc: &Document, events: &mut [Event]) {
    for e in events.iter_mut() {
        let place = match &e.place {
            Some(p) => match &p.text {
                Some(t) => format!(
                    "named in the clause: \"{}\" → {} ({})",
                    t.text, p.name, p.country
                ),
                None => format!("the dateline's: {} ({})", p.name, p.country),
            },
            None => "none: the clause names no place the gazetteer knows, and no dateline \
                     names one"
                .to_string(),
        };
        let Some(x) = e.explain.as_mut() else {
            continue;
        };
        x.place = place;
        x.pattern = pattern(res, &x.pattern);
        for a in std::iter::once(&mut x.source).chain(x.target.as_mut()) {
            a.entries = entries(res, &a.text, doc.date);
            if a.entries.is_empty() && a.how == Reached::Named.describe() {
                a.how = "a name the article gave in full earlier (its alias)".to_string();
            }
        }
    }
}

/// A verb rule `BLOCK:line` as `file:line (BLOCK)`: the block holding a verb or a pattern on
/// that line. Other rules (event nouns, and patterns a supplement added to a block, with their
/// file already) stay as they are.
fn pattern(res: &Resources, rule: &str) -> String {
    let Some((name, line)) = rule.split_once(':') else {
        return rule.to_string();
    };
    let Ok(line) = line.parse::<usize>() else {
        return rule.to_string();
    };
    let block = res.lexicon.dicts.verbs.blocks.iter().find(|b| {
        b.name == name
            && (b
                .patterns
                .iter()
                .any(|p| p.line == line && p.file.is_none())
                || b.verbs.iter().any(|v| v.line == line))
    });
    match block {
        Some(b) => format!("{}:{line} ({name})", b.file),
        None => rule.to_string(),
    }
}

/// The dictionary entries that match the words of a name, as `file:line NAME`.
fn entries(res: &Resources, text: &str, date: Option<NaiveDate>) -> Vec<String> {
    let lex = &res.lexicon;
    let reading = read_name(res, text, date);
    reading
        .mentions
        .iter()
        .map(|m| {
            let words: Vec<&str> = (m.start..m.end)
                .map(|k| reading.tokens[k].text.as_str())
                .collect();
            match m.kind {
                MentionKind::Actor(id) => {
                    let e = &lex.dicts.actors.entries[id as usize];
                    format!("{}:{} {}", e.file, e.line, words.join(" "))
                }
                MentionKind::Agent(id) => {
                    let a = &lex.dicts.agents.entries[id as usize];
                    format!("agents:{} {} [~{}]", a.line, words.join(" "), a.code)
                }
            }
        })
        .collect()
}
