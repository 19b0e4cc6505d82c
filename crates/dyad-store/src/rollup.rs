//! Rollups: counts of events kept by ingest, in the batch's own transaction, so that what a
//! dashboard asks first (the summary statistics, the time series of a code or quad class, the
//! actors found by name) reads a few thousand rows instead of every event.
//!
//! * `rollup_day`: events and their Goldstein sum per day, CAMEO code, polarity, quad class and
//!   root. Its size is bounded by days × codes (a year: at most about 220,000 rows, whatever
//!   the number of events), so a series or a `--by` count over codes, roots, quad classes and
//!   dates reads it whole in milliseconds.
//! * `rollup_dyad_day`: the same per directed dyad, day, polarity, root and quad class. A
//!   dyad or an actor in the news every day has many events a day, so the series, networks and
//!   `--by` counts of the actors that have most events read one row for many.
//! * `rollup_place_day`: per dyad, day, polarity and quad class, the events of each place
//!   (their first report's), for the map of some actors.
//! * `rollup_place`, `rollup_place_month`: the same without the dyad, per day and per month,
//!   for the map without actors (a few thousand places a period, where `rollup_place_day`
//!   holds nearly a row per event).
//! * `rollup_place_root`: per root, month and place (`date` the month's first day), for the
//!   map of a root or a two-digit code without actors, which no other rollup keeps by place:
//!   the map of `code=01`, a root in a fifth of the news, read a sample of the events and
//!   their first reports (0.25–0.38 s warm, 1.1 s cold at ten million events).
//! * `rollup_actor_day`: per actor code (and each of its prefixes), day, polarity, root and
//!   quad class, without the other side: an actor's series over a year reads a row per day and
//!   root, where `rollup_dyad_day` holds a row per event of the dyads seldom in the news.
//! * `rollup_actor`, `rollup_dyad`, `rollup_country`, `rollup_issue`: events per actor code
//!   (as source or target, once), per directed dyad, per country of the place, per issue of the
//!   first report's sentence; each by polarity, for the "top ten" lists of the statistics.
//! * `actor_names`: per actor code and the words coded with it, the coded reports (`repeat`
//!   0) that name it so: what an actor search reads instead of every report.
//! * `totals`: rows of articles, mentions and quotes.
//!
//! An event counts once its first report is stored. Each batch looks at the events it
//! touched before and after it ([`Facts`]): an event that appears, disappears, or whose first
//! report (its place, its sentence's issues) changed moves the rollups by its old facts out
//! and its new facts in. A database written before the rollups gets them filled from its
//! events when next opened for writing ([`fill`]); until then, and for such a file opened
//! read-only, the readers count from the events as before ([`ready`]).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::moves::{Amount, Moves};
use crate::Result;

/// The version of the rollups' shape: a database whose `meta` holds another is refilled.
pub const VERSION: &str = "2";

