//! One actor's rows of a rollup per dyad read as two disjoint ranges: the rows with the actor
//! as source, then those with it as target and not as source. The filter's own condition
//! (`source in A or target in A`) made SQLite read both ranges while it kept every row's key
//! in a temporary index so as to count a row of both once (`--by month --actor ESP`: 100 ms of
//! its 95,803 rows of `rollup_dyad_day` at ten million events; 13 ms as two ranges). Read by
//! `dyad query --by` ([`crate::aggregate`]), the network and the map of an actor
//! ([`crate::explore`]), and the dyads of two actors (`crate::counted`: the rarer one's rows
//! of `rollup_dyad`, 75–81 ms for China's and Germany's 799 dyads at ten million events as
//! an OR, 11 + 16 ms as two ranges).

use std::fmt::Write as _;

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::filter::{actor_code, prefix_range, Filter};
use crate::Result;

/// A WHERE clause over a table `e` and its parameters.
pub(crate) type Clause = (String, Vec<Value>);

/// The rows of a filter of one actor (and no source or target) as two disjoint clauses over
/// `table`, the actor as source, then as target but not as source, when `table` is a rollup
/// keyed by dyad (`rollup_dyad`, `rollup_dyad_day`, `rollup_place_day`) read exactly (not
/// `sampled`). None for other filters, tables and readings, which read the filter's clause as
/// it is.
pub(crate) fn one_actor_sides(
    conn: &Connection,
    filter: &Filter,
    table: &str,
    sampled: bool,
) -> Result<Option<[Clause; 2]>> {
    let per_dyad = matches!(
        table,
        "rollup_dyad" | "rollup_dyad_day" | "rollup_place_day"
    );
    if !per_dyad || sampled || filter.actor.len() != 1 {
        return Ok(None);
    }
    first_actor_sides(conn, filter)
}

/// The rows of a filter of actors (and no source or target) as two disjoint clauses: its first
/// actor as source, then as target and not as source, each with the filter's other
/// conditions (its other actors among them). None for a filter without an actor, or with a
/// source or a target.
pub(crate) fn first_actor_sides(conn: &Connection, filter: &Filter) -> Result<Option<[Clause; 2]>> {
    let Some((first, others)) = filter.actor.split_first() else {
        return Ok(None);
    };
    if filter.source.is_some() || filter.target.is_some() {
        return Ok(None);
    }
    let code = actor_code("actor", first)?;
    let as_source = Filter {
        actor: others.to_vec(),
        source: Some(code.clone()),
        ..filter.clone()
    };
    let as_target = Filter {
        actor: others.to_vec(),
        target: Some(code.clone()),
        ..filter.clone()
    };
    let first = as_source.where_in(conn)?;
    let (mut clause, mut params) = as_target.where_in(conn)?;
    let (lo, hi) = prefix_range(&code);
    params.push(Value::Text(lo));
    params.push(Value::Text(hi));
    let _ = write!(
        clause,
        " AND NOT (e.source_code >= ?{} AND e.source_code < ?{})",
        params.len() - 1,
        params.len()
    );
    Ok(Some([first, (clause, params)]))
}
