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

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use crate::filter::{actor_code, Filter};
use crate::sides::first_actor_sides;
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
    match exact_total(conn, filter, true)? {
        Some(t) => Ok(t),
        None => count_at_least(conn, filter, AT_LEAST),
    }
}

/// How many events a filter that checks each event's reports (evidence words, issues) or
/// first report (tone) selects, estimated from a sample of the events when counting them
/// would check too many, as an aggregation of it is ([`reading`]), with the sample; exact
/// (and no sample) when [`reading`] reads them all. A bounded count walks the date index and
/// checks the reports of every event of the filter's other fields it meets until it finds
/// [`AT_LEAST`], and a word of some days ("Wednesday", in a seventh of the reports) is met on
/// those days alone (1.0–1.2 s for `actor=USA&text=Wednesday` at a million events).
pub(crate) fn estimate(conn: &Connection, filter: &Filter) -> Result<(Total, Option<Sample>)> {
    let f = Filter {
        bounded: true,
        ..filter.for_counts(conn)?.into_owned()
    };
    let r = reading(conn, &f, None)?;
    let matched: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM events e{}", r.clause))?
        .query_row(rusqlite::params_from_iter(&r.params), |row| row.get(0))?;
    let total = Total {
        events: r.scale(matched),
        lower_bound: false,
    };
    Ok((total, r.sample(matched)))
}

/// The total of `filter` when a rollup keeps it or (`events_too`) the filter's indexes and
/// words lead to few rows (what [`count_bounded`] counts exactly); None when it would read
/// too many.
pub(crate) fn exact_total(
    conn: &Connection,
    filter: &Filter,
    events_too: bool,
) -> Result<Option<Total>> {
    let counted = Counted::of(conn, &*filter.for_counts(conn)?)?;
    if counted.table != "events" {
        return counted.total(conn).map(Some);
    }
    if !events_too {
        return Ok(None);
    }
    let checked = filter.checks_reports();
    let work = match filter.share(conn)? {
        Some((_, indexed, words)) => indexed.min(words),
        None => 0.0,
    };
    if work <= bound(if checked { EXACT_CHECKED } else { EXACT_ROWS }) {
        return counted.total(conn).map(Some);
    }
    Ok(None)
}

/// The events `filter` selects, counted until `n` are found: exact when fewer are, else "at
/// least `n`". They are looked for as a page of `n` events is ([`Filter::where_for_page`]).
pub fn count_at_least(conn: &Connection, filter: &Filter, n: usize) -> Result<Total> {
    let (clause, mut params, window) = filter.where_for_page(conn, n)?;
    let count = |from: &str, clause: &str, params: &[Value]| -> Result<i64> {
        let sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM {from} e{clause} LIMIT {n})");
        Ok(conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?)
    };
    let found = match window {
        None => count("events", &clause, &params)?,
        Some(window) => {
            // along the date index, at most `window` events, else through the indexes
            let (walked, cond) = filter.walked(false, "", window, &mut params);
            let found = count(&walked, &clause, &params)?;
            if found < n as i64 && window_full(conn, &cond, window, &params)? {
                let (clause, params) = filter.where_in(conn)?;
                count("events", &clause, &params)?
            } else {
                found
            }
        }
    };
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
    /// The share of the events read when they are a sample ([`Counted::or_sample`]).
    pub share: Option<f64>,
}

