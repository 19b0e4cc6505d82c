//! `dyad export`: the database's events as GDELT 2.0 events or mentions, JSON Lines, CSV,
//! Parquet or PLOVER records, with the filters of `dyad query`.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use dyad_store::export::partitioned::{self, PartitionBy};
use dyad_store::export::{export, left_out, ExportOptions, Format, Undated};
use dyad_store::query;

use crate::ingest::open_existing_read_only;
use crate::progress::{self, CountLines};
use crate::query::FilterArgs;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// gdelt (61 columns), mentions (16 columns), jsonl, csv, parquet or plover.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Write here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --format parquet: write GDELT's events and mentions tables as Hive-style
    /// partitions by event date under the folder --out names
    /// (`events/year=2025/month=12/part-00000.parquet`, `mentions/…`), for Spark, DuckDB or
    /// BigQuery.
    #[arg(long, value_name = "day|month")]
    pub partition_by: Option<String>,
    /// Start GDELT and mentions files with a line of column names.
    #[arg(long)]
    pub header: bool,
    /// GDELT formats (gdelt, mentions): what to do with events that have no date —
    /// `leave-out` (the default; how many is said) or `dateadded` (SQLDATE the day the event
    /// was stored, as GDELT's update files date theirs).
    #[arg(long, value_name = "WHAT", default_value = "leave-out")]
    pub undated: String,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: ExportArgs) -> Result<()> {
    let format: Format = args.format.parse()?;
    let filter = args.filter.filter()?;
    if let Some(by) = &args.partition_by {
        let by: PartitionBy = by.parse()?;
        if format != Format::Parquet {
            anyhow::bail!("--partition-by: only --format parquet is written in partitions");
        }
        let Some(dir) = &args.out else {
            anyhow::bail!("--partition-by: give the folder to write with --out DIR");
        };
        if dir.is_file() {
            anyhow::bail!(
                "--out {}: a file; --partition-by writes a folder",
                dir.display()
            );
        }
        let store = open_existing_read_only(&args.db)?;
        let w = partitioned::write(store.conn(), &filter, by, dir)?;
        eprintln!(
            "dyad: {} events and {} mentions written to {} Parquet files under {}",
            w.events,
            w.mentions,
            w.files,
            dir.display()
        );
        return Ok(());
    }
    if format == Format::Parquet && args.out.is_none() && io::stdout().is_terminal() {
        anyhow::bail!("--format parquet writes a binary file: give it with --out FILE");
    }
    let undated: Undated = args.undated.parse()?;
    let store = open_existing_read_only(&args.db)?;
    let file: Box<dyn Write + Send> = match &args.out {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let opts = ExportOptions {
        header: args.header,
        undated,
    };
    // the bar counts lines, which are records in every format but Parquet's
    let total = if format == Format::Parquet {
        0
    } else {
        query::count(store.conn(), &filter)?.max(0) as u64
    };
    let bar = progress::writing(total);
    let mut out = CountLines {
        inner: file,
        bar: bar.clone(),
    };
    let n = export(store.conn(), &filter, format, &opts, &mut out)?;
    out.flush()?;
    bar.finish_and_clear();
    eprintln!("dyad: {n} records written");
    let left_out = left_out(store.conn(), &filter, format, &opts)?;
    if left_out > 0 {
        eprintln!(
            "dyad: {left_out} undated events left out (GDELT has no empty SQLDATE; \
             --undated dateadded dates them by the day they were stored)"
        );
    }
    Ok(())
}
