//! Writing coded articles: one transaction per batch, and an article is stored with all its
//! events, mentions and quotes or not at all, so a killed process leaves a database that holds
//! whole articles only; rerunning the same input skips what is stored.
//!
//! An article is known by its id. Stored again with the same content hash and dictionary
//! version it changes nothing; with another content hash (the article was edited) or another
//! dictionary version (`dyad recode`), its own mentions and quotes are replaced and the counts
//! of the events they belonged to move by what it took away and added (an event left without
//! reports is removed; see [`crate::merge::apply`]).
//!
//! Each batch is a `BEGIN IMMEDIATE` transaction: it takes the write lock before it reads, and
//! waits the busy timeout for it while another process writes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use dyad_model::{Document, Event, Origin, QuoteRecord, Report};
use rusqlite::{params, Connection, OptionalExtension};

use crate::merge;
use crate::moves::Moves;
pub use crate::prepared::{content_hash, source_key, url_host, ArticleInput};
use crate::prepared::{Prepared, Said, AHEAD};
use crate::rollup::{self, Rows};
use crate::{schema, Result};

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Articles new to the database.
    pub added: usize,
    /// Articles stored before, now replaced (edited text, or recoded).
    pub replaced: usize,
    /// Articles stored before with the same content and dictionaries: nothing written.
    pub unchanged: usize,
    /// Event mentions written.
    pub mentions: usize,
}

impl BatchSummary {
    pub fn add(&mut self, other: BatchSummary) {
        self.added += other.added;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.mentions += other.mentions;
    }
}

/// Row counts of the four tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub articles: i64,
    pub events: i64,
    pub mentions: i64,
    pub quotes: i64,
}

/// The current UTC time as GDELT writes DATEADDED (YYYYMMDDHHMMSS). `SOURCE_DATE_EPOCH`
/// (seconds), when set, replaces the clock, for reproducible databases.
pub fn now_stamp() -> String {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_else(chrono::Utc::now);
    now.format("%Y%m%d%H%M%S").to_string()
}

/// The event database.
pub struct Store {
    conn: Connection,
    /// The rollups and the evidence index are left to a recount at the end (a bulk load, see
    /// [`crate::bulk`]): batches store articles, events and reports only.
    pub(crate) rollups_later: bool,
}

