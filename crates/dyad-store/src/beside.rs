//! The evidence index of a bulk load, made beside it while its batches are written: a thread
//! of its own hashes each batch's reports into a trigram index in a scratch file next to the
//! store (`<store>-evidence`), and the end of the load copies that index's tables into the
//! store's (`evidence_fts`) instead of making it again from every report (FTS5's `rebuild`,
//! the longest step of a ten-million-event recount: 288–356 s, nearly all of it the hashing of
//! 23 million reports' trigrams, on the one core the recount runs on). The batches then take
//! some of the second core, which the writer leaves idle.
//!
//! The index in the scratch file is FTS5's own, of the same tokenizer and detail as the
//! store's, without content (`content=''`): its tables (`_data`, `_idx`, `_docsize`) hold what
//! the store's external-content index would hold for the same rows, which is what a copy
//! needs. It is used only when it holds every report of the store: a load into a store
//! without reports, none of whose batches took a report away (an article stored again with
//! other content). Otherwise, or when the thread failed, the end of the load makes the index
//! again as before. The scratch file is deleted at the end; one left by a load that was
//! stopped is deleted by the next bulk load of the store.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use rusqlite::{params, Connection};

use crate::ingest::Evidence;
use crate::Result;

/// The scratch file of the store at `db`.
pub(crate) fn scratch_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-evidence");
    PathBuf::from(p)
}

/// Delete the scratch file of the store at `db`, and the journal SQLite may have left with it.
pub(crate) fn remove_scratch(db: &Path) {
    let path = scratch_path(db);
    for ext in ["", "-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Postings the thread gathers in memory before it writes a segment, in bytes, as a fill's
/// (see `fill::EVIDENCE_HASH`).
const HASH_BYTES: i64 = 1 << 30;

/// Batches of reports waiting for the thread before the writer waits for it.
const QUEUE: usize = 4;

/// The evidence index being made beside a bulk load.
pub(crate) struct Beside {
    db: PathBuf,
    sender: Option<SyncSender<Vec<(i64, String)>>>,
    worker: Option<JoinHandle<Result<()>>>,
    /// Whether the index holds every report of the store so far.
    whole: bool,
}

impl Beside {
    /// Start the index beside the load of the store at `db`; `whole`: the store holds no
    /// report yet (else the index could not hold them all, and it is not made).
    pub(crate) fn start(db: &Path, whole: bool) -> Result<Beside> {
        remove_scratch(db);
        let mut beside = Beside {
            db: db.to_path_buf(),
            sender: None,
            worker: None,
            whole,
        };
        if !whole {
            return Ok(beside);
        }
        let conn = Connection::open(scratch_path(db))?;
        conn.execute_batch(&format!(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
             CREATE VIRTUAL TABLE evidence USING fts5(evidence_text, content='',
                 tokenize='trigram', detail='none');
             INSERT INTO evidence(evidence, rank) VALUES ('hashsize', {HASH_BYTES});"
        ))?;
        let (sender, batches) = sync_channel::<Vec<(i64, String)>>(QUEUE);
        beside.sender = Some(sender);
        beside.worker = Some(std::thread::spawn(move || -> Result<()> {
            // one transaction: FTS5 writes a segment when its hash is full, and at the end
            conn.execute_batch("BEGIN")?;
            {
                let mut ins =
                    conn.prepare("INSERT INTO evidence (rowid, evidence_text) VALUES (?1, ?2)")?;
                for batch in batches {
                    for (report, text) in batch {
                        ins.execute(params![report, text])?;
                    }
                }
            }
            conn.execute_batch("COMMIT")?;
            Ok(())
        }));
        Ok(beside)
    }

    /// A batch's changes to the evidence index (reports added, in the order of their ids;
    /// a report taken away leaves the index to be made again at the end).
    pub(crate) fn add(&mut self, said: Evidence) {
        if !self.whole {
            return;
        }
        if said.iter().any(|(_, _, sign)| *sign < 0) {
            self.abandon();
            return;
        }
        let reports = said.into_iter().map(|(m, text, _)| (m, text)).collect();
        let sent = self
            .sender
            .as_ref()
            .is_some_and(|s| s.send(reports).is_ok());
        if !sent {
            // the thread stopped (its error is not the load's: the index is made again)
            self.abandon();
        }
    }

    /// Stop making the index: it will not hold every report.
    fn abandon(&mut self) {
        self.whole = false;
        self.sender = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        remove_scratch(&self.db);
    }

    /// Wait for the thread to write the index; the scratch file when it holds every report
    /// of the store, else None. The file is deleted when the `Beside` is dropped.
    pub(crate) fn finish(&mut self) -> Option<PathBuf> {
        self.sender = None;
        let done = match self.worker.take() {
            Some(w) => matches!(w.join(), Ok(Ok(()))),
            None => false,
        };
        self.whole &= done;
        self.whole.then(|| scratch_path(&self.db))
    }
}

impl Drop for Beside {
    fn drop(&mut self) {
        self.sender = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        remove_scratch(&self.db);
    }
}

/// The store's evidence index made a copy of the one in the scratch file (attached as
/// `beside`), in the fill's transaction: its tables' rows replaced by the scratch index's (the module itself is
/// not used, so that no structure of the index it read before is kept over the copy).
pub(crate) fn copy_index(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM evidence_fts_data; DELETE FROM evidence_fts_idx;
         DELETE FROM evidence_fts_docsize;
         INSERT INTO evidence_fts_data (id, block) SELECT id, block FROM beside.evidence_data;
         INSERT INTO evidence_fts_idx (segid, term, pgno)
             SELECT segid, term, pgno FROM beside.evidence_idx;
         INSERT INTO evidence_fts_docsize (id, sz) SELECT id, sz FROM beside.evidence_docsize;",
    )?;
    Ok(())
}
