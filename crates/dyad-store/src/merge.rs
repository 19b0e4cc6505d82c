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
use rusqlite::{params, OptionalExtension, Transaction};

use crate::hash::Fnv64;
use crate::{Result, StoreError};

/// The stable GLOBALEVENTID of an event key: a hash of its text in 1 ..= 2^53 − 1, so that
/// JavaScript reads it exactly; the same in every database and on every rerun.
pub fn event_id(key: &EventKey) -> i64 {
    event_id_of(&key.text())
}

/// [`event_id`] of a key as stored ([`EventKey::text`]).
pub(crate) fn event_id_of(key_text: &str) -> i64 {
    let h = Fnv64::new().field(key_text).finish() & ((1u64 << 53) - 1);
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

/// Make sure the event row of `key` (stored as `text`, its id `id`: [`event_id`]) exists;
/// returns its id. A different key under the same id (a hash collision) is an error rather
/// than a silent merge.
pub(crate) fn ensure_event(
    tx: &Transaction,
    (key, text, id): (&EventKey, &str, i64),
    event: &Event,
) -> Result<i64> {
    let inserted = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (id, key, source_code, target_code, code, base_code, root,
             quad_class, goldstein, plover, negated, modality, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
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
    ])?;
    if inserted == 0 {
        let stored: String = tx
            .prepare_cached("SELECT key FROM events WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        if stored != text {
            return Err(StoreError::Invalid(format!(
                "event id {id} is shared by {stored:?} and {text:?} (hash collision)"
            )));
        }
    }
    Ok(id)
}

/// The order that picks an event's first report: the article added first, then its id, the
/// coded report before its repeats, the sentence, the row (as `first_mention` is defined).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FirstKey {
    pub added: String,
    pub article: String,
    pub repeat: bool,
    pub sentence: i64,
    pub mention: i64,
}

/// What one batch did to one event: counts to add (or take away) and whether its first report
/// may have changed.
#[derive(Debug, Default)]
pub(crate) struct Delta {
    pub mentions: i64,
    pub articles: i64,
    pub sources: i64,
    /// The event's first report belonged to an article the batch removed.
    pub first_removed: bool,
    /// The earliest report the batch added.
    pub candidate: Option<FirstKey>,
    /// What the rollups counted of the event before the batch touched it (None: nothing).
    pub before: Option<crate::rollup::Facts>,
}

/// The delta of `event` in this batch; the first time the batch touches the event, its facts
/// as the rollups count them are kept (before any of its reports is removed or added), when the
/// batch keeps the rollups (`rollups`).
pub(crate) fn touch<'d>(
    tx: &Transaction,
    deltas: &'d mut std::collections::BTreeMap<i64, Delta>,
    event: i64,
    rollups: bool,
) -> Result<&'d mut Delta> {
    Ok(match deltas.entry(event) {
        std::collections::btree_map::Entry::Occupied(d) => d.into_mut(),
        std::collections::btree_map::Entry::Vacant(v) => v.insert(Delta {
            before: if rollups {
                crate::rollup::facts(tx, event)?
            } else {
                None
            },
            ..Delta::default()
        }),
    })
}

impl Delta {
    pub fn offer(&mut self, key: FirstKey) {
        if self.candidate.as_ref().is_none_or(|c| key < *c) {
            self.candidate = Some(key);
        }
    }
}

/// Count one article in (`sign` 1) or out (−1) of the distinct articles and sources of
/// `event`: the per-source tally in `event_sources` says whether the source is new to the event
/// or its last article left.
pub(crate) fn count_article(
    tx: &Transaction,
    event: i64,
    source_key: &str,
    sign: i64,
    delta: &mut Delta,
) -> Result<()> {
    delta.articles += sign;
    let before: i64 = tx
        .prepare_cached(
            "SELECT articles FROM event_sources WHERE event_id = ?1 AND source_key = ?2",
        )?
        .query_row(params![event, source_key], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let after = before + sign;
    if after <= 0 {
        tx.prepare_cached("DELETE FROM event_sources WHERE event_id = ?1 AND source_key = ?2")?
            .execute(params![event, source_key])?;
    } else {
        tx.prepare_cached(
            "INSERT INTO event_sources (event_id, source_key, articles) VALUES (?1, ?2, ?3)
             ON CONFLICT (event_id, source_key) DO UPDATE SET articles = excluded.articles",
        )?
        .execute(params![event, source_key, after])?;
    }
    if before == 0 && after > 0 {
        delta.sources += 1;
    } else if before > 0 && after <= 0 {
        delta.sources -= 1;
    }
    Ok(())
}

/// Apply a batch's changes to each event it touched: counts moved by the batch's deltas (not
/// recounted: recounting every report of an event on every batch made ingest quadratic, as
/// each copy of a story adds to the same events), the first report replaced by an earlier one
/// the batch added, or looked for again when its article was removed; an event left with no
/// report is deleted.
pub(crate) fn apply(
    tx: &Transaction,
    deltas: &std::collections::BTreeMap<i64, Delta>,
    moves: &mut crate::moves::Moves,
) -> Result<()> {
    let mut counts = tx.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + ?3,
             num_sources = num_sources + ?4
         WHERE id = ?1 RETURNING num_mentions, first_mention",
    )?;
    let mut first_of = tx.prepare_cached(
        "SELECT a.added, a.id, m.repeat > 0, m.sentence, m.id FROM mentions m
         JOIN articles a ON a.id = m.article_id WHERE m.id = ?1",
    )?;
    let mut set_first = tx.prepare_cached(
        "UPDATE events SET first_mention = ?2, date_added = ?3,
             place_country = (SELECT place_country FROM mentions WHERE id = ?2)
         WHERE id = ?1",
    )?;
    let mut recompute = tx.prepare_cached(
        "UPDATE events SET
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
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE id = ?1")?;
    for (&id, d) in deltas {
        apply_one(
            id,
            d,
            (&mut counts, &mut first_of, &mut set_first),
            (&mut recompute, &mut place, &mut delete),
        )?;
        // the rollups move from the event as it was before the batch to what it is now
        if moves.kept() {
            let after = crate::rollup::facts(tx, id)?;
            crate::rollup::moved(moves, d.before.as_ref(), after.as_ref())?;
        }
    }
    Ok(())
}

type Stmt<'a, 'b> = &'a mut rusqlite::CachedStatement<'b>;

/// One event's counts and first report moved by its delta (see [`apply`]).
fn apply_one(
    id: i64,
    d: &Delta,
    (counts, first_of, set_first): (Stmt, Stmt, Stmt),
    (recompute, place, delete): (Stmt, Stmt, Stmt),
) -> Result<()> {
    {
        let (mentions, first): (i64, Option<i64>) = counts
            .query_row(params![id, d.mentions, d.articles, d.sources], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        if mentions <= 0 {
            delete.execute([id])?;
            return Ok(());
        }
        if d.first_removed {
            recompute.execute([id])?;
            place.execute([id])?;
            return Ok(());
        }
        let Some(candidate) = &d.candidate else {
            return Ok(());
        };
        let current = match first {
            Some(m) => first_of
                .query_row([m], |r| {
                    Ok(FirstKey {
                        added: r.get(0)?,
                        article: r.get(1)?,
                        repeat: r.get(2)?,
                        sentence: r.get(3)?,
                        mention: r.get(4)?,
                    })
                })
                .optional()?,
            None => None,
        };
        if current.as_ref().is_none_or(|c| candidate < c) {
            set_first.execute(params![id, candidate.mention, candidate.added])?;
        }
    }
    Ok(())
}