const DDL: &str = "
CREATE TABLE IF NOT EXISTS rollup_day (
    date       TEXT NOT NULL,
    code       TEXT NOT NULL,
    negated    INTEGER NOT NULL,
    quad_class INTEGER NOT NULL,
    root       TEXT NOT NULL,
    events     INTEGER NOT NULL,
    goldstein  REAL NOT NULL,
    PRIMARY KEY (date, code, negated, quad_class, root)
) WITHOUT ROWID;
-- rollup_day without the day (a few hundred rows): the statistics' totals and the estimates'
-- shares of codes, read in a few pages where rollup_day's rows are spread over a large file
CREATE TABLE IF NOT EXISTS rollup_code (
    code       TEXT NOT NULL,
    root       TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    negated    INTEGER NOT NULL,
    dated      INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    goldstein  REAL NOT NULL,
    PRIMARY KEY (code, root, quad_class, negated, dated)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_dyad_day (
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    date        TEXT NOT NULL,
    negated     INTEGER NOT NULL,
    root        TEXT NOT NULL,
    quad_class  INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    PRIMARY KEY (source_code, target_code, date, negated, root, quad_class)
) WITHOUT ROWID;
-- a target actor's rows without reading the rest
CREATE INDEX IF NOT EXISTS rollup_dyad_day_target ON rollup_dyad_day
    (target_code, source_code, date, negated, root, quad_class, events, goldstein);
-- an actor's events per day without the other side: each event under every code it matches as
-- a prefix of either actor (`USA` and `USAGOV` for USAGOV, see `actor_prefixes`), once
CREATE TABLE IF NOT EXISTS rollup_actor_day (
    actor      TEXT NOT NULL,
    date       TEXT NOT NULL,
    negated    INTEGER NOT NULL,
    quad_class INTEGER NOT NULL,
    root       TEXT NOT NULL,
    events     INTEGER NOT NULL,
    goldstein  REAL NOT NULL,
    PRIMARY KEY (actor, date, negated, root, quad_class)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_actor (
    code    TEXT NOT NULL,
    negated INTEGER NOT NULL,
    events  INTEGER NOT NULL,
    PRIMARY KEY (code, negated)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rollup_actor_top ON rollup_actor(negated, events DESC, code);
CREATE TABLE IF NOT EXISTS rollup_dyad (
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    negated     INTEGER NOT NULL,
    events      INTEGER NOT NULL,
    quad1       INTEGER NOT NULL,
    quad2       INTEGER NOT NULL,
    quad3       INTEGER NOT NULL,
    quad4       INTEGER NOT NULL,
    goldstein   REAL NOT NULL,
    PRIMARY KEY (source_code, target_code, negated)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rollup_dyad_top
    ON rollup_dyad(negated, events DESC, source_code, target_code);
-- a target actor's dyads (a network of `actor=X` reads X as source or target) without reading
-- the rest; made, like every index, when a file is opened for writing
CREATE INDEX IF NOT EXISTS rollup_dyad_target
    ON rollup_dyad(target_code, source_code, negated, events, quad1, quad2, quad3, quad4,
                   goldstein);
CREATE TABLE IF NOT EXISTS rollup_country (
    country TEXT NOT NULL,
    negated INTEGER NOT NULL,
    events  INTEGER NOT NULL,
    PRIMARY KEY (country, negated)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_issue (
    issue   TEXT NOT NULL,
    negated INTEGER NOT NULL,
    events  INTEGER NOT NULL,
    PRIMARY KEY (issue, negated)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_names (
    code    TEXT NOT NULL,
    name    TEXT NOT NULL,
    reports INTEGER NOT NULL,
    PRIMARY KEY (code, name)
) WITHOUT ROWID;
-- evidence words: a trigram index of each report's evidence, kept by ingest (`evidence`), that
-- LIKE '%word%' reads for words of three characters or more (case ignored); without positions
-- (detail=none) it is a third of the size and LIKE is all it needs to serve
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts
    USING fts5(evidence_text, content='mentions', content_rowid='id', tokenize='trigram',
               detail='none');
CREATE TABLE IF NOT EXISTS totals (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;
";

/// The map: `rollup_place_day` per dyad, day and place (the map of some actors),
/// `rollup_place` per day and place and `rollup_place_month` per month (`date` its first
/// day, see [`month_of`]) and place without the dyad (the map without actors, which then reads
/// a row per place and period, not one per dyad); one shape.
const PLACE_DDL: &str = "
CREATE TABLE IF NOT EXISTS {table} ({dyad}
    date            TEXT NOT NULL,
    negated         INTEGER NOT NULL,
    quad_class      INTEGER NOT NULL,
    place_lat       REAL NOT NULL,
    place_lon       REAL NOT NULL,
    place_name      TEXT NOT NULL,
    place_country   TEXT NOT NULL,
    place_geonameid INTEGER NOT NULL,
    events          INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    PRIMARY KEY ({dyad_key}date, negated, quad_class, place_lat, place_lon, place_name,
                 place_country, place_geonameid)
) WITHOUT ROWID;
";

/// Every rollup table and index, and the evidence index (`IF NOT EXISTS`).
pub(crate) fn ddl() -> String {
    let mut all = DDL.to_string();
    let dyad = "\n    source_code     TEXT NOT NULL,\n    target_code     TEXT NOT NULL,";
    for (table, dyad, dyad_key) in [
        ("rollup_place_day", dyad, "source_code, target_code, "),
        ("rollup_place", "", ""),
        ("rollup_place_month", "", ""),
        (
            "rollup_place_root",
            "\n    root            TEXT NOT NULL,",
            "root, ",
        ),
    ] {
        all.push_str(
            &PLACE_DDL
                .replace("{table}", table)
                .replace("{dyad}", dyad)
                .replace("{dyad_key}", dyad_key),
        );
    }
    all.push_str(PLACE_DAY_TARGET);
    all
}

/// A target actor's rows of `rollup_place_day` without reading the rest; a country's rows of
/// `rollup_place` (a series or map of `country=X`) without reading every place's.
const PLACE_DAY_TARGET: &str = "
CREATE INDEX IF NOT EXISTS rollup_place_day_target ON rollup_place_day
    (target_code, source_code, date, negated, quad_class, place_lat, place_lon, place_name,
     place_country, place_geonameid, events, goldstein);
CREATE INDEX IF NOT EXISTS rollup_place_country ON rollup_place
    (place_country, date, negated, quad_class, place_lat, place_lon, place_name,
     place_geonameid, events, goldstein);
";

/// Whether the rollups are filled and kept (else readers count from the events): their
/// version is this one, and the last report and article are those the last batch that kept
/// them left. A dyad from before the rollups writing to the file adds reports without them;
/// readers then count from the events, and the next writer fills them again.
pub fn ready(conn: &Connection) -> bool {
    let value = |key: &str| {
        conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .and_then(|mut st| st.query_row([key], |r| r.get::<_, String>(0)).optional())
            .ok()
            .flatten()
    };
    value("rollups").is_some_and(|v| v == VERSION)
        && value("rollups_at").is_some_and(|v| mark(conn).is_ok_and(|m| m == v))
}

/// The last report's and the last article's row ids: what changes when anyone writes.
fn mark(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM mentions) || ':' ||
                    (SELECT COALESCE(MAX(rowid), 0) FROM articles)",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Note that the rollups count everything written so far (at the end of each batch), and
/// `rollup_code` with them (`rollup_code_at`: a writer of the version before it kept the
/// others but not it).
pub(crate) fn kept(conn: &Connection) -> Result<()> {
    let at = mark(conn)?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO meta (key, value)
         VALUES ('rollups_at', ?1), ('rollup_code_at', ?1), ('rollup_place_root_at', ?1)",
    )?
    .execute([at])?;
    Ok(())
}

/// Whether `rollup_code` counts what the other rollups count ([`ready`], and kept by the
/// same batches): else its readers read `rollup_day`.
pub fn codes_ready(conn: &Connection) -> bool {
    ready(conn) && kept_with_the_rollups(conn, "rollup_code_at")
}

/// Whether a rollup filled on its own was filled at the other rollups' state: its `meta` key
/// (`…_at`) holds the value `rollups_at` holds.
fn kept_with_the_rollups(conn: &Connection, key: &str) -> bool {
    conn.prepare_cached(
        "SELECT (SELECT value FROM meta WHERE key = ?1)
              = (SELECT value FROM meta WHERE key = 'rollups_at')",
    )
    .and_then(|mut st| st.query_row([key], |r| r.get::<_, Option<bool>>(0)))
    .ok()
    .flatten()
    .unwrap_or(false)
}

/// Fill `rollup_code` from `rollup_day` when the other rollups are kept and it is not (a file
/// loaded before it, or written since by a dyad without it): a few hundred thousand rows
/// summed, where a refill of every rollup would read every event.
pub(crate) fn fill_codes(conn: &Connection) -> Result<()> {
    if !ready(conn) || codes_ready(conn) {
        return Ok(());
    }
    crate::transaction::immediately(conn, || {
        conn.execute_batch(
            "DELETE FROM rollup_code;
             INSERT INTO rollup_code
                 SELECT code, root, quad_class, negated, date <> '', SUM(events), SUM(goldstein)
                 FROM rollup_day GROUP BY 1, 2, 3, 4, 5;
             INSERT OR REPLACE INTO meta (key, value)
                 SELECT 'rollup_code_at', value FROM meta WHERE key = 'rollups_at';",
        )?;
        Ok(())
    })
}

/// Whether `rollup_place_root` counts what the other rollups count ([`ready`], and kept by the
/// same batches since): else the map of a root reads the events.
pub fn place_roots_ready(conn: &Connection) -> bool {
    ready(conn) && kept_with_the_rollups(conn, "rollup_place_root_at")
}

/// Fill `rollup_place_root` from the events and their first reports when the other rollups
/// are kept and it is not (a file loaded before it, or written since by a dyad without it):
/// one pass over the events, where a refill of every rollup would make them all again.
pub(crate) fn fill_place_roots(conn: &Connection) -> Result<()> {
    if !ready(conn) || place_roots_ready(conn) {
        return Ok(());
    }
    let select = RECOUNT
        .iter()
        .find(|(table, _)| *table == "rollup_place_root")
        .map(|(_, select)| *select)
        .unwrap_or_default();
    crate::transaction::immediately(conn, || {
        conn.execute_batch(&format!(
            "DELETE FROM rollup_place_root;
             INSERT INTO rollup_place_root {select};
             INSERT OR REPLACE INTO meta (key, value)
                 SELECT 'rollup_place_root_at', value FROM meta WHERE key = 'rollups_at';"
        ))?;
        Ok(())
    })
}

/// What the rollups count of one event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    date: String,
    code: String,
    negated: bool,
    quad_class: i64,
    root: String,
    goldstein: f64,
    source: String,
    target: String,
    country: Option<String>,
    issues: Option<String>,
    /// The first report's place: name, country, GeoNames id, latitude, longitude (None
    /// without coordinates).
    place: Option<(String, String, i64, f64, f64)>,
}

/// The facts of a counted event (one with reports), or None.
pub(crate) fn facts(tx: &Transaction, id: i64) -> Result<Option<Facts>> {
    Ok(tx
        .prepare_cached(
            "SELECT e.date, e.code, e.negated, e.quad_class, e.root, e.goldstein, e.source_code,
                    e.target_code, e.place_country, m.issues, m.place_name, m.place_country,
                    m.place_geonameid, m.place_lat, m.place_lon
             FROM events e LEFT JOIN mentions m ON m.id = e.first_mention
             WHERE e.id = ?1 AND e.num_mentions > 0",
        )?
        .query_row([id], |r| {
            Ok(Facts {
                date: r.get(0)?,
                code: r.get(1)?,
                negated: r.get(2)?,
                quad_class: r.get(3)?,
                root: r.get(4)?,
                goldstein: r.get(5)?,
                source: r.get(6)?,
                target: r.get(7)?,
                country: r.get(8)?,
                issues: r.get(9)?,
                place: match (r.get::<_, Option<f64>>(13)?, r.get::<_, Option<f64>>(14)?) {
                    (Some(lat), Some(lon)) => Some((
                        r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                        r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                        r.get::<_, Option<i64>>(12)?.unwrap_or(-1),
                        lat,
                        lon,
                    )),
                    _ => None,
                },
            })
        })
        .optional()?)
}

/// Move the rollups from an event's facts before a batch to its facts after it (summed with
/// the batch's other moves, written by [`Moves::write`]).
pub(crate) fn moved(
    moves: &mut Moves,
    before: Option<&Facts>,
    after: Option<&Facts>,
) -> Result<()> {
    if before == after {
        return Ok(());
    }
    if let Some(f) = before {
        count(moves, f, -1)?;
    }
    if let Some(f) = after {
        count(moves, f, 1)?;
    }
    Ok(())
}

/// [`bump_with`] without sums.
fn bump(
    moves: &mut Moves,
    table: &'static str,
    key_cols: &'static str,
    keys: &[&dyn rusqlite::ToSql],
    by: i64,
) -> Result<()> {
    bump_with(moves, table, key_cols, keys, &[], by)
}

/// Add `by` events (and the `sums`, already signed) to the row of `table` with these keys
/// (`key_cols`); the row is dropped when taking away leaves it with none (see [`Moves`]).
fn bump_with(
    moves: &mut Moves,
    table: &'static str,
    key_cols: &'static str,
    keys: &[&dyn rusqlite::ToSql],
    sums: &[(&'static str, Amount)],
    by: i64,
) -> Result<()> {
    moves.add((table, key_cols, "events"), keys, sums, by)
}

/// Count an event in (`sign` 1) or out (−1) of every rollup.
fn count(moves: &mut Moves, f: &Facts, sign: i64) -> Result<()> {
    let goldstein = Amount::Sum(f.goldstein * sign as f64);
    bump_with(
        moves,
        "rollup_day",
        "date, code, negated, quad_class, root",
        &[&f.date, &f.code, &f.negated, &f.quad_class, &f.root],
        &[("goldstein", goldstein)],
        sign,
    )?;
    let dated = !f.date.is_empty();
    bump_with(
        moves,
        "rollup_code",
        "code, root, quad_class, negated, dated",
        &[&f.code, &f.root, &f.quad_class, &f.negated, &dated],
        &[("goldstein", goldstein)],
        sign,
    )?;
    bump_with(
        moves,
        "rollup_dyad_day",
        "source_code, target_code, date, negated, root, quad_class",
        &[
            &f.source,
            &f.target,
            &f.date,
            &f.negated,
            &f.root,
            &f.quad_class,
        ],
        &[("goldstein", goldstein)],
        sign,
    )?;
    for actor in actor_prefixes(&f.source, &f.target) {
        bump_with(
            moves,
            "rollup_actor_day",
            "actor, date, negated, root, quad_class",
            &[&actor, &f.date, &f.negated, &f.root, &f.quad_class],
            &[("goldstein", goldstein)],
            sign,
        )?;
    }
    if let Some((name, country, geonameid, lat, lon)) = &f.place {
        // per place and day or month without the dyad, and per dyad, day and place
        let month = month_of(&f.date);
        let place: [&dyn rusqlite::ToSql; 7] = [
            &f.negated,
            &f.quad_class,
            lat,
            lon,
            name,
            country,
            geonameid,
        ];
        let by_period = "date, negated, quad_class, place_lat, place_lon, place_name, \
                         place_country, place_geonameid";
        let by_root = "root, date, negated, quad_class, place_lat, place_lon, place_name, \
                       place_country, place_geonameid";
        for (table, key_cols, head) in [
            (
                "rollup_place",
                by_period,
                vec![&f.date as &dyn rusqlite::ToSql],
            ),
            ("rollup_place_month", by_period, vec![&month]),
            ("rollup_place_root", by_root, vec![&f.root, &month]),
            (
                "rollup_place_day",
                "source_code, target_code, date, negated, quad_class, place_lat, place_lon, \
                 place_name, place_country, place_geonameid",
                vec![&f.source, &f.target, &f.date],
            ),
        ] {
            let keys: Vec<&dyn rusqlite::ToSql> = head.into_iter().chain(place).collect();
            bump_with(
                moves,
                table,
                key_cols,
                &keys,
                &[("goldstein", goldstein)],
                sign,
            )?;
        }
    }
    bump(
        moves,
        "rollup_actor",
        "code, negated",
        &[&f.source, &f.negated],
        sign,
    )?;
    if f.target != f.source {
        bump(
            moves,
            "rollup_actor",
            "code, negated",
            &[&f.target, &f.negated],
            sign,
        )?;
    }
    let quad = |q: i64| Amount::Count(if f.quad_class == q { sign } else { 0 });
    let (q1, q2, q3, q4) = (quad(1), quad(2), quad(3), quad(4));
    bump_with(
        moves,
        "rollup_dyad",
        "source_code, target_code, negated",
        &[&f.source, &f.target, &f.negated],
        &[
            ("quad1", q1),
            ("quad2", q2),
            ("quad3", q3),
            ("quad4", q4),
            ("goldstein", goldstein),
        ],
        sign,
    )?;
    if let Some(c) = f.country.as_deref().filter(|c| !c.is_empty()) {
        bump(
            moves,
            "rollup_country",
            "country, negated",
            &[&c, &f.negated],
            sign,
        )?;
    }
    for issue in f.issues.as_deref().unwrap_or("").split_whitespace() {
        bump(
            moves,
            "rollup_issue",
            "issue, negated",
            &[&issue, &f.negated],
            sign,
        )?;
    }
    Ok(())
}

/// The codes an event is counted under in `rollup_actor_day`: each actor's code and its
/// prefixes of three letters, six, … (`USAGOV`: `USA`, `USAGOV`), of both actors without
/// repeats, so that a filter `actor=X` with X of a multiple of three letters (a country, a
/// country and agent…) reads the rows of X alone and counts each of its events once. Empty
/// codes (no actor) are left out: no filter names them.
pub(crate) fn actor_prefixes(source: &str, target: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in [source, target] {
        let cuts = (3..code.len())
            .step_by(3)
            .filter(|&k| code.is_char_boundary(k));
        for prefix in cuts.map(|k| &code[..k]).chain([code]) {
            if !prefix.is_empty() && !out.iter().any(|p| p == prefix) {
                out.push(prefix.to_string());
            }
        }
    }
    out
}

/// The month of a date as `rollup_place_month` keys it: its first day (`2025-03-17` →
/// `2025-03-01`), so that a filter's dates compare with it as with a day when they are whole
/// months; an undated event's '' stays ''.
pub(crate) fn month_of(date: &str) -> String {
    match date.get(..7) {
        Some(month) if date.len() >= 10 => format!("{month}-01"),
        _ => date.to_string(),
    }
}

/// A coded report naming `source` and `target` with these words, counted in (1) or out (−1)
/// (summed with the batch's other moves, written by [`Moves::write`]).
pub(crate) fn named(
    moves: &mut Moves,
    (source, source_text): (&str, Option<&str>),
    (target, target_text): (&str, Option<&str>),
    sign: i64,
) -> Result<()> {
    for (code, name) in [(source, source_text), (target, target_text)] {
        let name = name.unwrap_or("");
        moves.add(
            ("actor_names", "code, name", "reports"),
            &[&code, &name],
            &[],
            sign,
        )?;
    }
    Ok(())
}

/// A report's evidence into (`sign` 1) or out of (−1) the trigram index. Not by a trigger: a
/// trigger's statement opens a savepoint, at which FTS5 writes what it holds in memory to disk,
/// so every report made a segment of its own, and merging them took a third of ingest. Other
/// statements open savepoints too (upserts, inserts checked by foreign keys), so a batch calls
/// this after all of them, in the order of its reports: FTS5 then writes the batch's changes
/// once, at the commit.
pub(crate) fn evidence(tx: &Transaction, mention: i64, text: &str, sign: i64) -> Result<()> {
    if sign > 0 {
        tx.prepare_cached("INSERT INTO evidence_fts (rowid, evidence_text) VALUES (?1, ?2)")?
            .execute(params![mention, text])?;
    } else {
        tx.prepare_cached(
            "INSERT INTO evidence_fts (evidence_fts, rowid, evidence_text)
             VALUES ('delete', ?1, ?2)",
        )?
        .execute(params![mention, text])?;
    }
    Ok(())
}

/// Rows added to (or, negative, taken from) the articles, mentions and quotes by a batch.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    pub articles: i64,
    pub mentions: i64,
    pub quotes: i64,
}

pub(crate) fn add_rows(tx: &Transaction, rows: &Rows) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO totals (name, n) VALUES (?1, ?2)
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    )?;
    for (name, n) in [
        ("articles", rows.articles),
        ("mentions", rows.mentions),
        ("quotes", rows.quotes),
    ] {
        if n != 0 {
            st.execute(params![name, n])?;
        }
    }
    Ok(())
}

/// Rows of `table` (articles, mentions, quotes) as `totals` keeps them.
pub fn rows(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT n FROM totals WHERE name = ?1")?
        .query_row([table], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// The rollups as a recount from the events and reports gives them, one SELECT per table
/// (also what [`fill`] writes and what the tests compare with).
const RECOUNT: &[(&str, &str)] = &[
    (
        "rollup_day",
        "SELECT date, code, negated, quad_class, root, COUNT(*), SUM(goldstein) FROM events
         GROUP BY date, code, negated, quad_class, root",
    ),
    (
        "rollup_code",
        "SELECT code, root, quad_class, negated, date <> '', COUNT(*), SUM(goldstein)
         FROM events GROUP BY 1, 2, 3, 4, 5",
    ),
    (
        "rollup_dyad_day",
        "SELECT source_code, target_code, date, negated, root, quad_class, COUNT(*),
             SUM(goldstein)
         FROM events GROUP BY source_code, target_code, date, negated, root, quad_class",
    ),
    (
        "rollup_place_day",
        "SELECT e.source_code, e.target_code, e.date, e.negated, e.quad_class, m.place_lat,
             m.place_lon, COALESCE(m.place_name, ''), COALESCE(m.place_country, ''),
             COALESCE(m.place_geonameid, -1), COUNT(*), SUM(e.goldstein)
         FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    ),
    (
        "rollup_place",
        "SELECT e.date, e.negated, e.quad_class, m.place_lat, m.place_lon,
             COALESCE(m.place_name, ''), COALESCE(m.place_country, ''),
             COALESCE(m.place_geonameid, -1), COUNT(*), SUM(e.goldstein)
         FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
    // the days' rows by month: `rollup_place` comes first, so a fill writes this from it once
    // it is recounted, and a check compares this with it once it matched the events
    (
        "rollup_place_month",
        "SELECT CASE WHEN length(date) >= 10 THEN substr(date, 1, 7) || '-01' ELSE date END,
             negated, quad_class, place_lat, place_lon, place_name, place_country,
             place_geonameid, SUM(events), SUM(goldstein)
         FROM rollup_place GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
    (
        "rollup_place_root",
        "SELECT e.root,
             CASE WHEN length(e.date) >= 10 THEN substr(e.date, 1, 7) || '-01' ELSE e.date END,
             e.negated, e.quad_class, m.place_lat, m.place_lon, COALESCE(m.place_name, ''),
             COALESCE(m.place_country, ''), COALESCE(m.place_geonameid, -1), COUNT(*),
             SUM(e.goldstein)
         FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
    ),
    (
        "rollup_actor_day",
        "WITH RECURSIVE cut(k) AS (SELECT 3 UNION ALL SELECT k + 3 FROM cut WHERE k < 60),
         side(id, code) AS (SELECT id, source_code FROM events
                            UNION ALL SELECT id, target_code FROM events),
         named(id, actor) AS (SELECT id, code FROM side
                              UNION SELECT s.id, substr(s.code, 1, cut.k)
                                    FROM side s JOIN cut ON cut.k < length(s.code))
         SELECT n.actor, e.date, e.negated, e.quad_class, e.root, COUNT(*), SUM(e.goldstein)
         FROM named n JOIN events e ON e.id = n.id WHERE n.actor <> ''
         GROUP BY 1, 2, 3, 4, 5",
    ),
    (
        "rollup_actor",
        "SELECT code, negated, COUNT(*) FROM (
             SELECT source_code AS code, negated FROM events
             UNION ALL
             SELECT target_code, negated FROM events WHERE target_code <> source_code)
         GROUP BY code, negated",
    ),
    (
        "rollup_dyad",
        "SELECT source_code, target_code, negated, COUNT(*), SUM(quad_class = 1),
             SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4), SUM(goldstein)
         FROM events GROUP BY source_code, target_code, negated",
    ),
    (
        "rollup_country",
        "SELECT place_country, negated, COUNT(*) FROM events
         WHERE place_country IS NOT NULL AND place_country <> ''
         GROUP BY place_country, negated",
    ),
    (
        "actor_names",
        "SELECT code, name, COUNT(*) FROM (
             SELECT e.source_code AS code, COALESCE(m.source_text, '') AS name
             FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.repeat = 0
             UNION ALL
             SELECT e.target_code, COALESCE(m.target_text, '')
             FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.repeat = 0)
         GROUP BY code, name",
    ),
    (
        "totals",
        "SELECT 'articles', COUNT(*) FROM articles
         UNION ALL SELECT 'mentions', COUNT(*) FROM mentions
         UNION ALL SELECT 'quotes', COUNT(*) FROM quotes",
    ),
];

/// Events per issue of their first report's sentence (split in Rust: issues are stored
/// space-separated), as (issue, negated, events).
fn recount_issues(conn: &Connection) -> Result<Vec<(String, bool, i64)>> {
    tally_issues(
        conn,
        "SELECT m.issues, e.negated FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE m.issues IS NOT NULL AND m.issues <> ''",
    )
}

/// [`recount_issues`] of the rows `select` gives (issues, negated).
fn tally_issues(conn: &Connection, select: &str) -> Result<Vec<(String, bool, i64)>> {
    let mut st = conn.prepare(select)?;
    let mut tally: HashMap<(String, bool), i64> = HashMap::new();
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
    for row in rows {
        let (issues, negated) = row?;
        for code in issues.split_whitespace() {
            *tally.entry((code.to_string(), negated)).or_default() += 1;
        }
    }
    let mut out: Vec<(String, bool, i64)> =
        tally.into_iter().map(|((i, n), c)| (i, n, c)).collect();
    out.sort();
    Ok(out)
}

/// Fill the rollups from the events of a database written before them (or by another version
/// of them), once, in one transaction.
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    if ready(conn) {
        return Ok(());
    }
    // one transaction that writes gigabytes at ten million events: in the write-ahead log,
    // every page it read was first looked for among the log's frames (two thirds of its time
    // once the log held 2 GB, perf), so it runs with a rollback journal, which keeps it as
    // whole, and the log comes back after it. When another connection holds the file open the
    // mode does not change, and it runs in the log, slower
    let _ = conn.execute_batch("PRAGMA main.wal_checkpoint(TRUNCATE)");
    let _ = conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0));
    let filled = fill_now(conn);
    let _ = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0));
    filled
}

