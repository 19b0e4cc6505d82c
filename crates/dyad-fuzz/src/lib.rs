//! dyad's fuzz targets, as plain functions: each takes arbitrary bytes, feeds them to one part
//! of dyad that reads user input, and checks what must hold whatever the input (no panic; spans
//! inside the text; evidence equal to the text it points at).
//!
//! Two harnesses call them: the cargo-fuzz project in `fuzz/` (libFuzzer, nightly), which
//! searches for inputs that break them, and `tests/replay.rs`, which runs every saved input
//! (`fuzz/corpus/<target>/` and the crashes found so far in `fuzz/regressions/<target>/`) on
//! stable Rust as part of the test suite.

#![forbid(unsafe_code)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_text::{Document, Origin, Sentence};

/// A fuzz target: arbitrary bytes in, a panic if something that must hold does not.
pub type Target = fn(&[u8]);

/// Every target, by the name of its corpus folder.
pub const TARGETS: &[(&str, Target)] = &[
    ("plain_text", plain_text),
    ("jsonl", jsonl),
    ("petr_xml", petr_xml),
    ("html", html),
    ("sentences_tokens", sentences_tokens),
    ("verb_dictionary", verb_dictionary),
    ("actor_dictionary", actor_dictionary),
    ("agent_dictionary", agent_dictionary),
    ("discard_list", discard_list),
    ("issue_dictionary", issue_dictionary),
    ("coder", coder),
];

/// Bytes as the readers see a file: UTF-8, invalid sequences replaced.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The slice of `text` between two character offsets, if they are inside it.
fn chars(text: &str, start: usize, end: usize) -> Option<String> {
    if start > end || end > text.chars().count() {
        return None;
    }
    Some(text.chars().skip(start).take(end - start).collect())
}

/// A plain-text article with its dateline.
pub fn plain_text(data: &[u8]) {
    let t = text(data);
    let dateline = dyad_text::parse_dateline(&t);
    assert!(dateline.body_start <= t.chars().count());
    if let Some(doc) = dyad_text::readers::read_plain(&t, "fuzz.txt", "fuzz.txt") {
        assert_eq!(doc.text, t);
    }
}

/// JSON Lines records.
pub fn jsonl(data: &[u8]) {
    let (docs, warnings) = dyad_text::readers::read_jsonl(&text(data), "fuzz.jsonl");
    for w in &warnings {
        assert!(w.to_string().starts_with("fuzz.jsonl:"), "{w}");
    }
    for d in &docs {
        assert!(d.body_start <= d.text.chars().count());
    }
}

/// PETRARCH XML validation records.
pub fn petr_xml(data: &[u8]) {
    let _ = dyad_text::parse_petr_xml(&text(data), "fuzz.xml");
}

/// A saved HTML page.
pub fn html(data: &[u8]) {
    if let Ok(doc) = dyad_text::readers::read_html(&text(data), "fuzz.html", "fuzz.html") {
        assert!(doc.body_start <= doc.text.chars().count());
    }
}

/// Sentences and their tokens: each inside the text, in order, and slicing it where it says;
/// and an ASCII sentence tokenizes the same by the byte-by-byte way as followed by a character
/// outside ASCII, which sends it the character-by-character way.
pub fn sentences_tokens(data: &[u8]) {
    let t = text(data);
    let n = t.chars().count();
    let mut last_end = 0;
    for s in dyad_text::split_sentences(&t, 0) {
        assert!(s.start <= s.end && s.end <= n && s.start >= last_end);
        assert!(t.get(s.byte_start..s.byte_end).is_some());
        last_end = s.end;
        let x = &t[s.byte_start..s.byte_end];
        if x.is_ascii() {
            let whole = |y: &str| Sentence::from_char_range(y, 0, y.chars().count());
            let ascii = dyad_text::tokenize(x, &whole(x));
            let y = format!("{x} é");
            let mixed = dyad_text::tokenize(&y, &whole(&y));
            assert_eq!(Some(&ascii[..]), mixed.get(..ascii.len()), "{x:?}");
        }
        let mut prev = s.start;
        for tok in dyad_text::tokenize(&t, &s) {
            assert!(tok.start >= prev && tok.start < tok.end && tok.end <= s.end);
            assert_eq!(
                chars(&t, tok.start, tok.end).as_deref(),
                Some(tok.text.as_str())
            );
            prev = tok.end;
        }
    }
}

pub fn verb_dictionary(data: &[u8]) {
    let _ = dyad_dict::verbs::parse(&text(data), "fuzz.verbs.txt");
}

pub fn actor_dictionary(data: &[u8]) {
    let _ = dyad_dict::actors::parse(&text(data), "fuzz.actors.txt");
}

pub fn agent_dictionary(data: &[u8]) {
    let _ = dyad_dict::agents::parse(&text(data), "fuzz.agents.txt");
}

pub fn discard_list(data: &[u8]) {
    let _ = dyad_dict::discards::parse(&text(data), "fuzz.discards.txt");
}

pub fn issue_dictionary(data: &[u8]) {
    let _ = dyad_dict::issues::parse(&text(data), "fuzz.issues.txt");
}

fn production_coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::bundled().expect("bundled dictionaries")))
}

/// The whole coder on arbitrary text (with a dateline if the text has one): every span of every
/// event and quotation is inside the text and says what the text says there.
pub fn coder(data: &[u8]) {
    let t = text(data);
    let dl = dyad_text::parse_dateline(&t);
    let mut doc = Document::new(
        "fuzz",
        t.clone(),
        dl.date.or(NaiveDate::from_ymd_opt(2025, 12, 4)),
        Origin {
            file: "fuzz.txt".into(),
            line: 1,
        },
    );
    doc.dateline_place = dl.place;
    doc.body_start = dl.body_start;
    let coder = production_coder();
    for e in coder.code_document(&doc) {
        let mut spans = vec![(e.evidence.start, e.evidence.end, e.evidence.text.clone())];
        spans.push((e.verb.start, e.verb.end, e.verb.text.clone()));
        spans.extend(
            e.repeated_in
                .iter()
                .map(|r| (r.evidence.start, r.evidence.end, r.evidence.text.clone())),
        );
        for (start, end, written) in spans {
            assert_eq!(chars(&t, start, end), Some(written), "{e:?}");
        }
    }
    // a quotation over several paragraphs drops the marks that reopen each paragraph (or that
    // reopen it after a full stop, where paragraphs ran together), the PTB opening mark ``
    // among them: its words are the text's, give or take quotation marks and line breaks
    let words = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '`') && !c.is_whitespace())
            .collect()
    };
    for q in coder.quotes(&doc) {
        let slice = chars(&t, q.start, q.end).unwrap_or_else(|| panic!("{q:?}"));
        assert_eq!(words(&slice), words(&q.text), "{q:?}");
    }
}