impl Counted {
    fn rollup(table: &'static str, (clause, params): (String, Vec<Value>)) -> Counted {
        Counted {
            table,
            clause,
            params,
            n: "SUM(e.events)",
            share: None,
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
            share: None,
        })
    }

    /// The events read as [`reading`] reads them for an aggregation (a sample when the filter
    /// accepts one and all would take long); rollups as they are.
    pub(crate) fn or_sample(self, conn: &Connection, filter: &Filter) -> Result<Counted> {
        if self.table != "events" {
            return Ok(self);
        }
        let r = reading(conn, filter, None)?;
        Ok(Counted {
            clause: r.clause,
            params: r.params,
            share: r.share,
            ..self
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
        let actors = !filter.actor.is_empty() || filter.source.is_some() || filter.target.is_some();
        if filter.country.is_some() && !actors && filter.by_place_day() {
            // events without a place are not in it, but a country filter leaves them out
            return Ok(Counted::rollup("rollup_place", filter.where_in(conn)?));
        }
        Counted::events(conn, filter)
    }

    /// Where the places of the events `filter` selects are counted: without actors, the rollup
    /// per event code, root, month and place, or per place and month or day; with actors, the
    /// rollup per dyad, day and place; None when the filter reads what none keeps (the caller
    /// reads the events).
    pub(crate) fn places(conn: &Connection, filter: &Filter) -> Result<Option<Counted>> {
        let actors = !filter.actor.is_empty() || filter.source.is_some() || filter.target.is_some();
        // an event code or a root without actors, over whole months: the rollup per code,
        // month and place (the code's rows a range of its key), or per root, month and place
        // (a code of two digits is read as its root)
        let codes_aside = Filter {
            code: None,
            root: None,
            ..filter.clone()
        };
        if !actors && whole_months(filter) && codes_aside.by_place_day() {
            let table = match (&filter.code, &filter.root) {
                (Some(_), _) if crate::rollup::place_codes_ready(conn) => Some("rollup_place_code"),
                (None, Some(_)) if crate::rollup::place_roots_ready(conn) => {
                    Some("rollup_place_root")
                }
                _ => None,
            };
            if let Some(table) = table {
                return Ok(Some(Counted::rollup(table, filter.where_in(conn)?)));
            }
        }
        if !(filter.by_place_day() && crate::rollup::ready(conn)) {
            return Ok(None);
        }
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
    /// Whether the filter compares what no index entry or rollup holds: each event's reports
    /// (evidence words, issues) or first report's article (tone).
    pub(crate) fn checks_reports(&self) -> bool {
        !self.words.is_empty()
            || self.issue.is_some()
            || self.tone_below.is_some()
            || self.tone_above.is_some()
    }

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

/// An aggregation answered from a sample of the events: those whose id (a hash, uniform over
/// 1 ..= 2^53 − 1) falls in the first `share` of the id space, each counted `1 / share` times.
/// Taken only when the caller accepts it ([`Filter::bounded`]) and counting every event the
/// filter reads would take seconds: what no rollup keeps (evidence words, issues, tone, an
/// actor with an event code, the map of a code) over many events.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Sample {
    /// The share of the id space read, and so, in expectation, of the events (0 < share < 1).
    pub share: f64,
    /// Events of the sample the filter selected, before scaling: an estimate from k events
    /// is off by about 1/√k of itself (5,000: ±1.4%), per period or place by as much of its
    /// own.
    pub matched: i64,
}

thread_local! {
    /// What [`scale_bounds`] set on this thread.
    static SCALE: std::cell::Cell<f64> = const { std::cell::Cell::new(1.0) };
}

/// Scale every bound of the work a read may do before it samples, walks no further or counts
/// "at least" ([`AGG_ROWS`] and the others, the page walk's), on this thread: tests make a
/// store of a few thousand events behave as one of millions.
#[doc(hidden)]
pub fn scale_bounds(by: f64) {
    SCALE.with(|s| s.set(by));
}

/// A bound as [`scale_bounds`] scales it.
pub(crate) fn bound(x: f64) -> f64 {
    x * SCALE.with(|s| s.get())
}

/// The ids events are drawn from: 1 ..= 2^53 − 1 (see [`crate::merge::event_id`]).
const ID_SPACE: f64 = 9_007_199_254_740_992.0;

/// An exact aggregation may read this many events through the filter's indexes (some hundreds
/// of milliseconds with their rows and places)…
const AGG_ROWS: f64 = 60_000.0;
/// …or check this many events' reports for words, issues or tone (15–20 µs an event)…
const AGG_CHECKED: f64 = 10_000.0;
/// …or read this many reports of its words through the evidence index; else, when the caller
/// accepts a sample, it reads one that costs as much.
const AGG_WORD_REPORTS: f64 = 20_000.0;

/// How much more an event costs a sample when an index leads to it (a seek to a random page)
/// than along the ids (the pages in their order).
const INDEX_SEEK_COST: f64 = 4.0;

/// What a sample's clause read along the ids begins with: `FROM events e NOT INDEXED WHERE …`
/// (SQLite still reads a range of rowids, the ids) in a store without [`SAMPLE_INDEX`].
pub(crate) const NOT_INDEXED: &str = " NOT INDEXED";

/// What it begins with in a store with it: the index of the events in id order that holds
/// every column a sample's counts compare or sum (see the schema), so that a sample reads a
/// range of index entries, a few megabytes that a bulk load writes in one stretch of the file,
/// not the rows of its ids, which are on pages scattered over the whole file (hashed ids are
/// inserted in no order): 2 s from a cold file at 6.7 million events.
pub(crate) const SAMPLE_INDEX: &str = " INDEXED BY events_sample";

/// The hint a sample along the ids reads with: [`SAMPLE_INDEX`] when the store has it (a store
/// not opened for writing since it came has not), else [`NOT_INDEXED`].
fn along_ids_hint(conn: &Connection) -> Result<&'static str> {
    Ok(if has_index(conn, "events_sample")? {
        SAMPLE_INDEX
    } else {
        NOT_INDEXED
    })
}

/// Whether the store has the index `name` (a store not opened for writing since an index was
/// added to the schema has not).
pub(crate) fn has_index(conn: &Connection, name: &str) -> Result<bool> {
    let has: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?1")?
        .query_row([name], |r| r.get(0))?;
    Ok(has > 0)
}

/// Index entries of an event code a sample may walk to pick its ids (a tenth of a
/// microsecond each) rather than read the events along their ids.
const INDEX_WALK: f64 = 3_000_000.0;

/// How the events of an aggregation are read: the clause over `events e` and its parameters,
/// and the sample's share when it is one.
pub(crate) struct Reading {
    pub clause: String,
    pub params: Vec<Value>,
    pub share: Option<f64>,
}

impl Reading {
    /// How a count that would read `table` (with its tally and count of a group) reads its
    /// rows: the events, exactly or from a sample ([`reading`]); a rollup per dyad, or a
    /// sample of the events instead when its rows of the filter are many (a common actor, or
    /// no actor: the rollup whole); any other rollup as it is. Gives the table, tally and
    /// count to read.
    pub(crate) fn for_table(
        conn: &Connection,
        filter: &Filter,
        table: &'static str,
        tally: &'static str,
        n: &'static str,
    ) -> Result<(&'static str, &'static str, &'static str, Reading)> {
        let per_dyad = rollup_rows_per_event(table);
        if table != "rollup_dyad" && per_dyad.is_some() {
            if let Some(r) = dyads_reading(conn, filter)? {
                return Ok((table, tally, n, r));
            }
        }
        if table == "events" || per_dyad.is_some() {
            let r = reading(conn, filter, per_dyad)?;
            if table == "events" || r.share.is_some() {
                return Ok(("events", TALLY_SQL, "COUNT(*)", r));
            }
            return Ok((table, tally, n, r));
        }
        let (clause, params) = filter.where_in(conn)?;
        Ok((
            table,
            tally,
            n,
            Reading {
                clause,
                params,
                share: None,
            },
        ))
    }

    /// Scale a count of the sample to the whole.
    pub fn scale(&self, n: i64) -> i64 {
        match self.share {
            Some(s) => (n as f64 / s).round() as i64,
            None => n,
        }
    }

    /// The sample, given the events it selected, or None for an exact reading.
    pub fn sample(&self, matched: i64) -> Option<Sample> {
        self.share.map(|share| Sample { share, matched })
    }
}

/// The dyads of a filter that names both sides of them (two actors, an actor and a source or a
/// target, a source and a target), read from `rollup_dyad` once: `(source, target) IN (VALUES
/// …)`, where the filter's own conditions on the codes, each a range of one side or the other,
/// made SQLite read every row of one of its actors (`actor=ISR&actor=ARG` read Israel's rows of
/// the rollup per dyad and day, 0.4–0.85 s at ten million events, for Argentina's few hundred
/// dyads with it). Each dyad's rows are then a seek of the rollup's key (or of its target
/// index).
struct Dyads {
    pairs: Vec<(String, String)>,
    /// The events of the dyads, of the filter's polarity.
    events: i64,
}

/// Dyads a filter of both sides may name before its rows are read as before (each is a seek).
const MAX_DYADS: usize = 4_000;

impl Dyads {
    /// The dyads of `filter` when it names both sides (see [`Dyads`]) and they are at most
    /// [`MAX_DYADS`], else None.
    fn of(conn: &Connection, filter: &Filter) -> Result<Option<Dyads>> {
        let sides = filter.actor.len()
            + usize::from(filter.source.is_some())
            + usize::from(filter.target.is_some());
        if sides < 2 || !crate::rollup::ready(conn) {
            return Ok(None);
        }
        // the rarest actor first: SQLite reads the rows of the first one's codes and checks
        // the others on them
        let mut actors: Vec<(i64, String)> = Vec::new();
        for a in &filter.actor {
            actors.push((
                filter.events_of_actor(conn, &actor_code("actor", a)?)?,
                a.clone(),
            ));
        }
        actors.sort();
        let codes = Filter {
            actor: actors.into_iter().map(|(_, a)| a).collect(),
            source: filter.source.clone(),
            target: filter.target.clone(),
            with_negated: filter.with_negated,
            ..Filter::default()
        };
        // the rarest actor's rows as two ranges, as source, then as target and not as source
        // (see crate::sides): two parts whose dyads cannot meet
        let parts = match first_actor_sides(conn, &codes)? {
            Some(sides) => sides.to_vec(),
            None => vec![codes.where_in(conn)?],
        };
        let mut out = Dyads {
            pairs: Vec::new(),
            events: 0,
        };
        for (clause, params) in parts {
            let sql = format!(
                "SELECT e.source_code, e.target_code, SUM(e.events) FROM rollup_dyad e{clause}
                 GROUP BY 1, 2 LIMIT {}",
                MAX_DYADS + 1
            );
            let mut st = conn.prepare_cached(&sql)?;
            let mut rows = st.query(rusqlite::params_from_iter(&params))?;
            while let Some(r) = rows.next()? {
                out.pairs.push((r.get(0)?, r.get(1)?));
                out.events += r.get::<_, i64>(2)?;
            }
            if out.pairs.len() > MAX_DYADS {
                return Ok(None);
            }
        }
        Ok(Some(out))
    }

    /// The condition that keeps the rows of these dyads, for a clause over a rollup `e` with
    /// `params` of its own (the dyads' codes are added to them).
    fn condition(self, params: &mut Vec<Value>) -> String {
        if self.pairs.is_empty() {
            return " AND 0".to_string();
        }
        let mut values = Vec::with_capacity(self.pairs.len());
        for (s, t) in self.pairs {
            params.push(Value::Text(s));
            params.push(Value::Text(t));
            values.push(format!("(?{}, ?{})", params.len() - 1, params.len()));
        }
        format!(
            " AND (e.source_code, e.target_code) IN (VALUES {})",
            values.join(", ")
        )
    }
}

/// An exact reading of a rollup per dyad (its rows keyed by source and target) for a filter
/// that names both sides: the filter's other conditions on the rows of its dyads alone (see
/// [`Dyads`]). None for other filters, or when those dyads hold so many events that a sample
/// would be taken instead ([`reading`]'s bound).
pub(crate) fn dyads_reading(conn: &Connection, filter: &Filter) -> Result<Option<Reading>> {
    let Some(dyads) = Dyads::of(conn, filter)? else {
        return Ok(None);
    };
    if filter.bounded && dyads.events as f64 * ROLLUP_ROW_COST > bound(AGG_ROWS) {
        return Ok(None);
    }
    // the codes are the dyads' condition; left in the clause they would lead SQLite to the
    // rows of one of the actors again
    let rest = Filter {
        actor: Vec::new(),
        source: None,
        target: None,
        ..filter.clone()
    };
    let (mut clause, mut params) = rest.where_in(conn)?;
    clause.push_str(&dyads.condition(&mut params));
    Ok(Some(Reading {
        clause,
        params,
        share: None,
    }))
}

/// A rollup row read (and grouped) costs about this share of an event read for a sample:
/// 1–1.5 µs against 2.5 µs, measured at 400,000 events.
const ROLLUP_ROW_COST: f64 = 0.5;

/// Rows per event of the rollups kept per dyad, which hold nearly a row per event of the
/// dyads seldom in the news (at 400,000 events: 1.0 per dyad and day, 0.85 per dyad, day and
/// place, 0.6 per dyad): what a network, `--by` count or map reads of them is about these
/// times the events of its actor (they are keyed by actor), or of the store without one.
pub(crate) fn rollup_rows_per_event(table: &str) -> Option<f64> {
    match table {
        "rollup_dyad_day" => Some(1.0),
        "rollup_place_day" => Some(0.85),
        "rollup_dyad" => Some(0.6),
        _ => None,
    }
}

/// The events of `filter` for an aggregation (series, network, map, `--by`, first and last
/// date) that reads the events themselves (`rollup_rows` None), or that would read a rollup
/// per dyad of that many rows per event: all of them (or the rollup), or, when the filter
/// accepts a sample and reading all would exceed [`AGG_ROWS`], [`AGG_CHECKED`] or
/// [`AGG_WORD_REPORTS`], the events of a range of ids, sized so that it costs about what an
/// exact answer may. The
/// sample is read along an index of the filter's dates or event code (an event code of fewer
/// than [`INDEX_WALK`] events, and no actor), the id checked on each index entry, or along the
/// ids, whichever reads more of the events the filter keeps for the same cost.
pub(crate) fn reading(
    conn: &Connection,
    filter: &Filter,
    rollup_rows: Option<f64>,
) -> Result<Reading> {
    let exact = |conn: &Connection| -> Result<Reading> {
        let (clause, params) = filter.where_in(conn)?;
        Ok(Reading {
            clause,
            params,
            share: None,
        })
    };
    if !filter.bounded || !crate::rollup::ready(conn) {
        return exact(conn);
    }
    let Some((_, indexed, words)) = filter.share(conn)? else {
        return exact(conn);
    };
    let total = events_counted(conn)?.max(1) as f64;
    let checked = filter.checks_reports();
    let actors = !filter.actor.is_empty() || filter.source.is_some() || filter.target.is_some();
    let affordable = if let Some(per_event) = rollup_rows {
        // the rollup's rows of the filter's rarest actor, or all of them
        let events = if actors { indexed } else { total };
        events * per_event * ROLLUP_ROW_COST <= bound(AGG_ROWS)
    } else if words <= indexed {
        words <= bound(AGG_WORD_REPORTS)
    } else if checked {
        indexed <= bound(AGG_CHECKED)
    } else {
        // each event the filter's index leads to is a seek to a random page, as a sample's
        // index walk counts it: `/api/places?actor=ABW&code=190` read Aruba's 60,000 events
        // (0.55 s warm, 3 s cold at ten million events)
        indexed * INDEX_SEEK_COST <= bound(AGG_ROWS)
    };
    if affordable {
        return exact(conn);
    }
    // the events the filter's columns keep (its words, issues and tone aside): what a sample
    // checks the reports of
    let columns = Filter {
        words: Vec::new(),
        issue: None,
        tone_below: None,
        tone_above: None,
        ..filter.clone()
    };
    let Some((kept_share, _, _)) = columns.share(conn)? else {
        return exact(conn);
    };
    let dates = date_share(conn, filter)?;
    let kept = (kept_share * dates * total).max(1.0);
    let checks = |f: f64| {
        if checked {
            f.min(bound(AGG_CHECKED) / kept)
        } else {
            f
        }
    };
    let along_ids = checks(bound(AGG_ROWS) / total);
    // index entries of the filter's event code or dates: the fewer
    let mut entries = f64::INFINITY;
    if filter.code.is_some() {
        entries = entries.min(indexed);
    }
    if filter.from.is_some() || filter.to.is_some() {
        entries = entries.min(dates * total);
    }
    // each event the index leads to is a seek to a random page of the events, where the
    // ids' range reads them in the order they are stored: a quarter of as many for the cost
    let along_index = if !actors && entries <= bound(INDEX_WALK) {
        checks(bound(AGG_ROWS) / (INDEX_SEEK_COST * entries.max(1.0)))
    } else {
        0.0
    };
    let share = along_ids.max(along_index);
    if share >= 1.0 {
        return exact(conn);
    }
    let access = if along_index > along_ids {
        Access::Index
    } else {
        Access::IdRange
    };
    // along the dates, each day's entries below the id bound: `events_page` is in date, then
    // id order, so a list of days lets SQLite seek each day's sampled entries, where the
    // dates' range walked every entry of the window to check its id (a month of every event:
    // 848,000 entries for 14,800 sampled, 0.3 s of a `--by week` count's 0.5 s at ten
    // million events)
    let days = match access {
        Access::Index => sample_days(conn, filter)?,
        _ => None,
    };
    let (mut clause, mut params) = match days {
        // every other comparison on the entries or rows (`+`), so that no index but the
        // dates' leads
        Some(_) => filter.clause_dated(false, Access::DateWalk, false)?,
        None => filter.clause_with(false, access)?,
    };
    let id = if access == Access::Index && days.is_none() {
        "+e.id"
    } else {
        "e.id"
    };
    params.push(Value::Integer((share * ID_SPACE).ceil() as i64));
    let _ = write!(clause, " AND {id} < ?{}", params.len());
    if let Some((first, last)) = days {
        let list: Vec<String> = first
            .iter_days()
            .take_while(|d| *d <= last)
            .map(|d| format!("'{d}'"))
            .collect();
        let _ = write!(clause, " AND e.date IN ({})", list.join(", "));
    }
    if access == Access::IdRange {
        // along the ids only: SQLite read a group by dyad or day along an index of the whole
        // table (every event, to spare a sort of a few thousand), 1.6 s at 6.7 million
        clause.insert_str(0, along_ids_hint(conn)?);
    }
    Ok(Reading {
        clause,
        params,
        share: Some(share),
    })
}

/// SQLite's plan (`EXPLAIN QUERY PLAN`'s details, joined by `; `) of an aggregation's read of
/// `filter`'s events ([`reading`]) when it is a sample, None when it reads them all: what the
/// tests check a sample's index use with.
#[doc(hidden)]
pub fn sample_plan(conn: &Connection, filter: &Filter) -> Result<Option<String>> {
    let r = reading(conn, filter, None)?;
    if r.share.is_none() {
        return Ok(None);
    }
    let sql = format!(
        "EXPLAIN QUERY PLAN SELECT e.date, e.source_code, e.target_code, e.quad_class,
             e.goldstein FROM events e{}",
        r.clause
    );
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(rusqlite::params_from_iter(&r.params), |r| {
        r.get::<_, String>(3)
    })?;
    Ok(Some(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("; ")))
}

/// The share of the store's days (from its first dated event to its last, as `rollup_day`
/// keeps them) the filter's dates cover: 1 without dates.
fn date_share(conn: &Connection, filter: &Filter) -> Result<f64> {
    let Some(w) = dated_window(conn, filter)? else {
        return Ok(1.0);
    };
    let span = (w.last - w.first).num_days() + 1;
    let covered = ((w.to - w.from).num_days() + 1).max(0);
    Ok((covered as f64 / span.max(1) as f64).clamp(0.0, 1.0))
}

/// The store's days and the filter's dates within them.
struct DatedWindow {
    /// The store's first and last day with events.
    first: NaiveDate,
    last: NaiveDate,
    /// The filter's dates, clamped to the store's (`to` before `from` when they miss them).
    from: NaiveDate,
    to: NaiveDate,
}

/// The filter's dates within the store's days; None without dates, or in a store with no
/// dated event.
fn dated_window(conn: &Connection, filter: &Filter) -> Result<Option<DatedWindow>> {
    if filter.from.is_none() && filter.to.is_none() {
        return Ok(None);
    }
    let Some((first, last)) = store_days(conn)? else {
        return Ok(None);
    };
    Ok(Some(DatedWindow {
        first,
        last,
        from: filter.from.map_or(first, |d| d.max(first)),
        to: filter.to.map_or(last, |d| d.min(last)),
    }))
}

/// The store's first and last day with events (as `rollup_day` keeps them), None when it has
/// no dated event.
fn store_days(conn: &Connection) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let (first, last): (Option<String>, Option<String>) = conn
        .prepare_cached(
            "SELECT (SELECT MIN(date) FROM rollup_day WHERE date > ''),
                    (SELECT MAX(date) FROM rollup_day)",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let day = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok(day(first).zip(day(last)))
}

/// Days a sample along the dates may name one by one ([`reading`]); a longer window walks the
/// range.
const SAMPLE_DAYS: i64 = 4_000;

/// The days of the filter's dates within the store's (every stored date is a whole day,
/// `YYYY-MM-DD`, or empty), for a sample read along `events_page` day by day; None without
/// dates, or with none or more than [`SAMPLE_DAYS`] of them in the store's (the range then).
fn sample_days(conn: &Connection, filter: &Filter) -> Result<Option<(NaiveDate, NaiveDate)>> {
    let Some(w) = dated_window(conn, filter)? else {
        return Ok(None);
    };
    let days = (w.to - w.from).num_days() + 1;
    Ok((1..=SAMPLE_DAYS).contains(&days).then_some((w.from, w.to)))
}

/// What is counted of a group of events `e`: how many, how many per quad class 1 … 4, their
/// Goldstein sum and mean. Seven columns, read back by [`tally_at`].
pub(crate) const TALLY_SQL: &str = "COUNT(*), SUM(e.quad_class = 1), SUM(e.quad_class = 2),
    SUM(e.quad_class = 3), SUM(e.quad_class = 4), SUM(e.goldstein), AVG(e.goldstein)";

/// How a clause's events are found: which indexes its comparisons may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// The filter's own indexes (actor and event codes, dates, evidence words).
    Index,
    /// Those but the event code's, compared as `+e.code`: the filter's actor has fewer events
    /// than its code (SQLite, without statistics, took the code's index: an actor of 60,000
    /// events with the code `190` read the code's 191,000 at ten million events).
    ActorIndex,
    /// Those but the actors', compared with `+`: the code has fewer events than the actor.
    CodeIndex,
    /// The date index alone (a page in date order that ends soon).
    DateWalk,
    /// The events' ids alone (a sample: a range of ids, see [`reading`]).
    IdRange,
}

