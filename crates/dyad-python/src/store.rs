//! `dyad.Store`'s native half: the event database, filled through `dyad ingest`'s sink and
//! read as Arrow record batches (the Parquet export's columns) or exported.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use arrow_pyarrow::ToPyArrow;
use dyad_run::{Files, StoreSink};
use dyad_store::export::{export, ExportOptions, Format};
use dyad_store::filter::{self, FieldError};
use dyad_store::{Filter, Store};
use dyad_text::readers::{ReadOptions, ReadSummary, DEFAULT_MAX_ARTICLE_BYTES};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::coder::{records, NativeCoder};
use crate::errors::{from_anyhow, from_store};

/// One database file; calls from several Python threads take turns.
#[pyclass(frozen, module = "dyad._dyad")]
pub struct NativeStore {
    store: Mutex<Store>,
}

/// A refused filter value, named as the Python keyword (`date_from`, not `from`).
fn keyword_error(e: FieldError) -> PyErr {
    let field = match e.field.as_str() {
        "from" => "date_from",
        "to" => "date_to",
        f => f,
    };
    PyValueError::new_err(format!("{field}: {}", e.reason))
}

/// The filter of `(store field, value)` pairs and a limit, checked as `dyad query`'s flags.
fn parse(filters: &[(String, String)], limit: Option<&str>) -> PyResult<Filter> {
    let mut filter = filter::parse_filter(filters.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(keyword_error)?;
    filter.limit = limit
        .map(|v| filter::number("limit", v, 1, usize::MAX))
        .transpose()
        .map_err(keyword_error)?;
    Ok(filter)
}

impl NativeStore {
    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Code what `fill` reads into the store as `dyad ingest` does; the run's totals.
    fn ingest<'py>(
        &self,
        py: Python<'py>,
        coder: &NativeCoder,
        strict: bool,
        fill: impl FnOnce(&mut StoreSink, &dyad_coder::Coder) -> anyhow::Result<ReadSummary> + Send,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (total, repeats, summary) = py
            .allow_threads(|| -> anyhow::Result<_> {
                let storing = coder.storing()?;
                let mut store = self.lock();
                let mut sink = StoreSink::ingest(&mut store, coder.version().to_string(), strict);
                let summary = fill(&mut sink, storing)?;
                let distinct = sink.distinct.take().unwrap_or_default();
                Ok((sink.total, distinct, summary))
            })
            .map_err(from_anyhow)?;
        let mut warned: Vec<String> = summary.warnings.iter().map(|w| w.to_string()).collect();
        warned.extend(repeats.warnings.iter().cloned());
        let out = PyDict::new(py);
        out.set_item("added", total.added)?;
        out.set_item("replaced", total.replaced)?;
        out.set_item("unchanged", total.unchanged)?;
        out.set_item("skipped", summary.skipped + repeats.repeats)?;
        out.set_item("inputs_failed", summary.inputs_failed)?;
        out.set_item("warnings", warned)?;
        Ok(out)
    }
}

#[pymethods]
impl NativeStore {
    /// Open the database at `path`, created if missing.
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<NativeStore> {
        let store = py
            .allow_threads(|| Store::open(&path))
            .map_err(from_store)?;
        Ok(NativeStore {
            store: Mutex::new(store),
        })
    }

    /// Code and store the files and folders `paths` as `dyad ingest PATHS…` does.
    #[pyo3(signature = (coder, paths, strict=false, batch=256,
                        max_article_bytes=DEFAULT_MAX_ARTICLE_BYTES))]
    fn ingest_paths<'py>(
        &self,
        py: Python<'py>,
        coder: &NativeCoder,
        paths: Vec<String>,
        strict: bool,
        batch: usize,
        max_article_bytes: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.ingest(py, coder, strict, move |sink, c| {
            let source = Files {
                inputs: &paths,
                opts: ReadOptions::new(strict, max_article_bytes),
                on_read: None,
            };
            sink.fill(c, batch, source)
        })
    }

    /// Code and store `records` (JSON objects, one a string), read as the lines of a JSON
    /// Lines file named `file`, as `dyad ingest` reads such a file: a bad record, or one whose
    /// id was read before, is skipped with a warning (counted in `skipped`).
    #[pyo3(signature = (coder, records, file, batch=256,
                        max_article_bytes=DEFAULT_MAX_ARTICLE_BYTES))]
    fn ingest_records<'py>(
        &self,
        py: Python<'py>,
        coder: &NativeCoder,
        records: Vec<String>,
        file: &str,
        batch: usize,
        max_article_bytes: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.ingest(py, coder, false, move |sink, c| {
            let source = self::records(records, 1, file, max_article_bytes, false);
            sink.fill(c, batch, source)
        })
    }

    /// The events the filter selects, as one pyarrow.RecordBatch of the Parquet export's
    /// columns, handed over through the Arrow C data interface.
    #[pyo3(signature = (filters, limit=None))]
    fn query(
        &self,
        py: Python<'_>,
        filters: Vec<(String, String)>,
        limit: Option<String>,
    ) -> PyResult<PyObject> {
        let filter = parse(&filters, limit.as_deref())?;
        let batch = py
            .allow_threads(|| {
                let rows = dyad_store::query::events(self.lock().conn(), &filter)?;
                dyad_store::export::parquet::batch(&rows)
            })
            .map_err(from_store)?;
        batch.to_pyarrow(py)
    }

    /// Write the events the filter selects to `path` in `format`, as `dyad export`; the
    /// number of records written.
    #[pyo3(signature = (format, path, filters, limit=None, header=false))]
    fn export(
        &self,
        py: Python<'_>,
        format: &str,
        path: PathBuf,
        filters: Vec<(String, String)>,
        limit: Option<String>,
        header: bool,
    ) -> PyResult<usize> {
        let format: Format = format.parse().map_err(|e: dyad_store::StoreError| {
            PyValueError::new_err(e.to_string().replace("--format: ", "format: "))
        })?;
        let filter = parse(&filters, limit.as_deref())?;
        let file = File::create(&path)
            .map_err(|e| PyOSError::new_err(format!("cannot create {}: {e}", path.display())))?;
        py.allow_threads(|| -> dyad_store::Result<usize> {
            let mut out = BufWriter::new(file);
            let n = export(
                self.lock().conn(),
                &filter,
                format,
                &ExportOptions {
                    header,
                    ..ExportOptions::default()
                },
                &mut out,
            )?;
            out.flush()?;
            Ok(n)
        })
        .map_err(from_store)
    }

    /// The numbers of articles, events, mentions and quotes stored.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = self.lock().counts().map_err(from_store)?;
        let out = PyDict::new(py);
        out.set_item("articles", c.articles)?;
        out.set_item("events", c.events)?;
        out.set_item("mentions", c.mentions)?;
        out.set_item("quotes", c.quotes)?;
        Ok(out)
    }
}