/// How a fill makes the rollups [`fill_from_events`] has not made, in this order: from the
/// events' first reports (gathered once into `fill_first`), or from a rollup made before it,
/// which holds the same events already counted (`rollup_actor_day`, `actor_names` and
/// `rollup_issue` are counted in Rust: [`fill_actor_days`], [`recount_names`]). [`RECOUNT`]
/// is each one counted from the events alone, what [`check`] compares the filled rollups with.
///
/// At ten million events what a fill cost was not its arithmetic but its reads and sorts:
/// seven `GROUP BY`s over every event, `rollup_actor_day`'s every prefix of both actors of every
/// event (kept apart per event, then each joined with its event again: 24 s of a million-event
/// load's 90-second end), four joins of every event with its first report, each a seek at a
/// random place of the largest table, and `actor_names`' join of every coded report with its
/// event (12.5 s at a million).
const FILL: &[(&str, &str)] = &[
    // the days summed: a few hundred thousand rows, not every event
    (
        "rollup_code",
        "SELECT code, root, quad_class, negated, date <> '', SUM(events), SUM(goldstein)
         FROM rollup_day GROUP BY 1, 2, 3, 4, 5",
    ),
    // the dyads' days summed
    (
        "rollup_dyad",
        "SELECT source_code, target_code, negated, SUM(events),
             SUM(CASE WHEN quad_class = 1 THEN events ELSE 0 END),
             SUM(CASE WHEN quad_class = 2 THEN events ELSE 0 END),
             SUM(CASE WHEN quad_class = 3 THEN events ELSE 0 END),
             SUM(CASE WHEN quad_class = 4 THEN events ELSE 0 END), SUM(goldstein)
         FROM rollup_dyad_day GROUP BY source_code, target_code, negated",
    ),
    // each dyad's events under its source, and under its target when that is another code
    (
        "rollup_actor",
        "SELECT code, negated, SUM(events) FROM (
             SELECT source_code AS code, negated, events FROM rollup_dyad
             UNION ALL
             SELECT target_code, negated, events FROM rollup_dyad
             WHERE target_code <> source_code)
         GROUP BY code, negated",
    ),
    (
        "rollup_place_day",
        "SELECT source_code, target_code, date, negated, quad_class, place_lat, place_lon,
             place_name, place_country, place_geonameid, COUNT(*), SUM(goldstein)
         FROM fill_first WHERE place_lat IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    ),
    (
        "rollup_place",
        "SELECT date, negated, quad_class, place_lat, place_lon, place_name, place_country,
             place_geonameid, SUM(events), SUM(goldstein)
         FROM rollup_place_day GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
    (
        "rollup_place_month",
        "SELECT CASE WHEN length(date) >= 10 THEN substr(date, 1, 7) || '-01' ELSE date END,
             negated, quad_class, place_lat, place_lon, place_name, place_country,
             place_geonameid, SUM(events), SUM(goldstein)
         FROM rollup_place GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
    (
        "rollup_place_root",
        "SELECT root,
             CASE WHEN length(date) >= 10 THEN substr(date, 1, 7) || '-01' ELSE date END,
             negated, quad_class, place_lat, place_lon, place_name, place_country,
             place_geonameid, COUNT(*), SUM(goldstein)
         FROM fill_first WHERE place_lat IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
    ),
    (
        "totals",
        "SELECT 'articles', COUNT(*) FROM articles
         UNION ALL SELECT 'mentions', COUNT(*) FROM mentions
         UNION ALL SELECT 'quotes', COUNT(*) FROM quotes",
    ),
];

/// What the place rollups and `rollup_issue` read of each event and its first report: the
/// events in the order of their first reports (a sort of the events, which are in the order
/// of their ids, hashes), so that the reports are read one page after the next instead of
/// one seek at a random place of the largest table per event, as four joins did. Only events
/// whose first report has a place or issues.
const FIRST_REPORTS: &str = "
CREATE TEMP TABLE fill_first AS
WITH e AS MATERIALIZED (
    SELECT first_mention, source_code, target_code, date, negated, quad_class, root, goldstein
    FROM events WHERE first_mention IS NOT NULL ORDER BY first_mention)
SELECT e.source_code, e.target_code, e.date, e.negated, e.quad_class, e.root, e.goldstein,
    CASE WHEN m.place_lon IS NOT NULL THEN m.place_lat END AS place_lat, m.place_lon,
    COALESCE(m.place_name, '') AS place_name, COALESCE(m.place_country, '') AS place_country,
    COALESCE(m.place_geonameid, -1) AS place_geonameid, m.issues
FROM e CROSS JOIN mentions m ON m.id = e.first_mention
WHERE (m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL)
   OR (m.issues IS NOT NULL AND m.issues <> '')";

/// [`fill`] in the journal mode the file is in.
fn fill_now(conn: &Connection) -> Result<()> {
    crate::transaction::immediately(conn, || {
        if ready(conn) {
            return Ok(());
        }
        // the sorts of the GROUP BYs keep as many pages in memory as the cache holds before
        // they spill to temporary files: a writer's 64 MB made a ten-million-event fill spill
        // every one of them
        let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA cache_size=-{}", FILL_CACHE_KIB))?;
        let filled = fill_steps(conn);
        conn.execute_batch(&format!("PRAGMA cache_size={cache}"))?;
        filled
    })
}

/// Page cache while a fill runs, in KiB: 1 GiB, as a bulk load's.
const FILL_CACHE_KIB: i64 = 1 << 20;

/// Every step of [`fill_now`].
fn fill_steps(conn: &Connection) -> Result<()> {
    timed("first reports", || {
        Ok(conn.execute_batch(&format!(
            "DROP TABLE IF EXISTS temp.fill_first; {FIRST_REPORTS};"
        ))?)
    })?;
    timed("rollup_day, rollup_dyad_day, rollup_country", || {
        fill_from_events(conn)
    })?;
    for (table, select) in FILL {
        timed(table, || {
            Ok(conn.execute_batch(&format!(
                "DELETE FROM {table}; INSERT INTO {table} {select};"
            ))?)
        })?;
    }
    timed("rollup_actor_day", || fill_actor_days(conn))?;
    timed("rollup_issue", || {
        conn.execute_batch("DELETE FROM rollup_issue")?;
        let mut ins =
            conn.prepare("INSERT INTO rollup_issue (issue, negated, events) VALUES (?1, ?2, ?3)")?;
        for (issue, negated, n) in tally_issues(
            conn,
            "SELECT issues, negated FROM fill_first
             WHERE issues IS NOT NULL AND issues <> ''",
        )? {
            ins.execute(params![issue, negated, n])?;
        }
        Ok(())
    })?;
    conn.execute_batch("DROP TABLE temp.fill_first")?;
    timed("actor_names", || {
        conn.execute_batch("DELETE FROM actor_names")?;
        let mut ins =
            conn.prepare("INSERT INTO actor_names (code, name, reports) VALUES (?1, ?2, ?3)")?;
        for (code, name, n) in recount_names(conn)? {
            ins.execute(params![code, name, n])?;
        }
        Ok(())
    })?;
    // the index made again in one pass: FTS5 gathers 256 MB of postings before it writes a
    // segment (its default is 1 MB), so that millions of reports make a few large segments
    // instead of thousands it would merge again and again; then its default again, as a
    // batch's commit writes what it gathered anyway
    timed("evidence_fts", || {
        Ok(conn.execute_batch(&format!(
            "INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('hashsize', {});
             INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
             INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('hashsize', {});",
            256 << 20,
            1 << 20
        ))?)
    })?;
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('rollups', ?1)",
        [VERSION],
    )?;
    kept(conn)
}

