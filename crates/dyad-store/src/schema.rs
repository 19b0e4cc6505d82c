//! The tables, and opening a database file with the settings the store relies on (WAL
//! journal, foreign keys).
//!
//! * `articles`: one row per article id — url, title, source, date, dateline place, the
//!   content hash, the version of the dictionaries it was coded with, when it was added
//!   (`added`, GDELT's YYYYMMDDHHMMSS) and its text (kept so that `recode` needs no input).
//! * `events`: one row per merged event (see [`crate::merge`]); `id` is GDELT's GLOBALEVENTID,
//!   derived from the merge key, and the counts and the first report's place and URL are kept
//!   up to date as articles come and go.
//! * `mentions`: one row per sentence that reports an event — the coded report (`repeat` 0:
//!   the sentence, the character offsets of both actors, the verb and the evidence, a
//!   confidence, and the coder's event record as JSON: `event_rest`, what the columns do not
//!   hold of it, or the whole record in `event_json`, see [`crate::event_record`]) and each
//!   later sentence of the same article that repeats it (`repeat` 1, 2, …: its sentence and
//!   evidence only).
//! * `quotes`: each article's quotations with their speakers.
//! * `tone` (articles, mentions): GDELT's tone of the article and of the report's sentence
//!   ([`dyad_dict::tone`]); NULL when not known (stored before dyad counted tone).
//! * `issues` (articles, mentions): the Phoenix issue codes (themes) of the article and of the
//!   report's sentence, space-separated; NULL when not known.
//! * `updates`, `update_events`, `update_mentions`: which GDELT update (named by its stamp,
//!   YYYYMMDDHHMMSS) each event and each report was published in, and whether that update's
//!   files are written ([`crate::updates`]). Events and reports are named by what outlives a
//!   re-ingest (the event's stable id; article, sentence and repeat), so none is published
//!   twice.
//! * the rollups (`rollup_day`, `rollup_dyad_day`, `rollup_place_day`, `rollup_actor`,
//!   `rollup_dyad`, `rollup_country`, `rollup_issue`, `actor_names`, `totals`) and the
//!   evidence index (`evidence_fts`, FTS5 trigrams): kept by each batch, filled once for a
//!   database written before them, see [`crate::rollup`].
//! * `event_sources`: per event and source, how many articles report it; NumSources is the
//!   number of its rows, kept as batches add and remove articles (filled from the reports once,
//!   when a database written before it is opened for writing).
//!
//! Besides the indexes of single columns, `events_dyad` and `events_dyad_target` cover what a
//! per-dyad count reads (codes, date, polarity, quad class, Goldstein), so a time series of one
//! dyad or actor reads index entries only; `mentions_event_evidence` holds each report's
//! evidence beside its event, so that a filter's words are checked on a sample's events
//! without reading the reports' rows; `events_key` keeps the merge key unique (in a newer file:
//! an older one's table does it itself). They are created, like every table and index, when a
//! database is opened for writing (`IF NOT EXISTS`), so older files get them on their next
//! ingest or recode.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Bumped when the tables change shape; a database of another version is refused.
pub const SCHEMA_VERSION: i64 = 1;

