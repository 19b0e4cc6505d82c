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
//! * `rollup_place_code`: the same per CAMEO code (and its root), for the map of an event code
//!   without actors: the map of `code=190`, in 2% of the news, read a sample of the events
//!   along the code's index and each one's first report (1.9 s cold at ten million events).
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
//! events when next opened for writing ([`crate::fill`]); until then, and for such a file opened
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
        (
            "rollup_place_code",
            "\n    code            TEXT NOT NULL,\n    root            TEXT NOT NULL,",
            "code, root, ",
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
         VALUES ('rollups_at', ?1), ('rollup_code_at', ?1), ('rollup_place_root_at', ?1),
                ('rollup_place_code_at', ?1)",
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

/// Whether `rollup_place_code` counts what the other rollups count, as
/// [`place_roots_ready`] says of its own: else the map of an event code reads the events.
pub fn place_codes_ready(conn: &Connection) -> bool {
    ready(conn) && kept_with_the_rollups(conn, "rollup_place_code_at")
}

/// Fill `rollup_place_root` from the events and their first reports when the other rollups
/// are kept and it is not (a file loaded before it, or written since by a dyad without it):
/// one pass over the events, where a refill of every rollup would make them all again.
pub(crate) fn fill_place_roots(conn: &Connection) -> Result<()> {
    if place_roots_ready(conn) {
        return Ok(());
    }
    fill_alone(conn, "rollup_place_root")
}

/// Fill `rollup_place_code` as [`fill_place_roots`] fills its own: a store loaded before it
/// gets it when next opened for writing.
pub(crate) fn fill_place_codes(conn: &Connection) -> Result<()> {
    if place_codes_ready(conn) {
        return Ok(());
    }
    fill_alone(conn, "rollup_place_code")
}

/// Recount one rollup from the events ([`RECOUNT`]'s count of it) when the others are kept,
/// and mark it kept with them (`{table}_at`).
fn fill_alone(conn: &Connection, table: &str) -> Result<()> {
    if !ready(conn) {
        return Ok(());
    }
    let select = RECOUNT
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, select)| *select)
        .unwrap_or_default();
    crate::transaction::immediately(conn, || {
        conn.execute_batch(&format!(
            "DELETE FROM {table};
             INSERT INTO {table} {select};
             INSERT OR REPLACE INTO meta (key, value)
                 SELECT '{table}_at', value FROM meta WHERE key = 'rollups_at';"
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
        let by_code = "code, root, date, negated, quad_class, place_lat, place_lon, \
                       place_name, place_country, place_geonameid";
        for (table, key_cols, head) in [
            (
                "rollup_place",
                by_period,
                vec![&f.date as &dyn rusqlite::ToSql],
            ),
            ("rollup_place_month", by_period, vec![&month]),
            ("rollup_place_root", by_root, vec![&f.root, &month]),
            ("rollup_place_code", by_code, vec![&f.code, &f.root, &month]),
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

/// `rollup_place_month` from `rollup_place`: its days' rows by month, the same whether a fill
/// writes it or a check recounts it.
pub(crate) const PLACE_MONTHS: &str =
    "SELECT CASE WHEN length(date) >= 10 THEN substr(date, 1, 7) || '-01' ELSE date END,
         negated, quad_class, place_lat, place_lon, place_name, place_country,
         place_geonameid, SUM(events), SUM(goldstein)
     FROM rollup_place GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";

/// The events of each month and place (their first reports'), keyed by `$key` (the columns
/// before the month), grouped by the `$group` columns: how [`RECOUNT`] counts
/// `rollup_place_root` and `rollup_place_code`.
macro_rules! places_by_month {
    ($key:literal, $group:literal) => {
        concat!(
            "SELECT ",
            $key,
            ",
             CASE WHEN length(e.date) >= 10 THEN substr(e.date, 1, 7) || '-01' ELSE e.date END,
             e.negated, e.quad_class, m.place_lat, m.place_lon, COALESCE(m.place_name, ''),
             COALESCE(m.place_country, ''), COALESCE(m.place_geonameid, -1), COUNT(*),
             SUM(e.goldstein)
         FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
         GROUP BY ",
            $group
        )
    };
}

/// The rollups as a recount from the events and reports gives them, one SELECT per table
/// (also what [`crate::fill`] writes and what the tests compare with).
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
    ("rollup_place_month", PLACE_MONTHS),
    (
        "rollup_place_root",
        places_by_month!("e.root", "1, 2, 3, 4, 5, 6, 7, 8, 9"),
    ),
    (
        "rollup_place_code",
        places_by_month!("e.code, e.root", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
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
pub(crate) fn tally_issues(conn: &Connection, select: &str) -> Result<Vec<(String, bool, i64)>> {
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
