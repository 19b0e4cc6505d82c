//! GDELT's update files: every interval, the events first stored in it as
//! `YYYYMMDDHHMMSS.export.CSV.zip` (the 61 columns of [`crate::export::gdelt`]) and their
//! reports as `YYYYMMDDHHMMSS.mentions.CSV.zip` (the 16 columns of
//! [`crate::export::mentions`]), named by the interval's end in UTC, and `lastupdate.txt`
//! listing both as `SIZE MD5 NAME` lines, as GDELT's does.
//!
//! What was published is kept in the database, so that a restart after a crash resumes from
//! it: publishing an update first *assigns* it, in one transaction, every event stored by its
//! stamp and not yet in an update, and every report stored by then of an event already
//! published (a later article reporting an old event is in a later mentions file, as in
//! GDELT's); then writes the files (each through a temporary name, renamed into place once
//! complete), then `lastupdate.txt` (likewise), and only then marks the update published. An
//! update assigned but not marked (the process died while writing it) is written again, with
//! the same content, before any later one. An event or report is assigned once, by what
//! outlives a re-ingest of its article (the event's stable id; the article, sentence and
//! repeat of a report), so none is published twice and none is left out.
//!
//! An interval in which nothing new was stored publishes nothing: no files, and
//! `lastupdate.txt` keeps naming the last update.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use md5::{Digest, Md5};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::export::{gdelt, mentions};
use crate::query::{self, MentionRow};
use crate::{Result, StoreError};

/// The name of the file that lists the latest update.
pub const LAST_UPDATE: &str = "lastupdate.txt";

/// One file of an update, as `lastupdate.txt` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateFile {
    /// The file's name in the update folder (`20250101120000.export.CSV.zip`).
    pub name: String,
    pub size: u64,
    /// The MD5 digest of the file, in lower-case hex.
    pub md5: String,
}

/// A published update: its stamp, what it holds and its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The interval's end, YYYYMMDDHHMMSS (UTC).
    pub stamp: String,
    pub events: usize,
    pub mentions: usize,
    pub files: Vec<UpdateFile>,
}

/// Publish every update still to be written (an earlier run stopped while writing it), then
/// the update `stamp` when anything new was stored by then; the updates written, in order.
pub fn publish_due(conn: &Connection, stamp: &str, dir: &Path) -> Result<Vec<Update>> {
    let mut done = publish_pending(conn, dir)?;
    if assign(conn, stamp)? {
        done.push(write(conn, stamp, dir)?);
    }
    Ok(done)
}

/// Write the updates assigned but not marked published (an earlier run stopped while writing
/// them), oldest first.
pub fn publish_pending(conn: &Connection, dir: &Path) -> Result<Vec<Update>> {
    let mut done = Vec::new();
    for stamp in pending(conn)? {
        done.push(write(conn, &stamp, dir)?);
    }
    Ok(done)
}

/// The updates assigned but not yet marked published, oldest first.
pub fn pending(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT stamp FROM updates WHERE published = 0 ORDER BY stamp")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<Vec<String>, _>>()?)
}

/// The stamps of the updates published, oldest first.
pub fn published(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("SELECT stamp FROM updates WHERE published = 1 ORDER BY stamp")?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<Vec<String>, _>>()?)
}

/// Give update `stamp` every event stored by then and in no update yet, and every report
/// stored by then of a published event that is in no update yet, in one transaction; whether
/// there was anything. A stamp not after the last update's takes nothing (the clock went back).
pub fn assign(conn: &Connection, stamp: &str) -> Result<bool> {
    check_stamp(stamp)?;
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let last: Option<String> = tx.query_row("SELECT MAX(stamp) FROM updates", [], |r| r.get(0))?;
    if last.is_some_and(|l| l.as_str() >= stamp) {
        return Ok(false);
    }
    let events = tx.execute(
        "INSERT INTO update_events (event_id, stamp)
         SELECT e.id, ?1 FROM events e
         WHERE e.date_added <> '' AND e.date_added <= ?1
           AND NOT EXISTS (SELECT 1 FROM update_events u WHERE u.event_id = e.id)",
        [stamp],
    )?;
    let reports = tx.execute(
        "INSERT INTO update_mentions (event_id, article_id, sentence, repeat, stamp)
         SELECT m.event_id, m.article_id, m.sentence, m.repeat, ?1
         FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE a.added <= ?1
           AND EXISTS (SELECT 1 FROM update_events u WHERE u.event_id = m.event_id)
           AND NOT EXISTS (SELECT 1 FROM update_mentions p
                           WHERE p.event_id = m.event_id AND p.article_id = m.article_id
                             AND p.sentence = m.sentence AND p.repeat = m.repeat)",
        [stamp],
    )?;
    if events + reports == 0 {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO updates (stamp, published) VALUES (?1, 0)",
        [stamp],
    )?;
    tx.commit()?;
    Ok(true)
}

