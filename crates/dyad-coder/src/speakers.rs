//! Quotes and their speakers: each quotation of an article (found by `dyad_text::quotes`) with
//! the actor who says it. A speaker written as a name is that person; "he", "she" is the person
//! last named before the quote; a description ("the French leader") is the person last named
//! whose code it gives (FRAGOV), else the code alone. The speaker keeps the words as written,
//! and `name` gives the person they refer to.

use chrono::NaiveDate;
use dyad_model::{Document, QuoteRecord, Speaker};
use dyad_text::quotes::{find_quotes_in, Quote};
use dyad_text::{Token, WholeText};

use crate::mentions::SentenceMentions;
use crate::mentions::{find_mentions, learn_aliases, MentionKind};
use crate::names::code_name;
use crate::resources::Resources;
use crate::sentence::SentenceView;

/// A person named in the article: where, the code on the article date, the name.
#[derive(Debug, Clone)]
struct Person {
    /// The sentence it is named in (its index in the article).
    sentence: usize,
    start: usize,
    end: usize,
    code: String,
    name: String,
}

/// One sentence of an article as the speakers are found in it: its tokens (those the coder
/// read, when it coded the sentence), their vocabulary ids, and its mentions if the events
/// stage found them (layer `mentions`).
pub(crate) struct SentenceText<'a> {
    pub tokens: &'a [Token],
    pub word_ids: &'a [u32],
    pub mentions: Option<&'a SentenceMentions>,
}

/// The quotations of an article read into sentences and tokens, with their speakers. `whole`
/// is the article's text read as one piece ([`WholeText`]), `chars` its characters.
pub(crate) fn quotes_of(
    res: &Resources,
    doc: &Document,
    whole: &WholeText,
    chars: &dyad_text::CharIndex,
    sentences: &[SentenceText],
) -> Vec<QuoteRecord> {
    let quotes = find_quotes_in(whole);
    // the people named are needed only to name a speaker
    let people = if quotes.iter().any(|q| q.speaker.is_some()) {
        people(res, doc, chars, sentences)
    } else {
        Vec::new()
    };
    quotes
        .into_iter()
        .map(|q| {
            let speaker = speaker(res, &q, &people, doc.date);
            QuoteRecord {
                record: "quote",
                article_id: doc.id.clone(),
                start: q.start,
                end: q.end,
                text: q.text,
                speaker,
            }
        })
        .collect()
}

/// Every person the article names, in order (a dictionary actor whose entry gives a role,
/// FRAGOV, or dated codes; not a country, FRA), with the surnames learnt on the way ("Xi").
/// A sentence the events stage coded has its mentions found already (layer `mentions`); the
/// others (discarded ones, all of a discarded story's) are read here, with the surnames those
/// teach.
fn people(
    res: &Resources,
    doc: &Document,
    chars: &dyad_text::CharIndex,
    sentences: &[SentenceText],
) -> Vec<Person> {
    let lex = &res.lexicon;
    let mut aliases = Default::default();
    let mut out: Vec<Person> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let read;
        let tokens = sentence.tokens;
        let mentions = match sentence.mentions {
            Some(found) => &found.mentions[..],
            None => {
                let s = SentenceView::with_word_ids(tokens, sentence.word_ids, &res.tagger);
                read = find_mentions(lex, &s, doc.date, &aliases);
                learn_aliases(lex, &s, &read, doc.date, &mut aliases);
                &read[..]
            }
        };
        for m in mentions {
            let MentionKind::Actor(id) = m.kind else {
                continue;
            };
            let entry = &lex.dicts.actors.entries[id as usize];
            let Some(code) = entry.code_on(doc.date) else {
                continue;
            };
            // a person holds a role (FRAGOV) or holds it for a time (dated codes); a
            // country (FRA) does neither
            let dated = entry
                .codes
                .iter()
                .any(|c| c.when != dyad_dict::actors::DateRestriction::Always);
            if code.len() < 6 && !dated {
                continue;
            }
            let (start, end) = (tokens[m.start].start, tokens[m.end - 1].end);
            // the name as first written: a surname later points back to the full name
            let written = without_title(chars.slice(&doc.text, start, end));
            let name = out
                .iter()
                .find(|p| {
                    p.code == code
                        && p.name
                            .split_whitespace()
                            .any(|w| written.split_whitespace().any(|x| x == w))
                })
                .map(|p| p.name.clone())
                .unwrap_or(written);
            out.push(Person {
                sentence: index,
                start,
                end,
                code: code.to_string(),
                name,
            });
        }
    }
    out
}

fn speaker(
    res: &Resources,
    q: &Quote,
    people: &[Person],
    date: Option<NaiveDate>,
) -> Option<Speaker> {
    let sp = q.speaker.as_ref()?;
    let before = |p: &&Person| p.end <= sp.start.min(q.start);
    let speaker = |code: String, name: Option<String>| Speaker {
        code,
        text: sp.text.clone(),
        start: sp.start,
        end: sp.end,
        name,
    };
    // a name: the person named there
    if let Some(p) = people.iter().find(|p| p.start < sp.end && sp.start < p.end) {
        return Some(speaker(p.code.clone(), Some(p.name.clone())));
    }
    let lower = sp.text.to_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "him" | "her") {
        // a person with a role first ("Xi Jinping", CHNGOV); a dated entry only when the
        // article names no such person (a country can have dated codes too). Of the people
        // of the last sentence that names one, the first, its subject as a rule ("Macron
        // met Xi. … he added": Macron)
        let with_role: Vec<&Person> = people
            .iter()
            .filter(before)
            .filter(|p| p.code.len() >= 6)
            .collect();
        let p = match with_role.last() {
            Some(last) => with_role
                .iter()
                .find(|p| p.sentence == last.sentence)
                .copied()
                .unwrap_or(last),
            None => people.iter().rev().find(before)?,
        };
        return Some(speaker(p.code.clone(), Some(p.name.clone())));
    }
    // a description: the code it gives, and the person last named with that code ("the
    // French leader" gives FRA or FRAGOV: the last French person named)
    let code = code_name(res, &sp.text, date)
        .into_iter()
        .flatten()
        .next()?;
    let p = people
        .iter()
        .rev()
        .filter(before)
        .find(|p| p.code == code || (code.len() == 3 && p.code.starts_with(&code)));
    match p {
        Some(p) => Some(speaker(p.code.clone(), Some(p.name.clone()))),
        None => Some(speaker(code, None)),
    }
}
/// A name without the title written before it ("President Emmanuel Macron" → "Emmanuel
/// Macron").
fn without_title(name: &str) -> String {
    const TITLES: &[&str] = &[
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "crown",
        "emir",
        "sheikh",
        "general",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "chinese",
        "french",
        "us",
        "u.s.",
        "supreme",
        "leader",
        "vice",
        "deputy",
        "state",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| TITLES.contains(&w.to_lowercase().as_str()))
        .count();
    if skip > 0 && skip < words.len() {
        words[skip..].join(" ")
    } else {
        name.to_string()
    }
}
