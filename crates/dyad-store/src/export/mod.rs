//! Writing the selected events out: GDELT 2.0's events table (61 tab-separated columns) and
//! mentions table (16), JSON Lines, CSV, Parquet and PLOVER JSON records; and both GDELT tables
//! as Hive-style partitioned Parquet folders ([`partitioned`]).
//!
//! The GDELT formats leave negated events out (GDELT has no negation; a denied event did not
//! happen); the other formats keep them with their `negated` flag, unless the filter drops
//! them (the default). The GDELT formats leave undated events out too, unless asked to date
//! them by the day they were added ([`Undated`]); the others keep them with an empty date
//! (CSV, JSON Lines, Parquet) or a null one (PLOVER).

pub mod csv;
pub mod gdelt;
pub mod jsonl;
pub mod mentions;
pub mod parquet;
pub mod partitioned;
pub mod plover;
mod tsv;

use std::io::Write;

use rusqlite::Connection;

use crate::query::{self, Filter};
use crate::{Result, StoreError};
use tsv::{gdelt_filter, write_tsv};
pub use tsv::{ExportOptions, Undated};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    Mentions,
    Jsonl,
    Csv,
    Parquet,
    Plover,
}

impl std::str::FromStr for Format {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Format> {
        Ok(match s {
            "gdelt" => Format::Gdelt,
            "mentions" => Format::Mentions,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "parquet" => Format::Parquet,
            "plover" => Format::Plover,
            _ => {
                return Err(StoreError::Invalid(format!(
                    "--format: {s:?} is not a format (gdelt, mentions, jsonl, csv, parquet, plover)"
                )))
            }
        })
    }
}

/// Write the events `filter` selects in `format`; returns the number of records written.
pub fn export(
    conn: &Connection,
    filter: &Filter,
    format: Format,
    opts: &ExportOptions,
    out: &mut (dyn Write + Send),
) -> Result<usize> {
    match format {
        // GDELT's two tables: negated events left out, whatever was asked
        Format::Gdelt => {
            let rows = query::events(conn, &gdelt_filter(filter, opts))?;
            write_tsv(out, &gdelt::COLUMNS, opts, rows, gdelt::row)
        }
        Format::Mentions => {
            let rows = query::mentions(conn, &gdelt_filter(filter, opts))?;
            write_tsv(out, &mentions::COLUMNS, opts, rows, mentions::row)
        }
        Format::Jsonl => jsonl::write(conn, filter, out),
        Format::Csv => csv::write(conn, filter, out),
        Format::Parquet => parquet::write(conn, filter, out),
        Format::Plover => plover::write(conn, filter, out),
    }
}

/// How many events `filter` selects that an export in `format` leaves out for having no date
/// (only GDELT's formats, and only unless [`Undated::DateAdded`] is asked).
pub fn left_out(
    conn: &Connection,
    filter: &Filter,
    format: Format,
    opts: &ExportOptions,
) -> Result<i64> {
    match format {
        Format::Gdelt | Format::Mentions if opts.undated == Undated::LeaveOut => {
            let mut f = filter.clone();
            f.with_negated = false;
            query::undated(conn, &f)
        }
        _ => Ok(0),
    }
}
