//! GDELT's two tables as Hive-style partitioned Parquet, for the engines that read a folder of
//! them (Spark, DuckDB, BigQuery, Athena):
//!
//! ```text
//! DIR/events/year=2025/month=12/part-00000.parquet      (--partition-by month)
//! DIR/mentions/year=2025/month=12/part-00000.parquet
//! DIR/events/year=2025/month=12/day=04/part-00000.parquet   (--partition-by day)
//! ```
//!
//! The columns are GDELT 2.0's, by GDELT's names (`GLOBALEVENTID`, `SQLDATE`, `Actor1Code`…,
//! and the 16 of the mentions table), typed: ids, dates and counts Int64, Goldstein, tone and
//! coordinates Float64, codes and names strings (an empty field is null). `Year` is the
//! partition column `year` (the same value), so it is not repeated in the files. Events are
//! partitioned by their date (SQLDATE), and each event's mentions go to its event's partition,
//! so that a join on GLOBALEVENTID stays within one.
//!
//! Events stream in date order from the database and each partition's file is written as it
//! is reached, so memory holds one row group per table, whatever the size of the database.
//! Negated events are left out, as in GDELT's tab-separated files.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use rusqlite::Connection;

use super::{gdelt, mentions};
use crate::query::{self, Filter};
use crate::{Result, StoreError};

/// How the files are split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartitionBy {
    Day,
    Month,
}

impl std::str::FromStr for PartitionBy {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<PartitionBy> {
        match s.trim() {
            "day" => Ok(PartitionBy::Day),
            "month" => Ok(PartitionBy::Month),
            other => Err(StoreError::Invalid(format!(
                "--partition-by: {other:?} is not day or month"
            ))),
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    pub mentions: usize,
    /// Parquet files, both tables.
    pub files: usize,
}

/// Rows per row group: a scan reads column chunks of this many rows (a few MB each), and the
/// writer holds one group per table in memory.
const ROW_GROUP: usize = 65_536;
/// Rows converted to Arrow at a time.
const BATCH: usize = 8_192;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Text,
}

const EVENT_INTS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
    "DATEADDED",
];
/// The mention table's text columns: the rest are integers but for the tone.
const MENTION_TEXTS: &[&str] = &[
    "MentionSourceName",
    "MentionIdentifier",
    "MentionDocTranslationInfo",
    "Extras",
];

fn event_kind(column: &str) -> Kind {
    if EVENT_INTS.contains(&column) {
        Kind::Int
    } else if matches!(column, "FractionDate" | "GoldsteinScale" | "AvgTone")
        || column.ends_with("_Lat")
        || column.ends_with("_Long")
    {
        Kind::Float
    } else {
        Kind::Text
    }
}

fn mention_kind(column: &str) -> Kind {
    if MENTION_TEXTS.contains(&column) {
        Kind::Text
    } else if column == "MentionDocTone" {
        Kind::Float
    } else {
        Kind::Int
    }
}

/// One table's columns: (index in GDELT's row, name, kind), the partition columns left out.
struct Table {
    name: &'static str,
    columns: Vec<(usize, &'static str, Kind)>,
    schema: Arc<Schema>,
}

impl Table {
    fn new(name: &'static str, all: &[&'static str], kind: fn(&str) -> Kind) -> Table {
        let columns: Vec<(usize, &'static str, Kind)> = all
            .iter()
            .enumerate()
            .filter(|(_, c)| **c != "Year")
            .map(|(i, c)| (i, *c, kind(c)))
            .collect();
        let fields: Vec<Field> = columns
            .iter()
            .map(|(_, c, k)| {
                let t = match k {
                    Kind::Int => DataType::Int64,
                    Kind::Float => DataType::Float64,
                    Kind::Text => DataType::Utf8,
                };
                Field::new(*c, t, true)
            })
            .collect();
        Table {
            name,
            columns,
            schema: Arc::new(Schema::new(fields)),
        }
    }

    /// GDELT rows (as their tab-separated fields) as an Arrow batch.
    fn batch(&self, rows: &[Vec<String>]) -> Result<RecordBatch> {
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(self.columns.len());
        for &(i, name, k) in &self.columns {
            let cells =
                rows.iter().map(|r| r[i].as_str()).map(
                    |s| {
                        if s.is_empty() {
                            None
                        } else {
                            Some(s)
                        }
                    },
                );
            let bad = |s: &str| StoreError::Parquet(format!("{name}: {s:?} is not a number"));
            arrays.push(match k {
                Kind::Text => Arc::new(cells.collect::<StringArray>()),
                Kind::Int => Arc::new(
                    cells
                        .map(|c| c.map(|s| s.parse::<i64>().map_err(|_| bad(s))).transpose())
                        .collect::<Result<Int64Array>>()?,
                ),
                Kind::Float => Arc::new(
                    cells
                        .map(|c| c.map(|s| s.parse::<f64>().map_err(|_| bad(s))).transpose())
                        .collect::<Result<Float64Array>>()?,
                ),
            });
        }
        RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(|e| StoreError::Parquet(e.to_string()))
    }
}

/// The open file of one table's current partition and its rows not yet handed to it.
struct Sink {
    table: Table,
    writer: Option<ArrowWriter<File>>,
    rows: Vec<Vec<String>>,
    written: usize,
    files: usize,
}

fn perr(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Parquet(e.to_string())
}

impl Sink {
    fn new(table: Table) -> Sink {
        Sink {
            table,
            writer: None,
            rows: Vec::new(),
            written: 0,
            files: 0,
        }
    }

