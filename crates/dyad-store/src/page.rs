//! A page of events in date order whose read is bounded, as a search engine's is: what the
//! API's `/api/events` and `dyad query --limit` list.
//!
//! A page of a filter that keeps few events is read through the filter's rarest index (actor,
//! event code, evidence word) whole and sorted: exact, and quick because the rows are few.
//! Any other page is read in the page's order, a bounded number of events at a time:
//!
//! * along `events_page` (the date, the id, and every column a filter's codes, polarity and
//!   place are compared on), index entries only, at most [`SCAN_MAX`] of them;
//! * or, for an actor of fewer than [`ACTOR_WALK_MAX`] events when the walk along the dates
//!   would read too many, along the actor's two indexes (source, target), which hold the date,
//!   sorted;
//!
//! and the events those find are checked for what their index entries do not hold (evidence
//! words, issues, tone; through an actor's indexes, every other field) at most
//! [`CHECK_MAX`] of them. When a bound stops the read before the page is full, the page holds
//! what was found and says so (`partial`), with a cursor after the last event the read looked
//! at: every event of the filter before it is on this page or an earlier one, and the next
//! page goes on from it. Walking the cursors lists every event of the filter once, in order;
//! only how many come on each page depends on the bounds. Before this, a page of a common
//! word and a rare field (`--text "did not" --quad 3`, which no event matches) read every
//! report of the word: 5 s warm, 28 s cold at 6.7 million events.

use std::collections::HashSet;
use std::fmt::Write as _;

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::counted::{
    bound, count_at_least, estimate, exact_total, has_index, Access, Sample, Total, AT_LEAST,
};
use crate::explore::{after_cursor, Cursor};
use crate::filter::{actor_code, SortKey};
use crate::query::{row, EventRow, ROW_SQL};
use crate::{Filter, Result};

/// Index entries a page's walk along the dates reads at most (tens of milliseconds warm, a
/// few megabytes of one index cold).
const SCAN_MAX: f64 = 200_000.0;

/// Events a page checks at most for what the index entries do not hold (each a row or its
/// reports: 15–20 µs warm, a few page reads cold).
const CHECK_MAX: f64 = 2_500.0;

/// A filter whose rarest indexed value (an actor, an event code) or word leads to at most
/// this many events is read through that index whole: exact, and no dearer than a bounded
/// read.
const INDEX_MAX: f64 = 2_500.0;

/// An actor of at most this many events is walked along its own indexes (both sides read and
/// sorted: some tens of milliseconds) when the walk along the dates would end later.
const ACTOR_WALK_MAX: f64 = 150_000.0;

/// Candidates checked per statement (their ids are the statement's integers).
const CHUNK: usize = 256;

/// A page of events.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub events: Vec<EventRow>,
    /// Where the next page starts (give it as the cursor): after the last event when the page
    /// is full, after the last event the read looked at when it is partial; None when no
    /// event of the filter comes after the page.
    pub next: Option<Cursor>,
    /// Whether the read stopped at its bound before it found a full page: the page holds every
    /// event of the filter up to `next`, and more may come after it.
    pub partial: bool,
}

/// The ids a bounded read found, in the page's order, and where it stopped when a bound
/// stopped it.
struct Found {
    ids: Vec<(i64, String)>,
    stopped: Option<Cursor>,
}

/// At most `limit` events of `filter` after `after`, in the filter's order (its own limit is
/// ignored), read with a bounded read when the filter's order is by date (see the module).
pub fn page(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    limit: usize,
) -> Result<Page> {
    match bounded(conn, filter, after, limit + 1)? {
        Some(found) => from_found(conn, filter, found, limit),
        None => exact(conn, filter, after, limit),
    }
}