/// `rollup_day`, `rollup_dyad_day` and `rollup_country` as [`RECOUNT`] counts them, in one
/// pass over the events instead of three `GROUP BY`s, each a sort of every event by SQLite
/// (48, 65 and 9 s at ten million events): the events' columns are read once, their strings
/// numbered (a few thousand codes, days and roots), the days and countries summed in hash maps
/// (a few hundred thousand rows), the dyads' days, nearly a row per event, sorted in memory
/// (some 30 bytes an event: 300 MB at ten million) and summed, and every row written in the
/// order of its table's key.
fn fill_from_events(conn: &Connection) -> Result<()> {
    use rustc_hash::FxHashMap;
    conn.execute_batch(
        "DELETE FROM rollup_day; DELETE FROM rollup_dyad_day; DELETE FROM rollup_country;",
    )?;
    let mut names = Numbered::default();
    type Summed = (i64, crate::query::Compensated);
    // (date, code, negated, quad class, root)
    let mut days: FxHashMap<(u32, u32, bool, i64, u32), Summed> = FxHashMap::default();
    let mut countries: FxHashMap<(u32, bool), i64> = FxHashMap::default();
    // (source, target, date, negated, root, quad class, Goldstein)
    let mut dyads: Vec<(u32, u32, u32, bool, u32, i64, f64)> = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT source_code, target_code, date, negated, root, quad_class, code, goldstein,
                    place_country
             FROM events",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let source = names.number(text(r.get_ref(0)?));
            let target = names.number(text(r.get_ref(1)?));
            let date = names.number(text(r.get_ref(2)?));
            let negated: bool = r.get(3)?;
            let root = names.number(text(r.get_ref(4)?));
            let quad: i64 = r.get(5)?;
            let code = names.number(text(r.get_ref(6)?));
            let goldstein: f64 = r.get(7)?;
            let day = days.entry((date, code, negated, quad, root)).or_default();
            day.0 += 1;
            day.1.add(goldstein);
            if let rusqlite::types::ValueRef::Text(c) = r.get_ref(8)? {
                if !c.is_empty() {
                    let country = names.number(&String::from_utf8_lossy(c));
                    *countries.entry((country, negated)).or_default() += 1;
                }
            }
            dyads.push((source, target, date, negated, root, quad, goldstein));
        }
    }
    // numbers in the order of their strings, so that keys sort as SQLite orders the rows
    let rank = names.ranks();
    let r = |n: u32| rank[n as usize];
    let mut day_rows: Vec<_> = days.into_iter().collect();
    day_rows.sort_unstable_by_key(|((date, code, negated, quad, root), _)| {
        (r(*date), r(*code), *negated, *quad, r(*root))
    });
    let mut ins = conn.prepare(
        "INSERT INTO rollup_day (date, code, negated, quad_class, root, events, goldstein)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for ((date, code, negated, quad, root), (events, goldstein)) in day_rows {
        ins.execute(params![
            names.name(date),
            names.name(code),
            negated,
            quad,
            names.name(root),
            events,
            goldstein.total()
        ])?;
    }
    let mut country_rows: Vec<_> = countries.into_iter().collect();
    country_rows.sort_unstable_by_key(|((country, negated), _)| (r(*country), *negated));
    let mut ins =
        conn.prepare("INSERT INTO rollup_country (country, negated, events) VALUES (?1, ?2, ?3)")?;
    for ((country, negated), events) in country_rows {
        ins.execute(params![names.name(country), negated, events])?;
    }
    dyads.sort_unstable_by_key(|&(s, t, date, negated, root, quad, _)| {
        (r(s), r(t), r(date), negated, r(root), quad)
    });
    let mut ins = conn.prepare(
        "INSERT INTO rollup_dyad_day
             (source_code, target_code, date, negated, root, quad_class, events, goldstein)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut at = 0;
    while at < dyads.len() {
        let (s, t, date, negated, root, quad, _) = dyads[at];
        let mut events = 0i64;
        let mut goldstein = crate::query::Compensated::default();
        while at < dyads.len()
            && dyads[at].0 == s
            && dyads[at].1 == t
            && dyads[at].2 == date
            && dyads[at].3 == negated
            && dyads[at].4 == root
            && dyads[at].5 == quad
        {
            events += 1;
            goldstein.add(dyads[at].6);
            at += 1;
        }
        ins.execute(params![
            names.name(s),
            names.name(t),
            names.name(date),
            negated,
            names.name(root),
            quad,
            events,
            goldstein.total()
        ])?;
    }
    Ok(())
}