    /// Start the partition whose folder (under the table's) is `part`: the next free
    /// `part-NNNNN.parquet` there (an undated event's partition may be met again later).
    fn open(&mut self, root: &Path, part: &Path) -> Result<()> {
        self.close()?;
        let dir = root.join(self.table.name).join(part);
        std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
        let mut n = 0;
        let path = loop {
            let p = dir.join(format!("part-{n:05}.parquet"));
            if !p.exists() {
                break p;
            }
            n += 1;
        };
        let file = File::create(&path).map_err(|e| io_error(&path, e))?;
        let props = WriterProperties::builder()
            .set_max_row_group_size(ROW_GROUP)
            .build();
        self.writer =
            Some(ArrowWriter::try_new(file, self.table.schema.clone(), Some(props)).map_err(perr)?);
        self.files += 1;
        Ok(())
    }

    fn push(&mut self, row: Vec<String>) -> Result<()> {
        self.rows.push(row);
        if self.rows.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = self.table.batch(&self.rows)?;
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| StoreError::Parquet("a row before its partition".into()))?;
        writer.write(&batch).map_err(perr)?;
        self.written += self.rows.len();
        self.rows.clear();
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        self.flush()?;
        if let Some(w) = self.writer.take() {
            w.close().map_err(perr)?;
        }
        Ok(())
    }
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Parquet(format!("{}: {e}", path.display()))
}

/// The partition folder of an event by its SQLDATE (YYYYMMDD).
fn partition(sqldate: &str, by: PartitionBy) -> Result<PathBuf> {
    if sqldate.len() != 8 || !sqldate.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::Parquet(format!(
            "SQLDATE {sqldate:?} is not YYYYMMDD"
        )));
    }
    let mut p = PathBuf::from(format!("year={}", &sqldate[..4]));
    p.push(format!("month={}", &sqldate[4..6]));
    if by == PartitionBy::Day {
        p.push(format!("day={}", &sqldate[6..8]));
    }
    Ok(p)
}

/// Write the events `filter` selects (negated ones left out) and their mentions under `dir`
/// (created if missing; files already there are kept, new ones numbered after them).
pub fn write(conn: &Connection, filter: &Filter, by: PartitionBy, dir: &Path) -> Result<Written> {
    let mut filter = filter.clone();
    filter.with_negated = false;
    let (clause, params) = filter.where_in(conn)?;
    let mut sql = format!("{}{clause} ORDER BY e.date, e.id", query::ROW_SQL);
    if let Some(n) = filter.limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    let mut events = Sink::new(Table::new("events", &gdelt::COLUMNS, event_kind));
    let mut reports = Sink::new(Table::new("mentions", &mentions::COLUMNS, mention_kind));
    // each event's reports, in the order of `dyad export --format mentions`
    let mut of_event = conn.prepare(&format!(
        "SELECT {} FROM mentions m JOIN articles a ON a.id = m.article_id
         JOIN events e ON e.id = m.event_id
         WHERE m.event_id = ?1
         ORDER BY a.added, m.article_id, m.repeat > 0, m.sentence, m.id",
        query::mention_columns()
    ))?;
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(params))?;
    let mut current: Option<PathBuf> = None;
    while let Some(r) = rows.next()? {
        let e = query::row(r)?;
        let fields = gdelt::row(&e);
        let part = partition(&fields[1], by)?;
        if current.as_ref() != Some(&part) {
            events.open(dir, &part)?;
            reports.open(dir, &part)?;
            current = Some(part);
        }
        events.push(fields)?;
        let ms = of_event.query_map([e.id], query::mention_row)?;
        for m in ms {
            reports.push(mentions::row(&m?))?;
        }
    }
    events.close()?;
    reports.close()?;
    Ok(Written {
        events: events.written,
        mentions: reports.written,
        files: events.files + reports.files,
    })
}
