//! PETRARCH XML: validation suites (`PETR.UnitTest.records.cameo2.xml`,
//! `PETR2_GSR_validation.xml`) and sample input (`GigaWord.sample.PETR.xml`).
//!
//! Each `<Sentence id= date= …>` gives one record: its `<Text>` (kept exactly, leading and
//! trailing newlines included), its expected codings (`<EventCoding>`) and where it sits in the
//! file. The `<Parse>` block is ignored (dyad codes from the text) except to recover the words of
//! a record whose `<Text>` is empty. An `<Environment>` block
//! names the dictionaries the suite expects.

use chrono::NaiveDate;
use roxmltree::{Node, ParsingOptions};

use dyad_model::Warning;
use dyad_model::{Document, Origin};

/// One expected coding of a validation record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedCoding {
    /// `<EventCoding sourcecode= targetcode= eventcode=>`; missing actor codes are empty.
    Event {
        source: String,
        target: String,
        code: String,
    },
    /// `<EventCoding noevents="True">`.
    NoEvents,
    /// `<EventCoding error="storydiscard|sentencediscard|dateline|bad_input_parse">`.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrRecord {
    pub id: String,
    /// From `date="YYYYMMDD"`.
    pub date: Option<NaiveDate>,
    /// The `category` attribute, else `source`, else the id up to its first `_` or `-`.
    pub category: String,
    /// The `<Text>` content exactly as in the file (entities decoded).
    pub text: String,
    /// 1-based file line where the text content begins.
    pub text_offset_line: usize,
    /// 1-based file line of the `<Sentence` tag.
    pub line: usize,
    /// From `evaluate=` or `sentence=` (`"true"`, case-insensitive); true when absent.
    pub evaluate: bool,
    pub expected: Vec<ExpectedCoding>,
}

impl PetrRecord {
    /// The record as a document of the pipeline (`file` is the path it was read from).
    pub fn into_document(self, file: &str) -> Document {
        let origin = Origin {
            file: file.to_string(),
            line: self.line,
        };
        Document::new(self.id, self.text, self.date, origin)
    }
}

/// The dictionaries named by an `<Environment>` block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetrEnvironment {
    pub verbfile: Option<String>,
    /// `<Actorfile>` may hold a comma-separated list, and may appear more than once.
    pub actorfiles: Vec<String>,
    pub agentfile: Option<String>,
    pub discardfile: Option<String>,
}

/// Byte offsets of line starts, for offset → line look-ups.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }

    /// 1-based line of byte offset `pos`.
    fn line(&self, pos: usize) -> usize {
        self.0.partition_point(|&s| s <= pos).max(1)
    }
}

/// What [`parse_petr_xml`] returns: the environment block, if any, the records, and the
/// warnings about records.
pub type PetrXml = (Option<PetrEnvironment>, Vec<PetrRecord>, Vec<Warning>);

/// Parse PETRARCH XML. Malformed XML is an `Err` naming the file and line; a `<Sentence>`
/// without an id or `<Text>`, or with an `<EventCoding>` lacking an event code, is skipped with
/// a warning; an unreadable `date` (not `YYYYMMDD` or `YYMMDD`) is ignored with a warning.
pub fn parse_petr_xml(xml: &str, file: &str) -> Result<PetrXml, Warning> {
    let parsed = parse(xml, file)?;
    let warnings = parsed.warnings.into_iter().map(|(w, _)| w).collect();
    Ok((parsed.env, parsed.records, warnings))
}

/// The result of parsing, with each warning marked `true` if its record was skipped.
pub(crate) struct Parsed {
    pub(crate) env: Option<PetrEnvironment>,
    pub(crate) records: Vec<PetrRecord>,
    pub(crate) warnings: Vec<(Warning, bool)>,
}

pub(crate) fn parse(xml: &str, file: &str) -> Result<Parsed, Warning> {
    let opts = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, opts)
        .map_err(|e| Warning::new(file, e.pos().row as usize, format!("malformed XML: {e}")))?;
    let lines = Lines::new(xml);
    let env = doc
        .descendants()
        .find(|n| n.has_tag_name("Environment"))
        .map(environment);
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("Sentence")) {
        match record(node, &lines, file) {
            Ok((r, notes)) => {
                records.push(r);
                warnings.extend(notes.into_iter().map(|w| (w, false)));
            }
            Err(w) => warnings.push((w, true)),
        }
    }
    Ok(Parsed {
        env,
        records,
        warnings,
    })
}

/// `YYYYMMDD`, or `YYMMDD` (years 69–99 → 19xx, else 20xx), or `YYYY-MM-DD`.
fn parse_record_date(d: &str) -> Option<NaiveDate> {
    if !d.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    match d.len() {
        8 => NaiveDate::parse_from_str(d, "%Y%m%d").ok(),
        6 => NaiveDate::parse_from_str(d, "%y%m%d").ok(),
        10 => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
        _ => None,
    }
}

