//! Which rows a count of a filter reads when it asks no dyads: the total of a page, the first
//! and last date and the undated events of a series, a series itself, the map. Each is read
//! from the smallest rollup that keeps every field the filter reads (see [`crate::rollup`]),
//! else from the events:
//!
//! * codes, roots, quad classes, dates: `rollup_day` (a row per day and code);
//! * one actor (a code of whole three-letter parts, `USA`, `USAGOV`) with those:
//!   `rollup_actor_day` (a row per day and root of the actor), where the events of an actor in
//!   a third of the news are a third of the store;
//! * the map without actors: `rollup_place_month` when the dates are whole months (a row per
//!   place and month), else `rollup_place` (a row per place and day).
//!
//! A total no rollup keeps (evidence words, issues, tone; an actor with an event code) is
//! counted from the events when that reads few of them, else as a bounded count
//! ([`count_bounded`]): "at least N", found as a page of N events is, where counting every
//! report of a word in most of the news took seconds.

use std::fmt::Write as _;

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::filter::{actor_code, Filter};
use crate::Result;

/// How many events a bounded count finds before it stops and says "at least".
pub const AT_LEAST: usize = 1_000;

/// Index entries an exact count may be estimated to read before a bounded count is taken
/// instead: some tens of milliseconds.
const EXACT_ROWS: f64 = 100_000.0;

/// The same for a filter that checks each event's reports (words not looked up in the evidence
/// index, issues) or first report (tone): 15–20 µs an event at a million events.
const EXACT_CHECKED: f64 = 10_000.0;

/// The events a filter selects: exact, or at least `events` (`lower_bound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Total {
    pub events: i64,
    pub lower_bound: bool,
}

/// How many events `filter` selects, exactly when the rollups keep the count or the filter's
/// indexes and words lead to few rows ([`Filter::share`] estimates them), else found as the
/// first page of [`AT_LEAST`] events is ([`Filter::where_for_page`]: along the date index, or
/// through the filter's rarest index, whichever ends sooner): exact when fewer are found,
/// "at least [`AT_LEAST`]" when that many are.
pub fn count_bounded(conn: &Connection, filter: &Filter) -> Result<Total> {
    let counted = Counted::of(conn, filter)?;
    if counted.table != "events" {
        return counted.total(conn);
    }
    let checked = !filter.words.is_empty()
        || filter.issue.is_some()
        || filter.tone_below.is_some()
        || filter.tone_above.is_some();
    let work = match filter.share(conn)? {
        Some((_, indexed, words)) => indexed.min(words),
        None => 0.0,
    };
    if work <= if checked { EXACT_CHECKED } else { EXACT_ROWS } {
        return counted.total(conn);
    }
    count_at_least(conn, filter, AT_LEAST)
}

/// The events `filter` selects, counted until `n` are found: exact when fewer are, else "at
/// least `n`". They are looked for as a page of `n` events is ([`Filter::where_for_page`]).
pub fn count_at_least(conn: &Connection, filter: &Filter, n: usize) -> Result<Total> {
    let (clause, params) = filter.where_for_page(conn, n)?;
    let sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM events e{clause} LIMIT {n})");
    let found: i64 = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?;
    Ok(Total {
        events: found,
        lower_bound: found >= n as i64,
    })
}

/// Rows to count a filter's events over: the table (aliased `e`), the WHERE clause and its
/// parameters, and what a group of its rows counts (`COUNT(*)` of events, `SUM(e.events)` of
/// rollup rows).
pub(crate) struct Counted {
    pub table: &'static str,
    pub clause: String,
    pub params: Vec<Value>,
    pub n: &'static str,
}

impl Counted {
    fn rollup(table: &'static str, (clause, params): (String, Vec<Value>)) -> Counted {
        Counted {
            table,
            clause,
            params,
            n: "SUM(e.events)",
        }
    }

    /// The events themselves.
    pub(crate) fn events(conn: &Connection, filter: &Filter) -> Result<Counted> {
        let (clause, params) = filter.where_in(conn)?;
        Ok(Counted {
            table: "events",
            clause,
            params,
            n: "COUNT(*)",
        })
    }

    /// How many events the rows count, exactly.
    pub(crate) fn total(self, conn: &Connection) -> Result<Total> {
        let sql = format!(
            "SELECT COALESCE({}, 0) FROM {} e{}",
            self.n, self.table, self.clause
        );
        let events = conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(self.params), |r| r.get(0))?;
        Ok(Total {
            events,
            lower_bound: false,
        })
    }

    /// Where the events `filter` selects are counted when what is asked of them is their
    /// number, dates, quad classes and Goldstein scores.
    pub(crate) fn of(conn: &Connection, filter: &Filter) -> Result<Counted> {
        if !crate::rollup::ready(conn) {
            return Counted::events(conn, filter);
        }
        if filter.by_day_and_code() {
            return Ok(Counted::rollup("rollup_day", filter.where_in(conn)?));
        }
        if let Some(clause) = filter.actor_day_clause(conn)? {
            return Ok(Counted::rollup("rollup_actor_day", clause));
        }
        Counted::events(conn, filter)
    }

    /// Where the places of the events `filter` selects are counted: without actors, the rollup
    /// per place and month or day; with actors, the rollup per dyad, day and place; None when
    /// the filter reads what none keeps (the caller reads the events).
    pub(crate) fn places(conn: &Connection, filter: &Filter) -> Result<Option<Counted>> {
        if !(filter.by_place_day() && crate::rollup::ready(conn)) {
            return Ok(None);
        }
        let actors = !filter.actor.is_empty() || filter.source.is_some() || filter.target.is_some();
        let table = if actors {
            "rollup_place_day"
        } else if whole_months(filter) {
            "rollup_place_month"
        } else {
            "rollup_place"
        };
        Ok(Some(Counted::rollup(table, filter.where_in(conn)?)))
    }
}

/// Whether the filter's dates are whole months (or absent): a month's row, keyed by its first
/// day, is then inside the dates exactly when each of its days is.
fn whole_months(filter: &Filter) -> bool {
    use chrono::Datelike;
    let starts = filter.from.is_none_or(|d| d.day() == 1);
    let ends = filter
        .to
        .is_none_or(|d| d.succ_opt().is_none_or(|next| next.day() == 1));
    starts && ends
}

impl Filter {
    /// For a filter of one actor whose code is whole three-letter parts, and otherwise only of
    /// what `rollup_day` keeps (roots, quad classes, dates, polarity): its clause over
    /// `rollup_actor_day`, which keeps each event under every such prefix of either actor, so
    /// that the rows of the code count each of its events once. None for any other filter.
    pub(crate) fn actor_day_clause(
        &self,
        conn: &Connection,
    ) -> Result<Option<(String, Vec<Value>)>> {
        let [actor] = self.actor.as_slice() else {
            return Ok(None);
        };
        let rest = Filter {
            actor: Vec::new(),
            ..self.clone()
        };
        let code = actor_code("actor", actor)?;
        if code.len() % 3 != 0 || !rest.by_day_and_code() || rest.code.is_some() {
            return Ok(None);
        }
        let (mut clause, mut params) = rest.where_in(conn)?;
        params.push(Value::Text(code));
        let _ = write!(clause, " AND e.actor = ?{}", params.len());
        Ok(Some((clause, params)))
    }
}