impl Store {
    /// Open or create the database file.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store {
            conn: schema::open(path)?,
            rollups_later: false,
        })
    }

    /// Open or create the database file for a bulk load: as [`Store::open`], but the rollups
    /// of an earlier load that stopped are not filled (the load recounts them at its end).
    pub(crate) fn open_for_bulk(path: &Path) -> Result<Store> {
        Ok(Store {
            conn: schema::open_with(path, false)?,
            rollups_later: true,
        })
    }

    /// Open an existing database for reading only (`dyad query`, `dyad export`): it may sit
    /// on a read-only medium (see [`schema::open_read_only`]); every write fails.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Ok(Store {
            conn: schema::open_read_only(path)?,
            rollups_later: false,
        })
    }

    pub fn open_in_memory() -> Result<Store> {
        Ok(Store {
            conn: schema::open_in_memory()?,
            rollups_later: false,
        })
    }

    /// The SQLite connection, for queries the store does not wrap.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The stored content hash of an article, if the article is stored.
    pub fn stored_hash(&self, article_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT content_hash FROM articles WHERE id = ?1")?
            .query_row([article_id], |r| r.get(0))
            .optional()?)
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            articles: n("articles")?,
            events: n("events")?,
            mentions: n("mentions")?,
            quotes: n("quotes")?,
        })
    }

    /// Store a batch of coded articles in one transaction. `added` is the DATEADDED stamp
    /// of new articles (see [`now_stamp`]).
    pub fn write_batch(&mut self, articles: &[ArticleInput], added: &str) -> Result<BatchSummary> {
        Ok(self.write_batch_said(articles, added)?.0)
    }

    /// [`Store::write_batch`], and, when the evidence index is left to the end of a bulk load
    /// (`rollups_later`), the changes the batch made to what it indexes: its reports' evidence,
    /// in order (see [`Evidence`]); else none.
    pub(crate) fn write_batch_said(
        &mut self,
        articles: &[ArticleInput],
        added: &str,
    ) -> Result<(BatchSummary, Evidence)> {
        // the write lock is taken up front and waited for (the busy timeout): a deferred
        // transaction that reads first and then writes cannot wait for another writer, and
        // failed at once with "database is locked" when two ingests shared a database
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut summary = BatchSummary::default();
        let mut deltas: BTreeMap<i64, merge::Delta> = BTreeMap::new();
        let mut rows = Rows::default();
        // the rollups' rows the batch moves, summed and written once each at its end
        let mut moves = if self.rollups_later {
            Moves::off()
        } else {
            Moves::default()
        };
        // the evidence index's changes, in order, written after every other statement of the
        // batch (see `rollup::evidence`)
        let mut said: Evidence = Vec::new();
        // each article's hash, keys and records are made on a thread of their own, a few
        // articles ahead (see crate::prepared)
        std::thread::scope(|scope| -> Result<()> {
            let (send, made) = std::sync::mpsc::sync_channel(AHEAD);
            scope.spawn(move || {
                for a in articles {
                    // the writer stopped (an error): nothing more is wanted
                    if send.send(Prepared::of(a)).is_err() {
                        break;
                    }
                }
            });
            for a in articles {
                // each article's, in order; none when the thread stopped (it panicked: the
                // batch fails, as it would have on this thread)
                let p = made.recv().map_err(|_| {
                    crate::StoreError::Invalid("the articles' preparation stopped".into())
                })??;
                let stored: Option<(String, String, String)> = tx
                    .prepare_cached(
                        "SELECT content_hash, dict_version, added FROM articles WHERE id = ?1",
                    )?
                    .query_row([&a.doc.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                let mut article_added = added.to_string();
                if let Some((h, v, when)) = stored {
                    if h == p.hash && v == a.dict_version {
                        summary.unchanged += 1;
                        continue;
                    }
                    // a recoded article keeps the date it was first added
                    if h == p.hash {
                        article_added = when;
                    }
                    remove_article(
                        &tx,
                        &a.doc.id,
                        (&mut deltas, &mut rows, &mut said, &mut moves),
                    )?;
                    summary.replaced += 1;
                } else {
                    summary.added += 1;
                }
                insert_article(&tx, a, (&p.hash, &p.source), &article_added)?;
                rows.articles += 1;
                let mut counted: BTreeSet<i64> = BTreeSet::new();
                for (e, pe) in a.events.iter().zip(&p.events) {
                    let key = &pe.key;
                    let id = merge::ensure_event(&tx, (key, &pe.key_text, pe.id), e)?;
                    let delta = merge::touch(&tx, &mut deltas, id, moves.kept())?;
                    if counted.insert(id) {
                        merge::count_article(&tx, id, &p.source, 1, delta)?;
                    }
                    let first = |repeat: bool, sentence: usize, mention: i64| merge::FirstKey {
                        added: article_added.clone(),
                        article: a.doc.id.clone(),
                        repeat,
                        sentence: sentence as i64,
                        mention,
                    };
                    let m = insert_mention(&tx, id, e, &a.doc.id, pe)?;
                    said.push((m, e.evidence.text.clone(), 1));
                    rollup::named(
                        &mut moves,
                        (&key.source, e.source.as_ref().map(|x| x.text.as_str())),
                        (&key.target, e.target.as_ref().map(|x| x.text.as_str())),
                        1,
                    )?;
                    delta.offer(first(false, e.sentence, m));
                    delta.mentions += 1;
                    summary.mentions += 1;
                    rows.mentions += 1;
                    for (k, (report, of)) in e.repeated_in.iter().zip(&pe.repeats).enumerate() {
                        let m = insert_repeat(&tx, id, e, &a.doc.id, (k + 1, of), report)?;
                        said.push((m, report.evidence.text.clone(), 1));
                        delta.offer(first(true, report.sentence, m));
                        delta.mentions += 1;
                        summary.mentions += 1;
                        rows.mentions += 1;
                    }
                }
                for q in a.quotes {
                    insert_quote(&tx, q)?;
                    rows.quotes += 1;
                }
            }
            Ok(())
        })?;
        merge::apply(&tx, &deltas, &mut moves)?;
        let rollups = moves.kept();
        moves.write(&tx)?;
        rollup::add_rows(&tx, &rows)?;
        rollup::kept(&tx)?;
        if rollups {
            for (m, text, sign) in &said {
                rollup::evidence(&tx, *m, text, *sign)?;
            }
        }
        tx.commit()?;
        if rollups {
            said.clear();
        }
        Ok((summary, said))
    }

    /// Up to `limit` stored articles whose id sorts after `after` and whose dictionary version
    /// is not `except_version`, rebuilt as documents (for recoding), in id order. Paging by id
    /// keeps memory to one page, whatever the size of the database, and a page stays right
    /// while the articles before it are rewritten.
    pub fn articles_page(
        &self,
        after: Option<&str>,
        except_version: &str,
        limit: usize,
    ) -> Result<Vec<Document>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, text, date, dateline_place, body_start, title, url, source,
                    origin_file, origin_line
             FROM articles WHERE (?1 IS NULL OR id > ?1) AND dict_version != ?2
             ORDER BY id LIMIT ?3",
        )?;
        let rows = st.query_map(
            rusqlite::params![after, except_version, limit.min(i64::MAX as usize) as i64],
            |r| {
                let date: Option<String> = r.get(2)?;
                let mut doc = Document::new(
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                    Origin {
                        file: r.get(8)?,
                        line: r.get::<_, i64>(9)? as usize,
                    },
                );
                doc.dateline_place = r.get(3)?;
                doc.body_start = r.get::<_, i64>(4)? as usize;
                doc.title = r.get(5)?;
                doc.url = r.get(6)?;
                doc.source = r.get(7)?;
                Ok(doc)
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// Changes to the evidence index, in order: (report, evidence, 1 to add or −1 to remove).
pub(crate) type Evidence = Vec<(i64, String, i64)>;

/// Delete an article's mentions and quotes and the article itself, taking its reports out of
/// the counts of the events they belong to and noting the events whose first report it held.
fn remove_article(
    tx: &rusqlite::Transaction,
    id: &str,
    (deltas, rows, evidence, moves): (
        &mut BTreeMap<i64, merge::Delta>,
        &mut Rows,
        &mut Evidence,
        &mut Moves,
    ),
) -> Result<()> {
    let source: String = tx
        .prepare_cached("SELECT source_key FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let reports: Vec<(i64, i64, bool)> = tx
        .prepare_cached(
            "SELECT m.event_id, COUNT(*),
                    MAX(m.id = (SELECT e.first_mention FROM events e WHERE e.id = m.event_id))
             FROM mentions m WHERE m.article_id = ?1 GROUP BY m.event_id",
        )?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get::<_, Option<bool>>(2)?.unwrap_or(false),
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    for (event, n, held_first) in reports {
        let delta = merge::touch(tx, deltas, event, moves.kept())?;
        delta.mentions -= n;
        delta.first_removed |= held_first;
        merge::count_article(tx, event, &source, -1, delta)?;
    }
    let named: Vec<(String, Option<String>, String, Option<String>)> = tx
        .prepare_cached(
            "SELECT e.source_code, m.source_text, e.target_code, m.target_text
             FROM mentions m JOIN events e ON e.id = m.event_id
             WHERE m.article_id = ?1 AND m.repeat = 0",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<std::result::Result<_, _>>()?;
    for (s, st, t, tt) in &named {
        rollup::named(moves, (s, st.as_deref()), (t, tt.as_deref()), -1)?;
    }
    let said: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, evidence_text FROM mentions WHERE article_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    evidence.extend(said.into_iter().map(|(m, text)| (m, text, -1)));
    rows.mentions -= tx.execute("DELETE FROM mentions WHERE article_id = ?1", [id])? as i64;
    rows.quotes -= tx.execute("DELETE FROM quotes WHERE article_id = ?1", [id])? as i64;
    rows.articles -= tx.execute("DELETE FROM articles WHERE id = ?1", [id])? as i64;
    Ok(())
}

fn insert_article(
    tx: &rusqlite::Transaction,
    a: &ArticleInput,
    (hash, source): (&str, &str),
    added: &str,
) -> Result<()> {
    let d = a.doc;
    tx.prepare_cached(
        "INSERT INTO articles (id, url, title, source, source_key, date, dateline_place,
             body_start, content_hash, dict_version, added, origin_file, origin_line, length, text,
             tone, issues)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        d.id,
        d.url,
        d.title,
        d.source,
        source,
        d.date.map(|x| x.to_string()),
        d.dateline_place,
        d.body_start as i64,
        hash,
        a.dict_version,
        added,
        d.origin.file,
        d.origin.line as i64,
        d.text.chars().count() as i64,
        d.text,
        a.tone.map(|t| t.article.tone()),
        a.issues.map(|i| i.article.join(" ")),
    ])?;
    Ok(())
}

/// Store the coded report of an event; returns its row id. The coder's record is kept as what
/// the columns do not hold of it (see [`crate::event_record`]), made beforehand.
fn insert_mention(
    tx: &rusqlite::Transaction,
    event_id: i64,
    e: &Event,
    article_id: &str,
    prepared: &crate::prepared::PreparedEvent,
) -> Result<i64> {
    let (json, rest) = &prepared.record;
    let said = &prepared.said;
    let place = e.place.as_ref();
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, article_id, sentence, repeat,
             source_text, source_start, source_end, target_text, target_start, target_end,
             verb_start, verb_end, evidence_start, evidence_end, evidence_text, confidence, rule,
             date, place_name, place_country, place_geonameid, place_lat, place_lon, event_json,
             tone, issues, event_rest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?
    .execute(params![
        event_id,
        article_id,
        e.sentence as i64,
        0,
        e.source.as_ref().map(|a| a.text.clone()),
        e.source.as_ref().map(|a| a.start as i64),
        e.source.as_ref().map(|a| a.end as i64),
        e.target.as_ref().map(|a| a.text.clone()),
        e.target.as_ref().map(|a| a.start as i64),
        e.target.as_ref().map(|a| a.end as i64),
        e.verb.start as i64,
        e.verb.end as i64,
        e.evidence.start as i64,
        e.evidence.end as i64,
        e.evidence.text,
        merge::confidence(e),
        e.rule,
        e.date,
        place.map(|p| p.name.clone()),
        place.map(|p| p.country.clone()),
        place.map(|p| i64::from(p.geonameid)),
        place.map(|p| p.lat),
        place.map(|p| p.lon),
        json,
        said.tone,
        said.issues,
        rest,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// A later sentence of the article that reports the same event: its own sentence, evidence,
/// date and place, as the coder read them there.
fn insert_repeat(
    tx: &rusqlite::Transaction,
    event_id: i64,
    e: &Event,
    article_id: &str,
    (repeat, said): (usize, &Said),
    report: &Report,
) -> Result<i64> {
    let place = report.place.as_ref();
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, article_id, sentence, repeat, evidence_start,
             evidence_end, evidence_text, confidence, date, place_name, place_country,
             place_geonameid, place_lat, place_lon, tone, issues)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        event_id,
        article_id,
        report.sentence as i64,
        repeat as i64,
        report.evidence.start as i64,
        report.evidence.end as i64,
        report.evidence.text,
        merge::confidence(e),
        report.date,
        place.map(|p| p.name.clone()),
        place.map(|p| p.country.clone()),
        place.map(|p| i64::from(p.geonameid)),
        place.map(|p| p.lat),
        place.map(|p| p.lon),
        said.tone,
        said.issues,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_quote(tx: &rusqlite::Transaction, q: &QuoteRecord) -> Result<()> {
    let s = q.speaker.as_ref();
    tx.prepare_cached(
        "INSERT INTO quotes (article_id, start, end, text, speaker_code, speaker_text,
             speaker_start, speaker_end, speaker_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        q.article_id,
        q.start as i64,
        q.end as i64,
        q.text,
        s.map(|s| s.code.clone()),
        s.map(|s| s.text.clone()),
        s.map(|s| s.start as i64),
        s.map(|s| s.end as i64),
        s.and_then(|s| s.name.clone())
    ])?;
    Ok(())
}
