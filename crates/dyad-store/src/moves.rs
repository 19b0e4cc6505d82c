//! What a batch changes in the rollups, summed per row and written once per row at the end of
//! the batch, in key order.
//!
//! Every event a batch stores moves a dozen rollup rows (its day and code, its dyad's day, each
//! prefix of its actors, its place…), and many events of one batch move the same rows: a day and
//! code, an actor's day, a country. Written event by event, each move was an upsert of its own
//! (a quarter of a bulk load's time went to them); summed first, a row a batch moves a
//! thousand times is written once, and the rows are written in the order of their keys, so
//! that rows that share a page are written one after the other.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{ToSql, Transaction};

use crate::Result;

/// One key column's value, ordered (a REAL by its bits: keys are compared for equality, and
/// any fixed order serves the writing order).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Null,
    Int(i64),
    Real(u64),
    Text(String),
    Blob(Vec<u8>),
}

impl Key {
    fn of(v: &dyn ToSql) -> Result<Key> {
        let out = v.to_sql()?;
        let value = match &out {
            ToSqlOutput::Borrowed(r) => *r,
            ToSqlOutput::Owned(v) => ValueRef::from(v),
            _ => {
                return Err(crate::StoreError::Invalid(
                    "a rollup key of an unexpected kind".into(),
                ))
            }
        };
        Ok(match value {
            ValueRef::Null => Key::Null,
            ValueRef::Integer(i) => Key::Int(i),
            ValueRef::Real(x) => Key::Real(x.to_bits()),
            ValueRef::Text(t) => Key::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Key::Blob(b.to_vec()),
        })
    }

    fn value(&self) -> Value {
        match self {
            Key::Null => Value::Null,
            Key::Int(i) => Value::Integer(*i),
            Key::Real(bits) => Value::Real(f64::from_bits(*bits)),
            Key::Text(t) => Value::Text(t.clone()),
            Key::Blob(b) => Value::Blob(b.clone()),
        }
    }
}

/// A summed column's change: a count (quad classes) or a sum of scores.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Amount {
    Count(i64),
    Sum(f64),
}

impl Amount {
    fn add(&mut self, other: Amount) {
        match (self, other) {
            (Amount::Count(a), Amount::Count(b)) => *a += b,
            (Amount::Sum(a), Amount::Sum(b)) => *a += b,
            (a, b) => *a = Amount::Sum(a.as_f64() + b.as_f64()),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Amount::Count(n) => n as f64,
            Amount::Sum(x) => x,
        }
    }

    fn value(self) -> Value {
        match self {
            Amount::Count(n) => Value::Integer(n),
            Amount::Sum(x) => Value::Real(x),
        }
    }

    /// Nothing to write: a count of zero, or a sum that events moved in and out left at zero
    /// but for the last bits of the floating point.
    fn is_nothing(self) -> bool {
        match self {
            Amount::Count(n) => n == 0,
            Amount::Sum(x) => x.abs() < 1e-9,
        }
    }
}

/// A row's change: its count (`events`, or `reports` of `actor_names`) and its sums.
#[derive(Debug, Clone)]
struct Change {
    by: i64,
    sums: Vec<Amount>,
}

/// A table, its key columns, its count column and its summed columns, as every move of it
/// names them.
type Shape = (&'static str, &'static str, &'static str, Vec<&'static str>);

/// The rollup rows a batch moves, summed: [`Moves::add`] for each move, [`Moves::write`] once.
#[derive(Default)]
pub(crate) struct Moves {
    shapes: Vec<Shape>,
    rows: BTreeMap<(usize, Vec<Key>), Change>,
    /// The rollups are not kept by this batch (a bulk load recounts them at its end).
    off: bool,
}

impl Moves {
    /// The moves of a batch that does not keep the rollups: nothing is added or written.
    pub(crate) fn off() -> Moves {
        Moves {
            off: true,
            ..Moves::default()
        }
    }

    /// Whether the batch keeps the rollups (and the evidence index with them).
    pub(crate) fn kept(&self) -> bool {
        !self.off
    }

    /// Add `by` to the count column `count` of the row of `table` whose `key_cols` (", "
    /// between them) hold `keys`, and each of `sums` to its column. A table is always given the
    /// same key columns, count column and summed columns.
    pub(crate) fn add(
        &mut self,
        (table, key_cols, count): (&'static str, &'static str, &'static str),
        keys: &[&dyn ToSql],
        sums: &[(&'static str, Amount)],
        by: i64,
    ) -> Result<()> {
        if self.off {
            return Ok(());
        }
        let shape = match self.shapes.iter().position(|s| s.0 == table) {
            Some(i) => i,
            None => {
                self.shapes
                    .push((table, key_cols, count, sums.iter().map(|s| s.0).collect()));
                self.shapes.len() - 1
            }
        };
        let key = keys
            .iter()
            .map(|k| Key::of(*k))
            .collect::<Result<Vec<_>>>()?;
        let amounts = sums.iter().map(|s| s.1);
        match self.rows.entry((shape, key)) {
            std::collections::btree_map::Entry::Occupied(mut e) => {
                let c = e.get_mut();
                c.by += by;
                for (a, b) in c.sums.iter_mut().zip(amounts) {
                    a.add(b);
                }
            }
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(Change {
                    by,
                    sums: amounts.collect(),
                });
            }
        }
        Ok(())
    }

    /// Write every moved row: an upsert that adds the change, and, when the change took
    /// something away, the row deleted if it is left with nothing. Rows whose moves cancelled
    /// out are not written.
    pub(crate) fn write(self, tx: &Transaction) -> Result<()> {
        let sql: Vec<(String, String)> = self.shapes.iter().map(statements).collect();
        for ((shape, key), change) in self.rows {
            if change.by == 0 && change.sums.iter().all(|s| s.is_nothing()) {
                continue;
            }
            let (upsert, delete) = &sql[shape];
            let keys: Vec<Value> = key.iter().map(Key::value).collect();
            let mut values = keys.clone();
            values.push(Value::Integer(change.by));
            values.extend(change.sums.iter().map(|s| s.value()));
            tx.prepare_cached(upsert)?
                .execute(rusqlite::params_from_iter(&values))?;
            if change.by < 0 {
                tx.prepare_cached(delete)?
                    .execute(rusqlite::params_from_iter(&keys))?;
            }
        }
        Ok(())
    }
}

/// The upsert and the delete of a table's rows, made once per thread: formatting them for
/// every row took 4% of ingest.
fn statements(shape: &Shape) -> (String, String) {
    thread_local! {
        static MADE: std::cell::RefCell<HashMap<&'static str, (String, String)>> =
            std::cell::RefCell::new(HashMap::new());
    }
    let (table, key_cols, count, sums) = shape;
    MADE.with(|made| {
        made.borrow_mut()
            .entry(table)
            .or_insert_with(|| {
                let n = key_cols.split(", ").count() + 1 + sums.len();
                let marks: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
                let mut cols = format!("{key_cols}, {count}");
                let mut set = format!("{count} = {count} + excluded.{count}");
                for c in sums {
                    cols.push_str(&format!(", {c}"));
                    set.push_str(&format!(", {c} = {c} + excluded.{c}"));
                }
                let cond: Vec<String> = key_cols
                    .split(", ")
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 1))
                    .collect();
                (
                    format!(
                        "INSERT INTO {table} ({cols}) VALUES ({}) \
                         ON CONFLICT DO UPDATE SET {set}",
                        marks.join(", ")
                    ),
                    format!(
                        "DELETE FROM {table} WHERE {} AND {count} <= 0",
                        cond.join(" AND ")
                    ),
                )
            })
            .clone()
    })
}
