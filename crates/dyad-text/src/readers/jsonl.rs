//! JSON Lines articles: one JSON object per line.
//!
//! Fields: `text` (required string); `id` (string or number, else `<file name>#<line>`);
//! `date` or its alias `published` (`YYYY-MM-DD`, or an ISO date-time whose date part is
//! taken); `url`, `title`, `source` (strings). `null` counts as absent; unknown fields are
//! ignored. A dateline at the start of `text` is parsed too; the record's own date wins over
//! the dateline's. Blank lines are ignored. A `.json` file of pretty-printed objects (or one
//! array of them) is read too, each record named by the line it starts on.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use dyad_model::Warning;

use super::collector::{file_name, Collector, ReadError};
use super::plain::parse_dateline;
use dyad_model::{Document, Origin};

/// Read JSON Lines text into documents, collecting per-line warnings. `file` is the path as
/// given (used in warnings and origins; its file name makes fallback ids).
pub fn read_jsonl(text: &str, file: &str) -> (Vec<Document>, Vec<Warning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let name = file_name(file);
    if let Some(records) = pretty_records(text) {
        for (value, line) in records {
            match record_from_value(value, file, &name, line) {
                Ok(doc) => docs.push(doc),
                Err(w) => warnings.push(w),
            }
        }
        return (docs, warnings);
    }
    for (i, line) in text.split('\n').enumerate() {
        match parse_line(line, file, &name, i + 1) {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(w) => warnings.push(w),
        }
    }
    (docs, warnings)
}

/// Streaming form used by `read_inputs`.
pub(crate) fn read_jsonl_into(
    text: &str,
    file: &str,
    name: &str,
    c: &mut Collector,
) -> Result<(), ReadError> {
    if let Some(records) = pretty_records(text) {
        for (value, line) in records {
            match record_from_value(value, file, name, line) {
                Ok(doc) => c.document(doc)?,
                Err(w) => c.skip(w)?,
            }
        }
        return Ok(());
    }
    for (i, line) in text.split('\n').enumerate() {
        match parse_line(line, file, name, i + 1) {
            Ok(Some(doc)) => c.document(doc)?,
            Ok(None) => {}
            Err(w) => c.skip(w)?,
        }
    }
    Ok(())
}

/// Parse one line: `Ok(None)` for a blank line, `Err` for a bad record.
fn parse_line(
    line: &str,
    file: &str,
    name: &str,
    line_no: usize,
) -> Result<Option<Document>, Warning> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = if line_no == 1 {
        line.trim_start_matches('\u{feff}')
    } else {
        line
    };
    if line.trim().is_empty() {
        return Ok(None);
    }
    let Lenient(value) = serde_json::from_str(line)
        .map_err(|e| Warning::new(file, line_no, format!("invalid JSON: {e}")))?;
    record_from_value(value, file, name, line_no).map(Some)
}

/// The fields of a record that dyad reads; the others are passed over.
const FIELDS: &[&str] = &["text", "id", "date", "published", "url", "title", "source"];

/// A line's JSON value, with the fields of an object that dyad does not read passed over
/// unparsed ([`serde::de::IgnoredAny`]): only their syntax is checked, so a value there that
/// serde_json cannot hold (`"n": 1e999999999`) no longer costs the record. Anything but an
/// object is read whole, as before, for its message.
struct Lenient(Value);

impl<'de> serde::Deserialize<'de> for Lenient {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lenient, D::Error> {
        use serde::de::{self, MapAccess, SeqAccess};
        struct Visit;
        impl<'de> de::Visitor<'de> for Visit {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut obj = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    if FIELDS.contains(&key.as_str()) {
                        let v: Value = map.next_value()?;
                        obj.insert(key, v);
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                Ok(Value::Object(obj))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
                serde::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value::from(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
        }
        d.deserialize_any(Visit).map(Lenient)
    }
}

/// A file of pretty-printed JSON objects one after another (as `seed.gold.json`), or one JSON
/// array of objects: the records with the line each starts on. None when the text is not that.
fn pretty_records(text: &str) -> Option<Vec<(Value, usize)>> {
    if is_json_lines(text) {
        return None;
    }
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(Value::Array(items))) => {
                let line = line_of(start);
                out.extend(items.into_iter().map(|v| (v, line)));
            }
            Some(Ok(v)) => {
                // the value starts after any white space skipped before it
                let skipped = text[start..].len() - text[start..].trim_start().len();
                out.push((v, line_of(start + skipped)));
            }
            Some(Err(_)) => return None,
        }
    }
    Some(out)
}

