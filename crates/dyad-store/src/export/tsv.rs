//! GDELT's tab-separated files: cells, floats as GDELT writes them, the rows written after an
//! optional header, and the filter GDELT's formats read with.

use std::io::Write;

use crate::query::Filter;
use crate::Result;

/// Options of an export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Write a header line of column names (GDELT and Mentions files have none by default;
    /// CSV always has one).
    pub header: bool,
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
pub(super) fn gdelt_filter(filter: &Filter) -> Filter {
    let mut filter = filter.clone();
    filter.with_negated = false;
    filter
}

/// Rows as tab-separated lines, after the column names when a header is asked for; the number
/// of rows written.
pub(super) fn write_tsv<T>(
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
