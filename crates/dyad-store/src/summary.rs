//! Summary statistics of the whole database (`GET /api/stats`): counts of articles, events
//! and reports, dates, quad classes, roots, and the actors, dyads, countries and issues with
//! most events. With the rollups ([`crate::rollup`]) each figure reads a small table kept by
//! ingest; a database without them (written before them, opened read-only) is counted from
//! its events.

use rusqlite::Connection;
use serde::Serialize;

use crate::Result;

/// A code or actor and how many events it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub key: String,
    pub events: i64,
}

/// Summary statistics of the whole database.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub articles: i64,
    /// Events that are not negated (the ones that happened).
    pub events: i64,
    pub negated_events: i64,
    pub mentions: i64,
    pub quotes: i64,
    /// Events with no date.
    pub undated_events: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Events per quad class 1 … 4.
    pub quad: [i64; 4],
    pub goldstein_mean: Option<f64>,
    /// Events per CAMEO root, in root order.
    pub roots: Vec<Count>,
    /// The ten actors (full codes) in most events, as source or target.
    pub top_actors: Vec<Count>,
    /// The ten directed dyads (`SRC→TGT`) with most events.
    pub top_dyads: Vec<Count>,
    /// The ten countries of event places with most events.
    pub top_countries: Vec<Count>,
    /// The twenty issues (themes) with most events, counted by each event's first report's
    /// sentence.
    pub top_issues: Vec<Count>,
    /// When the last event was first stored (DATEADDED): where a live view starts its `since`.
    pub last_added: Option<String>,
}

/// Events per issue of their first report's sentence, most first (then by code), at most
/// `limit`.
fn issue_counts(conn: &Connection, limit: usize) -> Result<Vec<Count>> {
    let mut st = conn.prepare_cached(
        "SELECT m.issues FROM events e JOIN mentions m ON m.id = e.first_mention
         WHERE e.negated = 0 AND m.issues IS NOT NULL AND m.issues <> ''",
    )?;
    let mut tally: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    for issues in rows {
        for code in issues?.split_whitespace() {
            *tally.entry(code.to_string()).or_default() += 1;
        }
    }
    let mut out: Vec<Count> = tally
        .into_iter()
        .map(|(key, events)| Count { key, events })
        .collect();
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.key.cmp(&b.key)));
    out.truncate(limit);
    Ok(out)
}

fn counts(conn: &Connection, sql: &str) -> Result<Vec<Count>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([], |r| {
        Ok(Count {
            key: r.get(0)?,
            events: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Counts over the whole database (negated events are counted apart and left out of the rest).
pub fn stats(conn: &Connection) -> Result<Stats> {
    if crate::rollup::ready(conn) {
        return from_rollups(conn);
    }
    let one = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let (events, undated, q1, q2, q3, q4, mean): (i64, i64, i64, i64, i64, i64, Option<f64>) = conn
        .query_row(
            "SELECT COUNT(*), COALESCE(SUM(date = ''), 0), COALESCE(SUM(quad_class = 1), 0),
                    COALESCE(SUM(quad_class = 2), 0), COALESCE(SUM(quad_class = 3), 0),
                    COALESCE(SUM(quad_class = 4), 0), AVG(goldstein)
             FROM events WHERE negated = 0",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )?;
    let (first_date, last_date): (Option<String>, Option<String>) = conn.query_row(
        "SELECT MIN(date), MAX(date) FROM events WHERE date > ''",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Stats {
        articles: one("SELECT COUNT(*) FROM articles")?,
        events,
        negated_events: one("SELECT COUNT(*) FROM events WHERE negated = 1")?,
        mentions: one("SELECT COUNT(*) FROM mentions")?,
        quotes: one("SELECT COUNT(*) FROM quotes")?,
        undated_events: undated,
        first_date,
        last_date,
        quad: [q1, q2, q3, q4],
        goldstein_mean: mean,
        roots: counts(
            conn,
            "SELECT root, COUNT(*) FROM events WHERE negated = 0 GROUP BY root ORDER BY root",
        )?,
        top_actors: counts(
            conn,
            "SELECT code, COUNT(*) AS n FROM (
                 SELECT source_code AS code FROM events WHERE negated = 0
                 UNION ALL
                 SELECT target_code FROM events WHERE negated = 0 AND target_code <> source_code)
             WHERE code <> ''
             GROUP BY code ORDER BY n DESC, code LIMIT 10",
        )?,
        top_dyads: counts(
            conn,
            "SELECT source_code || '→' || target_code AS d, COUNT(*) AS n FROM events
             WHERE negated = 0 AND source_code <> '' AND target_code <> ''
             GROUP BY source_code, target_code ORDER BY n DESC, d LIMIT 10",
        )?,
        top_countries: counts(
            conn,
            "SELECT place_country, COUNT(*) AS n FROM events
             WHERE negated = 0 AND place_country IS NOT NULL AND place_country <> ''
             GROUP BY place_country ORDER BY n DESC, place_country LIMIT 10",
        )?,
        top_issues: issue_counts(conn, 20)?,
        last_added: conn.query_row("SELECT MAX(date_added) FROM events", [], |r| r.get(0))?,
    })
}

/// The `limit` keys with most events of a rollup table (`key` and `events` columns, the
/// non-negated rows), most first, then by key: the rows at or above the limit-th count are
/// read through the table's (negated, events) order, and only they are sorted.
fn top(conn: &Connection, table: &str, key: &str, named: &str, limit: usize) -> Result<Vec<Count>> {
    let threshold: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT events FROM {table} WHERE negated = 0 AND {named} ORDER BY events DESC
             LIMIT 1 OFFSET {}",
            limit.saturating_sub(1)
        ))?
        .query_row([], |r| r.get(0))
        .ok();
    let mut out = counts(
        conn,
        &format!(
            "SELECT {key}, events FROM {table} WHERE negated = 0 AND {named} AND events >= {}",
            threshold.unwrap_or(0)
        ),
    )?;
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.key.cmp(&b.key)));
    out.truncate(limit);
    Ok(out)
}

