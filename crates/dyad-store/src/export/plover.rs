//! PLOVER JSON records (one per line), with the field names of the PLOVER specification:
//! `id`, `date`, `actor` and `recipient` (entity objects: `code` the first unit of the CAMEO
//! code, `sector` the rest, `entity_text`), `event` (the PLOVER type from the CAMEO→PLOVER
//! mapping in `data/plover/`), `mode`, `context` (the mapping's contexts and the Phoenix issues of
//! the event's sentence), `quad_code`, `event_loc`, `event_text` (the
//! evidence of every report), `text_info`, `cite_info`, `coder`, `codebook`, and dyad's
//! additions `cameo`, `goldstein`, `num_mentions`, `num_articles`, `num_sources`, `negated`,
//! `modality`. Events whose CAMEO code has no PLOVER type (roots 01 and 02, which PLOVER
//! dropped) are left out.

use std::io::Write;

use dyad_dict::plover::PloverMap;
use rusqlite::Connection;
use serde_json::{json, Value};

use super::jsonl::reports_by_event;
use crate::query::{self, Filter};
use crate::{Result, StoreError};

fn entity(code: &str, text: &Option<String>) -> Value {
    if code.is_empty() {
        return json!([]);
    }
    let cut = code.len().min(3);
    json!([{
        "code": &code[..cut],
        "sector": &code[cut..],
        "entity_text": text,
    }])
}

/// PLOVER's `context`: the mapping's contexts of the CAMEO code, then the issues (themes) of
/// the event's sentence, lower-cased as PLOVER writes contexts.
fn context(contexts: &[String], issues: &[String]) -> Vec<String> {
    let mut all = contexts.to_vec();
    for i in issues {
        let c = i.to_ascii_lowercase();
        if !all.contains(&c) {
            all.push(c);
        }
    }
    all
}

pub fn write(conn: &Connection, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<usize> {
    let map = PloverMap::bundled();
    let mut reports = reports_by_event(conn, filter)?;
    let mut n = 0;
    for e in query::events(conn, filter)? {
        let Some(entry) = map.entry(&e.code) else {
            continue;
        };
        let texts: Vec<String> = reports
            .remove(&e.id)
            .unwrap_or_default()
            .into_iter()
            .map(|m| m.evidence)
            .collect();
        let loc = e.place_country.as_ref().map(|c| {
            json!({
                "resolved_place": e.place_name,
                "geonameid": e.place_geonameid,
                "lat": e.lat,
                "lon": e.lon,
                "country_code": c,
            })
        });
        let record = json!({
            "id": e.id.to_string(),
            "date": if e.date.is_empty() { Value::Null } else { json!(e.date) },
            "actor": entity(&e.source, &e.source_text),
            "recipient": entity(&e.target, &e.target_text),
            "event": [entry.event_type],
            "mode": entry.mode.iter().collect::<Vec<_>>(),
            "context": context(&entry.contexts, &e.issues),
            "quad_code": e.quad_class,
            "event_loc": loc,
            "event_text": texts,
            "text_info": { "sequence": e.sentence },
            "cite_info": { "citation": e.article_id, "url": e.url },
            "coder": concat!("dyad ", env!("CARGO_PKG_VERSION")),
            "codebook": "CAMEO 2.0 (PETRARCH-2 verb dictionary), mapped by CAMEO2PLOVER-2021",
            "cameo": e.code,
            "goldstein": e.goldstein,
            "num_mentions": e.num_mentions,
            "num_articles": e.num_articles,
            "num_sources": e.num_sources,
            "negated": e.negated,
            "modality": e.modality,
        });
        serde_json::to_writer(&mut *out, &record)
            .map_err(|x| StoreError::Invalid(x.to_string()))?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}
