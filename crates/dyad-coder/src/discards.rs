//! The discard list's layer: for each sentence, whether a story discard or a sentence discard
//! holds, and where its time phrases are ("three years ago"), whose events are background.

use dyad_model::Event;
use dyad_text::Token;

use crate::lexicon::Lexicon;

/// What the discard list finds in a sentence (see [`find`]).
#[derive(Default)]
pub struct Discards {
    pub story: bool,
    pub sentence: bool,
    /// A year alone discards the sentence (Phoenix lists 1914–2013), and so does a past war,
    /// empire or dated battle ("World War Two", "the Napoleonic Wars", "April 1942"):
    /// PETRARCH's coders took a sentence naming history for history. The guide codes such
    /// background acts too ("thanked Yoon for the settlement of claims from World War Two"),
    /// undated, so whether this discards is the convention's to say
    /// ([`crate::Convention::discards_years`]).
    pub year: bool,
    /// Character spans of time phrases.
    pub time: Vec<(usize, usize)>,
}

/// The discard phrases of a sentence: a story discard (`+` in the list), a sentence
/// discard, and the spans of time phrases ("three years ago", "months later"), which are no
/// sentence discards: they put the clause they stand in in the past or the future, so an
/// event whose evidence holds one is background, not news, and the rest is still coded.
pub fn find(lex: &Lexicon, tokens: &[Token], words: &[u32]) -> Discards {
    let mut found = Discards::default();
    for i in 0..words.len() {
        let Some((len, id)) = lex.discards.longest_at(words, i) else {
            continue;
        };
        let d = &lex.dicts.discards.entries[id as usize];
        if d.story {
            found.story |= !is_time_discard(&d.words);
        } else if is_time_discard(&d.words) {
            found.time.push((tokens[i].start, tokens[i + len - 1].end));
        } else if is_year(&d.words) || names_history(&d.words) {
            found.year = true;
        } else {
            found.sentence = true;
        }
    }
    found
}

/// Drop the events from `first` on whose evidence holds one of a sentence's time phrases
/// ("three years ago"): they tell the background, not the news.
pub fn drop_background(found: &Discards, events: &mut Vec<Event>, first: usize) {
    if found.time.is_empty() {
        return;
    }
    let mut k = first;
    while k < events.len() {
        let ev = &events[k].evidence;
        if found.time.iter().any(|&(a, b)| a < ev.end && ev.start < b) {
            events.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Is a discard phrase a year ("1961")?
fn is_year(words: &[String]) -> bool {
    matches!(words, [w] if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Does a discard phrase name a past war, empire or dated battle ("WORLD WAR II", "NAPOLEONIC
/// WARS", "BRITISH EMPIRE", "ATTACK ON PEARL HARBOR", "APRIL 1942"), not a sports or other
/// non-political topic?
fn names_history(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| matches!(w.as_str(), "WAR" | "WARS" | "EMPIRE" | "HARBOR"))
        || (words.iter().any(|w| crate::english::is_month(w))
            && words.iter().any(|w| is_year(std::slice::from_ref(w))))
}

/// Is a discard phrase a time phrase ("YEARS AGO", "MONTHS LATER")?
fn is_time_discard(words: &[String]) -> bool {
    words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "AGO" | "LATER" | "EARLIER"))
}