/// Is `text` (or its beginning, up to the end of its first line that is not blank) JSON Lines
/// rather than pretty-printed JSON? It is unless it opens with `{` or `[` on a line that is not
/// a whole JSON value.
pub(crate) fn is_json_lines(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if !first.starts_with('{') && !first.starts_with('[') {
        return true;
    }
    // a text whose first line is a whole JSON value is JSON Lines
    first
        .lines()
        .next()
        .is_some_and(|line| serde_json::from_str::<Value>(line).is_ok())
}

/// One line of a JSON Lines input read as a stream (`line` without its `\n`, 1-based
/// `line_no`): its document, or a skipped record's warning. `utf8_warning`: warn (once) at the
/// first line that is not valid UTF-8.
pub(crate) fn stream_line(
    line: &[u8],
    line_no: usize,
    file: &str,
    name: &str,
    utf8_warning: &mut bool,
    c: &mut Collector,
) -> Result<(), ReadError> {
    let text = match std::str::from_utf8(line) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            if std::mem::take(utf8_warning) {
                c.warn(Warning::new(
                    file,
                    line_no,
                    "not valid UTF-8; invalid bytes replaced with U+FFFD",
                ))?;
            }
            String::from_utf8_lossy(line)
        }
    };
    match parse_line(&text, file, name, line_no) {
        Ok(Some(doc)) => c.document(doc)?,
        Ok(None) => {}
        Err(w) => c.skip(w)?,
    }
    Ok(())
}

/// One record from a parsed JSON value.
fn record_from_value(
    value: Value,
    file: &str,
    name: &str,
    line_no: usize,
) -> Result<Document, Warning> {
    let warn = |msg: String| Warning::new(file, line_no, msg);
    let Value::Object(obj) = value else {
        return Err(warn(format!(
            "expected a JSON object, got {}",
            kind(&value)
        )));
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => return Err(warn("field \"text\": missing".to_string())),
        Some(other) => {
            return Err(warn(format!(
                "field \"text\": expected a string, got {}",
                kind(other)
            )))
        }
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => format!("{name}#{line_no}"),
        Some(other) => {
            return Err(warn(format!(
                "field \"id\": expected a string or number, got {}",
                kind(other)
            )))
        }
    };
    let date = match opt_string(&obj, "date").map_err(&warn)? {
        Some(s) => Some(("date", s)),
        None => opt_string(&obj, "published")
            .map_err(&warn)?
            .map(|s| ("published", s)),
    };
    let date = match date {
        Some((field, s)) => Some(parse_date(&s).ok_or_else(|| {
            warn(format!(
                "field \"{field}\": expected YYYY-MM-DD, got {}",
                dyad_model::warning::quote_prefix(&s)
            ))
        })?),
        None => None,
    };
    let url = opt_string(&obj, "url").map_err(&warn)?;
    let title = opt_string(&obj, "title").map_err(&warn)?;
    let source = opt_string(&obj, "source").map_err(&warn)?;
    let dl = parse_dateline(&text);
    Ok(Document {
        id,
        date: date.or(dl.date),
        dateline_place: dl.place,
        body_start: dl.body_start,
        text,
        title,
        url,
        source,
        origin: Origin {
            file: file.to_string(),
            line: line_no,
        },
    })
}

/// An optional string field: absent or `null` → `None`; another type is an error message.
fn opt_string(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "field \"{field}\": expected a string, got {}",
            kind(other)
        )),
    }
}

