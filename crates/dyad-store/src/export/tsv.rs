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
    /// What GDELT's formats do with an event that has no date.
    pub undated: Undated,
}

/// What GDELT's formats (events and mentions) do with an event that has no date. GDELT has
/// no empty SQLDATE, and any date put there puts the event in someone's time series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Undated {
    /// Leave it out (and count it: [`super::left_out`]).
    #[default]
    LeaveOut,
    /// SQLDATE the day its first report was stored (DATEADDED's day), as GDELT's own
    /// update files date what they publish.
    DateAdded,
}

impl std::str::FromStr for Undated {
    type Err = crate::StoreError;
    fn from_str(s: &str) -> crate::Result<Undated> {
        match s {
            "leave-out" | "omit" => Ok(Undated::LeaveOut),
            "dateadded" => Ok(Undated::DateAdded),
            _ => Err(crate::StoreError::Invalid(format!(
                "--undated: {s:?} is not leave-out or dateadded"
            ))),
        }
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

/// The filter GDELT's formats read with: negated events left out, whatever was asked, and
/// undated ones unless they are to take the day they were added.
pub(super) fn gdelt_filter(filter: &Filter, opts: &ExportOptions) -> Filter {
    let mut filter = filter.clone();
    filter.with_negated = false;
    if opts.undated == Undated::LeaveOut {
        filter.dated = true;
    }
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