const DDL: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id             TEXT PRIMARY KEY,
    url            TEXT,
    title          TEXT,
    source         TEXT,
    source_key     TEXT NOT NULL,
    date           TEXT,
    dateline_place TEXT,
    body_start     INTEGER NOT NULL,
    content_hash   TEXT NOT NULL,
    dict_version   TEXT NOT NULL,
    added          TEXT NOT NULL,
    origin_file    TEXT NOT NULL,
    origin_line    INTEGER NOT NULL,
    length         INTEGER NOT NULL,
    text           TEXT NOT NULL,
    tone           REAL,
    issues         TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL,
    source_code     TEXT NOT NULL,
    target_code     TEXT NOT NULL,
    code            TEXT NOT NULL,
    base_code       TEXT NOT NULL,
    root            TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover          TEXT,
    negated         INTEGER NOT NULL,
    modality        TEXT NOT NULL,
    date            TEXT NOT NULL,
    num_mentions    INTEGER NOT NULL DEFAULT 0,
    num_sources     INTEGER NOT NULL DEFAULT 0,
    num_articles    INTEGER NOT NULL DEFAULT 0,
    first_mention   INTEGER,
    date_added      TEXT NOT NULL DEFAULT '',
    place_country   TEXT
);
-- pages in date order walk this alone: the date and id (the page's order), and every column a
-- filter's codes, polarity and place are compared on, so that a walk reads index entries, not
-- rows (see page.rs); it serves every date range as `events(date)` did
CREATE INDEX IF NOT EXISTS events_page
    ON events(date, id, negated, quad_class, root, code, source_code, target_code, place_country);
DROP INDEX IF EXISTS events_date;
-- a sample of the events (the ids below a bound, counted.rs) reads this instead of the rows:
-- the id, then every column a series, network or `--by` count compares or sums
CREATE INDEX IF NOT EXISTS events_sample
    ON events(id, negated, date, quad_class, root, code, source_code, target_code, goldstein,
              place_country);
-- an actor's events are found through events_dyad (source first) and events_dyad_target
-- (target first): indexes of the codes alone only made every event cost two index entries more
DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
CREATE INDEX IF NOT EXISTS events_code ON events(code);
-- the newest DATEADDED (a live view's start) and `since` read this, not every event
CREATE INDEX IF NOT EXISTS events_added ON events(date_added);
-- per-dyad counts (series, networks) read these alone, never the rows
CREATE INDEX IF NOT EXISTS events_dyad
    ON events(source_code, target_code, date, negated, quad_class, goldstein);
CREATE INDEX IF NOT EXISTS events_dyad_target
    ON events(target_code, source_code, date, negated, quad_class, goldstein);
CREATE TABLE IF NOT EXISTS mentions (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events(id),
    article_id     TEXT NOT NULL REFERENCES articles(id),
    sentence       INTEGER NOT NULL,
    repeat         INTEGER NOT NULL,
    source_text    TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    target_text    TEXT,
    target_start   INTEGER,
    target_end     INTEGER,
    verb_start     INTEGER,
    verb_end       INTEGER,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    confidence     INTEGER NOT NULL,
    rule           TEXT,
    date           TEXT,
    place_name     TEXT,
    place_country  TEXT,
    place_geonameid INTEGER,
    place_lat      REAL,
    place_lon      REAL,
    event_json     TEXT,
    tone           REAL,
    issues         TEXT,
    event_rest     TEXT
);
-- an event's reports with their evidence: a sample's events are checked for a filter's words
-- in these entries, read in the events' order, where `mentions_event(event_id)` led to each
-- report's row, a page of the largest table each (0.9 s from a cold file for the 23,263
-- reports of 9,693 sampled events at ten million events; 36-58 ms through this). An older
-- file's index of the ids alone is dropped once this one is made
CREATE INDEX IF NOT EXISTS mentions_event_evidence ON mentions(event_id, evidence_text);
DROP INDEX IF EXISTS mentions_event;
-- per event and source, the articles that report it: NumSources is kept up to date from it
-- without reading the event's every report
CREATE TABLE IF NOT EXISTS event_sources (
    event_id   INTEGER NOT NULL,
    source_key TEXT NOT NULL,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (event_id, source_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS quotes (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id),
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    speaker_code   TEXT,
    speaker_text   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_name   TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
-- the 15-minute update files `dyad watch --updates` published (see crate::updates)
CREATE TABLE IF NOT EXISTS updates (
    stamp     TEXT PRIMARY KEY,
    published INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS update_events (
    event_id  INTEGER PRIMARY KEY,
    stamp     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS update_events_stamp ON update_events(stamp);
CREATE TABLE IF NOT EXISTS update_mentions (
    event_id   INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    sentence   INTEGER NOT NULL,
    repeat     INTEGER NOT NULL,
    stamp      TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id, sentence, repeat)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS update_mentions_stamp ON update_mentions(stamp);
";

/// Open (creating if needed) the database at `path`: WAL journal, `synchronous=NORMAL`
/// (a crash loses at most the last batches, never consistency), foreign keys on, tables
/// created, schema version checked.
pub fn open(path: &std::path::Path) -> Result<Connection> {
    open_with(path, true)
}

/// [`open`], filling the rollups if they are not kept (`fill`) or leaving them as they are (a
/// bulk load, which recounts them at its end).
pub(crate) fn open_with(path: &std::path::Path, fill: bool) -> Result<Connection> {
    let shown = path.display().to_string();
    let wrap = |source| StoreError::Open {
        path: shown.clone(),
        source,
    };
    let conn = Connection::open(path).map_err(wrap)?;
    prepare(&conn, fill).map_err(|e| match e {
        // SQLite opens lazily: a file it may read but not write fails at the first statement
        StoreError::Sqlite(source)
            if path.is_file()
                && matches!(
                    source.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
                ) =>
        {
            StoreError::Schema {
                path: shown.clone(),
                message: format!(
                    "cannot be opened for writing ({source}; a read-only file, folder or \
                     medium?); `dyad query`, `dyad export` and `dyad serve` can still read it"
                ),
            }
        }
        StoreError::Sqlite(source) => StoreError::Open {
            path: shown.clone(),
            source,
        },
        StoreError::Schema { message, .. } => StoreError::Schema {
            path: shown.clone(),
            message,
        },
        other => other,
    })?;
    Ok(conn)
}

/// Open an existing database for reading only (`SQLITE_OPEN_READ_ONLY`): nothing is created
/// and no statement can write; the schema version is checked as [`open`] does.
///
/// A database in WAL mode needs its `-shm` file beside it, which SQLite cannot create on a
/// read-only medium (a CD, a read-only mount, a snapshot) or in a folder the user may not
/// write. When the plain open fails there and
/// no write-ahead log is left beside the file (every write is in the database itself), the
/// file is opened as immutable, which needs no `-shm`. With a non-empty `-wal` left over the
/// error says so: reading without it would silently miss its last writes.
pub fn open_read_only(path: &std::path::Path) -> Result<Connection> {
    let shown = path.display().to_string();
    match open_read_only_with(path, false) {
        Err(StoreError::Open { source, .. }) if is_cannot_open(&source) && path.is_file() => {
            let mut wal = path.as_os_str().to_owned();
            wal.push("-wal");
            let wal = std::path::PathBuf::from(wal);
            match std::fs::metadata(&wal) {
                Ok(meta) if meta.len() > 0 => Err(StoreError::Schema {
                    path: shown,
                    message: format!(
                        "cannot be opened on this read-only medium: its write-ahead log {} \
                         holds writes not yet in the database; copy both files to a writable \
                         place and open the copy",
                        wal.display()
                    ),
                }),
                _ => open_read_only_with(path, true),
            }
        }
        other => other,
    }
}

/// The errors of a plain read-only open that opening as immutable gets past: the `-shm` cannot
/// be created (SQLITE_CANTOPEN on a read-only medium; SQLITE_READONLY in a read-only folder of
/// a writable disk, or for a user who may not write there).
fn is_cannot_open(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// A `file:` URI for `path` (SQLite's URI syntax: `?`, `#` and `%` must be escaped).
fn file_uri(path: &std::path::Path, query: &str) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

fn open_read_only_with(path: &std::path::Path, immutable: bool) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let shown = path.display().to_string();
    let wrap = |source| StoreError::Open {
        path: shown.clone(),
        source,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if immutable {
        Connection::open_with_flags(file_uri(path, "immutable=1"), flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
    .map_err(wrap)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(wrap)?;
    // readers read the file's pages one by one (pread) into 32 MB of their own cache; they do
    // not map it: a page missing from a map is read with the OS's read-around, as much as the
    // device's read-ahead (8 MB here), so each random page of a cold file cost megabytes
    // (1.1-1.7 s for a page of events at ten million events, 0.1-0.3 s read page by page)
    let _ = conn.execute_batch("PRAGMA mmap_size=0; PRAGMA cache_size=-32768;");
    let found: Option<String> = match conn.query_row(
        "SELECT value FROM meta WHERE key='schema_version'",
        [],
        |r| r.get(0),
    ) {
        Ok(v) => Some(v),
        // SQLite opens lazily: a file it cannot open fails at the first statement
        Err(e) if is_cannot_open(&e) => return Err(wrap(e)),
        Err(_) => {
            return Err(StoreError::Schema {
                path: shown,
                message: "not a dyad event database (no schema version)".into(),
            })
        }
    };
    match found.and_then(|v| v.parse::<i64>().ok()) {
        Some(SCHEMA_VERSION) => Ok(conn),
        other => Err(StoreError::Schema {
            path: shown,
            message: format!(
                "schema version {}, this dyad reads version {SCHEMA_VERSION}",
                other.map_or("unknown".to_string(), |v| v.to_string())
            ),
        }),
    }
}

/// Columns added since a table was first made, as (table, column, type): a database made
/// before them gets them when next opened for writing (NULL in the rows it holds).
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("articles", "tone", "REAL"),
    ("mentions", "tone", "REAL"),
    ("articles", "issues", "TEXT"),
    ("mentions", "issues", "TEXT"),
    ("mentions", "event_rest", "TEXT"),
];

fn add_missing_columns(conn: &Connection) -> Result<()> {
    for (table, column, kind) in ADDED_COLUMNS {
        let has: bool = conn.query_row(
            &format!("SELECT COUNT(*) > 0 FROM pragma_table_info('{table}') WHERE name = ?1"),
            [column],
            |r| r.get(0),
        )?;
        if !has {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))?;
        }
    }
    Ok(())
}

/// An in-memory database with the same tables (for tests and one-off runs).
pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    prepare(&conn, true)?;
    Ok(conn)
}

fn prepare(conn: &Connection, fill: bool) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // a batch runs some forty statements per article (rows, counts, rollups): all stay
    // prepared, where rusqlite's default of 16 made them evict one another
    conn.set_prepared_statement_cache_capacity(128);
    // journal_mode returns a row; in memory it stays "memory"
    let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    // the write-ahead log is copied into the file every 32 MB instead of SQLite's 4 MB: the
    // pages a batch dirties (rollups, the upper levels of indexes) are much the same from
    // batch to batch, and each copy wrote them again (and synced the file)
    conn.execute_batch(
        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8192;",
    )?;
    default_cache(conn)?;
    let found: Option<i64> = conn
        .query_row(
            "SELECT value FROM meta WHERE key='schema_version'",
            [],
            |r| r.get::<_, String>(0),
        )
        .ok()
        .and_then(|v| v.parse().ok());
    match found {
        Some(v) if v != SCHEMA_VERSION => {
            return Err(StoreError::Schema {
                path: String::new(),
                message: format!("schema version {v}, this dyad reads version {SCHEMA_VERSION}"),
            })
        }
        _ => {}
    }
    create_indexes(conn)?;
    add_missing_columns(conn)?;
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)",
        [SCHEMA_VERSION.to_string()],
    )?;
    fill_event_sources(conn)?;
    if !fill {
        return Ok(());
    }
    crate::fill::fill(conn)?;
    crate::rollup::fill_codes(conn)?;
    crate::rollup::fill_place_roots(conn)?;
    crate::rollup::fill_place_codes(conn)
}

/// A writer's page cache: 64 MB, which keeps the upper levels of every index in memory as a
/// batch touches index pages all over a large file.
pub(crate) fn default_cache(conn: &Connection) -> Result<()> {
    Ok(conn.execute_batch("PRAGMA cache_size=-65536")?)
}

/// Create every table and index that is not there (all are `IF NOT EXISTS`): a new file's
/// whole schema, an older file's newer tables, the indexes a bulk load dropped.
pub(crate) fn create_indexes(conn: &Connection) -> Result<()> {
    conn.execute_batch(DDL)?;
    // the merge key is unique: an older file's table says so itself (`key … UNIQUE`, an index
    // SQLite keeps and no one may drop), a newer file's in an index of its own, which a bulk
    // load drops with the others and makes at its end. A load needs no index of the keys to
    // keep them unique: an event's id is its key's hash and the table's key (see
    // `merge::ensure_event`), and that index was a page written at a random place per event
    let constrained: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_index_list('events') WHERE origin = 'u')",
        [],
        |r| r.get(0),
    )?;
    if !constrained {
        conn.execute_batch("CREATE UNIQUE INDEX IF NOT EXISTS events_key ON events(key)")?;
    }
    Ok(conn.execute_batch(&crate::rollup::ddl())?)
}

/// A database written before `event_sources` existed gets it filled from its reports, once.
fn fill_event_sources(conn: &Connection) -> Result<()> {
    let done = |c: &Connection| -> Result<bool> {
        Ok(c.query_row(
            "SELECT COUNT(*) FROM meta WHERE key = 'event_sources'",
            [],
            |r| r.get::<_, i64>(0),
        )? > 0)
    };
    if done(conn)? {
        return Ok(());
    }
    crate::transaction::immediately(conn, || {
        if !done(conn)? {
            conn.execute_batch(
                "DELETE FROM event_sources;
                 INSERT INTO event_sources (event_id, source_key, articles)
                     SELECT m.event_id, a.source_key, COUNT(DISTINCT m.article_id)
                     FROM mentions m JOIN articles a ON a.id = m.article_id
                     GROUP BY m.event_id, a.source_key;
                 INSERT INTO meta (key, value) VALUES ('event_sources', '1');",
            )?;
        }
        Ok(())
    })
}