/// Events per CAMEO code, root, quad class and polarity (a few hundred rows), summed from
/// `rollup_day` into a temporary table of the connection (which a read-only connection may
/// make) once for each state of the rollups: what [`Filter::share`] reads, where summing
/// `rollup_day` itself (a row per day and code) took 20 ms of every page at a million events.
pub(crate) fn codes_counted(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS codes_counted (
             mark TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL,
             quad_class INTEGER NOT NULL, negated INTEGER NOT NULL, events INTEGER NOT NULL)",
    )?;
    let mark = rollups_mark(conn)?;
    let counted: Option<String> = conn
        .prepare_cached("SELECT mark FROM temp.codes_counted LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    if mark.is_some() && counted == mark {
        return Ok(());
    }
    conn.prepare_cached("DELETE FROM temp.codes_counted")?
        .execute([])?;
    // rollup_code where it is kept: a few pages, where rollup_day's rows are read from all over
    // the file by the first estimate of a connection
    let from = if crate::rollup::codes_ready(conn) {
        "rollup_code"
    } else {
        "rollup_day"
    };
    conn.prepare_cached(&format!(
        "INSERT INTO temp.codes_counted
         SELECT ?1, code, root, quad_class, negated, SUM(events) FROM {from}
         GROUP BY code, root, quad_class, negated"
    ))?
    .execute([mark.unwrap_or_default()])?;
    Ok(())
}