fn environment(node: Node) -> PetrEnvironment {
    let mut env = PetrEnvironment::default();
    for child in node.children().filter(|n| n.is_element()) {
        let value = element_text(child).trim().to_string();
        let value = (!value.is_empty()).then_some(value);
        match child.tag_name().name() {
            "Verbfile" => env.verbfile = value,
            "Agentfile" => env.agentfile = value,
            "Discardfile" => env.discardfile = value,
            "Actorfile" => env.actorfiles.extend(
                value
                    .iter()
                    .flat_map(|v| v.split(','))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            ),
            _ => {}
        }
    }
    env
}

/// All text inside an element, concatenated.
fn element_text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn is_true(v: &str) -> bool {
    v.trim().eq_ignore_ascii_case("true")
}

/// One record and its non-fatal notes, or the warning that skips it.
fn record(node: Node, lines: &Lines, file: &str) -> Result<(PetrRecord, Vec<Warning>), Warning> {
    let line = lines.line(node.range().start);
    let id = node
        .attribute("id")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let name = id.clone().unwrap_or_else(|| "(no id)".to_string());
    let warn =
        |line: usize, msg: String| Warning::new(file, line, format!("Sentence {name}: {msg}"));
    let id = id.ok_or_else(|| warn(line, "missing id attribute; skipped".to_string()))?;

    let mut notes = Vec::new();
    let date = match node.attribute("date").map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            let parsed = parse_record_date(d);
            if parsed.is_none() {
                notes.push(warn(
                    line,
                    format!("attribute \"date\": expected YYYYMMDD, got {d:?}; date ignored"),
                ));
            }
            parsed
        }
    };

    let category = node
        .attribute("category")
        .or_else(|| node.attribute("source"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| {
            id.split(['_', '-'])
                .next()
                .unwrap_or(id.as_str())
                .to_string()
        });
    let evaluate = node
        .attribute("evaluate")
        .or_else(|| node.attribute("sentence"))
        .is_none_or(is_true);

    let text_node = node
        .children()
        .find(|n| n.has_tag_name("Text"))
        .ok_or_else(|| warn(line, "no <Text>; skipped".to_string()))?;
    let mut text = element_text(text_node);
    if text.trim().is_empty() {
        // A few records (one in the GSR suite, nine in the GigaWord sample) carry their words
        // only in the parse; the words are the record's text, so read them from there.
        if let Some(words) = node
            .children()
            .find(|n| n.has_tag_name("Parse"))
            .map(|p| words_of_parse(&element_text(p)))
            .filter(|w| !w.is_empty())
        {
            text = words;
        }
    }
    let text_offset_line = text_node
        .first_child()
        .map(|n| lines.line(n.range().start))
        .unwrap_or_else(|| lines.line(text_node.range().start));

    let mut expected = Vec::new();
    for coding in node.children().filter(|n| n.has_tag_name("EventCoding")) {
        let noevents = coding.attribute("noevents");
        if noevents.is_some_and(is_true) {
            expected.push(ExpectedCoding::NoEvents);
        } else if let Some(e) = coding.attribute("error") {
            expected.push(ExpectedCoding::Error(e.trim().to_string()));
        } else if let Some(code) = coding.attribute("eventcode") {
            expected.push(ExpectedCoding::Event {
                source: coding
                    .attribute("sourcecode")
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                target: coding
                    .attribute("targetcode")
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                code: code.trim().to_string(),
            });
        } else if noevents.is_none() {
            return Err(warn(
                lines.line(coding.range().start),
                "<EventCoding> without eventcode, noevents or error; skipped".to_string(),
            ));
        }
    }

    let r = PetrRecord {
        id,
        date,
        category,
        text,
        text_offset_line,
        line,
        evaluate,
        expected,
    };
    Ok((r, notes))
}

