//! Parquet: one row per event, typed columns (codes stay strings: `040` keeps its zero; the
//! event date is a Date32, counts are Int64, Goldstein, coordinates and tone Float64; the issues
//! space-separated).

use std::io::Write;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use rusqlite::Connection;

use crate::query::{self, EventRow, Filter};
use crate::{Result, StoreError};

/// The Arrow schema of the exported file.
pub fn schema() -> Schema {
    let s = |name: &str, null: bool| Field::new(name, DataType::Utf8, null);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    Schema::new(vec![
        i("global_event_id"),
        Field::new("date", DataType::Date32, true),
        s("source", false),
        s("target", false),
        s("code", false),
        s("base_code", false),
        s("root", false),
        Field::new("quad_class", DataType::Int32, false),
        Field::new("goldstein", DataType::Float64, false),
        s("plover", true),
        Field::new("negated", DataType::Boolean, false),
        s("modality", false),
        i("num_mentions"),
        i("num_sources"),
        i("num_articles"),
        s("date_added", false),
        s("article_id", false),
        s("url", true),
        i("sentence"),
        s("source_text", true),
        s("target_text", true),
        s("evidence", false),
        s("place_name", true),
        s("place_country", true),
        Field::new("place_geonameid", DataType::Int64, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("tone", DataType::Float64, true),
        s("issues", false),
    ])
}

fn strings<'a>(rows: &'a [EventRow], f: impl Fn(&'a EventRow) -> Option<&'a str>) -> ArrayRef {
    Arc::new(rows.iter().map(f).collect::<StringArray>())
}

fn ints(rows: &[EventRow], f: impl Fn(&EventRow) -> i64) -> ArrayRef {
    Arc::new(rows.iter().map(f).collect::<Int64Array>())
}

/// The rows as one Arrow record batch of [`schema`]: a Parquet file's row group, and what the
/// Python package's `Store.query` hands to pyarrow.
pub fn batch(rows: &[EventRow]) -> Result<RecordBatch> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let dates: Date32Array = rows
        .iter()
        .map(|e| {
            NaiveDate::parse_from_str(&e.date, "%Y-%m-%d")
                .ok()
                .map(|d| (d - epoch).num_days() as i32)
        })
        .collect();
    let columns: Vec<ArrayRef> = vec![
        ints(rows, |e| e.id),
        Arc::new(dates),
        strings(rows, |e| Some(&e.source)),
        strings(rows, |e| Some(&e.target)),
        strings(rows, |e| Some(&e.code)),
        strings(rows, |e| Some(&e.base_code)),
        strings(rows, |e| Some(&e.root)),
        Arc::new(
            rows.iter()
                .map(|e| i32::from(e.quad_class))
                .collect::<Int32Array>(),
        ),
        Arc::new(rows.iter().map(|e| e.goldstein).collect::<Float64Array>()),
        strings(rows, |e| e.plover.as_deref()),
        Arc::new(
            rows.iter()
                .map(|e| Some(e.negated))
                .collect::<BooleanArray>(),
        ),
        strings(rows, |e| Some(&e.modality)),
        ints(rows, |e| e.num_mentions),
        ints(rows, |e| e.num_sources),
        ints(rows, |e| e.num_articles),
        strings(rows, |e| Some(&e.date_added)),
        strings(rows, |e| Some(&e.article_id)),
        strings(rows, |e| e.url.as_deref()),
        ints(rows, |e| e.sentence),
        strings(rows, |e| e.source_text.as_deref()),
        strings(rows, |e| e.target_text.as_deref()),
        strings(rows, |e| Some(&e.evidence)),
        strings(rows, |e| e.place_name.as_deref()),
        strings(rows, |e| e.place_country.as_deref()),
        Arc::new(
            rows.iter()
                .map(|e| e.place_geonameid)
                .collect::<Int64Array>(),
        ),
        Arc::new(rows.iter().map(|e| e.lat).collect::<Float64Array>()),
        Arc::new(rows.iter().map(|e| e.lon).collect::<Float64Array>()),
        Arc::new(rows.iter().map(|e| e.tone).collect::<Float64Array>()),
        Arc::new(
            rows.iter()
                .map(|e| Some(e.issues.join(" ")))
                .collect::<StringArray>(),
        ),
    ];
    RecordBatch::try_new(Arc::new(schema()), columns)
        .map_err(|e| StoreError::Parquet(e.to_string()))
}

/// A Parquet file written a page of events at a time (one row group a page), for a caller
/// that reads the events in pages (the API's streamed export).
pub struct PageWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
}

fn perr(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Parquet(e.to_string())
}

impl<W: Write + Send> PageWriter<W> {
    pub fn new(out: W) -> Result<Self> {
        Ok(PageWriter {
            writer: ArrowWriter::try_new(out, Arc::new(schema()), None).map_err(perr)?,
        })
    }

    /// Write a page of events as a row group.
    pub fn write(&mut self, rows: &[EventRow]) -> Result<()> {
        self.writer.write(&batch(rows)?).map_err(perr)?;
        self.writer.flush().map_err(perr)
    }

    /// Write the footer.
    pub fn close(self) -> Result<()> {
        self.writer.close().map_err(perr)?;
        Ok(())
    }
}

pub fn write(conn: &Connection, filter: &Filter, out: &mut (dyn Write + Send)) -> Result<usize> {
    let rows = query::events(conn, filter)?;
    let perr = |e: parquet::errors::ParquetError| StoreError::Parquet(e.to_string());
    let mut writer = ArrowWriter::try_new(out, Arc::new(schema()), None).map_err(perr)?;
    for chunk in rows.chunks(8192) {
        writer.write(&batch(chunk)?).map_err(perr)?;
    }
    writer.close().map_err(perr)?;
    Ok(rows.len())
}
