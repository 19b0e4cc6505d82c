//! JSON Lines: one object per event — its fields, its first report, and `reports`: every
//! report with its evidence, and for the coded report of each article (`repeat` 0) the coder's
//! whole event record (`event`; null for the later sentences that repeat it).

use std::collections::HashMap;
use std::io::Write;

use rusqlite::Connection;
use serde_json::{json, Value};

use crate::query::{self, Filter, MentionRow};
use crate::{Result, StoreError};

/// The reports of the selected events, grouped by event id.
pub(crate) fn reports_by_event(
    conn: &Connection,
    filter: &Filter,
) -> Result<HashMap<i64, Vec<MentionRow>>> {
    let mut map: HashMap<i64, Vec<MentionRow>> = HashMap::new();
    for m in query::mentions(conn, filter)? {
        map.entry(m.event_id).or_default().push(m);
    }
    Ok(map)
}

pub(crate) fn report_json(m: &MentionRow) -> Result<Value> {
    let event: Value = match &m.event_json {
        Some(j) => serde_json::from_str(j)
            .map_err(|e| StoreError::Invalid(format!("stored event of {}: {e}", m.article_id)))?,
        None => Value::Null,
    };
    Ok(json!({
        "article_id": m.article_id,
        "url": m.url,
        "added": m.added,
        "sentence": m.sentence,
        "repeat": m.repeat,
        "evidence": {"start": m.evidence_start, "end": m.evidence_end, "text": m.evidence},
        "confidence": m.confidence,
        "tone": m.tone,
        "issues": m.issues,
        "event": event,
    }))
}

pub fn write(conn: &Connection, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<usize> {
    let mut reports = reports_by_event(conn, filter)?;
    let mut n = 0;
    for e in query::events(conn, filter)? {
        let mut v = serde_json::to_value(&e).map_err(|x| StoreError::Invalid(x.to_string()))?;
        let list = reports
            .remove(&e.id)
            .unwrap_or_default()
            .iter()
            .map(report_json)
            .collect::<Result<Vec<_>>>()?;
        v["reports"] = Value::Array(list);
        serde_json::to_writer(&mut *out, &v).map_err(|x| StoreError::Invalid(x.to_string()))?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}
