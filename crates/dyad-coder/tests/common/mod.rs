//! Helpers shared by the behaviour tests: one coder per dictionary set, documents built from
//! a text and a date, and compact views of the events.

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_coder::{Coder, Event};
use dyad_dict::bundled::Dictionaries;
use dyad_text::{Document, Origin};

/// The coder over the PETR validation dictionaries (Arnor, Gondor, …), built once.
pub fn validation() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::validation().expect("validation dictionaries")))
}

/// The coder over the production Phoenix dictionaries, built once.
pub fn production() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::bundled().expect("bundled dictionaries")))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A document holding `text`, published on `date`.
pub fn doc(text: &str, date: Option<NaiveDate>) -> Document {
    let origin = Origin {
        file: "t".into(),
        line: 1,
    };
    Document::new("t", text, date, origin)
}

/// Code `text` as one document dated `d`.
pub fn code_on(coder: &Coder, text: &str, d: NaiveDate) -> Vec<Event> {
    coder.code_document(&doc(text, Some(d)))
}

/// Code `text` with the validation dictionaries, dated 1 January 1995 (a Sunday).
pub fn code(text: &str) -> Vec<Event> {
    code_on(validation(), text, date(1995, 1, 1))
}

/// Each event as `SOURCE CODE TARGET`, sorted, so that tests read like the expected coding.
pub fn triples(events: &[Event]) -> Vec<String> {
    let mut v: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source.as_ref().map_or("-", |a| a.code.as_str()),
                e.code,
                e.target.as_ref().map_or("-", |a| a.code.as_str())
            )
        })
        .collect();
    v.sort();
    v
}

/// The expected triples, sorted like [`triples`].
pub fn expect(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// Coding `text` with the validation dictionaries gives exactly the `expected` triples.
#[track_caller]
pub fn assert_codes(text: &str, expected: &[&str]) {
    assert_eq!(triples(&code(text)), expect(expected), "coding {text:?}");
}

/// The text between two character (not byte) offsets.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Every span of every event points at its own text in the document, by character offsets,
/// and the verb lies within the evidence.
pub fn assert_spans_match(text: &str, events: &[Event]) {
    let n = text.chars().count();
    for e in events {
        for a in e.source.iter().chain(e.target.iter()) {
            assert!(
                a.start <= a.end && a.end <= n,
                "actor span out of range: {a:?}"
            );
            assert_eq!(a.text, chars(text, a.start, a.end), "actor span {a:?}");
        }
        for s in [&e.evidence, &e.verb] {
            assert!(s.start <= s.end && s.end <= n, "span out of range: {s:?}");
            assert_eq!(s.text, chars(text, s.start, s.end), "span {s:?}");
        }
        assert!(
            e.evidence.start <= e.verb.start && e.verb.end <= e.evidence.end,
            "verb {:?} outside evidence {:?}",
            e.verb,
            e.evidence
        );
    }
}
