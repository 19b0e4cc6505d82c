//! Where events happen: a town or region the event's clause names, resolved with the gazetteer
//! in the article's context (its dateline country and the countries of its actors), else the
//! place of the dateline.

use dyad_lang::gazetteer::{Context, Feature, Gazetteer};
use dyad_model::Document;
use dyad_text::tokens::tokens_within;
use dyad_text::{CharIndex, Token};

use dyad_model::{Event, Place, Span};

fn place_of(p: &dyad_lang::gazetteer::Place, text: Option<Span>) -> Place {
    Place {
        name: p.name.clone(),
        country: p.country.clone(),
        geonameid: p.geonameid,
        lat: p.lat,
        lon: p.lon,
        text,
    }
}

/// Give each event its place.
pub fn attach(
    gazetteer: &Gazetteer,
    doc: &Document,
    index: &CharIndex,
    tokens: &[Token],
    events: &mut [Event],
) {
    if events.is_empty() {
        return;
    }
    let mut context = Context::default();
    for e in events.iter() {
        for a in [&e.source, &e.target].into_iter().flatten() {
            let country: String = a.code.chars().take(3).collect();
            if country.chars().all(|c| c.is_ascii_uppercase())
                && !context.countries.contains(&country)
            {
                context.countries.push(country);
            }
        }
    }
    let dateline = doc
        .dateline_place
        .as_deref()
        .and_then(|name| gazetteer.resolve(name, &context));
    context.dateline_country = dateline.map(|p| p.country.clone());
    // "Bill Clinton … Clinton said": the surnames of the people the events name are no towns
    // (Clinton, Maryland), wherever the article repeats them
    let surnames: Vec<String> = events
        .iter()
        .flat_map(|e| [&e.source, &e.target])
        .flatten()
        .filter_map(|a| {
            // a person's name: its last two words capitalised ("Bill Clinton"), where
            // "troops in Kandahar" is a phrase with a place in it
            let mut words = a.text.split_whitespace().rev();
            let (last, before) = (words.next()?, words.next()?);
            let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            (capitalised(last) && capitalised(before)).then(|| last.to_string())
        })
        .collect();
    // the places each clause names, once found: several events may share a clause
    let mut by_clause: Vec<((usize, usize), Vec<_>)> = Vec::new();
    for e in events.iter_mut() {
        let actors: Vec<(usize, usize)> = [&e.source, &e.target]
            .into_iter()
            .flatten()
            .map(|a| (a.start, a.end))
            .collect();
        // A country named in a clause is an actor or a topic ("pressuring Russia", "the war in
        // Ukraine"), not where the event happens: only towns and regions place it.
        let k = match by_clause.iter().position(|(c, _)| *c == e.clause) {
            Some(k) => k,
            None => {
                let span = dyad_text::Sentence::from_char_range_indexed(
                    &doc.text, index, e.clause.0, e.clause.1,
                );
                let clause = tokens_within(tokens, e.clause.0, e.clause.1);
                let places = gazetteer.find_places_in_tokens(&doc.text, span, clause, &context);
                by_clause.push((e.clause, places));
                by_clause.len() - 1
            }
        };
        let found = by_clause[k]
            .1
            .iter()
            .copied()
            .filter(|(_, _, p)| p.feature != Feature::Country)
            // a place that opens an actor's name is part of the name ("Vladimir Putin"); one
            // inside the phrase is where it is ("troops in Kandahar")
            .find(|&(s, t, _)| {
                !actors.iter().any(|&(a, _)| s == a)
                    && !surnames.iter().any(|n| n == index.slice(&doc.text, s, t))
            });
        e.place = match found {
            Some((s, t, p)) => Some(place_of(
                p,
                Some(Span {
                    start: s,
                    end: t,
                    text: index.slice(&doc.text, s, t).to_string(),
                }),
            )),
            None => dateline.map(|p| place_of(p, None)),
        };
    }
}
