//! Which reports are one event, and the counts GDELT keeps for it.
//!
//! Two coded events are the same event when they have the same source code, target code and
//! CAMEO code, the same polarity (negated or not) and modality, and the same date: the day the
//! clause names ("on Thursday"), else the article's date. This is GDELT's own rule (it merges
//! within a day); a window of several days would make the grouping depend on the order the
//! articles arrive in (a report dated the 2nd could join the 1st's event or the 3rd's) and so
//! would make event ids unstable. An event without a date keeps the empty date and merges with
//! the undated reports of the same dyad and code.
//!
//! The event id (GDELT's GLOBALEVENTID) is a hash of that key, below 2^53 so that JavaScript
//! reads it exactly; it is the same in every database and on every rerun.
//!
//! Counts, as GDELT defines them but over the whole database instead of one 15-minute update:
//! NumMentions is the number of reports of the event (its mention rows: each sentence of an
//! article that repeats it counts, as GDELT counts multiple references in one document);
//! NumArticles the number of distinct articles; NumSources the number of
//! distinct sources (the article's `source`, else its URL's host, else one unnamed source).

use dyad_model::{Event, Modality};
use rusqlite::{params, Transaction};

use crate::hash::Fnv64;
use crate::{Result, StoreError};

/// What makes two reports one event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventKey {
    pub source: String,
    pub target: String,
    pub code: String,
    pub negated: bool,
    pub modality: String,
    /// YYYY-MM-DD, or empty.
    pub date: String,
}

impl EventKey {
    pub fn of(event: &Event) -> EventKey {
        EventKey {
            source: event
                .source
                .as_ref()
                .map(|a| a.code.clone())
                .unwrap_or_default(),
            target: event
                .target
                .as_ref()
                .map(|a| a.code.clone())
                .unwrap_or_default(),
            code: event.code.clone(),
            negated: event.negated,
            modality: modality_name(event.modality).to_string(),
            date: event.date.clone().unwrap_or_default(),
        }
    }

    /// The key as stored (`USA|CHN|040|0|asserted|2025-12-04`).
    pub fn text(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}",
            self.source,
            self.target,
            self.code,
            u8::from(self.negated),
            self.modality,
            self.date
        )
    }

    /// The stable GLOBALEVENTID: a hash of the key in 1 ..= 2^53 − 1.
    pub fn id(&self) -> i64 {
        let h = Fnv64::new().field(&self.text()).finish() & ((1u64 << 53) - 1);
        h.max(1) as i64
    }
}

pub fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Intended => "intended",
        Modality::Hypothetical => "hypothetical",
    }
}

/// The three-digit base of a CAMEO code (`0251` → `025`; shorter codes are their own base).
pub fn base_code(code: &str) -> &str {
    if code.len() > 3 {
        &code[..3]
    } else {
        code
    }
}

/// How sure the coder is of one report, in percent (GDELT's Confidence): 100 for an asserted
/// event with both actors; 30 off when an actor is missing, 30 off when the event is only
/// intended or hypothetical, 20 off when it is negated.
pub fn confidence(event: &Event) -> i64 {
    let mut c = 100;
    if event.source.is_none() || event.target.is_none() {
        c -= 30;
    }
    if event.modality != Modality::Asserted {
        c -= 30;
    }
    if event.negated {
        c -= 20;
    }
    c
}

/// Make sure the event row of `key` exists; returns its id. A different key under the same id
/// (a hash collision) is an error rather than a silent merge.
pub(crate) fn ensure_event(tx: &Transaction, key: &EventKey, event: &Event) -> Result<i64> {
    let id = key.id();
    let text = key.text();
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO events (id, key, source_code, target_code, code, base_code, root,
             quad_class, goldstein, plover, negated, modality, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            text,
            key.source,
            key.target,
            key.code,
            base_code(&key.code),
            event.root,
            event.quad_class,
            event.goldstein,
            event.plover,
            key.negated,
            key.modality,
            key.date
        ],
    )?;
    if inserted == 0 {
        let stored: String =
            tx.query_row("SELECT key FROM events WHERE id = ?1", [id], |r| r.get(0))?;
        if stored != text {
            return Err(StoreError::Invalid(format!(
                "event id {id} is shared by {stored:?} and {text:?} (hash collision)"
            )));
        }
    }
    Ok(id)
}

/// Recompute the counts, first report, place and DATEADDED of each event in `ids`; delete
/// those no report is left for.
pub(crate) fn refresh_events(tx: &Transaction, ids: &[i64]) -> Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT COUNT(*) FROM mentions m
                            WHERE m.event_id = events.id),
            num_articles = (SELECT COUNT(DISTINCT m.article_id) FROM mentions m
                            WHERE m.event_id = events.id),
            num_sources  = (SELECT COUNT(DISTINCT a.source_key) FROM mentions m
                            JOIN articles a ON a.id = m.article_id WHERE m.event_id = events.id),
            first_mention = (SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id
                             WHERE m.event_id = events.id
                             ORDER BY a.added, a.id, m.repeat > 0, m.sentence, m.id LIMIT 1),
            date_added = COALESCE((SELECT MIN(a.added) FROM mentions m
                                   JOIN articles a ON a.id = m.article_id
                                   WHERE m.event_id = events.id), '')
         WHERE id = ?1",
    )?;
    let mut place = tx.prepare_cached(
        "UPDATE events SET place_country =
            (SELECT place_country FROM mentions WHERE id = events.first_mention)
         WHERE id = ?1",
    )?;
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE id = ?1 AND num_mentions = 0")?;
    for &id in ids {
        update.execute([id])?;
        place.execute([id])?;
        delete.execute([id])?;
    }
    Ok(())
}