/// The first three letters of an actor code (its country, or the whole of a shorter code):
/// [`fill_actor_days`] counts the prefixes of each such head together.
fn head(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// `rollup_actor_day` from `rollup_dyad_day`, once that is filled: an event is counted under
/// the prefixes of its dyad ([`actor_prefixes`]), so each row of a dyad's day is added to the
/// rows of its dyad's prefixes. The recount ([`RECOUNT`]) listed every prefix of every event
/// apart, joined each with its event again and sorted them all (24 s of a million-event
/// load's end); a `GROUP BY` over the dyads' rows still sorted three rows per row of the
/// rollup per dyad and day (13 s). Here the prefixes are counted a head (three letters: a
/// country) at a time: the head's rows of the rollup per dyad and day (those whose source or
/// target begins with it, read in the order of their key and of the rollup's target index),
/// summed per prefix, day, polarity, root and quad class in memory (the largest head, the
/// United States, a third of the news), and written in key order.
fn fill_actor_days(conn: &Connection) -> Result<()> {
    use rustc_hash::FxHashMap;
    conn.execute_batch("DELETE FROM rollup_actor_day")?;
    let mut heads: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    {
        let mut st = conn.prepare("SELECT source_code, target_code FROM rollup_dyad")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (s, t): (String, String) = (r.get(0)?, r.get(1)?);
            for p in actor_prefixes(&s, &t) {
                if !heads.contains(head(&p)) {
                    heads.insert(head(&p).to_string());
                }
            }
        }
    }
    let columns = "source_code, target_code, date, negated, root, quad_class, events, goldstein";
    // the codes that begin with a head are one run of them in key order, from the head on
    let mut as_source = conn.prepare(&format!(
        "SELECT {columns} FROM rollup_dyad_day WHERE source_code >= ?1 ORDER BY source_code"
    ))?;
    let mut as_target = conn.prepare(&format!(
        "SELECT {columns} FROM rollup_dyad_day INDEXED BY rollup_dyad_day_target
         WHERE target_code >= ?1 ORDER BY target_code"
    ))?;
    let mut ins = conn.prepare(
        "INSERT INTO rollup_actor_day (actor, date, negated, quad_class, root, events, goldstein)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    // days, roots and prefixes by number, so that a sum's key is a few integers
    let mut names = Numbered::default();
    type Key = (u32, u32, bool, u32, i64);
    for h in &heads {
        let mut sums: FxHashMap<Key, (i64, crate::query::Compensated)> = FxHashMap::default();
        for (st, target_side) in [(&mut as_source, false), (&mut as_target, true)] {
            let mut rows = st.query([h])?;
            let mut dyad: (String, String) = Default::default();
            let mut prefixes: Vec<u32> = Vec::new();
            while let Some(r) = rows.next()? {
                let (s, t) = (text(r.get_ref(0)?), text(r.get_ref(1)?));
                let side = if target_side { t } else { s };
                if !side.starts_with(h.as_str()) {
                    break;
                }
                // a row whose source begins with the head was read with the sources
                if target_side && s.starts_with(h.as_str()) {
                    continue;
                }
                if dyad.0 != s || dyad.1 != t {
                    dyad = (s.to_string(), t.to_string());
                    prefixes = actor_prefixes(s, t)
                        .iter()
                        .filter(|p| head(p) == h)
                        .map(|p| names.number(p))
                        .collect();
                }
                let (date, negated, root) =
                    (names.number(text(r.get_ref(2)?)), r.get(3)?, r.get_ref(4)?);
                let root = names.number(text(root));
                let (quad, events, goldstein): (i64, i64, f64) = (r.get(5)?, r.get(6)?, r.get(7)?);
                for &p in &prefixes {
                    let sum = sums.entry((p, date, negated, root, quad)).or_default();
                    sum.0 += events;
                    sum.1.add(goldstein);
                }
            }
        }
        let mut rows: Vec<(Key, (i64, crate::query::Compensated))> = sums.into_iter().collect();
        let name = |n: u32| names.name(n);
        rows.sort_by(|(a, _), (b, _)| {
            (name(a.0), name(a.1), a.2, name(a.3), a.4).cmp(&(
                name(b.0),
                name(b.1),
                b.2,
                name(b.3),
                b.4,
            ))
        });
        for ((actor, date, negated, root, quad), (events, goldstein)) in rows {
            ins.execute(params![
                name(actor),
                name(date),
                negated,
                quad,
                name(root),
                events,
                goldstein.total()
            ])?;
        }
    }
    Ok(())
}

/// Strings by number, numbered as they are first met.
#[derive(Default)]
struct Numbered {
    names: Vec<String>,
    numbers: HashMap<String, u32>,
}

impl Numbered {
    fn number(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.numbers.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.numbers.insert(name.to_string(), n);
        n
    }

    fn name(&self, n: u32) -> &str {
        &self.names[n as usize]
    }

    /// Each number's rank among the strings in their byte order (SQLite's BINARY), by
    /// number.
    fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.name(a).as_bytes().cmp(self.name(b).as_bytes()));
        let mut rank = vec![0; order.len()];
        for (i, n) in order.into_iter().enumerate() {
            rank[n as usize] = i as u32;
        }
        rank
    }
}