/// A stamp is fourteen digits.
fn check_stamp(stamp: &str) -> Result<()> {
    if stamp.len() == 14 && stamp.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "update stamp {stamp:?} is not YYYYMMDDHHMMSS"
        )))
    }
}

/// The events of update `stamp` that GDELT's table holds (negated ones are not), by id.
fn update_events(conn: &Connection, stamp: &str) -> Result<Vec<query::EventRow>> {
    let sql = format!(
        "{} JOIN update_events u ON u.event_id = e.id
         WHERE u.stamp = ?1 AND e.negated = 0 ORDER BY e.id",
        query::ROW_SQL
    );
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map([stamp], query::row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The reports of update `stamp` (of events that are not negated), by event, article and
/// sentence.
fn update_mentions(conn: &Connection, stamp: &str) -> Result<Vec<MentionRow>> {
    let mut st = conn.prepare(&format!(
        "SELECT {}
         FROM update_mentions p
         JOIN mentions m ON m.event_id = p.event_id AND m.article_id = p.article_id
                        AND m.sentence = p.sentence AND m.repeat = p.repeat
         JOIN articles a ON a.id = m.article_id
         JOIN events e ON e.id = m.event_id
         WHERE p.stamp = ?1 AND e.negated = 0
         ORDER BY m.event_id, m.article_id, m.repeat > 0, m.sentence, m.repeat",
        query::mention_columns()
    ))?;
    let rows = st.query_map([stamp], query::mention_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Tab-separated lines, no header, as GDELT's update files have them.
fn tsv(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = Vec::new();
    for r in rows {
        out.extend_from_slice(r.join("\t").as_bytes());
        out.push(b'\n');
    }
    out
}

/// Write update `stamp`'s two files and `lastupdate.txt`, then mark it published.
fn write(conn: &Connection, stamp: &str, dir: &Path) -> Result<Update> {
    let events = update_events(conn, stamp)?;
    let reports = update_mentions(conn, stamp)?;
    fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut files = Vec::with_capacity(2);
    for (kind, body) in [
        ("export", tsv(events.iter().map(gdelt::row))),
        ("mentions", tsv(reports.iter().map(mentions::row))),
    ] {
        let inner = format!("{stamp}.{kind}.CSV");
        let bytes = zipped(&inner, &body, stamp)?;
        let name = format!("{inner}.zip");
        replace_file(&dir.join(&name), &bytes)?;
        files.push(UpdateFile {
            name,
            size: bytes.len() as u64,
            md5: hex(&Md5::digest(&bytes)),
        });
    }
    let listing: String = files
        .iter()
        .map(|f| format!("{} {} {}\n", f.size, f.md5, f.name))
        .collect();
    replace_file(&dir.join(LAST_UPDATE), listing.as_bytes())?;
    conn.execute("UPDATE updates SET published = 1 WHERE stamp = ?1", [stamp])?;
    Ok(Update {
        stamp: stamp.to_string(),
        events: events.len(),
        mentions: reports.len(),
        files,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A zip archive of one file, `name` with `body`, dated `stamp`: the same stamp and rows
/// give the same bytes, so an update written again after a crash is the same file.
fn zipped(name: &str, body: &[u8], stamp: &str) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let n = |at: usize, len: usize| stamp[at..at + len].parse::<u16>().unwrap_or(0);
    let when = zip::DateTime::from_date_and_time(
        n(0, 4),
        n(4, 2) as u8,
        n(6, 2) as u8,
        n(8, 2) as u8,
        n(10, 2) as u8,
        n(12, 2) as u8,
    )
    .unwrap_or_default();
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let zip_err = |e: zip::result::ZipError| StoreError::Invalid(format!("cannot zip {name}: {e}"));
    zip.start_file(name, opts).map_err(zip_err)?;
    zip.write_all(body)?;
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("cannot write {}: {e}", path.display()))
}

/// Put `bytes` at `path` whole or not at all: written to a hidden temporary name beside it,
/// flushed to disk, renamed over it, and the folder flushed.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temp: PathBuf = dir.join(format!(".{}.part", name.unwrap_or_default()));
    let mut f = fs::File::create(&temp).map_err(|e| io(&temp, e))?;
    f.write_all(bytes).map_err(|e| io(&temp, e))?;
    f.sync_all().map_err(|e| io(&temp, e))?;
    drop(f);
    fs::rename(&temp, path).map_err(|e| io(path, e))?;
    if let Ok(d) = fs::File::open(dir) {
        // a folder cannot be flushed on every system; the rename stands either way
        let _ = d.sync_all();
    }
    Ok(())
}
