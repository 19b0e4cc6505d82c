//! `GET /api/export?format=csv|gdelt|jsonl|parquet&…filters`: the events of a view as a file
//! to download, in the view's order (`sort`). The file is streamed: events are read a page at
//! a time on a connection of the export's own and sent as they are written, through a channel
//! of a few chunks, so memory stays bounded whatever the size of the view, and a client that
//! stops reading stops the export. GDELT's format leaves negated events out, and undated ones
//! unless `undated=dateadded` (the count left out is in the `X-Dyad-Undated-Left-Out`
//! header), as `dyad export` does.

use std::io::Write;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use dyad_store::explore::{events_page, Cursor};
use dyad_store::export::{csv, gdelt, parquet, ExportOptions, Format, Undated};
use dyad_store::{EventRow, Filter, StoreError};
use tokio::sync::mpsc;

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;

/// Events read at a time.
const PAGE: usize = 2000;
/// Bytes sent at a time, and chunks waiting to be sent.
const CHUNK: usize = 64 * 1024;
const CHUNKS_WAITING: usize = 4;

type Chunk = Result<Vec<u8>, std::io::Error>;

/// Bytes gathered into chunks and sent down the channel; a closed channel (the client left)
/// is a write error, which ends the export.
struct ChunkSender {
    buf: Vec<u8>,
    tx: mpsc::Sender<Chunk>,
}

impl ChunkSender {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client left"))
    }
}

impl Write for ChunkSender {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

impl Drop for ChunkSender {
    /// What is left is sent when the writer is done with it (the Parquet writer keeps it to
    /// the end).
    fn drop(&mut self) {
        let _ = self.send();
    }
}

/// Call `each` with every page of the events of `filter`, in its order.
fn pages(
    conn: &rusqlite::Connection,
    filter: &Filter,
    mut each: impl FnMut(&[EventRow]) -> dyad_store::Result<()>,
) -> dyad_store::Result<()> {
    let mut after: Option<Cursor> = None;
    loop {
        let page = events_page(conn, filter, after.as_ref(), PAGE)?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = Some(Cursor::after(last, filter.sort));
        each(&page)?;
        if page.len() < PAGE {
            return Ok(());
        }
    }
}

/// Write every event of `filter` in `format`, page by page.
fn write_all(
    conn: &rusqlite::Connection,
    filter: &Filter,
    format: Format,
    mut out: ChunkSender,
) -> dyad_store::Result<()> {
    if format == Format::Parquet {
        let mut w = parquet::PageWriter::new(out)?;
        pages(conn, filter, |page| w.write(page))?;
        return w.close();
    }
    if format == Format::Csv {
        out.write_all(csv::header().as_bytes())?;
    }
    pages(conn, filter, |page| {
        for e in page {
            match format {
                Format::Csv => out.write_all(csv::line(e).as_bytes())?,
                Format::Gdelt => writeln!(out, "{}", gdelt::row(e).join("\t"))?,
                _ => {
                    serde_json::to_writer(&mut out, e)
                        .map_err(|x| StoreError::Invalid(x.to_string()))?;
                    out.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(())
}

pub async fn export(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let p = Params::parse(q.as_deref(), &["format", "sort", "undated"], true)?;
    let mut filter = p.filter(st.names())?;
    let (format, kind, ext) = match p.one("format")? {
        Some("csv") => (Format::Csv, "text/csv; charset=utf-8", "csv"),
        Some("gdelt") => (
            Format::Gdelt,
            "text/tab-separated-values; charset=utf-8",
            "tsv",
        ),
        Some("jsonl") => (Format::Jsonl, "application/x-ndjson", "jsonl"),
        Some("parquet") => (Format::Parquet, "application/vnd.apache.parquet", "parquet"),
        other => {
            return Err(ApiError::bad(
                "format",
                format!(
                    "format: {} (csv, gdelt, jsonl or parquet)",
                    other.map_or("give one".to_string(), |v| format!("{v:?} is not a format"))
                ),
            ))
        }
    };
    let undated = match p.one("undated")? {
        None | Some("leave-out") => Undated::LeaveOut,
        Some("dateadded") => Undated::DateAdded,
        Some(v) => {
            return Err(ApiError::bad(
                "undated",
                format!("undated: {v:?} is not leave-out or dateadded"),
            ))
        }
    };
    let opts = ExportOptions {
        header: false,
        undated,
    };
    let counted = filter.clone();
    let left_out = st
        .db
        .read(move |c| dyad_store::export::left_out(c, &counted, format, &opts))
        .await?;
    if format == Format::Gdelt {
        filter.with_negated = false;
        filter.dated = undated == Undated::LeaveOut;
    }
    let conn = dyad_store::schema::open_read_only(st.db.path()).map_err(ApiError::internal)?;
    let (tx, rx) = mpsc::channel::<Chunk>(CHUNKS_WAITING);
    tokio::task::spawn_blocking(move || {
        let out = ChunkSender {
            buf: Vec::with_capacity(CHUNK),
            tx: tx.clone(),
        };
        if let Err(e) = write_all(&conn, &filter, format, out) {
            // the body ends in an error: the client sees a broken download, not a short file
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"dyad-events.{ext}\""),
            ),
            (
                header::HeaderName::from_static("x-dyad-undated-left-out"),
                left_out.to_string(),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