/// A TEXT value as text (anything else as "").
fn text(v: rusqlite::types::ValueRef<'_>) -> &str {
    match v {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
        _ => "",
    }
}

/// `actor_names` as [`RECOUNT`] counts it (per actor code and the words coded with it, the
/// coded reports that name it so), without joining each report with its event in SQL: the
/// events' codes are read once into memory (a code number per side, by event id), then the
/// coded reports one after the other, each looked up there. At ten million events that is
/// some 200 MB for the time of the count.
fn recount_names(conn: &Connection) -> Result<Vec<(String, String, i64)>> {
    use rustc_hash::FxHashMap;
    let mut codes: Vec<String> = Vec::new();
    let mut numbered: HashMap<String, u32> = HashMap::new();
    let mut number = |code: String| -> u32 {
        if let Some(&n) = numbered.get(&code) {
            return n;
        }
        let n = codes.len() as u32;
        codes.push(code.clone());
        numbered.insert(code, n);
        n
    };
    let events: i64 = conn.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
    let mut sides: FxHashMap<i64, (u32, u32)> = FxHashMap::default();
    sides.reserve(events.max(0) as usize);
    {
        let mut st = conn.prepare("SELECT id, source_code, target_code FROM events")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (source, target) = (number(r.get(1)?), number(r.get(2)?));
            sides.insert(r.get(0)?, (source, target));
        }
    }
    // per code, the names and their reports
    let mut tally: Vec<HashMap<String, i64>> = vec![HashMap::new(); codes.len()];
    let mut st = conn.prepare(
        "SELECT event_id, COALESCE(source_text, ''), COALESCE(target_text, '')
         FROM mentions WHERE repeat = 0",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&(source, target)) = sides.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        for (code, at) in [(source, 1), (target, 2)] {
            let name = match r.get_ref(at)? {
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t),
                _ => "".into(),
            };
            let name = name.as_ref();
            let names = &mut tally[code as usize];
            match names.get_mut(name) {
                Some(n) => *n += 1,
                None => {
                    names.insert(name.to_string(), 1);
                }
            }
        }
    }
    let mut out: Vec<(String, String, i64)> = tally
        .into_iter()
        .enumerate()
        .flat_map(|(code, names)| {
            let code = &codes[code];
            names
                .into_iter()
                .map(move |(name, n)| (code.clone(), name, n))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Run one step of a fill, and with `DYAD_STORE_TIMES` set in the environment say on stderr
/// how long it took (`dyad: fill rollup_day 12.3 s`): what a bulk load's end spends where.
pub(crate) fn timed<T>(step: &str, work: impl FnOnce() -> Result<T>) -> Result<T> {
    let started = std::time::Instant::now();
    let out = work()?;
    if std::env::var_os("DYAD_STORE_TIMES").is_some() {
        eprintln!("dyad: fill {step} {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(out)
}

/// Compare every rollup with a recount from the events: None when they agree, else the first
/// difference (for tests and for checking a database by hand).
pub fn check(conn: &Connection) -> Result<Option<String>> {
    let read = |sql: &str| -> Result<Vec<String>> {
        let mut st = conn.prepare(sql)?;
        let n = st.column_count();
        let rows = st.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get::<_, rusqlite::types::Value>(i)? {
                        // sums of Goldstein scores moved by + and − differ from a recount in
                        // the last bits only
                        rusqlite::types::Value::Real(x) => format!("{x:.6}"),
                        v => format!("{v:?}"),
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|v| v.join("|"))
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.sort();
        Ok(out)
    };
    for (table, select) in RECOUNT {
        let kept = read(&format!("SELECT * FROM {table}"))?;
        let recounted = read(select)?;
        if kept != recounted {
            let first = kept
                .iter()
                .zip(&recounted)
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("kept {a}, recounted {b}"))
                .unwrap_or_else(|| {
                    format!("{} rows kept, {} recounted", kept.len(), recounted.len())
                });
            return Ok(Some(format!("{table}: {first}")));
        }
    }
    let kept = read("SELECT issue, negated, events FROM rollup_issue")?;
    let mut recounted: Vec<String> = recount_issues(conn)?
        .into_iter()
        .map(|(i, n, c)| {
            format!(
                "{:?}|{:?}|{:?}",
                rusqlite::types::Value::Text(i),
                rusqlite::types::Value::Integer(n as i64),
                rusqlite::types::Value::Integer(c)
            )
        })
        .collect();
    recounted.sort();
    if kept != recounted {
        return Ok(Some(format!(
            "rollup_issue: kept {kept:?}, recounted {recounted:?}"
        )));
    }
    Ok(None)
}