/// Events counted in the rollups, negated or not: about the rows of `events` (those with a
/// report), without counting them.
pub(crate) fn events_counted(conn: &Connection) -> Result<i64> {
    codes_counted(conn)?;
    Ok(conn
        .prepare_cached("SELECT COALESCE(SUM(events), 0) FROM temp.codes_counted")?
        .query_row([], |r| r.get(0))?)
}

/// What the last batch that kept the rollups left (`rollups_at`): what changes when anyone
/// writes, so that what is counted from the rollups for a state of them is counted once.
pub(crate) fn rollups_mark(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'rollups_at'")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Whether a walk's window (the condition of `Filter::walked`) held `window` events, so
/// that a page that found fewer than it asked for there may have more beyond it (and is read
/// through the filter's indexes instead).
pub(crate) fn window_full(
    conn: &Connection,
    cond: &str,
    window: usize,
    params: &[Value],
) -> Result<bool> {
    let sql = format!("SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {cond} LIMIT {window})");
    let mut st = conn.prepare_cached(&sql)?;
    // the condition names some of the page's numbered parameters: those up to the last
    let used = st.parameter_count().min(params.len());
    let n: i64 = st.query_row(rusqlite::params_from_iter(&params[..used]), |r| r.get(0))?;
    Ok(n as usize >= window)
}