/// `YYYY-MM-DD`, or the date part of an ISO date-time (`2001-09-11T08:00:00Z`,
/// `2001-09-11 08:00`).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date_part = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    if date_part.len() != 10 || date_part.as_bytes()[4] != b'-' || date_part.as_bytes()[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    /// Issue 21: one out-of-range number in a field dyad does not read (`"n": 1e999999999`)
    /// skipped the record; the field's value is passed over now. Bad JSON anywhere is still a
    /// bad record, and so is an out-of-range number in a field dyad reads.
    #[test]
    fn unknown_fields_are_ignored_whatever_their_value() {
        let (docs, warnings) = read_jsonl(
            "{\"id\": \"a\", \"n\": 1e999999999, \"x\": [[{\"y\": -1e400}]], \"text\": \"Russia attacked Ukraine.\"}\n\
             {\"id\": \"b\", \"n\": 1e99x, \"text\": \"Russia attacked Ukraine.\"}\n\
             {\"id\": 1e999999999, \"text\": \"Russia attacked Ukraine.\"}\n",
            "f.jsonl",
        );
        assert_eq!(docs.len(), 1, "{warnings:?}");
        assert_eq!(docs[0].id, "a");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!((warnings[0].line, warnings[1].line), (2, 3));
    }

    #[test]
    fn pretty_printed_objects_and_arrays() {
        let text = "{\n  \"id\": \"a\",\n  \"text\": \"one\"\n}\n{\n  \"text\": \"two\"\n}\n";
        let (docs, warnings) = super::read_jsonl(text, "dir/gold.json");
        assert!(warnings.is_empty(), "{warnings:?}");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "gold.json#5"]);
        let (docs, _) = super::read_jsonl("[{\"text\": \"x\"},\n {\"text\": \"y\"}]", "list.json");
        assert_eq!(docs.len(), 2);
        // a broken pretty file falls back to line-by-line warnings, never a panic
        let (docs, warnings) = super::read_jsonl("{\n  \"text\": \n", "bad.json");
        assert!(docs.is_empty());
        assert!(!warnings.is_empty());
    }

    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2001, 9, 11);
        assert_eq!(parse_date("2001-09-11"), d);
        assert_eq!(parse_date("2001-09-11T08:00:00Z"), d);
        assert_eq!(parse_date(" 2001-09-11 08:00 "), d);
        for bad in [
            "2025-13-45",
            "2001-9-11",
            "20010911",
            "2001-09-11x",
            "",
            "é2001-09-1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn records_and_warnings() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"BEIJING (Reuters) - Hi.\", \"date\": \"2025-12-04\", ",
            "\"url\": \"http://x\", \"title\": \"T\", \"source\": \"S\"}\n",
            "\n",
            "{\"id\": 42, \"text\": \" date 2025-01-02 PARIS: Yo.\"}\r\n",
            "{\"text\": \"x\", \"published\": \"2001-09-11T08:00:00Z\"}\n",
            "{\"text\": \"x\", \"date\": \"2025-13-45\"}\n",
            "not json\n",
            "[1, 2]\n",
            "{\"id\": \"m\"}\n",
            "{\"text\": 5}\n",
            "{\"text\": \"x\", \"id\": [1]}\n",
            "{\"text\": \"x\", \"url\": 3}\n",
            "{\"text\": \"x\", \"date\": null, \"id\": null}",
        );
        let (docs, warnings) = read_jsonl(input, "data/corpus.jsonl");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "42", "corpus.jsonl#4", "corpus.jsonl#12"]);
        let a = &docs[0];
        assert_eq!(a.dateline_place.as_deref(), Some("BEIJING"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2025, 12, 4));
        assert_eq!(a.body_start, 20);
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.source.as_deref(), Some("S"));
        assert_eq!(a.origin.line, 1);
        assert_eq!(docs[1].date, NaiveDate::from_ymd_opt(2025, 1, 2));
        assert_eq!(docs[1].dateline_place.as_deref(), Some("PARIS"));
        assert_eq!(docs[2].date, NaiveDate::from_ymd_opt(2001, 9, 11));
        assert_eq!(docs[3].date, None);
        let msgs: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(msgs.len(), 7, "{msgs:#?}");
        assert_eq!(
            msgs[0],
            "data/corpus.jsonl:5: field \"date\": expected YYYY-MM-DD, got \"2025-13-45\""
        );
        assert!(msgs[1].starts_with("data/corpus.jsonl:6: invalid JSON"));
        assert_eq!(
            msgs[2],
            "data/corpus.jsonl:7: expected a JSON object, got an array"
        );
        assert_eq!(msgs[3], "data/corpus.jsonl:8: field \"text\": missing");
        assert_eq!(
            msgs[4],
            "data/corpus.jsonl:9: field \"text\": expected a string, got a number"
        );
        assert!(msgs[5].contains(":10: field \"id\""));
        assert!(msgs[6].contains(":11: field \"url\""));
    }

    #[test]
    fn record_date_wins_over_dateline() {
        let (docs, _) = read_jsonl(
            "{\"text\": \"date 2020-01-01 ROME: x\", \"date\": \"2021-02-03\"}",
            "f.jsonl",
        );
        assert_eq!(docs[0].date, NaiveDate::from_ymd_opt(2021, 2, 3));
        assert_eq!(docs[0].dateline_place.as_deref(), Some("ROME"));
    }

    #[test]
    fn lee_corpus() {
        let p = "lee_abc_news.jsonl";
        let text = crate::test_support::corpus(p);
        let (docs, warnings) = read_jsonl(&text, p);
        assert!(warnings.is_empty(), "{warnings:#?}");
        // The file holds 349 records (7 texts appear twice, under different ids).
        assert_eq!(docs.len(), 349);
        assert_eq!(docs[0].id, "lee-001");
        assert!(docs[0].source.is_some());
        for d in &docs {
            // every document splits and tokenizes
            for s in crate::split_sentences(&d.text, d.body_start) {
                assert!(!crate::tokenize(&d.text, &s).is_empty());
            }
        }
    }
}
