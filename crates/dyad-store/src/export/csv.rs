//! CSV (RFC 4180): one row per event with a header, the fields of [`EventRow`] in order.

use std::io::Write;

use rusqlite::Connection;

use crate::query::{self, EventRow, Filter};
use crate::Result;

pub const COLUMNS: [&str; 29] = [
    "id",
    "date",
    "source",
    "target",
    "code",
    "base_code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "modality",
    "num_mentions",
    "num_sources",
    "num_articles",
    "date_added",
    "article_id",
    "url",
    "sentence",
    "source_text",
    "target_text",
    "evidence",
    "place_name",
    "place_country",
    "place_geonameid",
    "lat",
    "lon",
    "tone",
    "issues",
];

/// A field quoted when it holds a comma, quote or line break.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

pub fn row(e: &EventRow) -> Vec<String> {
    vec![
        e.id.to_string(),
        e.date.clone(),
        e.source.clone(),
        e.target.clone(),
        e.code.clone(),
        e.base_code.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        opt(&e.plover),
        e.negated.to_string(),
        e.modality.clone(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.date_added.clone(),
        e.article_id.clone(),
        opt(&e.url),
        e.sentence.to_string(),
        opt(&e.source_text),
        opt(&e.target_text),
        e.evidence.clone(),
        opt(&e.place_name),
        opt(&e.place_country),
        opt(&e.place_geonameid),
        opt(&e.lat),
        opt(&e.lon),
        opt(&e.tone),
        e.issues.join(" "),
    ]
}

/// One event as a CSV line, its line break included.
pub fn line(e: &EventRow) -> String {
    let fields: Vec<String> = row(e).iter().map(|f| quote(f)).collect();
    format!("{}\r\n", fields.join(","))
}

/// The header line.
pub fn header() -> String {
    format!("{}\r\n", COLUMNS.join(","))
}

pub fn write(conn: &Connection, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<usize> {
    out.write_all(header().as_bytes())?;
    let mut n = 0;
    for e in query::events(conn, filter)? {
        out.write_all(line(&e).as_bytes())?;
        n += 1;
    }
    Ok(n)
}