/// The first page of `filter` and the total it selects (exact when a rollup or a short read
/// gives it, else at least the events found, see [`crate::counted::count_bounded`]), from one
/// bounded read when it takes one: the first [`AT_LEAST`] events are looked for, the page is
/// the first `limit` of them.
pub fn first(conn: &Connection, filter: &Filter, limit: usize) -> Result<(Page, Total)> {
    let want = AT_LEAST.max(limit + 1);
    if let Some(found) = bounded(conn, filter, None, want)? {
        let n = found.ids.len();
        let lower_bound = n >= want || found.stopped.is_some();
        let found_total = Total {
            events: n as i64,
            lower_bound,
        };
        // the read found every event: that is the total; else a rollup's count, or at least
        // what the read found (an exact count of the events would read past the bound)
        let total = if lower_bound {
            exact_total(conn, filter, false)?.unwrap_or(found_total)
        } else {
            found_total
        };
        let mut found = found;
        if n > limit + 1 {
            found.ids.truncate(limit + 1);
            found.stopped = None;
        }
        return Ok((from_found(conn, filter, found, limit)?, total));
    }
    let page = exact(conn, filter, None, limit)?;
    let total = if page.next.is_none() {
        // a first page that is not full holds every event the filter selects: no count
        Total {
            events: page.events.len() as i64,
            lower_bound: false,
        }
    } else {
        match exact_total(conn, filter, true)? {
            Some(t) => t,
            None => count_at_least(conn, filter, AT_LEAST)?,
        }
    };
    Ok((page, total))
}

/// How many events `filter` selects, for an answer that may say "at least" or "about" (what
/// `/api/filter` gives): exact when a rollup keeps the count or the filter's indexes lead to
/// few rows; a filter that checks each event's reports over many events estimated from a
/// sample of them, which is given with it ([`crate::counted::estimate`]); any other as the
/// first page's total is found ([`first`]: the page's bounded read, "at least" what it
/// found), where a count of 1,000 events through the filter's indexes read every event of a
/// dyad with a rare code (`dyad=RUS:DEU&code=112`: 1.0–1.4 s warm, 10 s cold at ten million
/// events).
pub fn total(conn: &Connection, filter: &Filter) -> Result<(Total, Option<Sample>)> {
    if let Some(t) = exact_total(conn, filter, true)? {
        return Ok((t, None));
    }
    if filter.checks_reports() && crate::rollup::ready(conn) {
        return estimate(conn, filter);
    }
    let by_date = Filter {
        sort: crate::filter::Sort::default(),
        ..filter.clone()
    };
    Ok((first(conn, &by_date, 1)?.1, None))
}

/// The page of the ids found (`want` = `limit` + 1 of them when the page is full).
fn from_found(conn: &Connection, filter: &Filter, found: Found, limit: usize) -> Result<Page> {
    let full = found.ids.len() > limit;
    let ids: Vec<i64> = found.ids.iter().take(limit).map(|(id, _)| *id).collect();
    let events = rows(conn, filter, &ids)?;
    let next = if full {
        events.last().map(|e| Cursor::after(e, filter.sort))
    } else {
        found.stopped.clone()
    };
    Ok(Page {
        events,
        partial: !full && found.stopped.is_some(),
        next,
    })
}

/// The rows of `ids`, in the page's order.
fn rows(conn: &Connection, filter: &Filter, ids: &[i64]) -> Result<Vec<EventRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "{ROW_SQL} WHERE e.id IN ({list}) ORDER BY {}",
        filter.sort.order_sql()
    );
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map([], row)?;
    Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
}

/// The page read through the filter's indexes, whole and sorted (exact).
fn exact(conn: &Connection, filter: &Filter, after: Option<&Cursor>, limit: usize) -> Result<Page> {
    let mut f = filter.clone();
    f.limit = Some(limit + 1);
    let mut events = crate::explore::events_page(conn, &f, after, limit + 1)?;
    let next = if events.len() > limit {
        events.truncate(limit);
        events.last().map(|e| Cursor::after(e, filter.sort))
    } else {
        None
    };
    Ok(Page {
        events,
        next,
        partial: false,
    })
}

