//! Filling the rollups from the events, in one transaction: the end of a bulk load, and the
//! first write to a file made before the rollups (or by another version of them). What can be
//! is derived from a rollup made before it; the rest is counted in Rust from one read of the
//! events, not by SQLite's sorts. What each rollup holds, and how ingest keeps it current, is
//! in [`crate::rollup`].

use std::collections::HashMap;

use rusqlite::{params, Connection};

use crate::rollup::{actor_prefixes, kept, ready, tally_issues, timed, PLACE_MONTHS, VERSION};
use crate::Result;

/// Fill the rollups from the events of a database written before them (or by another version
/// of them), once, in one transaction.
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    fill_with(conn, None)
}

/// [`fill`], the evidence index copied from the one a bulk load made beside it (the scratch
/// file at `beside`, see [`crate::beside`]) rather than made again from every report.
pub(crate) fn fill_with(conn: &Connection, beside: Option<&std::path::Path>) -> Result<()> {
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
    // attached after the change of mode, which would have changed its mode too; an index that
    // cannot be attached is made again
    let copied = beside.is_some_and(|path| {
        conn.execute(
            "ATTACH DATABASE ?1 AS beside",
            [path.to_string_lossy().as_ref()],
        )
        .is_ok()
    });
    let filled = fill_now(conn, copied);
    if copied {
        let _ = conn.execute_batch("DETACH DATABASE beside");
    }
    let _ = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0));
    filled
}

/// How a fill makes the rollups [`fill_from_events`] has not made, in this order: from the
/// events' first reports (gathered once into `fill_first`), or from a rollup made before it,
/// which holds the same events already counted (`rollup_actor_day`, `actor_names` and
/// `rollup_issue` are counted in Rust: [`fill_actor_days`], [`recount_names`]). [`RECOUNT`](crate::rollup::RECOUNT)
/// is each one counted from the events alone, what [`crate::rollup::check`] compares the filled rollups with.
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
    ("rollup_place_month", PLACE_MONTHS),
    (
        "rollup_place_code",
        "SELECT code, root,
             CASE WHEN length(date) >= 10 THEN substr(date, 1, 7) || '-01' ELSE date END,
             negated, quad_class, place_lat, place_lon, place_name, place_country,
             place_geonameid, COUNT(*), SUM(goldstein)
         FROM fill_first WHERE place_lat IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    ),
    // the codes' rows by root
    (
        "rollup_place_root",
        "SELECT root, date, negated, quad_class, place_lat, place_lon, place_name,
             place_country, place_geonameid, SUM(events), SUM(goldstein)
         FROM rollup_place_code GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
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
    SELECT first_mention, source_code, target_code, date, negated, quad_class, code, root,
        goldstein
    FROM events WHERE first_mention IS NOT NULL ORDER BY first_mention)
SELECT e.source_code, e.target_code, e.date, e.negated, e.quad_class, e.code, e.root,
    e.goldstein,
    CASE WHEN m.place_lon IS NOT NULL THEN m.place_lat END AS place_lat, m.place_lon,
    COALESCE(m.place_name, '') AS place_name, COALESCE(m.place_country, '') AS place_country,
    COALESCE(m.place_geonameid, -1) AS place_geonameid, m.issues
FROM e CROSS JOIN mentions m ON m.id = e.first_mention
WHERE (m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL)
   OR (m.issues IS NOT NULL AND m.issues <> '')";

/// [`fill`] in the journal mode the file is in; `copied`: the evidence index is copied from
/// the one attached as `beside`.
fn fill_now(conn: &Connection, copied: bool) -> Result<()> {
    crate::transaction::immediately(conn, || {
        if ready(conn) {
            return Ok(());
        }
        // the sorts of the GROUP BYs keep as many pages in memory as the cache holds before
        // they spill to temporary files: a writer's 64 MB made a ten-million-event fill spill
        // every one of them
        let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA cache_size=-{}", FILL_CACHE_KIB))?;
        let filled = fill_steps(conn, copied);
        conn.execute_batch(&format!("PRAGMA cache_size={cache}"))?;
        filled
    })
}

/// Page cache while a fill runs, in KiB: 1 GiB, as a bulk load's.
const FILL_CACHE_KIB: i64 = 1 << 20;

/// Postings FTS5 gathers in memory before it writes a segment of the evidence index while a
/// fill makes it again, in bytes: 1 GiB. Nearly all of the rebuild's time is the trigrams
/// hashed (23.7 s of CPU for a million-event store's 2.3 million reports, all held at once:
/// 226 MB of index); each segment written costs more (29.1 s when they were cut in ten
/// segments of 25 MB, as the 256 MB of the seventh round cut ten million events'), and the
/// merges after them little (5 s to merge those ten into one). A ten-million-event store's
/// 2.3 GB is then three segments; the memory is freed at each one.
const EVIDENCE_HASH: i64 = 1 << 30;

/// Every step of [`fill_now`].
fn fill_steps(conn: &Connection, copied: bool) -> Result<()> {
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
    // the index made again in one pass: FTS5 gathers EVIDENCE_HASH bytes of postings before
    // it writes a segment (its default is 1 MB), so that millions of reports make a few large
    // segments instead of thousands it would merge again and again; then its default again, as
    // a batch's commit writes what it gathered anyway
    if copied {
        timed("evidence_fts (copied from beside the load)", || {
            crate::beside::copy_index(conn)
        })?;
    } else {
        timed("evidence_fts", || {
            Ok(conn.execute_batch(&format!(
                "INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('hashsize', {EVIDENCE_HASH});
                 INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
                 INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('hashsize', {});",
                1 << 20
            ))?)
        })?;
    }
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('rollups', ?1)",
        [VERSION],
    )?;
    kept(conn)
}

/// `rollup_day`, `rollup_dyad_day` and `rollup_country` as [`RECOUNT`](crate::rollup::RECOUNT) counts them, in one
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
    type Summed = (i64, crate::compensated::Compensated);
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
        let mut goldstein = crate::compensated::Compensated::default();
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
/// rows of its dyad's prefixes. The recount ([`RECOUNT`](crate::rollup::RECOUNT)) listed every prefix of every event
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
        let mut sums: FxHashMap<Key, (i64, crate::compensated::Compensated)> = FxHashMap::default();
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
        let mut rows: Vec<(Key, (i64, crate::compensated::Compensated))> =
            sums.into_iter().collect();
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

/// `actor_names` as [`RECOUNT`](crate::rollup::RECOUNT) counts it (per actor code and the words coded with it, the
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
