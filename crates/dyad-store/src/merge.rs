//! The store's side of "same event": reports are one event by [`EventKey`] (dyad-model's
//! `same_event`, the rule the coder merges an article's repeats by), and here each key gets its
//! row and the counts GDELT keeps for it.
//!
//! The event id (GDELT's GLOBALEVENTID) is a hash of that key, below 2^53 so that JavaScript
//! reads it exactly; it is the same in every database and on every rerun.
//!
//! Counts, as GDELT defines them but over the whole database instead of one 15-minute update:
//! NumMentions is the number of reports of the event (its mention rows: each sentence of an
//! article that repeats it counts, as GDELT counts multiple references in one document);
//! NumArticles the number of distinct articles; NumSources the number of
//! distinct sources (the article's `source`, else its URL's host, else one unnamed source).

use dyad_model::{Event, EventKey, Modality};
use rusqlite::{params, Transaction};

use crate::hash::Fnv64;
use crate::{Result, StoreError};

/// The stable GLOBALEVENTID of an event key: a hash of its text in 1 ..= 2^53 − 1, so that
/// JavaScript reads it exactly; the same in every database and on every rerun.
pub fn event_id(key: &EventKey) -> i64 {
    let h = Fnv64::new().field(&key.text()).finish() & ((1u64 << 53) - 1);
    h.max(1) as i64
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
    let id = event_id(key);
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