/// Up to `want` events of `filter` after `after` in date order, found with a bounded read;
/// None when the page is to be read through the filter's indexes whole (an order other than
/// the date's, `since`, rollups not ready, or a filter of few events).
fn bounded(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    want: usize,
) -> Result<Option<Found>> {
    if filter.sort.key != SortKey::Date || filter.since.is_some() || !crate::rollup::ready(conn) {
        return Ok(None);
    }
    let Some((share, indexed, words)) = filter.share(conn)? else {
        return Ok(None);
    };
    if indexed.min(words) <= bound(INDEX_MAX) {
        return Ok(None);
    }
    let expected = want as f64 / share.max(1e-12);
    if expected > bound(SCAN_MAX) {
        if let Some((code, side, n)) = rarest_actor(conn, filter)? {
            if n <= bound(ACTOR_WALK_MAX) {
                return along_actor(conn, filter, after, want, &code, side).map(Some);
            }
        }
    }
    along_dates(conn, filter, after, want).map(Some)
}

/// Which side of an event an actor of the filter is looked for on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Either,
    Source,
    Target,
}

/// The filter's actor (of `actor`, `source`, `target`) of fewest events, with the side it is
/// on and its events (from `rollup_actor`, either side).
fn rarest_actor(conn: &Connection, filter: &Filter) -> Result<Option<(String, Side, f64)>> {
    let negated = if filter.with_negated {
        ""
    } else {
        " AND negated = 0"
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT COALESCE(SUM(events), 0) FROM rollup_actor WHERE code >= ?1 AND code < ?2{negated}"
    ))?;
    let mut best: Option<(String, Side, f64)> = None;
    let given = filter
        .actor
        .iter()
        .map(|a| ("actor", a, Side::Either))
        .chain(filter.source.iter().map(|a| ("source", a, Side::Source)))
        .chain(filter.target.iter().map(|a| ("target", a, Side::Target)));
    for (field, code, side) in given {
        let code = actor_code(field, code)?;
        let (lo, hi) = crate::query::prefix_range(&code);
        let n: i64 = st.query_row([lo, hi], |r| r.get(0))?;
        if best.as_ref().is_none_or(|b| (n as f64) < b.2) {
            best = Some((code, side, n as f64));
        }
    }
    Ok(best)
}

/// The filter but for what index entries do not hold: what a walk compares on them.
fn on_entries(filter: &Filter) -> Filter {
    Filter {
        words: Vec::new(),
        issue: None,
        tone_below: None,
        tone_above: None,
        since: None,
        ..filter.clone()
    }
}

/// The page's walk along the dates: `events_page`'s entries from the filter's first date or
/// the cursor, at most [`SCAN_MAX`], compared on what the entries hold; those that pass are
/// checked for the rest, at most [`CHECK_MAX`] of them.
fn along_dates(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    want: usize,
) -> Result<Found> {
    let desc = filter.sort.descending;
    let dir = if desc { " DESC" } else { "" };
    let scan = bound(SCAN_MAX).max(1.0) as usize;
    let (clause, mut params) = on_entries(filter).clause_with(false, Access::DateWalk)?;
    let cond = walk_condition(filter, after, &mut params);
    let sql = format!(
        "SELECT e.id, e.date FROM (
             SELECT e.id, e.date, e.negated, e.quad_class, e.root, e.code, e.source_code,
                    e.target_code, e.place_country
             FROM events e WHERE {cond} ORDER BY e.date{dir}, e.id{dir} LIMIT {scan}) e{clause}"
    );
    let checked = filter.checks_reports();
    let Some(Candidates {
        candidates,
        ids,
        reached_cap,
    }) = candidates(conn, filter, (&sql, &params), checked, want, desc)?
    else {
        return along_index(conn, filter, after, want);
    };
    if ids.len() >= want {
        return Ok(Found { ids, stopped: None });
    }
    let stopped = if reached_cap {
        last_cursor(&candidates)
    } else {
        // the walk's last entry, when the walk read all it may
        let last = format!(
            "SELECT e.id, e.date FROM events e WHERE {cond}
             ORDER BY e.date{dir}, e.id{dir} LIMIT 1 OFFSET {}",
            scan - 1
        );
        let mut st = conn.prepare_cached(&last)?;
        let used = st.parameter_count();
        let mut rows = st.query(rusqlite::params_from_iter(
            &params[..used.min(params.len())],
        ))?;
        match rows.next()? {
            Some(r) => Some(Cursor {
                key: r.get(1)?,
                id: r.get(0)?,
            }),
            None => None,
        }
    };
    Ok(Found { ids, stopped })
}

