//! Loading many articles at once into a store (`dyad bench store`, a first import of an
//! archive): the same ingest as every batch ([`Store::write_batch`]: merging, the events'
//! counts and first reports, each batch one transaction), with the file set up for throughput
//! instead of for readers and for surviving a power cut, and what readers alone need made at
//! the end, from the whole store at once.
//!
//! What makes ingest slow as a store grows is the pages each batch dirties all over the file:
//! an event's row and its index entries sit where its key sorts (event ids are hashes, actor
//! codes come in any order), so at millions of events nearly every insert of a batch lands on
//! a page no other insert of that batch touches, and each such page is read, and written again
//! at the commit (to the write-ahead log, then to the file). A bulk load
//!
//! * drops the indexes only readers use (every `CREATE INDEX` of the schema: by date, code,
//!   dyad, DATEADDED, the reports of an event or article, the rollups' second orders) and makes
//!   them again at the end from the whole table at once, a sort instead of an insert at a
//!   random place per row; and so the merge key's unique index (an event's id is its key's
//!   hash, so the events' primary key keeps the keys unique during the load; see
//!   [`crate::schema`]). The tables' own keys stay (the event sources, the articles' ids):
//!   ingest reads them. A load that dies half-way leaves a store without those indexes, which
//!   the next [`Store::open`] makes again (`CREATE INDEX IF NOT EXISTS`), so readers only wait
//!   longer until then;
//! * does not keep the rollups and the evidence index batch by batch, and recounts them from
//!   the events and reports at the end ([`crate::rollup`]'s fill, the one an older file gets):
//!   a dozen rollup rows per event, several of them keyed by dyad and day or place (nearly a
//!   row per event, each at a random place), and a segment of the evidence index per batch,
//!   which FTS5 merged again and again, were most of what a batch wrote at ten million events.
//!   Until the recount the rollups are marked as not kept, so readers of a load that stopped
//!   half-way count from the events (slower, never wrong), and the next writer, or the
//!   continued load's end, recounts them. The evidence index is made beside the batches, on a
//!   thread of its own, in a scratch file the end copies from ([`crate::beside`]), when the
//!   load starts from a store without reports;
//! * does not check foreign keys (`PRAGMA foreign_keys=OFF`, the connection's setting alone:
//!   nothing of it is left in the file): a batch writes each report after its article and
//!   its event in the same transaction, and removes an article's reports and quotes before
//!   the article and an event only when no report of it is left, so the checks could never
//!   fail, but each report cost two seeks (its event's row and its article's key), and an
//!   article removed (stored again, edited) a read of every report and quote, as their
//!   indexes by article are among those dropped;
//! * keeps a large page cache, and reads the file through a memory map, so that the tables'
//!   upper levels and the pages of recent batches are read from memory, not copied from the
//!   file;
//! * does not wait for the disk at each commit (`synchronous=OFF`): the write-ahead log still
//!   makes each batch whole or absent when the process is killed, but an operating-system
//!   crash or a power cut during the load may leave a damaged file, to be loaded again. That
//!   is why it is a mode of its own: `dyad ingest` keeps `synchronous=NORMAL`, where nothing
//!   a finished batch stored is lost.

use std::path::Path;

use crate::beside::Beside;
use crate::ingest::{ArticleInput, BatchSummary, Store};
use crate::{rollup, schema, Result};

/// Page cache of a bulk load, in KiB (SQLite's negative `cache_size`): 1 GiB.
const CACHE_KIB: i64 = 1 << 20;

/// How much of the file a bulk load reads through a memory map (the pages of the file beyond
/// the cache are read where the OS keeps them, not copied into the cache first): 16 GiB.
const MAP_BYTES: i64 = 1 << 34;

/// A store being loaded in bulk: write batches, then [`BulkLoad::finish`].
pub struct BulkLoad {
    store: Store,
    /// The evidence index made beside the load (see [`crate::beside`]).
    beside: Beside,
}

impl BulkLoad {
    /// Open (creating if needed) the database at `path` for a bulk load.
    pub fn open(path: &Path) -> Result<BulkLoad> {
        let store = Store::open_for_bulk(path)?;
        let conn = store.conn();
        let indexes: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for name in indexes {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        // the rollups and the evidence index are no longer kept: readers count from the events
        // until the end of the load (or the next writer) recounts them
        conn.execute_batch("DELETE FROM meta WHERE key = 'rollups'")?;
        // foreign keys are not checked during the load (see the module's comment)
        conn.execute_batch(&format!(
            "PRAGMA cache_size=-{CACHE_KIB}; PRAGMA mmap_size={MAP_BYTES}; PRAGMA synchronous=OFF;
             PRAGMA foreign_keys=OFF;"
        ))?;
        // the evidence index is made beside the load when it can hold every report: a store
        // with none yet
        let empty: bool =
            conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM mentions)", [], |r| {
                r.get(0)
            })?;
        let beside = Beside::start(path, empty)?;
        Ok(BulkLoad { store, beside })
    }

    /// Store a batch, as [`Store::write_batch`] does, but for the rollups and the evidence
    /// index.
    pub fn write_batch(&mut self, articles: &[ArticleInput], added: &str) -> Result<BatchSummary> {
        let (summary, said) = self.store.write_batch_said(articles, added)?;
        self.beside.add(said);
        Ok(summary)
    }

    /// Make the indexes again, recount the rollups and the evidence index, copy the
    /// write-ahead log into the file, and give the store back with the settings of
    /// [`Store::open`].
    pub fn finish(self) -> Result<Store> {
        let BulkLoad {
            mut store,
            mut beside,
        } = self;
        store.rollups_later = false;
        let conn = store.conn();
        rollup::timed("indexes", || schema::create_indexes(conn))?;
        let scratch = rollup::timed("evidence index beside the load (its end)", || {
            Ok(beside.finish())
        })?;
        // with a rollback journal (see fill::fill)
        crate::fill::fill_with(conn, scratch.as_deref())?;
        drop(beside);
        // the file's log alone: once a fill has made its temporary table under a rollback
        // journal and gone back to the log, SQLite refuses a checkpoint of every database
        // (SQLITE_LOCKED, for the temporary one; the `sqlite3` shell does the same)
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=0; PRAGMA foreign_keys=ON;
             PRAGMA main.wal_checkpoint(TRUNCATE);",
        )?;
        schema::default_cache(conn)?;
        Ok(store)
    }
}