/// [`stats`] from the rollups.
fn from_rollups(conn: &Connection) -> Result<Stats> {
    type Totals = (i64, i64, [i64; 4], Option<f64>);
    // the totals from rollup_code where it is kept (a few hundred rows in a few pages), else
    // from rollup_day (its rows spread over the file: a second cold at ten million events)
    let codes = crate::rollup::codes_ready(conn);
    let (table, undated) = if codes {
        ("rollup_code", "dated = 0")
    } else {
        ("rollup_day", "date = ''")
    };
    let (events, undated, quad, mean): Totals = conn.query_row(
        &format!(
            "SELECT COALESCE(SUM(events), 0), COALESCE(SUM(CASE WHEN {undated} THEN events END), 0),
                COALESCE(SUM(CASE WHEN quad_class = 1 THEN events END), 0),
                COALESCE(SUM(CASE WHEN quad_class = 2 THEN events END), 0),
                COALESCE(SUM(CASE WHEN quad_class = 3 THEN events END), 0),
                COALESCE(SUM(CASE WHEN quad_class = 4 THEN events END), 0),
                SUM(goldstein) / SUM(events)
             FROM {table} WHERE negated = 0"
        ),
        [],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
                r.get(6)?,
            ))
        },
    )?;
    let (first_date, last_date): (Option<String>, Option<String>) = conn.query_row(
        "SELECT (SELECT MIN(date) FROM rollup_day WHERE date > ''),
                (SELECT MAX(date) FROM rollup_day WHERE date > '')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Stats {
        articles: crate::rollup::rows(conn, "articles")?,
        events,
        negated_events: conn.query_row(
            &format!("SELECT COALESCE(SUM(events), 0) FROM {table} WHERE negated = 1"),
            [],
            |r| r.get(0),
        )?,
        mentions: crate::rollup::rows(conn, "mentions")?,
        quotes: crate::rollup::rows(conn, "quotes")?,
        undated_events: undated,
        first_date,
        last_date,
        quad,
        goldstein_mean: mean,
        roots: counts(
            conn,
            &format!(
                "SELECT root, SUM(events) FROM {table} WHERE negated = 0 GROUP BY root
                 ORDER BY root"
            ),
        )?,
        // (an act with no one on one side, a missile test's, has no actor there: no "" actor
        // and no dyad with it)
        top_actors: top(conn, "rollup_actor", "code", "code <> ''", 10)?,
        top_dyads: top(
            conn,
            "rollup_dyad",
            "source_code || '→' || target_code",
            "source_code <> '' AND target_code <> ''",
            10,
        )?,
        top_countries: top(conn, "rollup_country", "country", "1", 10)?,
        top_issues: top(conn, "rollup_issue", "issue", "1", 20)?,
        last_added: conn.query_row("SELECT MAX(date_added) FROM events", [], |r| r.get(0))?,
    })
}