/// The page's walk along an actor's indexes (`events_dyad`, `events_dyad_target`: the date is
/// in their entries) from the filter's first date or the cursor, sorted by date; the events
/// found are checked for the rest of the filter, at most [`CHECK_MAX`] of them.
fn along_actor(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    want: usize,
    code: &str,
    side: Side,
) -> Result<Found> {
    let desc = filter.sort.descending;
    let dir = if desc { " DESC" } else { "" };
    // the entries hold both actors, the date, the polarity and the quad class: the filter's
    // actors (the other side of a dyad among them) and quad class are compared on them, with
    // `+` so that the walked actor's index leads; where they were checked on the rows, a dyad
    // of a rare actor and a common one (`--dyad SVK:USACOP`, 27 events in three months) read
    // the rows of the rare one's 3,500 events there, 0.4–0.5 s at ten million events
    let compared = Filter {
        actor: filter.actor.clone(),
        source: filter.source.clone(),
        target: filter.target.clone(),
        quad_class: filter.quad_class,
        with_negated: filter.with_negated,
        ..Filter::default()
    };
    let (entries, mut params) = compared.clause_with(false, Access::DateWalk)?;
    let entries = entries.replacen(" WHERE 1=1", "", 1);
    let cond = walk_condition(filter, after, &mut params);
    let (lo, hi) = crate::query::prefix_range(code);
    params.push(Value::Text(lo));
    let l = params.len();
    params.push(Value::Text(hi));
    let h = params.len();
    // the actor's index named: of one side alone SQLite read the page's order from the date
    // index instead, three months of every event for `--dyad SVK:USACOP` (0.5 s at ten
    // million events, where the actor's entries take 8 ms)
    let one = |column: &str, index: &str| -> Result<String> {
        let hint = if has_index(conn, index)? {
            format!(" INDEXED BY {index}")
        } else {
            String::new()
        };
        Ok(format!(
            "SELECT e.id, e.date FROM events e{hint}
             WHERE e.{column} >= ?{l} AND e.{column} < ?{h}{entries} AND {cond}"
        ))
    };
    let (source, target) = (
        one("source_code", "events_dyad")?,
        one("target_code", "events_dyad_target")?,
    );
    let union = match side {
        Side::Either => format!("{source} UNION {target}"),
        Side::Source => source,
        Side::Target => target,
    };
    let sql = format!("SELECT id, date FROM ({union}) e ORDER BY e.date{dir}, e.id{dir}");
    // anything the entries do not hold is checked on the rows
    let checked = filter.checks_reports()
        || filter.code.is_some()
        || filter.root.is_some()
        || filter.country.is_some();
    let Some(Candidates {
        candidates,
        ids,
        reached_cap,
    }) = candidates(conn, filter, (&sql, &params), checked, want, desc)?
    else {
        return along_index(conn, filter, after, want);
    };
    let stopped = if ids.len() < want && reached_cap {
        last_cursor(&candidates)
    } else {
        None
    };
    Ok(Found { ids, stopped })
}

/// The exact read as a [`Found`], for a walk whose rows did not come in the page's order (not
/// expected: SQLite keeps a subquery's order; then the page is exact rather than wrong).
fn along_index(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    want: usize,
) -> Result<Found> {
    let mut f = filter.clone();
    f.limit = Some(want);
    let rows = crate::explore::events_page(conn, &f, after, want)?;
    Ok(Found {
        ids: rows.into_iter().map(|e| (e.id, e.date)).collect(),
        stopped: None,
    })
}

