//! Writing the selected events out: GDELT 2.0's events table (61 tab-separated columns) and
//! mentions table (16), JSON Lines, CSV, Parquet and PLOVER JSON records.
//!
//! The GDELT formats leave negated events out (GDELT has no negation; a denied event did not
//! happen); the other formats keep them with their `negated` flag, unless the filter drops
//! them (the default).

pub mod csv;
pub mod gdelt;
pub mod jsonl;
pub mod mentions;
pub mod parquet;
pub mod plover;

use std::io::Write;

use rusqlite::Connection;

use crate::query::Filter;
use crate::{Result, StoreError};

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

/// Options of an export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Write a header line of column names (GDELT and Mentions files have none by default;
    /// CSV always has one).
    pub header: bool,
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
        Format::Gdelt => gdelt::write(conn, filter, opts, out),
        Format::Mentions => mentions::write(conn, filter, opts, out),
        Format::Jsonl => jsonl::write(conn, filter, out),
        Format::Csv => csv::write(conn, filter, out),
        Format::Parquet => parquet::write(conn, filter, out),
        Format::Plover => plover::write(conn, filter, out),
    }
}

/// A value in a tab-separated GDELT cell: tabs and line breaks become spaces.
pub(crate) fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A float as GDELT writes it (`1.0`, `27.8333`).
pub(crate) fn float(x: f64) -> String {
    format!("{x:?}")
}

/// The filter GDELT's formats read with: negated events left out, whatever was asked.
fn gdelt_filter(filter: &Filter) -> Filter {
    let mut filter = filter.clone();
    filter.with_negated = false;
    filter
}

/// Rows as tab-separated lines, after the column names when a header is asked for; the number
/// of rows written.
fn write_tsv<T>(
    out: &mut (dyn Write + Send),
    columns: &[&str],
    opts: &ExportOptions,
    rows: Vec<T>,
    row: impl Fn(&T) -> Vec<String>,
) -> Result<usize> {
    if opts.header {
        writeln!(out, "{}", columns.join("\t"))?;
    }
    for r in &rows {
        writeln!(out, "{}", row(r).join("\t"))?;
    }
    Ok(rows.len())
}