/// The words of a parse, as a sentence: the leaves of a Penn Treebank bracketing
/// (`(NP (DT The) (NN flight))`) or the FORM column of CoNLL lines. Tokens are joined with
/// spaces, without one before closing punctuation.
fn words_of_parse(parse: &str) -> String {
    let trimmed = parse.trim();
    let mut words: Vec<String> = Vec::new();
    if trimmed.starts_with('(') {
        // A leaf is `(TAG word)`: a word directly followed by `)`.
        let tokens = trimmed
            .split(|c: char| c.is_whitespace() || c == '(')
            .filter(|t| !t.is_empty());
        for t in tokens {
            if let Some(word) = t.strip_suffix(')') {
                let word = word.trim_end_matches(')');
                if !word.is_empty() {
                    words.push(ptb_unescape(word).to_string());
                }
            }
        }
    } else {
        for line in trimmed.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 2 && cols[0].trim().chars().all(|c| c.is_ascii_digit()) {
                words.push(cols[1].to_string());
            }
        }
    }
    let mut out = String::new();
    for w in &words {
        let glue = matches!(
            w.as_str(),
            "." | "," | ";" | ":" | "?" | "!" | ")" | "'s" | "'" | "n't" | "%"
        );
        if !out.is_empty() && !glue && !out.ends_with(['(', '$']) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Penn Treebank's escapes of brackets and quotes.
fn ptb_unescape(word: &str) -> &str {
    match word {
        "-LRB-" | "-LCB-" => "(",
        "-RRB-" | "-RCB-" => ")",
        "``" | "''" => "\"",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn load(name: &str) -> (Option<PetrEnvironment>, Vec<PetrRecord>, Vec<Warning>) {
        let p = format!(
            "{}/../../data/validation/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let xml = std::fs::read_to_string(&p).expect("validation file");
        parse_petr_xml(&xml, name).expect("well-formed")
    }

    fn categories(records: &[PetrRecord]) -> BTreeMap<&str, usize> {
        let mut m = BTreeMap::new();
        for r in records {
            *m.entry(r.category.as_str()).or_insert(0) += 1;
        }
        m
    }

    #[test]
    fn empty_text_is_read_from_the_parse() {
        let ptb = "(ROOT (S (NP (DT The) (NNP Malaysia) (NN flight) (NN MH17)) (VP (VBD was) \
                   (VP (VBN downed) (PP (IN by) (NP (NNS rebels))))) (. .)))";
        assert_eq!(
            words_of_parse(ptb),
            "The Malaysia flight MH17 was downed by rebels."
        );
        let conll = "1\tBoko\tBoko\tPROPN\n2\tHaram\tHaram\tPROPN\n3\tattacked\tattack\tVERB\n\
                     4\tschools\tschool\tNOUN\n5\t,\t,\tPUNCT\n6\tpolice\tpolice\tNOUN\n\
                     7\tsaid\tsay\tVERB\n8\t.\t.\tPUNCT";
        assert_eq!(
            words_of_parse(conll),
            "Boko Haram attacked schools, police said."
        );
        let xml = format!(
            "<Sentences><Sentence id=\"E_1\" date=\"20150101\"><Text>\n</Text>\
             <Parse>{conll}</Parse></Sentence></Sentences>"
        );
        let (_, records, _) = parse_petr_xml(&xml, "e.xml").expect("well-formed");
        assert_eq!(records[0].text, "Boko Haram attacked schools, police said.");
    }

    #[test]
    fn unit_test_records() {
        let (env, records, warnings) = load("PETR.UnitTest.records.cameo2.xml");
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert_eq!(records.len(), 216);
        let env = env.expect("environment");
        assert_eq!(env.verbfile.as_deref(), Some("PETR.Validate.verbs.txt"));
        assert_eq!(env.actorfiles, vec!["PETR.Validate.actors.txt"]);
        assert_eq!(env.agentfile.as_deref(), Some("PETR.Validate.agents.txt"));
        assert_eq!(
            env.discardfile.as_deref(),
            Some("PETR.Validate.discards.txt")
        );
        let r = &records[0];
        assert_eq!(r.id, "DEMO_00");
        assert_eq!(r.category, "DEMO");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert!(r.evaluate);
        assert_eq!(
            r.text,
            "\nArnor is about to restore full diplomatic ties with Gondor almost \n\
             five years after crowds trashed its embassy.\n"
        );
        assert_eq!(r.line, 62);
        assert_eq!(r.text_offset_line, 67);
        assert_eq!(
            r.expected,
            vec![ExpectedCoding::Event {
                source: "ARN".into(),
                target: "GON".into(),
                code: "050".into()
            }]
        );
        assert_eq!(records.iter().filter(|r| !r.evaluate).count(), 3);
        let all: Vec<&ExpectedCoding> = records.iter().flat_map(|r| &r.expected).collect();
        assert!(all.iter().any(|c| matches!(c, ExpectedCoding::NoEvents)));
        assert!(all
            .iter()
            .any(|c| **c == ExpectedCoding::Error("dateline".into())));
        assert!(all.iter().any(|c| matches!(c,
            ExpectedCoding::Event { source, .. } if source == "\"INJURY TOLL\"")));
    }

    #[test]
    fn gsr_validation() {
        let (env, records, warnings) = load("PETR2_GSR_validation.xml");
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert_eq!(records.len(), 78);
        // one record is dated "121108" (YYMMDD)
        let r = records
            .iter()
            .find(|r| r.id == "AFP0808020905_1")
            .expect("record");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2012, 11, 8));
        let env = env.expect("environment");
        assert_eq!(env.actorfiles.len(), 3);
        assert_eq!(env.actorfiles[2], "Phoenix.MilNonState.actors.txt");
        let cats = categories(&records);
        assert_eq!(cats.get("AFP"), Some(&18));
        assert_eq!(cats.get("OTHER"), Some(&23));
        let events = records
            .iter()
            .flat_map(|r| &r.expected)
            .filter(|c| matches!(c, ExpectedCoding::Event { .. }))
            .count();
        assert_eq!(events, 80);
        let no_events = records
            .iter()
            .filter(|r| r.expected.contains(&ExpectedCoding::NoEvents))
            .count();
        assert_eq!(no_events, 12);
    }

    #[test]
    fn gigaword_sample() {
        let (env, records, warnings) = load("GigaWord.sample.PETR.xml");
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert!(env.is_none());
        assert_eq!(records.len(), 76);
        let r = &records[0];
        assert_eq!(r.id, "AFP0808020625_4");
        assert_eq!(r.category, "AFP");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2008, 8, 4));
        assert!(r.expected.is_empty());
        assert!(r.text.starts_with("\nThe stopover came"));
        for r in records {
            let doc = r.into_document("g.xml");
            for s in crate::split_sentences(&doc.text, doc.body_start) {
                let _ = crate::tokenize(&doc.text, &s);
            }
        }
    }

    #[test]
    fn small_cases() {
        let xml = r#"<?xml version="1.0"?>
<Validation>
<Environment><Actorfile> a.txt , b.txt </Actorfile><Verbfile></Verbfile></Environment>
<Sentences>
<Sentence id="TEST-01" date = "20010911" evaluate="False">
<EventCoding noevents="True"/>
<Text>Café &amp; “quotes”.</Text>
</Sentence>
<Sentence id="X_2"><Parse>(S)</Parse></Sentence>
<Sentence id="X_3" date="2001"><Text>t</Text></Sentence>
<Sentence id="X_4"><EventCoding sourcecode="A"/><Text>t</Text></Sentence>
<Sentence><Text>t</Text></Sentence>
<Sentence id="Y5"><Text/><EventCoding error=" storydiscard "/></Sentence>
</Sentences>
</Validation>"#;
        let (env, records, warnings) = parse_petr_xml(xml, "t.xml").expect("parses");
        let env = env.expect("environment");
        assert_eq!(env.actorfiles, vec!["a.txt", "b.txt"]);
        assert_eq!(env.verbfile, None);
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].id, "X_3");
        assert_eq!(records[1].date, None);
        let r = &records[0];
        assert_eq!(r.category, "TEST");
        assert!(!r.evaluate);
        assert_eq!(r.text, "Café & “quotes”.");
        assert_eq!(r.line, 5);
        assert_eq!(r.text_offset_line, 7);
        assert_eq!(r.expected, vec![ExpectedCoding::NoEvents]);
        assert_eq!(records[2].category, "Y5");
        assert_eq!(records[2].text, "");
        assert_eq!(
            records[2].expected,
            vec![ExpectedCoding::Error("storydiscard".into())]
        );
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![9, 10, 11, 12], "{warnings:#?}");
        assert!(warnings[1].message.contains("date ignored"));
        let parsed = parse(xml, "t.xml").expect("parses");
        let skipped: Vec<bool> = parsed.warnings.iter().map(|(_, s)| *s).collect();
        assert_eq!(skipped, vec![true, false, true, true]);
        assert!(warnings[0]
            .to_string()
            .starts_with("t.xml:9: Sentence X_2: no <Text>"));

        let doc = records[0].clone().into_document("t.xml");
        assert_eq!(doc.id, "TEST-01");
        assert_eq!(doc.origin.line, 5);
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2001, 9, 11));
    }

    #[test]
    fn record_dates() {
        for (written, (y, m, d)) in [
            ("19950101", (1995, 1, 1)),
            ("950101", (1995, 1, 1)),
            ("121108", (2012, 11, 8)),
            ("1995-01-01", (1995, 1, 1)),
        ] {
            assert_eq!(
                parse_record_date(written),
                NaiveDate::from_ymd_opt(y, m, d),
                "{written}"
            );
        }
        for bad in ["", "2001", "19951301", "+1995011", "199501011", "é"] {
            assert_eq!(parse_record_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn malformed_xml() {
        let e = parse_petr_xml("<a>\n<b>\n</a>", "bad.xml").expect_err("malformed");
        assert_eq!(e.file, "bad.xml");
        assert_eq!(e.line, 3);
        assert!(e.message.starts_with("malformed XML"));
        for junk in [
            "",
            "not xml",
            "<",
            "<a",
            "\u{0}",
            "<a>&bogus;</a>",
            "<!DOCTYPE x>",
        ] {
            let _ = parse_petr_xml(junk, "j.xml");
        }
    }
}