/// Where a walk starts and ends: the filter's dates and the cursor, over `events e`, their
/// values pushed on `params`.
fn walk_condition(filter: &Filter, after: Option<&Cursor>, params: &mut Vec<Value>) -> String {
    let mut cond = String::from("1=1");
    for (date, op) in [(filter.from, ">="), (filter.to, "<=")] {
        if let Some(d) = date {
            params.push(Value::Text(d.to_string()));
            let _ = write!(cond, " AND e.date <> '' AND e.date {op} ?{}", params.len());
        }
    }
    if filter.dated {
        cond.push_str(" AND e.date <> ''");
    }
    if let Some(c) = after {
        cond.push_str(&after_cursor(c, filter.sort, params));
    }
    cond
}

/// The first `cap` rows (id, date) of `sql`, stepped one by one so that the walk ends there;
/// None if they do not come in the page's order.
/// A page's candidates in its order and those of them that match.
struct Candidates {
    candidates: Vec<(i64, String)>,
    /// The candidates that match: all of them when none needs a check.
    ids: Vec<(i64, String)>,
    /// Did the read stop at its cap (so that more may match beyond)?
    reached_cap: bool,
}

/// The cursor after the last candidate a walk read.
fn last_cursor(candidates: &[(i64, String)]) -> Option<Cursor> {
    candidates.last().map(|(id, date)| Cursor {
        key: date.clone(),
        id: *id,
    })
}

/// Read a page's candidates with `query` (at most the bound of events checked when they need
/// a check, else `want`) and keep those that match; None when the walk gave up (the caller
/// reads along the filter's index).
fn candidates(
    conn: &Connection,
    filter: &Filter,
    (sql, params): (&str, &[Value]),
    checked: bool,
    want: usize,
    desc: bool,
) -> Result<Option<Candidates>> {
    let cap = if checked {
        bound(CHECK_MAX).max(1.0) as usize
    } else {
        want
    };
    let Some(candidates) = ordered(conn, sql, params, cap, desc)? else {
        return Ok(None);
    };
    let reached_cap = candidates.len() >= cap;
    let ids = if checked {
        check(conn, filter, &candidates, want)?
    } else {
        candidates.clone()
    };
    Ok(Some(Candidates {
        candidates,
        ids,
        reached_cap,
    }))
}

fn ordered(
    conn: &Connection,
    sql: &str,
    params: &[Value],
    cap: usize,
    desc: bool,
) -> Result<Option<Vec<(i64, String)>>> {
    let mut st = conn.prepare_cached(sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(params))?;
    let mut out: Vec<(i64, String)> = Vec::new();
    while out.len() < cap {
        let Some(r) = rows.next()? else { break };
        let item: (i64, String) = (r.get(0)?, r.get(1)?);
        if let Some(last) = out.last() {
            let before = (&last.1, last.0) < (&item.1, item.0);
            if before == desc {
                return Ok(None);
            }
        }
        out.push(item);
    }
    Ok(Some(out))
}

/// The candidates (in the page's order) the whole filter keeps, checked a chunk at a time
/// until `want` are found.
fn check(
    conn: &Connection,
    filter: &Filter,
    candidates: &[(i64, String)],
    want: usize,
) -> Result<Vec<(i64, String)>> {
    // every comparison with `+`: the ids lead to the rows, no index of the filter's fields
    let (clause, params) = filter.clause_with(false, Access::IdRange)?;
    let mut out = Vec::new();
    for chunk in candidates.chunks(CHUNK) {
        let list = chunk
            .iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let sql = format!("SELECT e.id FROM events e{clause} AND e.id IN ({list})");
        let mut st = conn.prepare(&sql)?;
        let kept: HashSet<i64> = st
            .query_map(rusqlite::params_from_iter(&params), |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        for c in chunk {
            if kept.contains(&c.0) {
                out.push(c.clone());
                if out.len() >= want {
                    return Ok(out);
                }
            }
        }
    }
    Ok(out)
}
